/** The shape of a generated estate and of its totals. */
import {
  WireAccount,
  WireAgent,
  WireGroup,
  WireInstall,
  WireRisk,
  WireSite,
  WireSystemInfo,
  WireThreat,
  WireUser,
} from '../wire';
import { PostureEstate, PostureTotals } from '../posture';
import { ResolvedEstateOptions } from './options';
import { VariationCounts } from './variations';

/** `GET /user` payload (not part of the integration's types). */
/** `GET /user` payload: the token's user. */
export type SimUser = WireUser & {
  id: string;
  email: string;
  fullName: string;
  scope: 'tenant' | 'account' | 'site';
};

export interface EstateCve {
  cveId: string;
  baseScore: number;
  severity: 'Critical' | 'High' | 'Medium' | 'Low';
  cvssVersion: string;
  publishedDate: string;
  exploitCodeMaturity: NonNullable<WireRisk['exploitCodeMaturity']>;
  remediationLevel: NonNullable<WireRisk['remediationLevel']>;
  reportConfidence: NonNullable<WireRisk['reportConfidence']>;
}

export interface EstateApplicationVersion {
  version: string;
  vulnerable: boolean;
  cves: EstateCve[];
}

export interface EstateApplication {
  name: string;
  vendor: string;
  versions: EstateApplicationVersion[];
}

/** Install rows carry a few fields the integration's type does not list. */
/** Estate records: the wire types with the fields the simulator always sets. */
export type EstateAccount = WireAccount & { id: string; name: string };
export type EstateSite = WireSite & {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
};
export type EstateGroup = WireGroup & {
  id: string;
  name: string;
  siteId: string;
};
export type EstateThreat = WireThreat & { id: string };
export type EstateAgent = WireAgent & { id: string };

/** Where a record sits in the hierarchy (used by the server's filters). */
export interface RecordScope {
  accountId: string;
  siteId: string;
  groupId: string;
  agentId: string;
}

export interface EstateInstall extends RecordScope {
  record: WireInstall & { id: string };
  applicationName: string;
  applicationVendor: string;
  /** Index of the application in `estate.applications`. */
  applicationIndex: number;
}

export interface EstateRisk extends RecordScope {
  record: WireRisk & { id: string };
}

export interface EstateCompact {
  /** agent i -> 1 when decommissioned */
  agentDecommissioned: Uint8Array;
  /** agent i -> index in `estate.groups` (round-robin) */
  agentGroup: Int32Array;
  /** agent i -> number of threats on it whose incident status is not resolved */
  agentActiveThreats: Int32Array;
  /** group g -> index in `estate.sites` */
  groupSite: Int32Array;
  /** site s -> index in `estate.accounts` */
  siteAccount: Int32Array;
  /** install n -> index in `estate.agents` */
  installAgent: Int32Array;
  /** install n -> index in `estate.applications` */
  installApplication: Int32Array;
  /** install n -> index in that application's `versions` */
  installVersion: Int32Array;
  /** risk n -> install index */
  riskInstall: Int32Array;
  /** risk n -> index in that version's `cves` */
  riskCve: Int32Array;
  /** risk n -> 1 when its status is `Removed` */
  riskRemoved: Uint8Array;
}

/**
 * A generated estate. Treat it as read-only: the simulator serves records built
 * by the same deterministic builders, not these arrays.
 *
 * Agents, installs and risks are built on demand (`agentAt`, `installAt`,
 * `riskAt`) so that an estate of 100,000 agents is generated in well under a
 * second; the `agents`, `installs` and `risks` arrays are materialized (and
 * memoized) on first access: convenient in tests, avoid them on huge estates.
 */
export interface Estate {
  options: ResolvedEstateOptions;
  now: Date;
  /** Host the registration tokens point at. */
  consoleUrl: string;
  systemInfo: WireSystemInfo;
  user: SimUser;
  /** Token creation date returned by `users/api-token-details`. */
  tokenCreatedAt: string;
  accounts: EstateAccount[];
  sites: EstateSite[];
  groups: EstateGroup[];
  agentCount: number;
  /** Id of agent `i`, without building the agent. */
  agentIdAt(i: number): string;
  /** Builds agent `i` (0 <= i < agentCount), ordered by id, decommissioned included. */
  agentAt(i: number): EstateAgent;
  /** All agents, decommissioned included, ordered by id (memoized). */
  readonly agents: EstateAgent[];
  /** Ordered by id. */
  threats: EstateThreat[];
  /** The application catalog (vendor + name, versions, CVEs). */
  applications: EstateApplication[];
  installCount: number;
  riskCount: number;
  /** Builds install `n` (0 <= n < installCount), ordered by id. */
  installAt(n: number): EstateInstall;
  /** Builds risk row `n` (0 <= n < riskCount), ordered by id. */
  riskAt(n: number): EstateRisk;
  /** All installs (memoized). */
  readonly installs: EstateInstall[];
  /** All risk rows (memoized). */
  readonly risks: EstateRisk[];
  /** Compact tables (indices), for fast filtering and counting. */
  compact: EstateCompact;
  /** How many records carry each real-world variation (zeros when off). */
  variations: VariationCounts;
  /** Agent ids referenced by threats but absent from the estate. */
  deletedAgentIds: string[];
  /** `GET /agents/passphrases` value of agent `i` (secret). */
  passphraseAt(i: number): string;
  /** `GET /accounts/:id/uninstall-password/view` values, by account id (secret). */
  uninstallPasswords: Map<string, string>;
  /**
   * Every secret value of the estate: agent license keys (one per site), site and
   * group registration tokens, uninstall passwords and agent passphrases
   * (memoized). Tests grep outputs for these.
   */
  readonly secrets: string[];
  /** Policies, exclusions, users, service users and roles (`../posture`). */
  posture: PostureEstate;
}

export interface EstateTotals {
  accounts: number;
  sites: number;
  groups: number;
  /** All agents, decommissioned included. */
  agents: number;
  /** Agents not decommissioned (what `GET /agents` returns without `isDecommissioned`). */
  activeAgents: number;
  decommissionedAgents: number;
  threats: number;
  /** Threats whose incident status is not `resolved`. */
  openThreats: number;
  /** Threats whose agent is not in the estate. */
  threatsWithDeletedAgent: number;
  /**
   * Threats a collector keeps under a look-back policy: not resolved, or resolved
   * with `updatedAt` strictly after `now - lookbackDays` (`now` defaults to the
   * estate's clock).
   */
  threatsInPolicy: (lookbackDays: number, now?: Date) => number;
  /** The look-back used for `threatsInPolicyCount` (default 30). */
  resolvedLookbackDays: number;
  /** `threatsInPolicy(resolvedLookbackDays, now)`, as a plain number (survives JSON). */
  threatsInPolicyCount: number;
  /** Inventory rows (vendor + name) that have at least one install. */
  applications: number;
  /** Distinct vendor + name + version actually installed. */
  applicationVersions: number;
  installs: number;
  /** Risk rows (endpoint x CVE). */
  risks: number;
  distinctCves: number;
  /** How many records carry each real-world variation (agents' are zeros when off). */
  variations: VariationCounts;
  /** Posture endpoints; each field's meaning is in `PostureTotals`. */
  posture: PostureTotals;
}
