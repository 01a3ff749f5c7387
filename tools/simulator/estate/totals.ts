/** What an estate holds, counted: the figures tests compare collections with. */
import { parseIsoMicros } from '../random';
import { WireInventoryRow, WireThreat } from '../wire';
import { DAY } from './context';
import { Estate, EstateTotals } from './types';

/** Micro-epoch of a threat's `updatedAt` (NaN when missing). */
export function threatUpdatedMicros(threat: WireThreat): number {
  const v = threat.threatInfo?.updatedAt;
  return v ? parseIsoMicros(v) : NaN;
}

/**
 * Threats a collector keeps: incident status not `resolved`, or resolved and
 * updated strictly after `now - lookbackDays` (the `updatedAt__gt` semantics).
 */
export function threatsInPolicy(
  estate: Estate,
  lookbackDays: number,
  now: Date = estate.now,
): number {
  const cutoff = (now.getTime() - lookbackDays * DAY) * 1000;
  let n = 0;
  for (const threat of estate.threats) {
    if (threat.threatInfo?.incidentStatus !== 'resolved') n++;
    else if (threatUpdatedMicros(threat) > cutoff) n++;
  }
  return n;
}

/**
 * Inventory rows (vendor + name with at least one install) over a set of
 * installs (indices; all installs when omitted), in the order the simulator
 * serves them: name, then vendor.
 */
export function inventoryRows(
  estate: Estate,
  installIndices?: ArrayLike<number>,
): WireInventoryRow[] {
  const { installAgent, installApplication, installVersion } = estate.compact;
  const count = installIndices ? installIndices.length : estate.installCount;
  const versions = new Map<number, Set<number>>();
  const endpoints = new Map<number, Set<number>>();
  for (let j = 0; j < count; j++) {
    const n = installIndices ? installIndices[j] : j;
    const k = installApplication[n];
    let v = versions.get(k);
    let e = endpoints.get(k);
    if (!v || !e) {
      v = new Set();
      e = new Set();
      versions.set(k, v);
      endpoints.set(k, e);
    }
    v.add(installVersion[n]);
    e.add(installAgent[n]);
  }
  return [...versions.keys()]
    .map((k) => ({ k, app: estate.applications[k] }))
    .sort(
      (a, b) =>
        compareStrings(a.app.name, b.app.name) ||
        compareStrings(a.app.vendor, b.app.vendor),
    )
    .map(({ app, k }) => ({
      applicationName: app.name,
      applicationVendor: app.vendor,
      applicationVersionsCount: versions.get(k)!.size,
      endpointsCount: endpoints.get(k)!.size,
      estimate: false,
    }));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Totals of what the simulator serves, for assertions. */
export function estateTotals(
  estate: Estate,
  options: { now?: Date; resolvedLookbackDays?: number } = {},
): EstateTotals {
  const now = options.now ?? estate.now;
  const resolvedLookbackDays = options.resolvedLookbackDays ?? 30;
  let decommissionedAgents = 0;
  for (const d of estate.compact.agentDecommissioned) decommissionedAgents += d;
  let openThreats = 0;
  const deleted = new Set(estate.deletedAgentIds);
  let threatsWithDeletedAgent = 0;
  for (const threat of estate.threats) {
    if (threat.threatInfo?.incidentStatus !== 'resolved') openThreats++;
    if (deleted.has(threat.agentRealtimeInfo?.agentId ?? ''))
      threatsWithDeletedAgent++;
  }
  const { installApplication, installVersion, riskInstall, riskCve } =
    estate.compact;
  const apps = new Set<number>();
  const versions = new Set<string>();
  for (let n = 0; n < estate.installCount; n++) {
    apps.add(installApplication[n]);
    versions.add(`${installApplication[n]}:${installVersion[n]}`);
  }
  const cves = new Set<string>();
  for (let n = 0; n < estate.riskCount; n++) {
    const i = riskInstall[n];
    const version =
      estate.applications[installApplication[i]].versions[installVersion[i]];
    cves.add(version.cves[riskCve[n]].cveId);
  }
  return {
    accounts: estate.accounts.length,
    sites: estate.sites.length,
    groups: estate.groups.length,
    agents: estate.agentCount,
    activeAgents: estate.agentCount - decommissionedAgents,
    decommissionedAgents,
    threats: estate.threats.length,
    openThreats,
    threatsWithDeletedAgent,
    threatsInPolicy: (lookbackDays: number, at: Date = now) =>
      threatsInPolicy(estate, lookbackDays, at),
    resolvedLookbackDays,
    threatsInPolicyCount: threatsInPolicy(estate, resolvedLookbackDays, now),
    applications: apps.size,
    applicationVersions: versions.size,
    installs: estate.installCount,
    risks: estate.riskCount,
    distinctCves: cves.size,
    variations: { ...estate.variations },
    posture: estate.posture.totals,
  };
}

/** Alias of `threatsInPolicy`. */
export const countThreatsInPolicy = threatsInPolicy;
