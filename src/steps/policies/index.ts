import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { PolicyScope } from '../../client';
import { IntegrationConfig } from '../../config';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectPages,
  getStepClient,
  policyScopes,
  StepContext,
} from '../framework';
import { accountKey, groupKey, siteKey } from '../keys';
import { OptionalSources } from '../permissions';
import { relateKeys } from '../relationships';
import { createPolicyEntity, isOwnPolicy, PolicyRead } from './converter';
import { EffectivePolicies } from './inheritance';
import { inheritingGroups, readPolicies } from './reads';

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
