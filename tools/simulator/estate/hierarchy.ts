/** The console, its user, and the account -> site -> group hierarchy. */
import { WireSystemInfo } from '../wire';
import {
  ACCOUNT_NAMES,
  GROUP_NAMES,
  OS_PROFILES,
  SITE_REGIONS,
} from './catalog';
import { base64Json, CONSOLE_URL, DAY, EstateContext, HOUR } from './context';
import { ID_TYPES, makeId, MISC_ID_RANGES } from './ids';
import { EstateAccount, EstateGroup, EstateSite, SimUser } from './types';

export interface Console {
  systemInfo: WireSystemInfo;
  user: SimUser;
  tokenCreatedAt: string;
}

export function buildConsole(ctx: EstateContext): Console {
  const r = ctx.rnd('user');
  const user: SimUser = {
    id: makeId(ctx.seed, ID_TYPES.misc, 0, 10, MISC_ID_RANGES.user),
    email: 'jupiterone-reader@acme.example',
    fullName: 'JupiterOne Reader (service user)',
    scope: 'tenant',
    lowestRole: 'Viewer',
    emailVerified: true,
    twoFaEnabled: false,
    dateJoined: ctx.date(r, ctx.nowMs - 400 * DAY),
    lastLogin: ctx.date(r, ctx.nowMs - 2 * HOUR),
    source: 'mgmt',
  };
  return {
    systemInfo: {
      build: '23.4.2.8',
      version: 'Vulcan',
      release: 'SP2',
      patch: '3',
      latestAgentVersion: OS_PROFILES.windows.versions[0],
    },
    user,
    tokenCreatedAt: ctx.date(r, ctx.nowMs - 10 * DAY),
  };
}

