/** Every list endpoint's source, keyed by its path under /web/api/v2.1. */
import { Estate } from '../../estate';
import { agentsSource, passphrasesSource } from './agents';
import { installsSource, inventorySource, risksSource } from './applications';
import { accountsSource, groupsSource, sitesSource } from './hierarchy';
import { estateLookup, EstateLookup } from './lookup';
import { threatsSource } from './threats';
import { ListSource } from './types';

export type { ListSource, Predicate, FilterFactory } from './types';
export type { EstateLookup } from './lookup';

export interface Sources {
  lookup: EstateLookup;
  byPath: Record<string, ListSource>;
  agents: ListSource;
}

export function buildSources(estate: Estate): Sources {
  const lookup = estateLookup(estate);
  const agents = agentsSource(lookup);
  return {
    lookup,
    agents,
    byPath: {
      '/accounts': accountsSource(lookup),
      '/sites': sitesSource(lookup),
      '/groups': groupsSource(lookup),
      '/agents': agents,
      '/agents/passphrases': passphrasesSource(lookup),
      '/threats': threatsSource(lookup),
      '/application-management/inventory': inventorySource(lookup),
      '/application-management/inventory/endpoints': installsSource(lookup),
      '/application-management/risks': risksSource(lookup),
    },
  };
}
