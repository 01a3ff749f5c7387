/**
 * What a collection restricted by a scope must hold, computed from the
 * simulator's estate and the scope rule alone (never from the collector's
 * code), and the check that no request the simulator received was wider.
 */
import { Entities, Relationships } from '../src/steps/constants';
import {
  agentKey,
  findingKey,
  groupKey,
  siteKey,
  threatKey,
} from '../src/steps/keys';
import {
  Estate,
  SimulatorRequest,
  threatUpdatedMicros,
} from '../tools/simulator';
import { Collection } from './collect';

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_PATH =
  /^\/web\/api\/v2\.1\/(accounts|sites|groups|agents|threats|application-management\/.+)$/;
const APPLICATION_MANAGEMENT = /^\/web\/api\/v2\.1\/application-management\//;

/** What the token may see: everything, some accounts' sites, or some sites. */
export interface TokenView {
  siteScoped?: boolean;
  tokenScope?: { siteIds?: string[]; accountIds?: string[] };
}

/** The customer's Site IDs / Account IDs (undefined: not configured). */
export interface ConfiguredIds {
  siteIds?: string[];
  accountIds?: string[];
}

/**
 * The sites the configured scope allows, whatever the token sees: the
 * configured sites, within the configured accounts; every site when nothing
 * is configured.
 */
export function configuredSites(
  estate: Estate,
  configured: ConfiguredIds,
): Set<string> {
  return new Set(
    estate.sites
      .filter(
        (site) =>
          (!configured.siteIds || configured.siteIds.includes(site.id)) &&
          (!configured.accountIds ||
            configured.accountIds.includes(site.accountId)),
      )
      .map((site) => site.id),
  );
}

/** The sites the token may see. */
export function visibleSites(estate: Estate, view: TokenView): Set<string> {
  const scope = view.tokenScope;
  return new Set(
    estate.sites
      .filter(
        (site) =>
          !scope ||
          scope.siteIds?.includes(site.id) ||
          scope.accountIds?.includes(site.accountId),
      )
      .map((site) => site.id),
  );
}

/** The sites in scope: allowed by the configuration and seen by the token. */
export function sitesInScope(
  estate: Estate,
  view: TokenView,
  configured: ConfiguredIds,
): Set<string> {
  const visible = visibleSites(estate, view);
  return new Set(
    [...configuredSites(estate, configured)].filter((id) => visible.has(id)),
  );
}

/** What a collection holds: sorted `_key`s by kind, and the installs. */
export interface ScopeGraph {
  sites: string[];
  groups: string[];
  agents: string[];
  threats: string[];
  findings: string[];
  /** AGENT_INSTALLED_APPLICATION relationships. */
  installs: number;
}

/** What a collection of these sites must hold. */
export function expectedGraph(
  estate: Estate,
  sites: Set<string>,
  lookbackDays = 30,
): ScopeGraph {
  const cutoffMicros = (estate.now.getTime() - lookbackDays * DAY_MS) * 1000;
  const risks = Array.from({ length: estate.riskCount }, (_, n) =>
    estate.riskAt(n),
  ).filter((risk) => sites.has(risk.siteId));
  const installs = Array.from({ length: estate.installCount }, (_, n) =>
    estate.installAt(n),
  ).filter((install) => sites.has(install.siteId));
  return {
    sites: [...sites].map(siteKey).sort(),
    groups: estate.groups
      .filter((group) => sites.has(group.siteId))
      .map((group) => groupKey(group.id))
      .sort(),
    agents: estate.agents
      .filter((agent) => sites.has(agent.siteId!))
      .map((agent) => agentKey(agent.id))
      .sort(),
    threats: estate.threats
      .filter(
        (threat) =>
          sites.has(threat.agentRealtimeInfo?.siteId ?? '') &&
          (threat.threatInfo?.incidentStatus !== 'resolved' ||
            threatUpdatedMicros(threat) > cutoffMicros),
      )
      .map((threat) => threatKey(threat.id))
      .sort(),
    findings: risks.map((risk) => findingKey(risk.record.id)).sort(),
    installs: installs.length,
  };
}

