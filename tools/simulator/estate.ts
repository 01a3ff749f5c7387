/**
 * Deterministic, seeded SentinelOne estate for the simulator.
 *
 * `generateEstate` is pure: the same options (seed and `now` included) give the
 * same estate, byte for byte. Records are typed with the integration's own
 * payload types so that the simulator serves what the collector expects.
 */
import {
  WireAccount,
  WireAgent,
  WireInventoryRow,
  WireInstall,
  WireAgentRealtimeInfo,
  WireNetworkInterface,
  WireRisk,
  WireSite,
  WireGroup,
  WireSystemInfo,
  WireTag,
  WireThreat,
} from './wire';
import { hash32, hashUnit, isoMicros, parseIsoMicros, Random } from './random';

export interface EstateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 1. */
  accounts?: number;
  /** Default 2, distributed round-robin over accounts. */
  sites?: number;
  /** Total groups including each site's default group; default 4; at least `sites`. */
  groups?: number;
  /** Default 20, round-robin over groups; about 5% decommissioned. */
  agents?: number;
  /** Default max(6, agents / 5). */
  threats?: number;
  /** Inventory rows (vendor + name); default 8. */
  applications?: number;
  /** CVEs per vulnerable application version; default 2. */
  cvesPerVulnerableVersion?: number;
  /** Reference clock for every date; default `new Date()`. */
  now?: Date;
}

export interface ResolvedEstateOptions {
  seed: number;
  accounts: number;
  sites: number;
  groups: number;
  agents: number;
  threats: number;
  applications: number;
  cvesPerVulnerableVersion: number;
  now: Date;
}

/** `GET /user` payload (not part of the integration's types). */
export interface SimUser {
  id: string;
  email: string;
  fullName: string;
  scope: string;
  lowestRole: string;
  emailVerified: boolean;
  twoFaEnabled: boolean;
  dateJoined: string;
  lastLogin: string;
  source: string;
}

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
/** Install rows: the wire type (kept as an alias for existing callers). */
export type SimApplicationInstall = WireInstall;

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
  record: SimApplicationInstall & { id: string };
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
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CONSOLE_URL = 'https://usea1-acme.sentinelone.net';

const ACCOUNT_NAMES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
];
const SITE_REGIONS = [
  'HQ',
  'EMEA',
  'APAC',
  'US East',
  'US West',
  'LATAM',
  'Canada',
  'Nordics',
  'DACH',
  'UK',
];
const GROUP_NAMES = [
  'Workstations',
  'Servers',
  'Laptops',
  'Finance',
  'Engineering',
  'Sales',
  'Kubernetes Nodes',
  'Executives',
  'Contractors',
  'Lab',
];
const FIRST_NAMES = [
  'james',
  'mary',
  'robert',
  'patricia',
  'john',
  'jennifer',
  'michael',
  'linda',
  'david',
  'elizabeth',
  'wei',
  'aisha',
  'carlos',
  'yuki',
  'olga',
  'priya',
];
const LAST_NAMES = [
  'smith',
  'johnson',
  'garcia',
  'miller',
  'davis',
  'martinez',
  'chen',
  'khan',
  'nguyen',
  'kowalski',
  'okafor',
  'schmidt',
];
const TAG_PAIRS: [string, string][] = [
  ['env', 'production'],
  ['env', 'staging'],
  ['owner', 'it-ops'],
  ['owner', 'platform-team'],
  ['criticality', 'high'],
  ['compliance', 'pci'],
];

interface OsProfile {
  osType: 'windows' | 'macos' | 'linux';
  osNames: string[];
  revisions: string[];
  versions: string[]; // index 0 = latest
  installer: NonNullable<WireAgent['installerType']>[];
}
const OS_PROFILES: Record<'windows' | 'macos' | 'linux', OsProfile> = {
  windows: {
    osType: 'windows',
    osNames: [
      'Windows 10 Pro',
      'Windows 11 Enterprise',
      'Windows 11 Pro',
      'Windows Server 2019 Standard',
      'Windows Server 2022 Datacenter',
    ],
    revisions: ['19045', '22631', '22621', '17763', '20348'],
    versions: ['23.4.2.14', '23.3.3.264', '23.2.3.358', '22.3.5.887'],
    installer: ['.msi', '.exe'],
  },
  macos: {
    osType: 'macos',
    osNames: ['macOS'],
    revisions: ['14.4.1 (23E224)', '13.6.6 (22G630)', '14.3 (23D56)'],
    versions: ['23.4.1.7160', '23.3.2.7126', '23.1.2.6860'],
    installer: ['.pkg'],
  },
  linux: {
    osType: 'linux',
    osNames: ['Linux'],
    revisions: [
      'Ubuntu 22.04.4 LTS 5.15.0-105-generic',
      'Red Hat Enterprise Linux 8.9 4.18.0-513.18.1.el8_9.x86_64',
      'Amazon Linux 2 5.10.213-201.855.amzn2.x86_64',
    ],
    versions: ['23.4.2.4', '23.3.1.5', '22.4.2.2'],
    installer: ['.deb', '.rpm'],
  },
};

