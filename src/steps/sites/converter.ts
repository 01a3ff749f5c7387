import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Site } from '../../client/types';
import { Entities } from '../constants';
import { toBoolean, toNumber, toText } from '../../normalize/values';
import { siteKey } from '../keys';
import { createEntity, parseDate, requireId, stripSecrets } from '../util';
import { siteWebLink } from '../webLinks';

/** Fields of a site that must never reach the graph. */
const SITE_SECRET_FIELDS = ['registrationToken'] as const;

/**
 * @throws MalformedRecordError for a site without id or with an unparseable date
 */
export function createSiteEntity(site: S1Site, serverUrl: string): Entity {
  const id = requireId(site, 'site');
  const label = `site ${id}`;
  const name = toText(site.name) ?? id;
  const state = toText(site.state);

  return createEntity(stripSecrets(site, SITE_SECRET_FIELDS), {
    _key: siteKey(id),
    _type: Entities.SITE._type,
    _class: Entities.SITE._class,
    id,
    name,
    displayName: name,
    description: toText(site.description),
    state,
    active: state ? state === 'active' : undefined,
    siteType: toText(site.siteType),
    suite: toText(site.suite),
    sku: toText(site.sku),
    activeLicenses: toNumber(site.activeLicenses),
    totalLicenses: toNumber(site.totalLicenses),
    unlimitedLicenses: toBoolean(site.unlimitedLicenses),
    expiresOn: parseDate(site.expiration, 'expiration', label),
    unlimitedExpiration: toBoolean(site.unlimitedExpiration),
    accountId: toText(site.accountId),
    accountName: toText(site.accountName),
    isDefault: toBoolean(site.isDefault),
    healthStatus: toBoolean(site.healthStatus),
    externalId: toText(site.externalId),
    creator: toText(site.creator),
    creatorId: toText(site.creatorId),
    createdOn: parseDate(site.createdAt, 'createdAt', label),
    updatedOn: parseDate(site.updatedAt, 'updatedAt', label),
    webLink: siteWebLink(serverUrl, id),
  });
}
