/** Id -> index maps of the estate, and the filters every source shares. */
import { Estate } from '../../estate';
import { commaList, idMask } from '../params';
import { FilterFactory } from './types';

export interface EstateLookup {
  estate: Estate;
  accountIds: string[];
  siteIds: string[];
  groupIds: string[];
  accountIndex: Map<string, number>;
  siteIndex: Map<string, number>;
  groupIndex: Map<string, number>;
  /** Built on first use: 100k agents take a moment. */
  agentIndex(): Map<string, number>;
  accountMask(value: string): Uint8Array;
  siteMask(value: string): Uint8Array;
  groupMask(value: string): Uint8Array;
  agentSite(i: number): number;
}

function indexOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

export function estateLookup(estate: Estate): EstateLookup {
  const { compact } = estate;
  const accountIds = estate.accounts.map((a) => a.id);
  const siteIds = estate.sites.map((s) => s.id);
  const groupIds = estate.groups.map((g) => g.id);
  const accountIndex = indexOf(accountIds);
  const siteIndex = indexOf(siteIds);
  const groupIndex = indexOf(groupIds);
  let agents: Map<string, number> | undefined;
  return {
    estate,
    accountIds,
    siteIds,
    groupIds,
    accountIndex,
    siteIndex,
    groupIndex,
    agentIndex() {
      if (!agents) {
        agents = new Map();
        for (let i = 0; i < estate.agentCount; i++) {
          agents.set(estate.agentIdAt(i), i);
        }
      }
      return agents;
    },
    accountMask: (v) => idMask('accountIds', v, accountIds, accountIndex),
    siteMask: (v) => idMask('siteIds', v, siteIds, siteIndex),
    groupMask: (v) => idMask('groupIds', v, groupIds, groupIndex),
    agentSite: (i) => compact.groupSite[compact.agentGroup[i]],
  };
}

/** accountIds / siteIds / groupIds filters of records that resolve to a group. */
export function hierarchyFilters(
  lookup: EstateLookup,
  groupOf: (index: number) => number,
): Record<'accountIds' | 'siteIds' | 'groupIds', FilterFactory> {
  const { groupSite, siteAccount } = lookup.estate.compact;
  return {
    accountIds: (v) => {
      const mask = lookup.accountMask(v);
      return (n) => {
        const g = groupOf(n);
        return g >= 0 && mask[siteAccount[groupSite[g]]] === 1;
      };
    },
    siteIds: (v) => {
      const mask = lookup.siteMask(v);
      return (n) => {
        const g = groupOf(n);
        return g >= 0 && mask[groupSite[g]] === 1;
      };
    },
    groupIds: (v) => {
      const mask = lookup.groupMask(v);
      return (n) => {
        const g = groupOf(n);
        return g >= 0 && mask[g] === 1;
      };
    },
  };
}

/** A filter matching a string field against a comma list of values (of `allowed`, an enum, when given). */
export function oneOf(
  name: string,
  field: (index: number) => string | undefined | null,
  allowed?: readonly string[],
): FilterFactory {
  return (v) => {
    const wanted = new Set(commaList(name, v, allowed));
    return (i) => wanted.has(field(i) ?? '');
  };
}