/** The same, read from a collection. */
export function collectedGraph(collection: Collection): ScopeGraph {
  const keysOf = (type: string) =>
    collection.entities
      .filter((entity) => entity._type === type)
      .map((entity) => entity._key)
      .sort();
  return {
    sites: keysOf(Entities.SITE._type),
    groups: keysOf(Entities.GROUP._type),
    agents: keysOf(Entities.AGENT._type),
    threats: keysOf(Entities.THREAT._type),
    findings: keysOf(Entities.FINDING._type),
    installs: collection.relationships.filter(
      (r) => r._type === Relationships.AGENT_INSTALLED_APPLICATION._type,
    ).length,
  };
}

function ids(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',');
}

/**
 * Every list request the simulator received that reads more than the
 * configured scope, with the reason; none when the rule held. The rule: an
 * id filter is never empty; with Site IDs configured, lists name only sites
 * in scope (`/sites` any configured site) and `/accounts` only the accounts
 * that own them; with
 * Account IDs, lists name only configured accounts or their sites; a list
 * without any filter only when nothing is configured. Application
 * Management requests name exactly one id.
 */
export function widerRequests(
  estate: Estate,
  requests: SimulatorRequest[],
  configured: ConfiguredIds,
): string[] {
  const allowedSites = configuredSites(estate, configured);
  const owners = new Set(
    estate.sites
      .filter((site) => allowedSites.has(site.id))
      .map((site) => site.accountId),
  );
  const nothingConfigured = !configured.siteIds && !configured.accountIds;
  const problems: string[] = [];
  for (const request of requests) {
    if (!LIST_PATH.test(request.path)) continue;
    const siteIds = ids(request.query.siteIds);
    const accountIds = ids(request.query.accountIds);
    const named = [...(siteIds ?? []), ...(accountIds ?? [])];
    const describe = (why: string) =>
      `${request.path}?${new URLSearchParams(request.query)}: ${why}`;
    if (named.some((id) => id === '')) {
      problems.push(describe('an empty id filter reads everything'));
      continue;
    }
    if (APPLICATION_MANAGEMENT.test(request.path) && named.length !== 1) {
      problems.push(describe('Application Management takes a single id'));
    }
    if (nothingConfigured) continue;
    if (!siteIds && !accountIds) {
      problems.push(describe('no filter, with a scope configured'));
      continue;
    }
    const isAccounts = request.path.endsWith('/accounts');
    // Site IDs name the sites to read; Account IDs beside them only narrow
    // what is kept, since a site-scoped token may not filter by account.
    const sitesAllowed = request.path.endsWith('/sites')
      ? (id: string) => configured.siteIds?.includes(id) ?? allowedSites.has(id)
      : (id: string) => allowedSites.has(id);
    const accountsAllowed = (id: string) =>
      isAccounts
        ? owners.has(id)
        : !configured.siteIds && configured.accountIds!.includes(id);
    if (siteIds?.some((id) => !sitesAllowed(id))) {
      problems.push(describe('names a site outside the configured scope'));
    }
    if (accountIds?.some((id) => !accountsAllowed(id))) {
      problems.push(describe('names an account outside the configured scope'));
    }
  }
  return problems;
}

/**
 * Agent requests allowed: a page per 1,000 agents in scope, and one more
 * per stream (its last, partly filled or empty, page).
 */
export function agentRequestBound(
  agentsInScope: number,
  requests: SimulatorRequest[],
): { requests: number; bound: number; streams: number } {
  const agents = requests.filter((r) => r.path === '/web/api/v2.1/agents');
  const streams = agents.filter((r) => !r.query.cursor).length;
  return {
    requests: agents.length,
    bound: Math.ceil(agentsInScope / 1000) + streams,
    streams,
  };
}