interface CatalogEntry {
  name: string;
  vendor: string;
  popularity: number;
  versions: string[];
  folder: string;
}
const APP_CATALOG: CatalogEntry[] = [
  {
    name: 'Google Chrome',
    vendor: 'Google LLC',
    popularity: 0.7,
    versions: ['124.0.6367.91', '123.0.6312.122', '122.0.6261.129'],
    folder: 'Google\\Chrome\\Application',
  },
  {
    name: 'Mozilla Firefox',
    vendor: 'Mozilla',
    popularity: 0.2,
    versions: ['125.0.3', '124.0.2', '115.10.0esr'],
    folder: 'Mozilla Firefox',
  },
  {
    name: 'Microsoft Edge',
    vendor: 'Microsoft Corporation',
    popularity: 0.3,
    versions: ['124.0.2478.80', '123.0.2420.97', '122.0.2365.92'],
    folder: 'Microsoft\\Edge\\Application',
  },
  {
    name: '7-Zip',
    vendor: 'Igor Pavlov',
    popularity: 0.2,
    versions: ['23.01', '22.01', '19.00'],
    folder: '7-Zip',
  },
  {
    name: 'Zoom',
    vendor: 'Zoom Video Communications, Inc.',
    popularity: 0.25,
    versions: ['5.17.11', '5.16.10', '5.15.7'],
    folder: 'Zoom\\bin',
  },
  {
    name: 'Slack',
    vendor: 'Slack Technologies Inc.',
    popularity: 0.2,
    versions: ['4.37.101', '4.36.140', '4.35.131'],
    folder: 'Slack',
  },
  {
    name: 'Adobe Acrobat Reader DC',
    vendor: 'Adobe Systems Incorporated',
    popularity: 0.2,
    versions: ['24.002.20687', '23.008.20533', '23.006.20380'],
    folder: 'Adobe\\Acrobat DC',
  },
  {
    name: 'Notepad++',
    vendor: 'Notepad++ Team',
    popularity: 0.1,
    versions: ['8.6.5', '8.5.8', '8.4.9'],
    folder: 'Notepad++',
  },
  {
    name: 'VLC media player',
    vendor: 'VideoLAN',
    popularity: 0.1,
    versions: ['3.0.20', '3.0.18', '3.0.16'],
    folder: 'VideoLAN\\VLC',
  },
  {
    name: 'OpenSSL',
    vendor: 'OpenSSL Software Foundation',
    popularity: 0.15,
    versions: ['3.0.13', '1.1.1w', '3.2.1'],
    folder: 'OpenSSL-Win64',
  },
  {
    name: 'Python',
    vendor: 'Python Software Foundation',
    popularity: 0.1,
    versions: ['3.12.3', '3.11.9', '3.10.11'],
    folder: 'Python312',
  },
  {
    name: 'Node.js',
    vendor: 'Node.js Foundation',
    popularity: 0.08,
    versions: ['20.12.2', '18.20.2', '16.20.2'],
    folder: 'nodejs',
  },
  {
    name: 'Java 8 Update 411',
    vendor: 'Oracle Corporation',
    popularity: 0.1,
    versions: ['8.0.4110.9', '8.0.4010.10', '8.0.3910.13'],
    folder: 'Java\\jre-1.8',
  },
  {
    name: 'Git',
    vendor: 'The Git Development Community',
    popularity: 0.1,
    versions: ['2.45.0', '2.44.0', '2.39.2'],
    folder: 'Git',
  },
  {
    name: 'Docker Desktop',
    vendor: 'Docker Inc.',
    popularity: 0.05,
    versions: ['4.29.0', '4.27.2', '4.25.0'],
    folder: 'Docker\\Docker',
  },
  {
    name: 'WinRAR',
    vendor: 'win.rar GmbH',
    popularity: 0.08,
    versions: ['7.00', '6.24', '6.02'],
    folder: 'WinRAR',
  },
];

const CLASSIFICATIONS: [string, number][] = [
  ['Malware', 30],
  ['Trojan', 20],
  ['PUA', 15],
  ['Ransomware', 8],
  ['Infostealer', 8],
  ['Exploit', 5],
  ['Hacktool', 8],
  ['Generic.Heuristic', 6],
];
const THREAT_FILES = [
  'invoice_2024.exe',
  'setup_crack.exe',
  'mimikatz.exe',
  'update.ps1',
  'payload.dll',
  'Document.pdf.exe',
  'svchost32.exe',
  'miner',
  'libcrypto_patch.so',
  'AdobeUpdater.app',
];

function clampInt(value: number | undefined, fallback: number, min: number) {
  if (value === undefined || value === null || !Number.isFinite(value)) {
    return fallback;
  }
  return Math.max(min, Math.floor(value));
}

export function resolveEstateOptions(
  options: EstateOptions = {},
): ResolvedEstateOptions {
  const accounts = clampInt(options.accounts, 1, 1);
  const sites = Math.max(clampInt(options.sites, 2, 1), accounts);
  const groups = Math.max(clampInt(options.groups, 4, 1), sites);
  const agents = clampInt(options.agents, 20, 0);
  const threats = clampInt(
    options.threats,
    Math.max(6, Math.round(agents / 5)),
    0,
  );
  return {
    seed: clampInt(options.seed, 1, 0),
    accounts,
    sites,
    groups,
    agents,
    threats,
    applications: clampInt(options.applications, 8, 0),
    cvesPerVulnerableVersion: clampInt(options.cvesPerVulnerableVersion, 2, 0),
    now: options.now ? new Date(options.now.getTime()) : new Date(),
  };
}

/** Id type digits: ids of different types never collide (first digit). */
export const ID_TYPES = {
  misc: 1,
  install: 2,
  risk: 3,
  account: 4,
  site: 5,
  group: 6,
  agent: 7,
  threat: 8,
} as const;

/** Sub-ranges of the `misc` id type. */
export const MISC_ID_RANGES = {
  user: 0,
  tag: 1,
  networkInterface: 2,
  filter: 3,
  malformed: 4,
} as const;

/**
 * Makes the `index`-th id of a type: a 19-digit numeric string, increasing with
 * `index` (so numeric order = string order = generation order), unique across
 * types, different per seed.
 */
