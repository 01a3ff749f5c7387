import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Group } from '../../client/types';
import { Entities } from '../constants';
import { groupKey } from '../keys';
import {
  createEntity,
  nonBlank,
  opt,
  parseDate,
  requireId,
  stripSecrets,
} from '../util';
import { groupWebLink } from '../webLinks';

/** Fields of a group that must never reach the graph. */
export const GROUP_SECRET_FIELDS = ['registrationToken'] as const;

/**
 * @throws MalformedRecordError for a group without id or with an unparseable date
 */
export function createGroupEntity(group: S1Group, serverUrl: string): Entity {
  const id = requireId(group, 'group');
  const label = `group ${id}`;
  const name = nonBlank(group.name) ?? id;

  return createEntity(stripSecrets(group, GROUP_SECRET_FIELDS), {
    _key: groupKey(id),
    _type: Entities.GROUP._type,
    _class: Entities.GROUP._class,
    id,
    name,
    displayName: name,
    description: nonBlank(group.description),
    type: opt(group.type),
    isDefault: opt(group.isDefault),
    inherits: opt(group.inherits),
    rank: opt(group.rank),
    totalAgents: opt(group.totalAgents),
    siteId: opt(group.siteId),
    filterId: opt(group.filterId),
    filterName: opt(group.filterName),
    creator: opt(group.creator),
    creatorId: opt(group.creatorId),
    createdOn: parseDate(group.createdAt, 'createdAt', label),
    updatedOn: parseDate(group.updatedAt, 'updatedAt', label),
    webLink: groupWebLink(serverUrl, id),
  });
}
