/** `GET /accounts`, `GET /sites`, `GET /groups`. */
import { booleanParam, idMask } from '../params';
import { cachedJson } from '../json';
import { EstateLookup, hierarchyFilters, oneOf } from './lookup';
import { ListSource } from './types';

export function accountsSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const byIndex = (mask: (v: string) => Uint8Array) => (v: string) => {
    const m = mask(v);
    return (i: number) => m[i] === 1;
  };
  return {
    name: 'accounts',
    maxLimit: 1000,
    size: () => estate.accounts.length,
    json: cachedJson(estate.accounts.length, (i) => estate.accounts[i]),
    record: (i) => ({ ...estate.accounts[i] }),
    filters: {
      accountIds: byIndex(lookup.accountMask),
      ids: byIndex((v) =>
        idMask('ids', v, lookup.accountIds, lookup.accountIndex),
      ),
      states: oneOf('states', (i) => estate.accounts[i].state),
    },
    scope: { level: 'account', of: (i) => i },
    keep: ['id'],
    dateFields: [['createdAt']],
  };
}

export function sitesSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const { siteAccount } = estate.compact;
  return {
    name: 'sites',
    maxLimit: 1000,
    size: () => estate.sites.length,
    json: cachedJson(estate.sites.length, (i) => estate.sites[i]),
    record: (i) => ({ ...estate.sites[i] }),
    filters: {
      accountIds: (v) => {
        const mask = lookup.accountMask(v);
        return (i) => mask[siteAccount[i]] === 1;
      },
      siteIds: (v) => {
        const mask = lookup.siteMask(v);
        return (i) => mask[i] === 1;
      },
      state: oneOf('state', (i) => estate.sites[i].state),
      siteType: (v) => (i) => estate.sites[i].siteType === v,
    },
    scope: { level: 'site', of: (i) => i },
    keep: ['id', 'accountId'],
    dateFields: [['createdAt']],
    sitesShape: true,
  };
}

export function groupsSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  return {
    name: 'groups',
    maxLimit: 300,
    size: () => estate.groups.length,
    json: cachedJson(estate.groups.length, (i) => estate.groups[i]),
    record: (i) => ({ ...estate.groups[i] }),
    filters: {
      ...hierarchyFilters(lookup, (i) => i),
      type: oneOf('type', (i) => estate.groups[i].type),
      isDefault: (v) => {
        const wanted = booleanParam('isDefault', v);
        return (i) => estate.groups[i].isDefault === wanted;
      },
    },
    scope: { level: 'site', of: (i) => estate.compact.groupSite[i] },
    keep: ['id', 'siteId'],
    dateFields: [['createdAt']],
  };
}
