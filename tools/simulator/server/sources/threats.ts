/** `GET /threats`: scope filters follow the threat's agent placement. */
import { parseIsoMicros } from '../../random';
import { cachedJson } from '../json';
import { booleanParam, commaList, dateParam } from '../params';
import { EstateLookup, hierarchyFilters, oneOf } from './lookup';
import { FilterFactory, ListSource } from './types';

const INCIDENT_STATUSES = ['unresolved', 'in_progress', 'resolved'];

function dateFilter(
  name: string,
  values: number[],
  after: boolean,
): FilterFactory {
  return (v) => {
    const at = dateParam(name, v);
    return after ? (i) => values[i] > at : (i) => values[i] < at;
  };
}

export function threatsSource(lookup: EstateLookup): ListSource {
  const { estate } = lookup;
  const threats = estate.threats;
  // Per-threat lookups, computed once.
  const threatGroup = threats.map(
    (t) => lookup.groupIndex.get(t.agentRealtimeInfo?.groupId ?? '') ?? -1,
  );
  const updated = threats.map((t) =>
    parseIsoMicros(t.threatInfo?.updatedAt ?? ''),
  );
  const created = threats.map((t) =>
    parseIsoMicros(t.threatInfo?.createdAt ?? ''),
  );
  const threatIndex = new Map(threats.map((t, i) => [t.id, i]));
  const incidentStatus = (i: number) => threats[i].threatInfo?.incidentStatus;
  return {
    name: 'threats',
    maxLimit: 1000,
    size: () => threats.length,
    json: cachedJson(threats.length, (i) => threats[i]),
    record: (i) => {
      const t = threats[i];
      return {
        ...t,
        threatInfo: t.threatInfo ? { ...t.threatInfo } : t.threatInfo,
        agentRealtimeInfo: t.agentRealtimeInfo
          ? { ...t.agentRealtimeInfo }
          : t.agentRealtimeInfo,
      };
    },
    filters: {
      ...hierarchyFilters(lookup, (i) => threatGroup[i]),
      agentIds: oneOf('agentIds', (i) => threats[i].agentRealtimeInfo?.agentId),
      ids: (v) => {
        const wanted = new Set(
          commaList('ids', v).map((id) => threatIndex.get(id)),
        );
        return (i) => wanted.has(i);
      },
      incidentStatuses: oneOf(
        'incidentStatuses',
        incidentStatus,
        INCIDENT_STATUSES,
      ),
      resolved: (v) => {
        const wanted = booleanParam('resolved', v);
        return (i) => (incidentStatus(i) === 'resolved') === wanted;
      },
      updatedAt__gt: dateFilter('updatedAt__gt', updated, true),
      updatedAt__lt: dateFilter('updatedAt__lt', updated, false),
      createdAt__gt: dateFilter('createdAt__gt', created, true),
      createdAt__lt: dateFilter('createdAt__lt', created, false),
    },
    scope: {
      level: 'site',
      of: (i) =>
        threatGroup[i] < 0 ? -1 : estate.compact.groupSite[threatGroup[i]],
    },
    keep: ['id'],
    nested: {
      threatInfo: [],
      agentRealtimeInfo: ['agentId', 'siteId', 'groupId', 'accountId'],
    },
    dateFields: [['threatInfo', 'createdAt']],
    idAliases: [['threatInfo', 'threatId']],
  };
}
