import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  IntegrationStep,
} from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import { PolicyScope, S1Policy, SentinelOneClient } from '../../client';
import { IntegrationConfig } from '../../config';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectPages,
  getStepClient,
  policyScopes,
  StepContext,
  StepScope,
} from '../framework';
import { accountKey, groupKey, policyKey, siteKey } from '../keys';
import { OptionalSources } from '../permissions';
import { relateKeys } from '../relationships';
import { createPolicyEntity, isOwnPolicy, ScopePolicy } from './converter';

/** A scope and its policy; none for a group that inherits (not requested). */
type PolicyRead = Omit<ScopePolicy, 'policy'> & { policy?: S1Policy };

/**
 * One `sentinelone_policy` per scope that edited its own policy, which the
 * account HAS; and every site and group USES its effective policy: its own,
 * else the one its parent uses. The account (the console) USES the tenant's.
 */
export async function fetchPolicies(context: StepContext): Promise<void> {
  const { client, scope } = await getStepClient(context);
  const account = accountKey(context.instance.id);
  const effective = new EffectivePolicies(scope);

  await collectPages<PolicyRead>({
    context,
    client,
    recordType: 'policy',
    writtenType: Entities.POLICY._type,
    optional: OptionalSources.policies,
    iterate: async (onPage) => {
      for (const level of policyScopes(scope)) {
        await onPage(await readPolicies(client, scope, level));
      }
      await onPage(inheritingGroups(scope));
      return [];
    },
    toGraph: (read, graph) => {
      if (read.policy && isOwnPolicy(read.policy)) {
        const entity = createPolicyEntity({ ...read, policy: read.policy });
        graph.entities.push(entity);
        graph.relationships.push(
          relateKeys(Relationships.ACCOUNT_HAS_POLICY, account, entity._key),
        );
      }
      const inForce = effective.settle(read);
      const user = scopeEntity(read.scope, account);
      if (inForce && user) {
        graph.relationships.push(
          relateKeys(user.relationship, user.key, inForce),
        );
      }
    },
  });
}

/**
 * The policies of one level's scopes, read side by side. A scope gone since
 * it was listed (404) is left out; a tenant policy refused to a token of
 * narrower scope is too, as long as there is something below it to read.
 */
async function readPolicies(
  client: SentinelOneClient,
  scope: StepScope,
  level: PolicyScope[],
): Promise<PolicyRead[]> {
  const reads = await pMap(
    level,
    async (target): Promise<PolicyRead | undefined> => {
      try {
        return {
          scope: target,
          scopeName: scopeName(target, scope),
          policy: await client.getPolicy(target),
        };
      } catch (err) {
        if (isGone(err) || isOutsideToken(err, target, scope)) return;
        throw err;
      }
    },
    { concurrency: client.maxConcurrentRequests },
  );
  return reads.filter((read): read is PolicyRead => read !== undefined);
}

function isGone(err: unknown): boolean {
  return err instanceof IntegrationProviderAPIError && err.status === 404;
}

function isOutsideToken(
  err: unknown,
  target: PolicyScope,
  scope: StepScope,
): boolean {
  return (
    err instanceof IntegrationProviderAuthorizationError &&
    target.level === 'tenant' &&
    scope.sites.size > 0
  );
}

function inheritingGroups(scope: StepScope): PolicyRead[] {
  return [...scope.groups]
    .filter(([, group]) => group.inherits)
    .map(([id, group]) => ({
      scope: { level: 'group', id },
      scopeName: group.name,
    }));
}

function scopeName(target: PolicyScope, scope: StepScope): string | undefined {
  switch (target.level) {
    case 'tenant':
      return undefined;
    case 'account':
      return scope.accounts.get(target.id);
    case 'site':
      return scope.sites.get(target.id)?.name;
    case 'group':
      return scope.groups.get(target.id)?.name;
  }
}

/** The entity that USES the policy in force at this scope, if it has one. */
function scopeEntity(target: PolicyScope, account: string) {
  switch (target.level) {
    case 'tenant':
      return { key: account, relationship: Relationships.ACCOUNT_USES_POLICY };
    case 'account':
      // The account entity is the console, whose policy is the tenant's:
      // SentinelOne accounts have no entity of their own.
      return undefined;
    case 'site':
      return {
        key: siteKey(target.id),
        relationship: Relationships.SITE_USES_POLICY,
      };
    case 'group':
      return {
        key: groupKey(target.id),
        relationship: Relationships.GROUP_USES_POLICY,
      };
  }
}

/**
 * The policy in force at each scope, settled from the top down: a scope's
 * own policy, else its parent's policy in force (none when the parent's
 * could not be read).
 */
class EffectivePolicies {
  private readonly byScope = new Map<string, string | undefined>();

  constructor(private readonly scope: StepScope) {}

  /** Records what is in force at `read.scope` and returns its key. */
  settle(read: PolicyRead): string | undefined {
    const inForce =
      read.policy && isOwnPolicy(read.policy)
        ? policyKey(read.scope)
        : this.parentOf(read.scope);
    this.byScope.set(policyKey(read.scope), inForce);
    return inForce;
  }

  private parentOf(target: PolicyScope): string | undefined {
    const parent = this.parentScope(target);
    return parent && this.byScope.get(policyKey(parent));
  }

  private parentScope(target: PolicyScope): PolicyScope | undefined {
    switch (target.level) {
      case 'tenant':
        return undefined;
      case 'account':
        return { level: 'tenant' };
      case 'site': {
        const id = this.scope.sites.get(target.id)?.accountId;
        return id ? { level: 'account', id } : undefined;
      }
      case 'group': {
        const id = this.scope.groups.get(target.id)?.siteId;
        return id ? { level: 'site', id } : undefined;
      }
    }
  }
}

export const policySteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.POLICIES,
    name: 'Fetch Protection Policies',
    entities: [Entities.POLICY],
    relationships: [
      Relationships.ACCOUNT_HAS_POLICY,
      Relationships.ACCOUNT_USES_POLICY,
      Relationships.SITE_USES_POLICY,
      Relationships.GROUP_USES_POLICY,
    ],
    dependsOn: [Steps.ACCOUNT, Steps.SITES, Steps.GROUPS],
    ingestionSourceId: IngestionSources.POLICIES,
    executionHandler: fetchPolicies,
  },
];
