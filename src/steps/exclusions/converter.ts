import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Exclusion } from '../../client/types';
import { Entities } from '../constants';
import { exclusionKey } from '../keys';
import {
  createEntity,
  nonBlank,
  parseDate,
  requireId,
  toBoolean,
} from '../util';

/** SentinelOne's mark on exclusions that weaken protection. */
const NOT_RECOMMENDED = 'Not recommended';

/** The level of the scope an exclusion belongs to. */
export function exclusionScopeLevel(
  exclusion: S1Exclusion,
): 'tenant' | 'account' | 'site' | 'group' | undefined {
  const scope = exclusion.scope;
  if (toBoolean(scope?.tenant)) return 'tenant';
  if (scope?.groupIds?.length) return 'group';
  if (scope?.siteIds?.length) return 'site';
  if (scope?.accountIds?.length) return 'account';
  return undefined;
}

/**
 * The `sentinelone_exclusion` of one exclusion. Paths and hashes are what an
 * auditor reviews, and no secret: the value is kept.
 *
 * @throws MalformedRecordError for an exclusion without id or with an unparseable date
 */
export function createExclusionEntity(exclusion: S1Exclusion): Entity {
  const id = requireId(exclusion, 'exclusion');
  const label = `exclusion ${id}`;
  const value = nonBlank(exclusion.value);
  const type = nonBlank(exclusion.type);
  const recommendation = nonBlank(exclusion.notRecommended);
  const name = value ?? `${type ?? 'exclusion'} ${id}`;
  return createEntity(exclusion, {
    _key: exclusionKey(id),
    _type: Entities.EXCLUSION._type,
    _class: Entities.EXCLUSION._class,
    id,
    name,
    displayName: name,
    category: 'exclusion',
    type,
    value,
    mode: nonBlank(exclusion.mode),
    osType: nonBlank(exclusion.osType),
    source: nonBlank(exclusion.source),
    pathExclusionType: nonBlank(exclusion.pathExclusionType),
    notRecommended: recommendation === NOT_RECOMMENDED,
    recommendation: recommendation === 'NONE' ? undefined : recommendation,
    applicationName: nonBlank(exclusion.applicationName),
    imported: toBoolean(exclusion.imported),
    scopeLevel: exclusionScopeLevel(exclusion),
    scopeName: nonBlank(exclusion.scopeName),
    scopePath: nonBlank(exclusion.scopePath),
    description: nonBlank(exclusion.description),
    createdBy: nonBlank(exclusion.userName),
    createdOn: parseDate(exclusion.createdAt, 'createdAt', label),
    updatedOn: parseDate(exclusion.updatedAt, 'updatedAt', label),
  });
}
