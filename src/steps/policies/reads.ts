import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import { PolicyScope, SentinelOneClient } from '../../client';
import { StepScope } from '../framework';
import { PolicyRead } from './converter';

/**
 * The policies of one level's scopes, read side by side. A scope gone since
 * it was listed (404) is left out; a tenant policy refused to a token of
 * narrower scope is too, as long as there is something below it to read.
 */
export async function readPolicies(
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

export function inheritingGroups(scope: StepScope): PolicyRead[] {
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
