import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Site } from '../../client/types';
import { Entities } from '../constants';
import { siteKey } from '../keys';
import {
  createEntity,
  nonBlank,
  opt,
  parseDate,
  requireId,
  stripSecrets,
} from '../util';
import { siteWebLink } from '../webLinks';

/** Fields of a site that must never reach the graph. */
export const SITE_SECRET_FIELDS = ['registrationToken'] as const;

/**
 * @throws MalformedRecordError for a site without id or with an unparseable date
 */
export function createSiteEntity(site: S1Site, serverUrl: string): Entity {
  const id = requireId(site, 'site');
  const label = `site ${id}`;
  const name = nonBlank(site.name) ?? id;

  return createEntity(stripSecrets(site, SITE_SECRET_FIELDS), {
    _key: siteKey(id),
    _type: Entities.SITE._type,
    _class: Entities.SITE._class,
    id,
    name,
    displayName: name,
    description: nonBlank(site.description),
    state: opt(site.state),
    active: site.state ? site.state === 'active' : undefined,
    siteType: opt(site.siteType),
    suite: opt(site.suite),
    sku: opt(site.sku),
    activeLicenses: opt(site.activeLicenses),
    totalLicenses: opt(site.totalLicenses),
    unlimitedLicenses: opt(site.unlimitedLicenses),
    expiresOn: parseDate(site.expiration, 'expiration', label),
    unlimitedExpiration: opt(site.unlimitedExpiration),
    accountId: opt(site.accountId),
    accountName: opt(site.accountName),
    isDefault: opt(site.isDefault),
    healthStatus: opt(site.healthStatus),
    externalId: opt(site.externalId),
    creator: opt(site.creator),
    creatorId: opt(site.creatorId),
    createdOn: parseDate(site.createdAt, 'createdAt', label),
    updatedOn: parseDate(site.updatedAt, 'updatedAt', label),
    webLink: siteWebLink(serverUrl, id),
  });
}
