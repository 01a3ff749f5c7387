/**
 * Deterministic, seeded SentinelOne estate for the simulator.
 *
 * `generateEstate` is pure: the same options (seed and `now` included) give the
 * same estate, byte for byte. Records are typed with the integration's own
 * payload types so that the simulator serves what the collector expects.
 */
import {
  S1Account,
  S1Agent,
  S1Application,
  S1ApplicationInstall,
  S1NetworkInterface,
  S1Risk,
  S1Site,
  S1Group,
  S1SystemInfo,
  S1Tag,
  S1Threat,
} from '../../src/client/types';
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
  exploitCodeMaturity: string;
  remediationLevel: string;
  reportConfidence: string;
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
export type SimApplicationInstall = S1ApplicationInstall & {
  osName?: string | null;
  osVersion?: string | null;
};

/** Where a record sits in the hierarchy (used by the server's filters). */
export interface RecordScope {
  accountId: string;
  siteId: string;
  groupId: string;
  agentId: string;
}

export interface EstateInstall extends RecordScope {
  record: SimApplicationInstall;
  applicationName: string;
  applicationVendor: string;
  /** Index of the application in `estate.applications`. */
  applicationIndex: number;
}

export interface EstateRisk extends RecordScope {
  record: S1Risk;
}

export interface EstateCompact {
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

export interface Estate {
  options: ResolvedEstateOptions;
  now: Date;
  /** Host the registration tokens point at. */
  consoleUrl: string;
  systemInfo: S1SystemInfo;
  user: SimUser;
  /** Token creation date returned by `users/api-token-details`. */
  tokenCreatedAt: string;
  accounts: S1Account[];
  sites: S1Site[];
  groups: S1Group[];
  /** All agents, decommissioned included, ordered by id. */
  agents: S1Agent[];
  threats: S1Threat[];
  /** The application catalog (vendor + name, versions, CVEs). */
  applications: EstateApplication[];
  installCount: number;
  riskCount: number;
  /** Builds install `n` (0 <= n < installCount), ordered by id. Cheap, deterministic. */
  installAt(n: number): EstateInstall;
  /** Builds risk row `n` (0 <= n < riskCount), ordered by id. */
  riskAt(n: number): EstateRisk;
  /** All installs, materialized (and memoized) on first access: avoid on big estates. */
  readonly installs: EstateInstall[];
  /** All risk rows, materialized (and memoized) on first access: avoid on big estates. */
  readonly risks: EstateRisk[];
  /** Compact install/risk tables (indices), for fast filtering and counting. */
  compact: EstateCompact;
  /** Agent ids referenced by threats but absent from the estate. */
  deletedAgentIds: string[];
  /** `GET /agents/passphrases` values, by agent id (secret). */
  passphrases: Map<string, string>;
  /** `GET /accounts/:id/uninstall-password/view` values, by account id (secret). */
  uninstallPasswords: Map<string, string>;
  /**
   * Every secret value of the estate: agent license keys, site and group
   * registration tokens, passphrases, uninstall passwords. Tests grep outputs for
   * these.
   */
  secrets: string[];
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
  installer: string[];
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

/** Generates the estate. Pure: same options, same estate. */
export function generateEstate(options: EstateOptions = {}): Estate {
  const o = resolveEstateOptions(options);
  const seed = o.seed;
  const nowMs = o.now.getTime();
  const rnd = (stream: string) => new Random(seed, stream);
  const date = (r: Random, ms: number) => isoMicros(ms, r.micros());
  const secrets: string[] = [];

  // ---- system, user
  const latestAgentVersion = OS_PROFILES.windows.versions[0];
  const systemInfo: S1SystemInfo = {
    build: '23.4.2.8',
    version: 'Vulcan',
    release: 'SP2',
    patch: '3',
    latestAgentVersion,
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
  const accounts: S1Account[] = [];
  const uninstallPasswords = new Map<string, string>();
  for (let a = 0; a < o.accounts; a++) {
    const base = ACCOUNT_NAMES[a % ACCOUNT_NAMES.length];
    const name =
      a < ACCOUNT_NAMES.length
        ? base
        : `${base} ${Math.floor(a / ACCOUNT_NAMES.length) + 1}`;
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
      externalId: null,
      createdAt: date(accRng, created),
      updatedAt: date(accRng, nowMs - accRng.int(1, 60) * DAY),
    });
    const password = `UNINSTALL-${accRng.alnumUpper(6)}-${accRng.alnumUpper(6)}-${accRng.alnumUpper(6)}`;
    uninstallPasswords.set(id, password);
    secrets.push(password);
  }

