import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Group } from '../../client/types';
import { Entities } from '../constants';
import { toBoolean, toNumber, toText } from '../../normalize/values';
import { groupKey } from '../keys';
import { createEntity, parseDate, requireId, stripSecrets } from '../util';
import { groupWebLink } from '../webLinks';

/** Fields of a group that must never reach the graph. */
const GROUP_SECRET_FIELDS = ['registrationToken'] as const;

/**
 * @throws MalformedRecordError for a group without id or with an unparseable date
 */
export function createGroupEntity(group: S1Group, serverUrl: string): Entity {
  const id = requireId(group, 'group');
  const label = `group ${id}`;
  const name = toText(group.name) ?? id;

  return createEntity(stripSecrets(group, GROUP_SECRET_FIELDS), {
    _key: groupKey(id),
    _type: Entities.GROUP._type,
    _class: Entities.GROUP._class,
    id,
    name,
    displayName: name,
    description: toText(group.description),
    type: toText(group.type),
    isDefault: toBoolean(group.isDefault),
    inherits: toBoolean(group.inherits),
    rank: toNumber(group.rank),
    totalAgents: toNumber(group.totalAgents),
    siteId: toText(group.siteId),
    filterId: toText(group.filterId),
    filterName: toText(group.filterName),
    creator: toText(group.creator),
    creatorId: toText(group.creatorId),
    createdOn: parseDate(group.createdAt, 'createdAt', label),
    updatedOn: parseDate(group.updatedAt, 'updatedAt', label),
    webLink: groupWebLink(serverUrl, id),
  });
}