export function makeId(
  seed: number,
  type: number,
  index: number,
  capacity: number,
  miscRange = 0,
): string {
  // 1 type digit + 3 seed digits + 15 digits of offset (misc: 1 range digit +
  // 14 digits). Offsets stay below 2^53, so plain numbers are exact.
  const span = type === ID_TYPES.misc ? 1e14 : 1e15;
  const stride = Math.max(1, Math.floor(span / (Math.max(capacity, 1) + 1)));
  const jitter = stride > 1 ? hash32(seed, type, miscRange, index) % stride : 0;
  const offset = index * stride + jitter;
  const seedPart = String((seed >>> 0) % 1000).padStart(3, '0');
  return type === ID_TYPES.misc
    ? `${type}${seedPart}${miscRange}${String(offset).padStart(14, '0')}`
    : `${type}${seedPart}${String(offset).padStart(15, '0')}`;
}

function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function severityOf(score: number): EstateCve['severity'] {
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  return 'Low';
}

/** What the rest of an agent's record and its dependants (threats, installs) need. */
interface AgentCore {
  id: string;
  group: number;
  site: number;
  account: number;
  osKey: 'windows' | 'macos' | 'linux';
  osName: string;
  osRevision: string;
  uuid: string;
  computerName: string;
  machineType: NonNullable<WireAgent['machineType']>;
  modelName: string;
  serialNumber: string;
  oui: string;
  username: string;
  createdMs: number;
  createdAt: string;
  decommissioned: boolean;
}

