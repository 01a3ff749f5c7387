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

const API = '/web/api/v2.1';
/** Lists of records of the estate's sites (and the posture lists). */
const LIST_PATH =
  /^\/(accounts|sites|groups|agents|threats|exclusions|users|service-users|rbac\/roles|application-management\/.+)$/;
const POLICY_PATH = /^\/(?:(tenant)|(accounts|sites|groups)\/(\d+))\/policy$/;
/** Where naming an account reads that account's own record or settings. */
const ACCOUNT_SETTINGS = /^\/(accounts|exclusions)$|^\/accounts\/\d+\/policy$/;

/** What one request names: the tenant, or account, site and group ids. */
interface Named {
  tenant: boolean;
  accountIds?: string[];
  siteIds?: string[];
  groupIds?: string[];
}

function namedBy(apiPath: string, query: Record<string, string>): Named {
  const policy = POLICY_PATH.exec(apiPath);
  if (policy) {
    const [, tenant, level, id] = policy;
    return {
      tenant: !!tenant,
      accountIds: level === 'accounts' ? [id] : undefined,
      siteIds: level === 'sites' ? [id] : undefined,
      groupIds: level === 'groups' ? [id] : undefined,
    };
  }
  const list = (name: string) => query[name]?.split(',');
  return {
    tenant: query.tenant === 'true',
    accountIds: list('accountIds'),
    siteIds: list('siteIds'),
    groupIds: list('groupIds'),
  };
}

/**
 * Every request the simulator received that reads more than the configured
 * scope, with the reason; none when the rule held. The rule:
 * - an id filter is never empty, and Application Management names one id;
 * - with nothing configured, anything the token may see;
 * - else every request names what it reads, within the scope: sites in
 *   scope (`/sites` may name any configured site: Account IDs beside Site
 *   IDs narrow what is kept, as a site-scoped token may not filter by
 *   account), groups of those sites, and accounts: with Account IDs, the
 *   configured ones; with Site IDs, only the records and settings of the
 *   accounts owning them (`/accounts`, account policies and exclusions);
 * - tenant-wide settings (the tenant policy, tenant-scope exclusions) apply
 *   to every site and are read as such.
 */
export function widerRequests(
  estate: Estate,
  requests: SimulatorRequest[],
  configured: ConfiguredIds,
): string[] {
  const allowedSites = configuredSites(estate, configured);
  const groupSite = new Map(estate.groups.map((g) => [g.id, g.siteId]));
  const accountsInScope = new Set(
    configured.siteIds
      ? estate.sites
          .filter((site) => allowedSites.has(site.id))
          .map((site) => site.accountId)
      : configured.accountIds,
  );
  const nothingConfigured = !configured.siteIds && !configured.accountIds;
  const problems: string[] = [];
  for (const request of requests) {
    if (!request.path.startsWith(API)) continue;
    const apiPath = request.path.slice(API.length);
    if (!LIST_PATH.test(apiPath) && !POLICY_PATH.test(apiPath)) continue;
    const named = namedBy(apiPath, request.query);
    const ids = [
      ...(named.accountIds ?? []),
      ...(named.siteIds ?? []),
      ...(named.groupIds ?? []),
    ];
    const problem = (why: string) =>
      problems.push(
        `${request.path}?${new URLSearchParams(request.query)}: ${why}`,
      );
    if (ids.some((id) => id === '')) {
      problem('an empty id filter reads everything');
      continue;
    }
    if (apiPath.startsWith('/application-management/') && ids.length !== 1) {
      problem('Application Management takes a single id');
    }
    if (nothingConfigured || named.tenant) continue;
    if (!ids.length) {
      problem('no filter, with a scope configured');
      continue;
    }
    const siteAllowed =
      apiPath === '/sites' && configured.siteIds
        ? (id: string) => configured.siteIds!.includes(id)
        : (id: string) => allowedSites.has(id);
    const accountAllowed = (id: string) =>
      accountsInScope.has(id) &&
      (ACCOUNT_SETTINGS.test(apiPath) || !configured.siteIds);
    if (named.siteIds?.some((id) => !siteAllowed(id))) {
      problem('names a site outside the configured scope');
    }
    if (named.groupIds?.some((id) => !allowedSites.has(groupSite.get(id)!))) {
      problem('names a group outside the configured scope');
    }
    if (named.accountIds?.some((id) => !accountAllowed(id))) {
      problem('names an account outside the configured scope');
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
