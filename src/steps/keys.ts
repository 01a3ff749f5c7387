import { createHash } from 'crypto';

import { PolicyScope } from '../client';
import { Entities } from './constants';
import { idKey } from './util';

/**
 * Every `_key` scheme of the integration, in one place: a step relates its
 * records to another step's by key, without importing that step's converter.
 */

/** The one account entity of an integration instance (not a SentinelOne id). */
export function accountKey(instanceId: string): string {
  return `${Entities.ACCOUNT._type}-${instanceId}`;
}

export function siteKey(id: string): string {
  return idKey(Entities.SITE._type, id);
}

export function groupKey(id: string): string {
  return idKey(Entities.GROUP._type, id);
}

export function agentKey(id: string): string {
  return idKey(Entities.AGENT._type, id);
}

export function threatKey(id: string): string {
  return idKey(Entities.THREAT._type, id);
}

export function findingKey(id: string): string {
  return idKey(Entities.FINDING._type, id);
}

/** Hex characters of the SHA-256 digest kept in an application key (128 bits). */
const KEY_HASH_LENGTH = 32;

/**
 * Key of one vendor + name + version. The three values are hashed exactly as
 * the API answers them (JSON array, so `['a b', 'c']` and `['a', 'b c']` or
 * `null` and `''` differ): different triples never share a key, the same
 * triple always gets the same one, and the key holds only `[a-z0-9_-]`.
 */
export function applicationKey(
  vendor: string | null | undefined,
  name: string | null | undefined,
  version: string | null | undefined,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([vendor ?? null, name ?? null, version ?? null]))
    .digest('hex')
    .slice(0, KEY_HASH_LENGTH);
  return `${Entities.APPLICATION._type}-${digest}`;
}

/**
 * A policy has no id: it is the policy of its scope, `sentinelone_policy-tenant`
 * or `sentinelone_policy-<level>-<id>`.
 */
export function policyKey(scope: PolicyScope): string {
  return scope.level === 'tenant'
    ? `${Entities.POLICY._type}-tenant`
    : [Entities.POLICY._type, scope.level, scope.id].join('-');
}

export function exclusionKey(id: string): string {
  return idKey(Entities.EXCLUSION._type, id);
}

/** Console users and service users share SentinelOne's id space. */
export function userKey(id: string): string {
  return idKey(Entities.USER._type, id);
}

export function roleKey(id: string): string {
  return idKey(Entities.ROLE._type, id);
}