  // ---- sites (round-robin over accounts)
  const siteRng = rnd('sites');
  const sites: S1Site[] = [];
  const siteAccount: number[] = [];
  const licenseKeys: string[] = [];
  const accountSiteCounts = new Array<number>(o.accounts).fill(0);
  for (let s = 0; s < o.sites; s++) {
    const a = s % o.accounts;
    const account = accounts[a];
    const nth = accountSiteCounts[a]++;
    const region = SITE_REGIONS[nth % SITE_REGIONS.length];
    const suffix =
      nth < SITE_REGIONS.length
        ? ''
        : ` ${Math.floor(nth / SITE_REGIONS.length) + 1}`;
    const id = makeId(seed, ID_TYPES.site, s, o.sites);
    const suite = siteRng.pick(['Complete', 'Control', 'Core']);
    const siteKey = siteRng.hex(16);
    const registrationToken = base64Json({ url: CONSOLE_URL, site_key: siteKey });
    const licenseKey = `S1LK-${siteRng.hex(8)}-${siteRng.hex(8)}-${siteRng.hex(8)}`;
    licenseKeys.push(licenseKey);
    secrets.push(registrationToken, licenseKey);
    sites.push({
      id,
      name: `${account.name} ${region}${suffix}`,
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
      externalId: null,
      description: `${region} endpoints`,
      creator,
      creatorId,
      createdAt: date(siteRng, nowMs - siteRng.int(300, 1400) * DAY),
      updatedAt: date(siteRng, nowMs - siteRng.int(1, 90) * DAY),
      registrationToken,
    });
    siteAccount.push(a);
  }

  // ---- groups: one default group per site, the rest round-robin over sites
  const groupRng = rnd('groups');
  const groups: S1Group[] = [];
  const groupSite: number[] = [];
  const siteGroupCounts = new Array<number>(o.sites).fill(0);
  // Generate in "site-major" order but ids increase with the group index.
  for (let g = 0; g < o.groups; g++) {
    const s = g < o.sites ? g : (g - o.sites) % o.sites;
    const isDefault = g < o.sites;
    const nth = isDefault ? 0 : siteGroupCounts[s]++;
    const baseName = GROUP_NAMES[nth % GROUP_NAMES.length];
    const name = isDefault
      ? 'Default Group'
      : nth < GROUP_NAMES.length
      ? baseName
      : `${baseName} ${Math.floor(nth / GROUP_NAMES.length) + 1}`;
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
    secrets.push(registrationToken);
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
    groupSite.push(s);
  }

