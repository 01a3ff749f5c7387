/** `GET /agents`, and `GET /agents/passphrases` (secret: tests spot calls to it). */
import { validation } from '../errors';
import { commaList } from '../params';
import { cachedJson, jsonBuffer } from '../json';
import { EstateLookup, hierarchyFilters } from './lookup';
import { FilterFactory, ListSource } from './types';

function agentFilters(lookup: EstateLookup): Record<string, FilterFactory> {
  const { estate } = lookup;
  const { compact } = estate;
  return {
    ...hierarchyFilters(lookup, (i) => compact.agentGroup[i]),
    isDecommissioned: (v) => {
      const values = new Set(commaList('isDecommissioned', v));
      for (const x of values) {
        if (x !== 'true' && x !== 'false') {
          throw validation({
            isDecommissioned: ['Must be true, false or true,false.'],
          });
        }
      }
      const t = values.has('true');
      const f = values.has('false');
      return (i) => (compact.agentDecommissioned[i] === 1 ? t : f);
    },
    ids: (v) => {
      const index = lookup.agentIndex();
      const wanted = new Set<number>();
      for (const id of commaList('ids', v)) {
        const i = index.get(id);
        if (i !== undefined) wanted.add(i);
      }
      return (i) => wanted.has(i);
    },
    uuids: (v) => {
      const wanted = new Set(commaList('uuids', v));
      return (i) => wanted.has(estate.agentAt(i).uuid ?? '');
    },
    computerName: (v) => (i) => estate.agentAt(i).computerName === v,
  };
}

export function agentsSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  return {
    name: 'agents',
    maxLimit: 1000,
    size: () => estate.agentCount,
    json: cachedJson(estate.agentCount, (i) => estate.agentAt(i)),
    record: (i) => estate.agentAt(i),
    filters: agentFilters(lookup),
    defaults: { isDecommissioned: 'false' },
    scope: { level: 'site', of: lookup.agentSite },
    keep: ['id', 'siteId', 'groupId', 'accountId'],
    dateFields: [['createdAt']],
  };
}

export function passphrasesSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const passphraseRecord = (i: number) => {
    const agent = estate.agentAt(i);
    return {
      id: agent.id,
      uuid: agent.uuid,
      computerName: agent.computerName,
      passphrase: estate.passphraseAt(i),
    };
  };
  return {
    name: 'passphrases',
    maxLimit: 1000,
    size: () => estate.agentCount,
    json: (i) => jsonBuffer(passphraseRecord(i)),
    record: passphraseRecord,
    filters: agentFilters(lookup),
    defaults: { isDecommissioned: 'false' },
    scope: { level: 'site', of: lookup.agentSite },
    keep: ['id'],
  };
}
