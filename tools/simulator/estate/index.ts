/**
 * Deterministic, seeded SentinelOne estate for the simulator.
 *
 * `generateEstate` is pure: the same options (seed and `now` included) give the
 * same estate, byte for byte. Records follow the vendor's specification
 * (`../wire`), with the real-world variations of `./variations`.
 */
import { generatePosture, PostureEstate } from '../posture';
import { hash32, Random } from '../random';
import { AgentSurroundings, buildAgent } from './agents';
import {
  buildCatalog,
  buildInstall,
  buildInstallTables,
  buildRisk,
  InstallSurroundings,
} from './applications';
import { CONSOLE_URL, EstateContext, estateContext } from './context';
import {
  buildAccounts,
  buildConsole,
  buildGroups,
  buildSites,
  countLicenses,
  groupSites,
  siteAccounts,
} from './hierarchy';
import {
  agentCore,
  decommissionedAgents,
  placeAgents,
  variationOf,
} from './hosts';
import { ID_TYPES, makeId } from './ids';
import { EstateOptions, resolveEstateOptions } from './options';
import { buildThreats } from './threats';
import { Estate, EstateCompact } from './types';
import {
  countVariation,
  emptyVariationCounts,
  VariationCounts,
} from './variations';

export * from './types';
export * from './options';
export { ID_TYPES, MISC_ID_RANGES, makeId } from './ids';
export {
  estateTotals,
  inventoryRows,
  threatsInPolicy,
  threatUpdatedMicros,
} from './totals';
export type { AgentVariation, HostKind, VariationCounts } from './variations';

function passphraseAt(seed: number, i: number): string {
  const r = new Random(seed, hash32('passphrase', i));
  return [
    r.pick(['DEPTH', 'FOSSIL', 'PERSON', 'CANYON', 'MARBLE', 'VELVET']),
    r.pick(['ORBIT', 'TUNDRA', 'PILOT', 'HARBOR', 'QUARTZ', 'EMBER']),
    r.pick(['SPRUCE', 'LANTERN', 'MEADOW', 'COBALT', 'RIVET', 'SABLE']),
    r.alnumUpper(8),
  ].join(' ');
}

function materialize<T>(count: number, build: (n: number) => T): T[] {
  const out: T[] = [];
  for (let n = 0; n < count; n++) out.push(build(n));
  return out;
}

function checked<T>(what: string, count: number, build: (n: number) => T) {
  return (n: number): T => {
    if (!(n >= 0 && n < count)) throw new RangeError(`${what} ${n}`);
    return build(n);
  };
}

function variationCounts(
  ctx: EstateContext,
  compact: EstateCompact,
  threats: Estate['threats'],
): VariationCounts {
  const counts = emptyVariationCounts();
  for (let i = 0; i < ctx.options.agents && ctx.options.variations; i++) {
    countVariation(counts, variationOf(ctx, i));
  }
  for (const threat of threats) {
    if (threat.threatInfo?.publisherName === '') {
      counts.blankPublisherNameThreats++;
    }
  }
  for (const removed of compact.riskRemoved) counts.removedRisks += removed;
  return counts;
}

function buildHierarchy(ctx: EstateContext) {
  const { accounts, uninstallPasswords } = buildAccounts(ctx);
  const siteAccount = siteAccounts(ctx);
  const { sites, licenseKeys } = buildSites(ctx, accounts, siteAccount);
  const groupSite = groupSites(ctx);
  const groups = buildGroups(ctx, sites, groupSite);
  const posture = buildPosture(ctx, accounts, sites, groups);
  return {
    accounts,
    uninstallPasswords,
    siteAccount,
    sites,
    licenseKeys,
    groupSite,
    groups,
    posture,
  };
}

/**
 * Policies, exclusions, users, service users and roles (`../posture`), from
 * the hierarchy; a group with a policy of its own does not inherit.
 */
