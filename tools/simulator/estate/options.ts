/** What an estate is made of: the generator's options and their defaults. */

export interface EstateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 1. */
  accounts?: number;
  /**
   * Default 2, distributed round-robin over accounts. Ignored when
   * `agentsPerSite` or `sitesPerAccount` gives the sites.
   */
  sites?: number;
  /**
   * Sites of each account, in order (zeros allowed: an account without sites).
   * Sets `accounts` to its length and `sites` to its sum.
   */
  sitesPerAccount?: number[];
  /** Total groups including each site's default group; default 4; at least `sites`. */
  groups?: number;
  /** Default 20, round-robin over groups; about 5% decommissioned. */
  agents?: number;
  /**
   * Agents of each site, in order (zeros allowed: empty sites), spread
   * round-robin over that site's groups. Sets `sites` to its length (unless
   * `sitesPerAccount` is given, which must then sum to the same length) and
   * `agents` to its sum.
   */
  agentsPerSite?: number[];
  /** Default max(6, agents / 5). */
  threats?: number;
  /** Inventory rows (vendor + name); default 8. */
  applications?: number;
  /** CVEs per vulnerable application version; default 2. */
  cvesPerVulnerableVersion?: number;
  /**
   * Real-world variations (string booleans, blank strings, docker and
   * hypervisor hosts, cloud instances, IPv6, Active Directory, ...); default
   * true. False serves records exactly as the specification declares them.
   */
  variations?: boolean;
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
  variations: boolean;
  now: Date;
  /** Sites of each account (length `accounts`, sum `sites`). */
  sitesPerAccount: number[] | null;
  /** Agents of each site (length `sites`, sum `agents`). */
  agentsPerSite: number[] | null;
}

function clampInt(value: number | undefined, fallback: number, min: number) {
  if (value === undefined || value === null || !Number.isFinite(value)) {
    return fallback;
  }
  return Math.max(min, Math.floor(value));
}

function counts(name: string, values: number[] | undefined): number[] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError(`${name}: needs at least one entry`);
  }
  return values.map((v, i) => {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`${name}[${i}]: not a count: ${v}`);
    }
    return v;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function resolveEstateOptions(
  options: EstateOptions = {},
): ResolvedEstateOptions {
  const sitesPerAccount = counts('sitesPerAccount', options.sitesPerAccount);
  const agentsPerSite = counts('agentsPerSite', options.agentsPerSite);
  if (
    sitesPerAccount &&
    agentsPerSite &&
    sum(sitesPerAccount) !== agentsPerSite.length
  ) {
    throw new RangeError(
      `sitesPerAccount sums to ${sum(
        sitesPerAccount,
      )} sites, agentsPerSite has ${agentsPerSite.length}`,
    );
  }
  const accounts = sitesPerAccount
    ? sitesPerAccount.length
    : clampInt(options.accounts, 1, 1);
  const sites = sitesPerAccount
    ? Math.max(sum(sitesPerAccount), 1)
    : agentsPerSite
    ? agentsPerSite.length
    : Math.max(clampInt(options.sites, 2, 1), accounts);
  if (sitesPerAccount && sum(sitesPerAccount) === 0) {
    throw new RangeError('sitesPerAccount: an estate needs at least one site');
  }
  const groups = Math.max(clampInt(options.groups, 4, 1), sites);
  const agents = agentsPerSite
    ? sum(agentsPerSite)
    : clampInt(options.agents, 20, 0);
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
    variations: options.variations ?? true,
    now: options.now ? new Date(options.now.getTime()) : new Date(),
    sitesPerAccount,
    agentsPerSite,
  };
}