/** Generates the estate. Pure: same options, same estate. */
export function generateEstate(options: EstateOptions = {}): Estate {
  const o = resolveEstateOptions(options);
  const seed = o.seed;
  const nowMs = o.now.getTime();
  const rnd = (stream: string) => new Random(seed, stream);
  const date = (r: Random, ms: number) => isoMicros(ms, r.micros());
  const fixedSecrets: string[] = [];

  // ---- system, user
  const systemInfo: WireSystemInfo = {
    build: '23.4.2.8',
    version: 'Vulcan',
    release: 'SP2',
    patch: '3',
    latestAgentVersion: OS_PROFILES.windows.versions[0],
  };
  const userRng = rnd('user');
  const user: SimUser = {
    id: makeId(seed, ID_TYPES.misc, 0, 10, MISC_ID_RANGES.user),
    email: 'jupiterone-reader@acme.example',
    fullName: 'JupiterOne Reader (service user)',
    scope: 'tenant',
    lowestRole: 'Viewer',
    emailVerified: true,
    twoFaEnabled: false,
    dateJoined: date(userRng, nowMs - 400 * DAY),
    lastLogin: date(userRng, nowMs - 2 * HOUR),
    source: 'mgmt',
  };
  const tokenCreatedAt = date(userRng, nowMs - 10 * DAY);
  const creator = 'Jane Admin';
  const creatorId = makeId(seed, ID_TYPES.misc, 1, 10, MISC_ID_RANGES.user);

  // ---- accounts
  const accRng = rnd('accounts');
  const accounts: EstateAccount[] = [];
  const uninstallPasswords = new Map<string, string>();
  for (let a = 0; a < o.accounts; a++) {
    const base = ACCOUNT_NAMES[a % ACCOUNT_NAMES.length];
    const round = Math.floor(a / ACCOUNT_NAMES.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const created = nowMs - accRng.int(500, 1500) * DAY;
    const id = makeId(seed, ID_TYPES.account, a, o.accounts);
    accounts.push({
      id,
      name,
      accountType: 'Paid',
      state: 'active',
      isDefault: false,
      activeAgents: 0,
      numberOfSites: 0,
      totalLicenses: 0,
      expiration: date(accRng, nowMs + accRng.int(200, 700) * DAY),
      unlimitedExpiration: false,
      billingMode: 'subscription',
      usageType: 'customer',
      externalId: '',
      createdAt: date(accRng, created),
      updatedAt: date(accRng, nowMs - accRng.int(1, 60) * DAY),
    });
    const password = `UNINSTALL-${accRng.alnumUpper(6)}-${accRng.alnumUpper(
      6,
    )}-${accRng.alnumUpper(6)}`;
    uninstallPasswords.set(id, password);
    fixedSecrets.push(password);
  }

  // ---- sites (round-robin over accounts)
  const siteRng = rnd('sites');
  const sites: EstateSite[] = [];
  const siteAccount = new Int32Array(o.sites);
  const licenseKeys: string[] = [];
  const accountSiteCounts = new Array<number>(o.accounts).fill(0);
  for (let s = 0; s < o.sites; s++) {
    const a = s % o.accounts;
    const account = accounts[a];
    const nth = accountSiteCounts[a]++;
    const region = SITE_REGIONS[nth % SITE_REGIONS.length];
    const round = Math.floor(nth / SITE_REGIONS.length);
    const suite = siteRng.pick(['Complete', 'Control', 'Core'] as const);
    const registrationToken = base64Json({
      url: CONSOLE_URL,
      site_key: siteRng.hex(16),
    });
    const licenseKey = `S1LK-${siteRng.hex(8)}-${siteRng.hex(8)}-${siteRng.hex(
      8,
    )}`;
    licenseKeys.push(licenseKey);
    fixedSecrets.push(registrationToken, licenseKey);
    sites.push({
      id: makeId(seed, ID_TYPES.site, s, o.sites),
      name: `${account.name} ${region}${round === 0 ? '' : ` ${round + 1}`}`,
      accountId: account.id,
      accountName: account.name,
      state: 'active',
      siteType: nth === 0 ? 'Paid' : siteRng.pick(['Paid', 'Paid', 'Trial']),
      suite,
      sku: suite,
      isDefault: nth === 0,
      activeLicenses: 0,
      totalLicenses: 0,
      unlimitedLicenses: false,
      expiration: date(siteRng, nowMs + siteRng.int(100, 700) * DAY),
      unlimitedExpiration: false,
      healthStatus: true,
      externalId: '',
      description: `${region} endpoints`,
      creator,
      creatorId,
      createdAt: date(siteRng, nowMs - siteRng.int(300, 1400) * DAY),
      updatedAt: date(siteRng, nowMs - siteRng.int(1, 90) * DAY),
      registrationToken,
    });
    siteAccount[s] = a;
  }

  // ---- groups: the first `sites` groups are the sites' default groups, the
  // rest are spread round-robin over the sites.
  const groupRng = rnd('groups');
  const groups: EstateGroup[] = [];
  const groupSite = new Int32Array(o.groups);
  const siteGroupCounts = new Array<number>(o.sites).fill(0);
  for (let g = 0; g < o.groups; g++) {
    const isDefault = g < o.sites;
    const s = isDefault ? g : (g - o.sites) % o.sites;
    const nth = isDefault ? 0 : siteGroupCounts[s]++;
    const baseName = GROUP_NAMES[nth % GROUP_NAMES.length];
    const round = Math.floor(nth / GROUP_NAMES.length);
    const name = isDefault
      ? 'Default Group'
      : round === 0
      ? baseName
      : `${baseName} ${round + 1}`;
    const type = isDefault
      ? 'static'
      : groupRng.weighted([
          ['static', 6],
          ['dynamic', 3],
          ['pinned', 1],
        ] as const);
    const dynamic = type !== 'static';
    const registrationToken = base64Json({
      url: CONSOLE_URL,
      site_key: `g_${groupRng.hex(16)}`,
    });
    fixedSecrets.push(registrationToken);
    groups.push({
      id: makeId(seed, ID_TYPES.group, g, o.groups),
      name,
      siteId: sites[s].id,
      type,
      isDefault,
      inherits: true,
      rank: dynamic ? groupRng.int(1, 20) : null,
      totalAgents: 0,
      filterId: dynamic
        ? makeId(seed, ID_TYPES.misc, g, o.groups, MISC_ID_RANGES.filter)
        : null,
      filterName: dynamic ? `${name} filter` : null,
      creator,
      creatorId,
      description: isDefault ? null : `${name} of ${sites[s].name}`,
      createdAt: date(groupRng, nowMs - groupRng.int(100, 1200) * DAY),
      updatedAt: date(groupRng, nowMs - groupRng.int(0, 60) * DAY),
      registrationToken,
    });
    groupSite[g] = s;
  }

  // ---- agents (round-robin over groups), built on demand
  const agentCount = o.agents;
  const agentCapacity = o.agents + o.threats;
  const agentGroup = new Int32Array(agentCount);
  const agentDecommissioned = new Uint8Array(agentCount);
  const agentActiveThreats = new Int32Array(agentCount);
  const agentVulnerable = new Uint8Array(agentCount);
  for (let i = 0; i < agentCount; i++) {
    agentGroup[i] = i % o.groups;
    agentDecommissioned[i] = hashUnit(seed, 'decommissioned', i) < 0.05 ? 1 : 0;
  }
  const macMix = hash32(seed, 'mac') & 0xffffff;
  const mac = (oui: string, n: number) => {
    const v = (n + macMix) & 0xffffff;
    return `${oui}:${hex2((v >>> 16) & 255)}:${hex2((v >>> 8) & 255)}:${hex2(
      v & 255,
    )}`;
  };

  const agentCore = (i: number): AgentCore => {
    const r = new Random(seed, hash32('agent', i));
    const g = agentGroup[i];
    const s = groupSite[g];
    const osKey = r.weighted([
      ['windows', 60],
      ['macos', 25],
      ['linux', 15],
    ] as const);
    const os = OS_PROFILES[osKey];
    const osIdx = r.int(0, os.osNames.length - 1);
    const osName = os.osNames[osIdx];
    const osRevision =
      osKey === 'windows'
        ? os.revisions[osIdx]
        : os.revisions[r.int(0, os.revisions.length - 1)];
    const i36 = i.toString(36).toUpperCase().padStart(4, '0');
    const first = r.pick(FIRST_NAMES);
    const username = `${first[0]}${r.pick(LAST_NAMES)}`;
    let machineType: AgentCore['machineType'];
    let computerName: string;
    let modelName: string;
    let serialNumber: string;
    let oui: string;
    if (osKey === 'windows') {
      const server = osName.includes('Server');
      machineType = server ? 'server' : r.chance(0.6) ? 'laptop' : 'desktop';
      computerName = server
        ? `WIN-SRV${i36}${r.alnumUpper(2)}`
        : `DESKTOP-${i36}${r.alnumUpper(3)}`;
      if (server) {
        modelName = 'VMware, Inc. - VMware Virtual Platform';
        serialNumber = `VMware-56 4d ${r.hex(2)} ${r.hex(
          2,
        )} ${i36.toLowerCase()} ${r.hex(2)}`;
        oui = '00:50:56';
      } else if (r.chance(0.5)) {
        modelName = `Dell Inc. - Latitude ${r.pick(['5420', '7430', '5530'])}`;
        serialNumber = `${r.alnumUpper(3)}${i36}`;
        oui = 'b0:7b:25';
      } else {
        modelName = `LENOVO - ${r.pick([
          '20XW004GUS',
          '21CB007MUS',
          '20T0001JUS',
        ])}`;
        serialNumber = `PF${i36}${r.alnumUpper(4)}`;
        oui = '8c:16:45';
      }
    } else if (osKey === 'macos') {
      machineType = r.chance(0.8) ? 'laptop' : 'desktop';
      computerName = `${first}-${
        machineType === 'laptop' ? 'MacBook-Pro' : 'iMac'
      }-${i36.toLowerCase()}`;
      modelName =
        machineType === 'laptop'
          ? r.pick(['MacBookPro18,3', 'Mac14,9', 'MacBookAir10,1'])
          : 'iMac21,1';
      serialNumber = `C02${i36}${r.alnumUpper(5)}`;
      oui = 'a4:83:e7';
    } else {
      machineType = r.chance(0.3) ? 'kubernetes node' : 'server';
      computerName =
        machineType === 'server'
          ? `ip-10-${(i >>> 16) & 255}-${(i >>> 8) & 255}-${i & 255}`
          : `gke-prod-pool-${i36.toLowerCase()}-${r.hex(4)}`;
      modelName = r.pick([
        'Amazon EC2 - t3.large',
        'Amazon EC2 - m5.xlarge',
        'Google - Google Compute Engine',
      ]);
      serialNumber = `ec2${r.hex(5)}-${i36.toLowerCase()}-${r.hex(6)}`;
      oui = '0a:1b:3c';
    }
    const createdMs = nowMs - r.int(30, 900) * DAY - r.int(0, DAY);
    return {
      id: makeId(seed, ID_TYPES.agent, i, agentCapacity),
      group: g,
      site: s,
      account: siteAccount[s],
      osKey,
      osName,
      osRevision,
      uuid: r.hex(32),
      computerName,
      machineType,
      modelName,
      serialNumber,
      oui,
      username,
      createdMs,
      createdAt: date(r, createdMs),
      decommissioned: agentDecommissioned[i] === 1,
    };
  };

  const ifaceCapacity = agentCount * 4 + 1;
  const agentAt = (i: number): EstateAgent => {
    if (!(i >= 0 && i < agentCount)) throw new RangeError(`agent ${i}`);
    const c = agentCore(i);
    const r = new Random(seed, hash32('agent-detail', i));
    const os = OS_PROFILES[c.osKey];
    const site = sites[c.site];
    const group = groups[c.group];
    const account = accounts[c.account];
    const decommissioned = c.decommissioned;
    const subnet = `10.${16 + (c.site % 200)}.${(i >>> 8) & 255}`;
    const ip = `${subnet}.${i & 255}`;
    const primaryMac = mac(c.oui, i * 4);
    const ifaces: WireNetworkInterface[] = [];
    const addIface = (iface: Omit<WireNetworkInterface, 'id'>) => {
      const id = makeId(
        seed,
        ID_TYPES.misc,
        i * 4 + ifaces.length,
        ifaceCapacity,
        MISC_ID_RANGES.networkInterface,
      );
      ifaces.push({ id, ...iface });
    };
    if (c.osKey === 'linux') {
      addIface({
        name: 'lo',
        inet: ['127.0.0.1'],
        inet6: ['::1'],
        physical: '00:00:00:00:00:00',
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    }
    addIface({
      name:
        c.osKey === 'windows'
          ? 'Ethernet'
          : c.osKey === 'macos'
          ? 'en0'
          : 'eth0',
      inet: [ip],
      inet6: [`fe80::${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}`],
      physical: primaryMac,
      gatewayIp: `${subnet}.1`,
      gatewayMacAddress: mac('00:1a:1e', 0xfff000 + (c.site % 4096)),
    });
    if (i % 10 === 3) {
      // A bridge / virtual switch that shares the primary MAC address.
      addIface({
        name:
          c.osKey === 'windows'
            ? 'vEthernet (Default Switch)'
            : c.osKey === 'macos'
            ? 'bridge0'
            : 'br0',
        inet: [`172.17.${(i >>> 8) & 255}.${i & 255}`],
        inet6: [],
        physical: primaryMac,
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    } else if (c.machineType === 'laptop' && r.chance(0.5)) {
      addIface({
        name: c.osKey === 'windows' ? 'Wi-Fi' : 'en1',
        inet: [],
        inet6: [],
        physical: mac(c.oui, i * 4 + 1),
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    }
    if (c.osKey === 'windows' && i % 10 === 7) {
      addIface({
        name: 'Loopback Pseudo-Interface 1',
        inet: ['127.0.0.1'],
        inet6: ['::1'],
        physical: '00:00:00:00:00:00',
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    }

    const createdMs = c.createdMs;
    let lastActiveMs: number;
    if (decommissioned) {
      lastActiveMs = nowMs - r.int(30, 200) * DAY - r.int(0, DAY);
    } else if (r.chance(0.1)) {
      lastActiveMs = nowMs - r.int(8, 60) * DAY - r.int(0, DAY);
    } else if (r.chance(0.05)) {
      lastActiveMs = nowMs - r.int(2, 48) * HOUR;
    } else {
      lastActiveMs = nowMs - r.int(0, 30 * 60_000);
    }
    if (lastActiveMs < createdMs) lastActiveMs = createdMs + HOUR;
    const connected = !decommissioned && nowMs - lastActiveMs < HOUR;
    const versionIdx = r.chance(0.75) ? 0 : r.int(1, os.versions.length - 1);
    const tags: WireTag[] = [];
    if (r.chance(0.3)) {
      const count = r.int(1, 2);
      for (let t = 0; t < count; t++) {
        const [key, value] = TAG_PAIRS[(i + t * 3) % TAG_PAIRS.length];
        tags.push({
          id: makeId(
            seed,
            ID_TYPES.misc,
            i * 2 + t,
            agentCount * 2 + 1,
            MISC_ID_RANGES.tag,
          ),
          key,
          value,
          assignedAt: date(r, createdMs + DAY),
          assignedBy: creator,
          assignedById: creatorId,
        });
      }
    }
    const scanDone = r.chance(0.85);
    const activeThreats = agentActiveThreats[i];
    return {
      id: c.id,
      uuid: c.uuid,
      computerName: c.computerName,
      domain:
        c.osKey === 'windows'
          ? r.pick(['ACME', 'ACME', 'WORKGROUP'])
          : c.osKey === 'macos'
          ? 'local'
          : 'unknown',
      osType: os.osType,
      osName: c.osName,
      osRevision: c.osRevision,
      osArch: c.osKey === 'macos' && r.chance(0.6) ? 'ARM64' : '64 bit',
      osUsername: c.osKey === 'linux' ? 'root' : c.username,
      machineType: c.machineType,
      modelName: c.modelName,
      serialNumber: c.serialNumber,
      cpuCount: c.machineType === 'server' ? r.int(1, 2) : 1,
      coreCount: r.pick([4, 8, 12, 16]),
      totalMemory: r.pick([8192, 16384, 32768, 65536]),
      agentVersion: os.versions[versionIdx],
      isUpToDate: versionIdx === 0,
      isActive: !decommissioned,
      isDecommissioned: decommissioned,
      isUninstalled: decommissioned && r.chance(0.5),
      isPendingUninstall: false,
      infected: activeThreats > 0,
      activeThreats,
      threatRebootRequired: false,
      networkStatus: connected ? 'connected' : 'disconnected',
      lastActiveDate: date(r, lastActiveMs),
      registeredAt: c.createdAt,
      createdAt: c.createdAt,
      updatedAt: date(r, Math.max(lastActiveMs, nowMs - r.int(0, 5) * DAY)),
      lastIpToMgmt: ip,
      externalIp: `203.0.113.${r.int(1, 254)}`,
      networkInterfaces: ifaces,
      siteId: site.id,
      siteName: site.name,
      groupId: group.id,
      groupName: group.name,
      accountId: account.id,
      accountName: account.name,
      mitigationMode: r.chance(0.15) ? 'detect' : 'protect',
      mitigationModeSuspicious: r.chance(0.7) ? 'detect' : 'protect',
      scanStatus: scanDone
        ? 'finished'
        : r.pick(['none', 'started', 'aborted']),
      lastSuccessfulScanDate: scanDone
        ? date(r, Math.max(createdMs, nowMs - r.int(1, 40) * DAY))
        : null,
      firewallEnabled: r.chance(0.8),
      encryptedApplications: r.chance(0.6),
      appsVulnerabilityStatus: agentVulnerable[i]
        ? 'patch_required'
        : 'up_to_date',
      operationalState: 'na',
      lastLoggedInUserName: c.osKey === 'linux' ? 'ec2-user' : c.username,
      externalId: '',
      installerType: r.pick(os.installer),
      tags: { sentinelone: tags },
      licenseKey: licenseKeys[c.site],
    };
  };

  const passphraseAt = (i: number): string => {
    const r = new Random(seed, hash32('passphrase', i));
    return [
      r.pick(['DEPTH', 'FOSSIL', 'PERSON', 'CANYON', 'MARBLE', 'VELVET']),
      r.pick(['ORBIT', 'TUNDRA', 'PILOT', 'HARBOR', 'QUARTZ', 'EMBER']),
      r.pick(['SPRUCE', 'LANTERN', 'MEADOW', 'COBALT', 'RIVET', 'SABLE']),
      r.alnumUpper(8),
    ].join(' ');
  };

  // ---- hierarchy counters
  for (let i = 0; i < agentCount; i++) {
    if (agentDecommissioned[i]) continue;
    const g = agentGroup[i];
    groups[g].totalAgents! += 1;
    sites[groupSite[g]].activeLicenses! += 1;
  }
  for (let s = 0; s < sites.length; s++) {
    const site = sites[s];
    site.totalLicenses = Math.max(
      10,
      Math.ceil(((site.activeLicenses ?? 0) * 1.25) / 10) * 10,
    );
    const account = accounts[siteAccount[s]];
    account.activeAgents! += site.activeLicenses ?? 0;
    account.numberOfSites! += 1;
    account.totalLicenses! += site.totalLicenses;
  }

  // ---- threats
  const threatRng = rnd('threats');
  const threats: EstateThreat[] = [];
  const deletedAgentIds: string[] = [];
  for (let t = 0; t < o.threats; t++) {
    const r = threatRng;
    const deleted = agentCount === 0 || t % 20 === 3;
    let rt: WireAgentRealtimeInfo;
    let agentIndex = -1;
    if (deleted) {
      const agentId = makeId(
        seed,
        ID_TYPES.agent,
        agentCount + deletedAgentIds.length,
        agentCapacity,
      );
      deletedAgentIds.push(agentId);
      const g = r.int(0, groups.length - 1);
      const site = sites[groupSite[g]];
      rt = {
        agentId,
        agentUuid: r.hex(32),
        agentComputerName: `DELETED-HOST-${deletedAgentIds.length}`,
        agentOsType: 'windows',
        agentIsActive: false,
        agentIsDecommissioned: true,
        siteId: site.id,
        siteName: site.name,
        groupId: groups[g].id,
        groupName: groups[g].name,
        accountId: site.accountId,
        accountName: site.accountName,
      };
    } else {
      agentIndex = r.int(0, agentCount - 1);
      const c = agentCore(agentIndex);
      const site = sites[c.site];
      const group = groups[c.group];
      rt = {
        agentId: c.id,
        agentUuid: c.uuid,
        agentComputerName: c.computerName,
        agentOsType: c.osKey,
        agentIsActive: !c.decommissioned,
        agentIsDecommissioned: c.decommissioned,
        siteId: site.id,
        siteName: site.name,
        groupId: group.id,
        groupName: group.name,
        accountId: site.accountId,
        accountName: site.accountName,
      };
    }
    const incidentStatus = r.weighted([
      ['unresolved', 35],
      ['in_progress', 15],
      ['resolved', 50],
    ] as const);
    const updatedMs = nowMs - Math.floor(r.float() * 120 * DAY);
    const createdMs = updatedMs - Math.floor(r.float() * 20 * DAY);
    const file = r.pick(THREAT_FILES);
    const resolved = incidentStatus === 'resolved';
    const id = makeId(seed, ID_TYPES.threat, t, o.threats);
    const created = date(r, createdMs);
    threats.push({
      id,
      threatInfo: {
        threatId: id,
        threatName: file,
        classification: r.weighted(CLASSIFICATIONS),
        classificationSource: r.pick(['Engine', 'Cloud', 'Static']),
        confidenceLevel: r.weighted([
          ['malicious', 60],
          ['suspicious', 35],
          ['n/a', 5],
        ] as const),
        analystVerdict: resolved
          ? r.weighted([
              ['true_positive', 6],
              ['false_positive', 3],
              ['suspicious', 1],
            ] as const)
          : r.weighted([
              ['undefined', 7],
              ['true_positive', 2],
              ['suspicious', 1],
            ] as const),
        incidentStatus,
        mitigationStatus: resolved
          ? r.pick(['mitigated', 'marked_as_benign'] as const)
          : r.pick(['not_mitigated', 'not_mitigated', 'mitigated'] as const),
        sha1: r.hex(40),
        sha256: r.hex(64),
        md5: r.hex(32),
        filePath:
          rt.agentOsType === 'windows'
            ? `\\Device\\HarddiskVolume3\\Users\\${r.pick(
                FIRST_NAMES,
              )}\\Downloads\\${file}`
            : `/tmp/.cache/${file}`,
        fileSize: r.int(4_096, 25_000_000),
        detectionType: r.pick(['static', 'dynamic'] as const),
        initiatedBy: r.pick([
          'agent_policy',
          'full_disk_scan',
          'star_active',
          'cloud_detection',
        ] as const),
        originatorProcess: r.pick([
          'explorer.exe',
          'chrome.exe',
          'outlook.exe',
          'bash',
        ]),
        storyline: r.hex(16).toUpperCase(),
        publisherName: r.chance(0.3) ? 'Unknown Publisher LLC' : '',
        createdAt: created,
        updatedAt: date(r, updatedMs),
        identifiedAt: created,
        rebootRequired: false,
        automaticallyResolved: resolved && r.chance(0.3),
        externalTicketId: null,
      },
      agentRealtimeInfo: rt,
    });
    if (agentIndex >= 0 && !resolved) agentActiveThreats[agentIndex] += 1;
  }

  // ---- applications catalog
  const appRng = rnd('applications');
  const applications: EstateApplication[] = [];
  const popularity: number[] = [];
  const folders: string[] = [];
  const cveStride = Math.max(50, o.cvesPerVulnerableVersion + 2);
  for (let k = 0; k < o.applications; k++) {
    const entry = APP_CATALOG[k % APP_CATALOG.length];
    const round = Math.floor(k / APP_CATALOG.length);
    const name = round === 0 ? entry.name : `${entry.name} (${round + 1})`;
    const versionCount = appRng.int(1, 3);
    const pool: EstateCve[] = [];
    for (
      let c = 0;
      c <= o.cvesPerVulnerableVersion && o.cvesPerVulnerableVersion > 0;
      c++
    ) {
      const baseScore = Math.round((3 + appRng.float() * 6.9) * 10) / 10;
      pool.push({
        cveId: `CVE-${2020 + ((k + c) % 5)}-${10000 + k * cveStride + c}`,
        baseScore,
        severity: severityOf(baseScore),
        cvssVersion: '3.1',
        publishedDate: date(
          appRng,
          nowMs - appRng.int(30, 900) * DAY - appRng.int(0, DAY),
        ),
        exploitCodeMaturity: appRng.pick([
          'Unproven',
          'Proof of Concept',
          'Functional',
          'High',
          'Not Defined',
        ]),
        remediationLevel: appRng.pick([
          'Official Fix',
          'Temporary Fix',
          'Workaround',
          'Not Defined',
        ]),
        reportConfidence: appRng.pick(['Confirmed', 'Reasonable', 'Unknown']),
      });
    }
    const versions: EstateApplicationVersion[] = [];
    for (let v = 0; v < versionCount; v++) {
      const vulnerable =
        pool.length > 0 && appRng.chance(v === 0 ? 0.35 : 0.65);
      const cves: EstateCve[] = [];
      if (vulnerable) {
        for (let c = 0; c < o.cvesPerVulnerableVersion; c++) {
          cves.push(pool[(v + c) % pool.length]);
        }
      }
      versions.push({ version: entry.versions[v], vulnerable, cves });
    }
    applications.push({ name, vendor: entry.vendor, versions });
    popularity.push(entry.popularity);
    folders.push(entry.folder);
  }

  // ---- installs and risks: compact tables; records are built on demand.
  // Every agent (decommissioned too) has a deterministic subset of the
  // applications, one version each; each install of a vulnerable version
  // yields one risk row per CVE of that version.
  const A = o.applications;
  const installAgentList: number[] = [];
  const installAppList: number[] = [];
  const installVersionList: number[] = [];
  const riskInstallList: number[] = [];
  const riskCveList: number[] = [];
  for (let i = 0; i < agentCount && A > 0; i++) {
    for (let k = 0; k < A; k++) {
      if (k !== i % A && hashUnit(seed, 'install', i, k) >= popularity[k]) {
        continue;
      }
      const app = applications[k];
      const v = hash32(seed, 'version', i, k) % app.versions.length;
      const n = installAgentList.length;
      installAgentList.push(i);
      installAppList.push(k);
      installVersionList.push(v);
      const cves = app.versions[v].cves;
      for (let c = 0; c < cves.length; c++) {
        riskInstallList.push(n);
        riskCveList.push(c);
        agentVulnerable[i] = 1;
      }
    }
  }
  const compact: EstateCompact = {
    agentDecommissioned,
    agentGroup,
    agentActiveThreats,
    groupSite,
    siteAccount,
    installAgent: Int32Array.from(installAgentList),
    installApplication: Int32Array.from(installAppList),
    installVersion: Int32Array.from(installVersionList),
    riskInstall: Int32Array.from(riskInstallList),
    riskCve: Int32Array.from(riskCveList),
  };
  const installCount = compact.installAgent.length;
  const riskCount = compact.riskInstall.length;

  const installTiming = (n: number, c: AgentCore) => {
    const r = new Random(seed, hash32('install', n));
    const installedMs =
      c.createdMs +
      Math.floor(r.float() * Math.max(nowMs - c.createdMs, DAY) * 0.9);
    const detectedMs = Math.min(nowMs, installedMs + r.int(1, 48) * HOUR);
    return { r, installedMs, detectedMs };
  };
  const scopeOf = (c: AgentCore): RecordScope => ({
    accountId: accounts[c.account].id!,
    siteId: sites[c.site].id,
    groupId: groups[c.group].id,
    agentId: c.id,
  });

  const installAt = (n: number): EstateInstall => {
    if (!(n >= 0 && n < installCount)) throw new RangeError(`install ${n}`);
    const c = agentCore(compact.installAgent[n]);
    const k = compact.installApplication[n];
    const app = applications[k];
    const version = app.versions[compact.installVersion[n]];
    const { r, installedMs, detectedMs } = installTiming(n, c);
    const record: EstateInstall['record'] = {
      id: makeId(seed, ID_TYPES.install, n, installCount),
      endpointId: c.id,
      endpointUuid: c.uuid,
      endpointName: c.computerName,
      endpointType: c.machineType,
      version: version.version,
      applicationInstallationDate: date(r, installedMs),
      applicationInstallationPath:
        c.osKey === 'windows'
          ? `C:\\Program Files\\${folders[k]}`
          : c.osKey === 'macos'
          ? `/Applications/${app.name}.app`
          : `/opt/${slug(app.name)}`,
      detectionDate: date(r, detectedMs),
      osType: c.osKey,
      osName: c.osName,
      osVersion: c.osRevision,
      siteName: sites[c.site].name,
      groupName: groups[c.group].name,
      accountName: accounts[c.account].name,
    };
    return {
      record,
      applicationName: app.name,
      applicationVendor: app.vendor,
      applicationIndex: k,
      ...scopeOf(c),
    };
  };

  const riskAt = (n: number): EstateRisk => {
    if (!(n >= 0 && n < riskCount)) throw new RangeError(`risk ${n}`);
    const installIndex = compact.riskInstall[n];
    const c = agentCore(compact.installAgent[installIndex]);
    const app = applications[compact.installApplication[installIndex]];
    const version = app.versions[compact.installVersion[installIndex]];
    const cve = version.cves[compact.riskCve[n]];
    const { detectedMs } = installTiming(installIndex, c);
    const r = new Random(seed, hash32('risk', n));
    const publishedMs = Math.floor(parseIsoMicros(cve.publishedDate) / 1000);
    const riskDetectedMs = Math.min(
      nowMs,
      Math.max(detectedMs, publishedMs + r.int(1, 72) * HOUR),
    );
    const lastScanMs = Math.max(riskDetectedMs, nowMs - r.int(1, 72) * HOUR);
    const statusRoll = r.float();
    return {
      record: {
        id: makeId(seed, ID_TYPES.risk, n, riskCount),
        cveId: cve.cveId,
        applicationName: app.name,
        applicationVendor: app.vendor,
        applicationVersion: version.version,
        endpointId: c.id,
        endpointName: c.computerName,
        severity: cve.severity,
        baseScore: String(cve.baseScore),
        nvdBaseScore: String(cve.baseScore),
        cvssVersion: cve.cvssVersion,
        riskScore: String(
          Math.max(
            0,
            Math.min(100, Math.round(cve.baseScore * 10 + r.int(-5, 5))),
          ),
        ),
        exploitCodeMaturity: cve.exploitCodeMaturity,
        remediationLevel: cve.remediationLevel,
        reportConfidence: cve.reportConfidence,
        publishedDate: cve.publishedDate,
        detectionDate: date(r, riskDetectedMs),
        daysDetected: Math.max(0, Math.floor((nowMs - riskDetectedMs) / DAY)),
        lastScanDate: date(r, lastScanMs),
        lastScanResult: 'Succeeded',
        // Removed: the vulnerable version is gone from the endpoint.
        status: statusRoll < 0.9 ? 'Detected' : 'Removed',
        mitigationStatus:
          statusRoll < 0.8
            ? 'Not mitigated'
            : statusRoll < 0.95
            ? 'To be patched'
            : 'On hold',
        markType: statusRoll < 0.95 ? '' : 'Risk Accepted',
      },
      ...scopeOf(c),
    };
  };

  const memo: {
    agents?: EstateAgent[];
    installs?: EstateInstall[];
    risks?: EstateRisk[];
    secrets?: string[];
  } = {};
  const materialize = <T>(count: number, build: (n: number) => T): T[] => {
    const out: T[] = [];
    for (let n = 0; n < count; n++) out.push(build(n));
    return out;
  };
  return {
    options: o,
    now: new Date(nowMs),
    consoleUrl: CONSOLE_URL,
    systemInfo,
    user,
    tokenCreatedAt,
    accounts,
    sites,
    groups,
    agentCount,
    agentIdAt: (i: number) => makeId(seed, ID_TYPES.agent, i, agentCapacity),
    agentAt,
    get agents() {
      return (memo.agents ??= materialize(agentCount, agentAt));
    },
    threats,
    applications,
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
    compact,
    deletedAgentIds,
    passphraseAt,
    uninstallPasswords,
    get secrets() {
      return (memo.secrets ??= [
        ...fixedSecrets,
        ...materialize(agentCount, passphraseAt),
      ]);
    },
  };
}

function hex2(n: number): string {
  return n < 16 ? `0${n.toString(16)}` : n.toString(16);
}

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
  };
}

/** Alias of `threatsInPolicy`. */
export const countThreatsInPolicy = threatsInPolicy;