function buildPosture(
  ctx: EstateContext,
  accounts: Estate['accounts'],
  sites: Estate['sites'],
  groups: Estate['groups'],
): PostureEstate {
  const posture = generatePosture({
    seed: ctx.seed,
    now: new Date(ctx.nowMs),
    accounts: accounts.map(({ id, name }) => ({ id, name })),
    sites: sites.map(({ id, name, accountId }) => ({ id, name, accountId })),
    groups: groups.map(({ id, name, siteId }) => ({ id, name, siteId })),
  });
  for (const group of groups) {
    group.inherits = !posture.groupsWithOwnPolicy.has(group.id);
  }
  return posture;
}

/** Agents' placement, then what hangs off agents: threats, installs, risks. */
function buildDependants(
  ctx: EstateContext,
  h: ReturnType<typeof buildHierarchy>,
) {
  const agentCount = ctx.options.agents;
  const agentCapacity = agentCount + ctx.options.threats;
  const agentIdAt = (i: number) =>
    makeId(ctx.seed, ID_TYPES.agent, i, agentCapacity);
  const tables = {
    agentGroup: placeAgents(ctx, h.groupSite),
    groupSite: h.groupSite,
    siteAccount: h.siteAccount,
    agentDecommissioned: decommissionedAgents(ctx),
  };
  const coreTables = { ...tables, agentId: agentIdAt };
  const core = (i: number) => agentCore(ctx, coreTables, i);
  countLicenses(h, tables.agentGroup, tables.agentDecommissioned);
  const agentActiveThreats = new Int32Array(agentCount);
  const { threats, deletedAgentIds } = buildThreats(
    ctx,
    { ...h, agentCount, agentCapacity, agentCore: core },
    agentActiveThreats,
  );
  const catalog = buildCatalog(ctx);
  const agentVulnerable = new Uint8Array(agentCount);
  const installTables = buildInstallTables(ctx, catalog, agentVulnerable);
  const compact: EstateCompact = {
    ...tables,
    agentActiveThreats,
    ...installTables,
  };
  const around: AgentSurroundings & InstallSurroundings = {
    ...h,
    agentActiveThreats,
    agentVulnerable,
    agentCount,
    catalog,
    tables: installTables,
    agentCore: core,
  };
  return { agentIdAt, core, compact, threats, deletedAgentIds, around };
}

/** Generates the estate. Pure: same options, same estate. */
export function generateEstate(options: EstateOptions = {}): Estate {
  const ctx = estateContext(resolveEstateOptions(options));
  const { seed } = ctx;
  const h = buildHierarchy(ctx);
  const d = buildDependants(ctx, h);
  const { agentCount, catalog } = d.around;
  const installCount = d.compact.installAgent.length;
  const riskCount = d.compact.riskInstall.length;
  const agentAt = checked('agent', agentCount, (i) =>
    buildAgent(ctx, d.around, i, d.core(i)),
  );
  const installAt = checked('install', installCount, (n) =>
    buildInstall(ctx, d.around, n),
  );
  const riskAt = checked('risk', riskCount, (n) => buildRisk(ctx, d.around, n));
  const memo: {
    agents?: Estate['agents'];
    installs?: Estate['installs'];
    risks?: Estate['risks'];
    secrets?: string[];
  } = {};
  return {
    options: ctx.options,
    now: new Date(ctx.nowMs),
    consoleUrl: CONSOLE_URL,
    ...buildConsole(ctx),
    accounts: h.accounts,
    sites: h.sites,
    groups: h.groups,
    agentCount,
    agentIdAt: d.agentIdAt,
    agentAt,
    get agents() {
      return (memo.agents ??= materialize(agentCount, agentAt));
    },
    threats: d.threats,
    applications: catalog.applications,
    installCount,
    riskCount,
    installAt,
    riskAt,
    get installs() {
      return (memo.installs ??= materialize(installCount, installAt));
    },
    get risks() {
      return (memo.risks ??= materialize(riskCount, riskAt));
    },
    compact: d.compact,
    variations: variationCounts(ctx, d.compact, d.threats),
    deletedAgentIds: d.deletedAgentIds,
    passphraseAt: (i) => passphraseAt(seed, i),
    uninstallPasswords: h.uninstallPasswords,
    posture: h.posture,
    get secrets() {
      return (memo.secrets ??= [
        ...ctx.secrets,
        ...materialize(agentCount, (i) => passphraseAt(seed, i)),
      ]);
    },
  };
}