  // ---- agents (round-robin over groups)
  const agentRng = rnd('agents');
  const agents: S1Agent[] = [];
  const passphrases = new Map<string, string>();
  const macMix = hash32(seed, 'mac') & 0xffffff;
  const ifaceCapacity = o.agents * 3 + 1;
  const tagCapacity = o.agents * 2 + 1;
  let ifaceCount = 0;
  let tagCount = 0;
  const mac = (oui: string, n: number) => {
    const v = ((n + macMix) & 0xffffff) >>> 0;
    const b = [(v >>> 16) & 255, (v >>> 8) & 255, v & 255]
      .map((x) => x.toString(16).padStart(2, '0'))
      .join(':');
    return `${oui}:${b}`;
  };
  for (let i = 0; i < o.agents; i++) {
    const r = agentRng;
    const g = i % o.groups;
    const group = groups[g];
    const s = groupSite[g];
    const site = sites[s];
    const account = accounts[siteAccount[s]];
    const id = makeId(seed, ID_TYPES.agent, i, o.agents + o.threats);
    const osKey = r.weighted([
      ['windows', 60],
      ['macos', 25],
      ['linux', 15],
    ] as const);
    const os = OS_PROFILES[osKey];
    const osIdx = r.int(0, os.osNames.length - 1);
    const osName = os.osNames[osIdx];
    const i36 = i.toString(36).toUpperCase().padStart(4, '0');
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const username = `${first[0]}${last}`;
    let machineType: string;
    let computerName: string;
    let modelName: string;
    let serialNumber: string;
    let oui: string;
    if (osKey === 'windows') {
      const server = osName.includes('Server');
      machineType = server
        ? 'server'
        : r.weighted([
            ['laptop', 6],
            ['desktop', 4],
          ] as const);
      computerName = server
        ? `WIN-SRV${i36}${r.alnumUpper(2)}`
        : `DESKTOP-${i36}${r.alnumUpper(3)}`;
      if (server) {
        modelName = 'VMware, Inc. - VMware Virtual Platform';
        serialNumber = `VMware-56 4d ${r.hex(2)} ${r.hex(2)} ${i36.toLowerCase()} ${r.hex(2)}`;
        oui = '00:50:56';
      } else if (r.chance(0.5)) {
        modelName = `Dell Inc. - Latitude ${r.pick(['5420', '7430', '5530'])}`;
        serialNumber = `${r.alnumUpper(3)}${i36}`;
        oui = 'b0:7b:25';
      } else {
        modelName = `LENOVO - ${r.pick(['20XW004GUS', '21CB007MUS', '20T0001JUS'])}`;
        serialNumber = `PF${i36}${r.alnumUpper(4)}`;
        oui = '8c:16:45';
      }
    } else if (osKey === 'macos') {
      machineType = r.chance(0.8) ? 'laptop' : 'desktop';
      computerName = `${first}-${machineType === 'laptop' ? 'MacBook-Pro' : 'iMac'}-${i36.toLowerCase()}`;
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
          : `gke-prod-pool-${i36.toLowerCase()}-${r.alnumUpper(4).toLowerCase()}`;
      modelName = r.pick([
        'Amazon EC2 - t3.large',
        'Amazon EC2 - m5.xlarge',
        'Google - Google Compute Engine',
      ]);
      serialNumber = `ec2${r.hex(5)}-${i36.toLowerCase()}-${r.hex(6)}`;
      oui = '0a:1b:3c';
    }
    const decommissioned = r.chance(0.05);
    const ip = `10.${16 + (s % 200)}.${(i >>> 8) & 255}.${i & 255}`;
    const externalIp = `203.0.113.${r.int(1, 254)}`;
    const gatewayIp = `10.${16 + (s % 200)}.${(i >>> 8) & 255}.1`;
    const primaryMac = mac(oui, i * 3);
    const ifaces: S1NetworkInterface[] = [];
    const addIface = (iface: Omit<S1NetworkInterface, 'id'>) => {
      ifaces.push({
        id: makeId(
          seed,
          ID_TYPES.misc,
          ifaceCount++,
          ifaceCapacity,
          MISC_ID_RANGES.networkInterface,
        ),
        ...iface,
      });
    };
    const primaryName =
      osKey === 'windows' ? 'Ethernet' : osKey === 'macos' ? 'en0' : 'eth0';
    if (osKey === 'linux') {
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
      name: primaryName,
      inet: [ip],
      inet6: [`fe80::${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}`],
      physical: primaryMac,
      gatewayIp,
      gatewayMacAddress: mac('00:1a:1e', 0xfff000 + (s % 4096)),
    });
    if (i % 10 === 3) {
      // A bridge / virtual switch sharing the primary MAC address.
      addIface({
        name:
          osKey === 'windows'
            ? 'vEthernet (Default Switch)'
            : osKey === 'macos'
            ? 'bridge0'
            : 'br0',
        inet: [`172.17.${(i >>> 8) & 255}.${i & 255}`],
        inet6: [],
        physical: primaryMac,
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    } else if (machineType === 'laptop' && r.chance(0.5)) {
      addIface({
        name: osKey === 'windows' ? 'Wi-Fi' : 'en1',
        inet: [],
        inet6: [],
        physical: mac(oui, i * 3 + 1),
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    }
    if (osKey === 'windows' && i % 10 === 7) {
      addIface({
        name: 'Loopback Pseudo-Interface 1',
        inet: ['127.0.0.1'],
        inet6: ['::1'],
        physical: '00:00:00:00:00:00',
        gatewayIp: null,
        gatewayMacAddress: null,
      });
    }

    const createdMs = nowMs - r.int(30, 900) * DAY - r.int(0, DAY);
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
    const agentVersion = os.versions[versionIdx];
    const tags: S1Tag[] = [];
    if (r.chance(0.3)) {
      const count = r.int(1, 2);
      for (let t = 0; t < count; t++) {
        const [key, value] = TAG_PAIRS[(i + t * 3) % TAG_PAIRS.length];
        tags.push({
          id: makeId(
            seed,
            ID_TYPES.misc,
            tagCount++,
            tagCapacity,
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
    const agent: S1Agent = {
      id,
      uuid: r.hex(32),
      computerName,
      domain:
        osKey === 'windows'
          ? r.pick(['ACME', 'ACME', 'WORKGROUP'])
          : osKey === 'macos'
          ? 'local'
          : null,
      osType: os.osType,
      osName,
      osRevision:
        osKey === 'windows'
          ? os.revisions[osIdx]
          : os.revisions[r.int(0, os.revisions.length - 1)],
      osArch: osKey === 'macos' && r.chance(0.6) ? 'ARM64' : '64 bit',
      osUsername: osKey === 'linux' ? 'root' : username,
      machineType,
      modelName,
      serialNumber,
      cpuCount: machineType === 'server' ? r.int(1, 2) : 1,
      coreCount: machineType === 'server' ? r.pick([4, 8, 16, 32]) : r.pick([4, 8, 10, 12]),
      totalMemory: r.pick([8192, 16384, 32768, 65536]),
      agentVersion,
      isUpToDate: versionIdx === 0,
      isActive: !decommissioned,
      isDecommissioned: decommissioned,
      isUninstalled: decommissioned && r.chance(0.5),
      isPendingUninstall: false,
      infected: false,
      activeThreats: 0,
      threatRebootRequired: false,
      networkStatus: connected ? 'connected' : 'disconnected',
      lastActiveDate: date(r, lastActiveMs),
      registeredAt: date(r, createdMs),
      createdAt: date(r, createdMs),
      updatedAt: date(r, Math.max(lastActiveMs, nowMs - r.int(0, 5) * DAY)),
      lastIpToMgmt: ip,
      externalIp,
      networkInterfaces: ifaces,
      siteId: site.id,
      siteName: site.name,
      groupId: group.id,
      groupName: group.name,
      accountId: account.id,
      accountName: account.name,
      mitigationMode: r.chance(0.15) ? 'detect' : 'protect',
      mitigationModeSuspicious: r.chance(0.7) ? 'detect' : 'protect',
      scanStatus: scanDone ? 'finished' : r.pick(['none', 'started', 'aborted']),
      lastSuccessfulScanDate: scanDone
        ? date(r, Math.max(createdMs, nowMs - r.int(1, 40) * DAY))
        : null,
      firewallEnabled: r.chance(0.8),
      encryptedApplications: r.chance(0.6),
      appsVulnerabilityStatus: 'up_to_date',
      operationalState: 'na',
      lastLoggedInUserName: osKey === 'linux' ? 'ec2-user' : username,
      externalId: '',
      installerType: r.pick(os.installer),
      tags: { sentinelone: tags },
      licenseKey: licenseKeys[s],
    };
    agents.push(agent);
    const passphrase = [
      r.pick(['DEPTH', 'FOSSIL', 'PERSON', 'CANYON', 'MARBLE', 'VELVET']),
      r.pick(['ORBIT', 'TUNDRA', 'PILOT', 'HARBOR', 'QUARTZ', 'EMBER']),
      r.pick(['SPRUCE', 'LANTERN', 'MEADOW', 'COBALT', 'RIVET', 'SABLE']),
      r.alnumUpper(6),
    ].join(' ');
    passphrases.set(id, passphrase);
    secrets.push(passphrase);
  }

  // ---- hierarchy counters
  const groupIndexById = new Map(groups.map((g, i) => [g.id, i]));
  const siteIndexById = new Map(sites.map((x, i) => [x.id, i]));
  for (const agent of agents) {
    if (agent.isDecommissioned) continue;
    groups[groupIndexById.get(agent.groupId!)!].totalAgents! += 1;
    sites[siteIndexById.get(agent.siteId!)!].activeLicenses! += 1;
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
  const threats: S1Threat[] = [];
  const deletedAgentIds: string[] = [];
  const agentIndexById = new Map(agents.map((a, i) => [a.id, i]));
  for (let t = 0; t < o.threats; t++) {
    const r = threatRng;
    const deleted = agents.length === 0 || t % 20 === 3;
    let rt: S1Threat['agentRealtimeInfo'];
    let osType: string;
    if (deleted) {
      const agentId = makeId(
        seed,
        ID_TYPES.agent,
        o.agents + deletedAgentIds.length,
        o.agents + o.threats,
      );
      deletedAgentIds.push(agentId);
      const g = r.int(0, groups.length - 1);
      const site = sites[groupSite[g]];
      osType = 'windows';
      rt = {
        agentId,
        agentUuid: r.hex(32),
        agentComputerName: `DELETED-HOST-${deletedAgentIds.length}`,
        agentOsType: osType,
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
      const agent = agents[r.int(0, agents.length - 1)];
      osType = agent.osType!;
      rt = {
        agentId: agent.id,
        agentUuid: agent.uuid,
        agentComputerName: agent.computerName,
        agentOsType: agent.osType,
        agentIsActive: agent.isActive,
        agentIsDecommissioned: agent.isDecommissioned,
        siteId: agent.siteId,
        siteName: agent.siteName,
        groupId: agent.groupId,
        groupName: agent.groupName,
        accountId: agent.accountId,
        accountName: agent.accountName,
      };
    }
    const incidentStatus = r.weighted([
      ['unresolved', 35],
      ['in_progress', 15],
      ['resolved', 50],
    ] as const);
    const updatedMs = nowMs - Math.floor(r.float() * 120 * DAY);
    const createdMs = updatedMs - Math.floor(r.float() * 20 * DAY);
    const classification = r.weighted(CLASSIFICATIONS);
    const confidenceLevel = r.weighted([
      ['malicious', 60],
      ['suspicious', 35],
      ['n/a', 5],
    ] as const);
    const file = r.pick(THREAT_FILES);
    const resolved = incidentStatus === 'resolved';
    const id = makeId(seed, ID_TYPES.threat, t, o.threats);
    const created = date(r, createdMs);
    threats.push({
      id,
      threatInfo: {
        threatId: id,
        threatName: file,
        classification,
        classificationSource: r.pick(['Engine', 'Cloud', 'Static']),
        confidenceLevel,
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
          ? r.pick(['mitigated', 'marked_as_benign'])
          : r.pick(['active', 'not_mitigated', 'blocked', 'mitigated']),
        sha1: r.hex(40),
        sha256: r.hex(64),
        md5: r.hex(32),
        filePath:
          osType === 'windows'
            ? `\\Device\\HarddiskVolume3\\Users\\${r.pick(FIRST_NAMES)}\\Downloads\\${file}`
            : `/tmp/.cache/${file}`,
        fileSize: r.int(4_096, 25_000_000),
        detectionType: r.pick(['static', 'dynamic']),
        initiatedBy: r.pick(['agent_policy', 'dfi', 'star_active', 'cloud']),
        originatorProcess: r.pick(['explorer.exe', 'chrome.exe', 'outlook.exe', 'bash']),
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
    if (!deleted && !resolved) {
      const agent = agents[agentIndexById.get(rt!.agentId!)!];
      agent.activeThreats! += 1;
      agent.infected = true;
    }
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
    const poolSize = o.cvesPerVulnerableVersion + 1;
    const pool: EstateCve[] = [];
    for (let c = 0; c < poolSize && o.cvesPerVulnerableVersion > 0; c++) {
      const baseScore = Math.round((3 + appRng.float() * 6.9) * 10) / 10;
      pool.push({
        cveId: `CVE-${2020 + ((k + c) % 5)}-${10000 + k * cveStride + c}`,
        baseScore,
        severity: severityOf(baseScore),
        cvssVersion: '3.1',
        publishedDate: date(appRng, nowMs - appRng.int(30, 900) * DAY),
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
      const vulnerable = pool.length > 0 && appRng.chance(v === 0 ? 0.35 : 0.65);
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

  // ---- installs and risks: compact arrays; records are built on demand
  // (deterministically) so that large estates stay small in memory.
  const A = o.applications;
  const installAgentList: number[] = [];
  const installAppList: number[] = [];
  const installVersionList: number[] = [];
  const riskInstallList: number[] = [];
  const riskCveList: number[] = [];
  for (let i = 0; i < agents.length && A > 0; i++) {
    let vulnerable = false;
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
        vulnerable = true;
      }
    }
    if (vulnerable) agents[i].appsVulnerabilityStatus = 'patch_required';
  }
  const compact: EstateCompact = {
    installAgent: Int32Array.from(installAgentList),
    installApplication: Int32Array.from(installAppList),
    installVersion: Int32Array.from(installVersionList),
    riskInstall: Int32Array.from(riskInstallList),
    riskCve: Int32Array.from(riskCveList),
  };
  const installCount = compact.installAgent.length;
  const riskCount = compact.riskInstall.length;

  const installTiming = (n: number) => {
    const agent = agents[compact.installAgent[n]];
    const r = new Random(seed, hash32('install', n));
    const createdMs = Math.floor(parseIsoMicros(agent.createdAt!) / 1000);
    const installedMs =
      createdMs + Math.floor(r.float() * Math.max(nowMs - createdMs, DAY) * 0.9);
    const detectedMs = Math.min(nowMs, installedMs + r.int(1, 48) * HOUR);
    return { r, installedMs, detectedMs };
  };
  const scopeOf = (agent: S1Agent): RecordScope => ({
    accountId: agent.accountId!,
    siteId: agent.siteId!,
    groupId: agent.groupId!,
    agentId: agent.id,
  });

  const installAt = (n: number): EstateInstall => {
    if (!(n >= 0 && n < installCount)) throw new RangeError(`install ${n}`);
    const agent = agents[compact.installAgent[n]];
    const k = compact.installApplication[n];
    const app = applications[k];
    const version = app.versions[compact.installVersion[n]];
    const { r, installedMs, detectedMs } = installTiming(n);
    const osKey = agent.osType;
    const record: SimApplicationInstall = {
      id: makeId(seed, ID_TYPES.install, n, installCount),
      endpointId: agent.id,
      endpointUuid: agent.uuid,
      endpointName: agent.computerName,
      endpointType: agent.machineType,
      version: version.version,
      applicationInstallationDate: date(r, installedMs),
      applicationInstallationPath:
        osKey === 'windows'
          ? `C:\\Program Files\\${folders[k]}`
          : osKey === 'macos'
          ? `/Applications/${app.name}.app`
          : `/opt/${slug(app.name)}`,
      detectionDate: date(r, detectedMs),
      osType: agent.osType,
      osName: agent.osName,
      osVersion: agent.osRevision,
      siteName: agent.siteName,
      groupName: agent.groupName,
      accountName: agent.accountName,
    };
    return {
      record,
      applicationName: app.name,
      applicationVendor: app.vendor,
      applicationIndex: k,
      ...scopeOf(agent),
    };
  };

  const riskAt = (n: number): EstateRisk => {
    if (!(n >= 0 && n < riskCount)) throw new RangeError(`risk ${n}`);
    const installIndex = compact.riskInstall[n];
    const agent = agents[compact.installAgent[installIndex]];
    const app = applications[compact.installApplication[installIndex]];
    const version = app.versions[compact.installVersion[installIndex]];
    const cve = version.cves[compact.riskCve[n]];
    const { detectedMs } = installTiming(installIndex);
    const r = new Random(seed, hash32('risk', n));
    const publishedMs = Math.floor(parseIsoMicros(cve.publishedDate) / 1000);
    const riskDetectedMs = Math.max(detectedMs, publishedMs + r.int(1, 72) * HOUR);
    const lastScanMs = Math.min(
      nowMs,
      Math.max(riskDetectedMs, nowMs - r.int(1, 72) * HOUR),
    );
    const statusRoll = r.float();
    return {
      record: {
        id: makeId(seed, ID_TYPES.risk, n, riskCount),
        cveId: cve.cveId,
        applicationName: app.name,
        applicationVendor: app.vendor,
        applicationVersion: version.version,
        endpointId: agent.id,
        endpointUuid: agent.uuid,
        endpointName: agent.computerName,
        severity: cve.severity,
        baseScore: cve.baseScore,
        nvdBaseScore: cve.baseScore,
        cvssVersion: cve.cvssVersion,
        riskScore: Math.max(
          0,
          Math.min(100, Math.round(cve.baseScore * 10 + r.int(-5, 5))),
        ),
        exploitCodeMaturity: cve.exploitCodeMaturity,
        remediationLevel: cve.remediationLevel,
        reportConfidence: cve.reportConfidence,
        publishedDate: cve.publishedDate,
        detectionDate: date(r, riskDetectedMs),
        daysDetected: Math.max(0, Math.floor((nowMs - riskDetectedMs) / DAY)),
        lastScanDate: date(r, lastScanMs),
        lastScanResult: 'Succeeded',
        status:
          statusRoll < 0.85
            ? 'Detected'
            : statusRoll < 0.95
            ? 'In Progress'
            : 'Risk Acknowledged',
        mitigationStatus: statusRoll < 0.95 ? 'Not Mitigated' : 'Risk Accepted',
        markType: statusRoll < 0.95 ? null : 'Risk Accepted',
      },
      ...scopeOf(agent),
    };
  };

  let installsMemo: EstateInstall[] | undefined;
  let risksMemo: EstateRisk[] | undefined;
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
    agents,
    threats,
    applications,
    installCount,
    riskCount,
    installAt,
    riskAt,
    get installs() {
      if (!installsMemo) {
        installsMemo = [];
        for (let n = 0; n < installCount; n++) installsMemo.push(installAt(n));
      }
      return installsMemo;
    },
    get risks() {
      if (!risksMemo) {
        risksMemo = [];
        for (let n = 0; n < riskCount; n++) risksMemo.push(riskAt(n));
      }
      return risksMemo;
    },
    compact,
    deletedAgentIds,
    passphrases,
    uninstallPasswords,
    secrets,
  };
}

/** Micro-epoch of a threat's `updatedAt` (NaN when missing). */
export function threatUpdatedMicros(threat: S1Threat): number {
  const v = threat.threatInfo?.updatedAt;
  return v ? parseIsoMicros(v) : NaN;
}

/**
 * Threats a collector keeps: incident status not `resolved`, or resolved and
 * updated strictly after `now - lookbackDays` (the `updatedAt__gt` semantics).
 */
export function countThreatsInPolicy(
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
): S1Application[] {
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
    .sort((a, b) => compareStrings(a.app.name, b.app.name) || compareStrings(a.app.vendor, b.app.vendor))
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
  for (const agent of estate.agents) if (agent.isDecommissioned) decommissionedAgents++;
  let openThreats = 0;
  const deleted = new Set(estate.deletedAgentIds);
  let threatsWithDeletedAgent = 0;
  for (const threat of estate.threats) {
    if (threat.threatInfo?.incidentStatus !== 'resolved') openThreats++;
    if (deleted.has(threat.agentRealtimeInfo?.agentId ?? '')) threatsWithDeletedAgent++;
  }
  const { installApplication, installVersion, riskInstall, riskCve } = estate.compact;
  const apps = new Set<number>();
  const versions = new Set<string>();
  for (let n = 0; n < estate.installCount; n++) {
    apps.add(installApplication[n]);
    versions.add(`${installApplication[n]}:${installVersion[n]}`);
  }
  const cves = new Set<string>();
  for (let n = 0; n < estate.riskCount; n++) {
    const i = riskInstall[n];
    const version = estate.applications[installApplication[i]].versions[installVersion[i]];
    cves.add(version.cves[riskCve[n]].cveId);
  }
  return {
    accounts: estate.accounts.length,
    sites: estate.sites.length,
    groups: estate.groups.length,
    agents: estate.agents.length,
    activeAgents: estate.agents.length - decommissionedAgents,
    decommissionedAgents,
    threats: estate.threats.length,
    openThreats,
    threatsWithDeletedAgent,
    threatsInPolicy: (lookbackDays: number, at: Date = now) =>
      countThreatsInPolicy(estate, lookbackDays, at),
    resolvedLookbackDays,
    threatsInPolicyCount: countThreatsInPolicy(estate, resolvedLookbackDays, now),
    applications: apps.size,
    applicationVersions: versions.size,
    installs: estate.installCount,
    risks: estate.riskCount,
    distinctCves: cves.size,
  };
}