/** `base`, then `base 2`, `base 3`... once the list of names wraps. */
function nthName(names: readonly string[], n: number): string {
  const round = Math.floor(n / names.length);
  const base = names[n % names.length];
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function buildAccounts(ctx: EstateContext): {
  accounts: EstateAccount[];
  uninstallPasswords: Map<string, string>;
} {
  const r = ctx.rnd('accounts');
  const count = ctx.options.accounts;
  const accounts: EstateAccount[] = [];
  const uninstallPasswords = new Map<string, string>();
  for (let a = 0; a < count; a++) {
    const created = ctx.nowMs - r.int(500, 1500) * DAY;
    const id = makeId(ctx.seed, ID_TYPES.account, a, count);
    accounts.push({
      id,
      name: nthName(ACCOUNT_NAMES, a),
      accountType: 'Paid',
      state: 'active',
      isDefault: false,
      activeAgents: 0,
      numberOfSites: 0,
      totalLicenses: 0,
      expiration: ctx.date(r, ctx.nowMs + r.int(200, 700) * DAY),
      unlimitedExpiration: false,
      billingMode: 'subscription',
      usageType: 'customer',
      externalId: '',
      createdAt: ctx.date(r, created),
      updatedAt: ctx.date(r, ctx.nowMs - r.int(1, 60) * DAY),
    });
    const password = `UNINSTALL-${r.alnumUpper(6)}-${r.alnumUpper(
      6,
    )}-${r.alnumUpper(6)}`;
    uninstallPasswords.set(id, password);
    ctx.secrets.push(password);
  }
  return { accounts, uninstallPasswords };
}

/** Site s -> account index: contiguous blocks, or round-robin. */
export function siteAccounts(ctx: EstateContext): Int32Array {
  const { sites, accounts, sitesPerAccount } = ctx.options;
  const out = new Int32Array(sites);
  if (!sitesPerAccount) {
    for (let s = 0; s < sites; s++) out[s] = s % accounts;
    return out;
  }
  let s = 0;
  sitesPerAccount.forEach((n, a) => {
    for (let k = 0; k < n; k++) out[s++] = a;
  });
  return out;
}

export function buildSites(
  ctx: EstateContext,
  accounts: EstateAccount[],
  siteAccount: Int32Array,
): { sites: EstateSite[]; licenseKeys: string[] } {
  const r = ctx.rnd('sites');
  const count = ctx.options.sites;
  const sites: EstateSite[] = [];
  const licenseKeys: string[] = [];
  const accountSiteCounts = new Array<number>(accounts.length).fill(0);
  for (let s = 0; s < count; s++) {
    const account = accounts[siteAccount[s]];
    const nth = accountSiteCounts[siteAccount[s]]++;
    const region = SITE_REGIONS[nth % SITE_REGIONS.length];
    const suite = r.pick(['Complete', 'Control', 'Core'] as const);
    const registrationToken = base64Json({
      url: CONSOLE_URL,
      site_key: r.hex(16),
    });
    const licenseKey = `S1LK-${r.hex(8)}-${r.hex(8)}-${r.hex(8)}`;
    licenseKeys.push(licenseKey);
    ctx.secrets.push(registrationToken, licenseKey);
    sites.push({
      id: makeId(ctx.seed, ID_TYPES.site, s, count),
      name: `${account.name} ${nthName(SITE_REGIONS, nth)}`,
      accountId: account.id,
      accountName: account.name,
      state: 'active',
      siteType: nth === 0 ? 'Paid' : r.pick(['Paid', 'Paid', 'Trial']),
      suite,
      sku: suite,
      isDefault: nth === 0,
      activeLicenses: 0,
      totalLicenses: 0,
      unlimitedLicenses: false,
      expiration: ctx.date(r, ctx.nowMs + r.int(100, 700) * DAY),
      unlimitedExpiration: false,
      healthStatus: true,
      externalId: '',
      description: `${region} endpoints`,
      creator: ctx.creator,
      creatorId: ctx.creatorId,
      createdAt: ctx.date(r, ctx.nowMs - r.int(300, 1400) * DAY),
      updatedAt: ctx.date(r, ctx.nowMs - r.int(1, 90) * DAY),
      registrationToken,
    });
  }
  return { sites, licenseKeys };
}

/**
 * The first `sites` groups are the sites' default groups; the rest are spread
 * round-robin over the sites.
 */
export function groupSites(ctx: EstateContext): Int32Array {
  const { sites, groups } = ctx.options;
  const out = new Int32Array(groups);
  for (let g = 0; g < groups; g++) out[g] = g < sites ? g : (g - sites) % sites;
  return out;
}

export function buildGroups(
  ctx: EstateContext,
  sites: EstateSite[],
  groupSite: Int32Array,
): EstateGroup[] {
  const r = ctx.rnd('groups');
  const count = ctx.options.groups;
  const groups: EstateGroup[] = [];
  const siteGroupCounts = new Array<number>(sites.length).fill(0);
  for (let g = 0; g < count; g++) {
    const isDefault = g < sites.length;
    const site = sites[groupSite[g]];
    const name = isDefault
      ? 'Default Group'
      : nthName(GROUP_NAMES, siteGroupCounts[groupSite[g]]++);
    const type = isDefault
      ? 'static'
      : r.weighted([
          ['static', 6],
          ['dynamic', 3],
          ['pinned', 1],
        ] as const);
    const dynamic = type !== 'static';
    const registrationToken = base64Json({
      url: CONSOLE_URL,
      site_key: `g_${r.hex(16)}`,
    });
    ctx.secrets.push(registrationToken);
    groups.push({
      id: makeId(ctx.seed, ID_TYPES.group, g, count),
      name,
      siteId: site.id,
      type,
      isDefault,
      inherits: true,
      rank: dynamic ? r.int(1, 20) : null,
      totalAgents: 0,
      filterId: dynamic
        ? makeId(ctx.seed, ID_TYPES.misc, g, count, MISC_ID_RANGES.filter)
        : null,
      filterName: dynamic ? `${name} filter` : null,
      creator: ctx.creator,
      creatorId: ctx.creatorId,
      description: isDefault ? null : `${name} of ${site.name}`,
      createdAt: ctx.date(r, ctx.nowMs - r.int(100, 1200) * DAY),
      updatedAt: ctx.date(r, ctx.nowMs - r.int(0, 60) * DAY),
      registrationToken,
    });
  }
  return groups;
}

/** Fills the licence and agent counters of groups, sites and accounts. */
export function countLicenses(
  hierarchy: {
    accounts: EstateAccount[];
    sites: EstateSite[];
    groups: EstateGroup[];
    groupSite: Int32Array;
    siteAccount: Int32Array;
  },
  agentGroup: Int32Array,
  agentDecommissioned: Uint8Array,
): void {
  const { accounts, sites, groups, groupSite, siteAccount } = hierarchy;
  for (let i = 0; i < agentGroup.length; i++) {
    if (agentDecommissioned[i]) continue;
    const g = agentGroup[i];
    groups[g].totalAgents! += 1;
    sites[groupSite[g]].activeLicenses! += 1;
  }
  sites.forEach((site, s) => {
    site.totalLicenses = Math.max(
      10,
      Math.ceil(((site.activeLicenses ?? 0) * 1.25) / 10) * 10,
    );
    const account = accounts[siteAccount[s]];
    account.activeAgents! += site.activeLicenses ?? 0;
    account.numberOfSites! += 1;
    account.totalLicenses! += site.totalLicenses;
  });
}
