/**
 * Application Management: `inventory` (rows aggregated per request),
 * `inventory/endpoints` (installs of one application) and `risks`. Each needs
 * an account or site filter, and each takes a single id per filter.
 */
import { inventoryRows } from '../../estate';
import { cachedJson } from '../json';
import { EstateLookup, hierarchyFilters } from './lookup';
import { ListSource, Predicate } from './types';

const SCOPE_FILTERS = ['accountIds', 'siteIds', 'groupIds'] as const;

function scopeRequired(filters: Record<string, string>): string | null {
  return filters.accountIds === undefined && filters.siteIds === undefined
    ? 'One of accountIds or siteIds is required.'
    : null;
}

export function inventorySource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const { compact } = estate;
  const installGroup = (n: number) =>
    compact.agentGroup[compact.installAgent[n]];
  const scopeFilters = hierarchyFilters(lookup, installGroup);
  return {
    name: 'inventory',
    maxLimit: 1000,
    size: () => 0,
    json: () => Buffer.from('{}'),
    record: () => ({}),
    filters: scopeFilters,
    required: scopeRequired,
    singleIdFilters: true,
    scope: { level: 'site', of: () => -1 },
    keep: ['applicationName', 'applicationVendor'],
    rows: (filters, siteVisible) => {
      const predicates: Predicate[] = SCOPE_FILTERS.filter(
        (name) => filters[name] !== undefined,
      ).map((name) => scopeFilters[name](filters[name]));
      if (siteVisible) {
        predicates.push((n) =>
          siteVisible(lookup.agentSite(compact.installAgent[n])),
        );
      }
      const indices: number[] = [];
      for (let n = 0; n < estate.installCount; n++) {
        if (predicates.every((p) => p(n))) indices.push(n);
      }
      return inventoryRows(estate, indices) as Record<string, any>[];
    },
  };
}

export function installsSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const { compact } = estate;
  const application = (n: number) =>
    estate.applications[compact.installApplication[n]];
  return {
    name: 'installs',
    maxLimit: 1000,
    size: () => estate.installCount,
    json: cachedJson(estate.installCount, (n) => estate.installAt(n).record),
    record: (n) => estate.installAt(n).record,
    filters: {
      ...hierarchyFilters(
        lookup,
        (n) => compact.agentGroup[compact.installAgent[n]],
      ),
      applicationName: (v) => (n) => application(n).name === v,
      applicationVendor: (v) => (n) => application(n).vendor === v,
    },
    required: (filters) =>
      filters.applicationName === undefined ||
      filters.applicationVendor === undefined
        ? 'applicationName and applicationVendor are required.'
        : scopeRequired(filters),
    singleIdFilters: true,
    scope: {
      level: 'site',
      of: (n) => lookup.agentSite(compact.installAgent[n]),
    },
    keep: ['id', 'endpointId'],
    dateFields: [['applicationInstallationDate'], ['detectionDate']],
  };
}

export function risksSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const { compact } = estate;
  const riskAgent = (n: number) => compact.installAgent[compact.riskInstall[n]];
  return {
    name: 'risks',
    maxLimit: 1000,
    size: () => estate.riskCount,
    json: cachedJson(estate.riskCount, (n) => estate.riskAt(n).record),
    record: (n) => estate.riskAt(n).record,
    filters: hierarchyFilters(lookup, (n) => compact.agentGroup[riskAgent(n)]),
    required: scopeRequired,
    singleIdFilters: true,
    scope: { level: 'site', of: (n) => lookup.agentSite(riskAgent(n)) },
    keep: ['id', 'endpointId'],
    dateFields: [['detectionDate']],
  };
}
