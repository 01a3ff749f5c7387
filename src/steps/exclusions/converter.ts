import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Exclusion } from '../../client/types';
import { toBoolean, toText } from '../../normalize/values';
import { Entities } from '../constants';
import { exclusionKey } from '../keys';
import { createEntity, parseDate, requireId } from '../util';

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
  const value = toText(exclusion.value);
  const type = toText(exclusion.type);
  const recommendation = toText(exclusion.notRecommended);
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
    mode: toText(exclusion.mode),
    osType: toText(exclusion.osType),
    source: toText(exclusion.source),
    pathExclusionType: toText(exclusion.pathExclusionType),
    notRecommended: recommendation === NOT_RECOMMENDED,
    recommendation: recommendation === 'NONE' ? undefined : recommendation,
    applicationName: toText(exclusion.applicationName),
    imported: toBoolean(exclusion.imported),
    scopeLevel: exclusionScopeLevel(exclusion),
    scopeName: toText(exclusion.scopeName),
    scopePath: toText(exclusion.scopePath),
    description: toText(exclusion.description),
    createdBy: toText(exclusion.userName),
    createdOn: parseDate(exclusion.createdAt, 'createdAt', label),
    updatedOn: parseDate(exclusion.updatedAt, 'updatedAt', label),
  });
}
