import pMap from 'p-map';

import { ClientLogger, Query, SentinelOneHttpClient } from './http';
import { ClientTuning, DEFAULT_TUNING } from './options';
import { IterationSummary, PageHandler, paginate } from './paginate';
import {
  S1Account,
  S1Agent,
  S1ApiTokenDetails,
  S1Application,
  S1ApplicationInstall,
  S1Exclusion,
  S1Group,
  S1Page,
  S1Policy,
  S1Risk,
  S1Role,
  S1ServiceUser,
  S1Site,
  S1SitesData,
  S1SystemInfo,
  S1Threat,
  S1User,
} from './types';

/** Largest `limit` each list endpoint accepts; larger values get a 400. */
export const PAGE_LIMITS = {
  groups: 300,
  other: 1000,
} as const;

/** Restricts list endpoints to some accounts or sites (comma-joined filters). */
export interface Scope {
  accountIds?: string[];
  siteIds?: string[];
}

export interface ThreatFilter {
  incidentStatuses: string[];
  updatedAfter?: Date;
}

export interface ApplicationRef {
  applicationName: string;
  applicationVendor: string;
}

export interface SentinelOneClientOptions {
  serverUrl: string;
  apiToken: string;
  logger: ClientLogger;
  scope?: Scope;
  tuning?: ClientTuning;
}

interface ListOptions<T, D> {
  /** Where the records sit in `data` (sites nest them). */
  extract?: (data: D | undefined) => T[];
  limit?: number;
  readAhead?: boolean;
  /** What makes two records the same one, for de-duplication across pages. */
  identify?: (record: T) => string | undefined;
}

/**
 * Read-only access to the SentinelOne Management API v2.1. Each `iterate*`
 * method streams pages to a handler and resolves with the iteration's summary;
 * nothing here knows about the graph.
 */
export class SentinelOneClient {
  private readonly http: SentinelOneHttpClient;
  private readonly logger: ClientLogger;
  private readonly tuning: ClientTuning;
  private readonly scope: Scope;
  private readonly apiToken: string;

  constructor(options: SentinelOneClientOptions) {
    this.tuning = options.tuning ?? DEFAULT_TUNING;
    this.logger = options.logger;
    this.scope = options.scope ?? {};
    this.http = new SentinelOneHttpClient(
      options.serverUrl,
      options.apiToken,
      options.logger,
      this.tuning,
    );
    this.apiToken = options.apiToken;
  }

  get stats() {
    return this.http.stats;
  }

  get host(): string {
    return this.http.host;
  }

  async getSystemInfo(): Promise<S1SystemInfo> {
    const body = await this.http.request<{ data?: S1SystemInfo }>(
      '/system/info',
    );
    return body?.data ?? {};
  }

  /** The token's own dates; the token travels in the body, as the API wants. */
  async getApiTokenDetails(): Promise<S1ApiTokenDetails> {
    const body = await this.http.request<{ data?: S1ApiTokenDetails }>(
      '/users/api-token-details',
      { method: 'POST', body: { data: { apiToken: this.apiToken } } },
    );
    return body?.data ?? {};
  }

  iterateAccounts(onPage: PageHandler<S1Account>): Promise<IterationSummary> {
    return this.list('/accounts', this.scopeQuery(['accountIds']), onPage);
  }

  iterateSites(onPage: PageHandler<S1Site>): Promise<IterationSummary> {
    return this.list<S1Site, S1SitesData>(
      '/sites',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
      { extract: (data) => data?.sites ?? [] },
    );
  }

  iterateGroups(onPage: PageHandler<S1Group>): Promise<IterationSummary> {
    return this.list(
      '/groups',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
      { limit: PAGE_LIMITS.groups },
    );
  }

  /**
   * Decommissioned agents too: the API leaves them out unless asked.
   *
   * With `siteBuckets`, each bucket of sites is a cursor stream of its own
   * and the streams run side by side: a cursor allows one request in flight,
   * so a single stream leaves the network idle while pages are written.
   * Pages are still handed on one at a time, so the caller's writes (and
   * what they buffer) stay those of a single stream.
   */
  async iterateAgents(
    onPage: PageHandler<S1Agent>,
    siteBuckets: string[][] = [],
  ): Promise<IterationSummary[]> {
    const query: Query = {
      ...this.scopeQuery(['accountIds', 'siteIds']),
      isDecommissioned: 'true,false',
    };
    if (siteBuckets.length < 2) {
      return [await this.list('/agents', query, onPage)];
    }
    const oneAtATime = serialize(onPage);
    return pMap(
      siteBuckets,
      (siteIds) =>
        this.list(
          '/agents',
          { ...query, accountIds: undefined, siteIds: siteIds.join(',') },
          oneAtATime,
          { readAhead: false },
        ),
      { concurrency: siteBuckets.length },
    );
  }

  /** How many requests this client keeps in flight at most. */
  get maxConcurrentRequests(): number {
    return this.tuning.maxConcurrentRequests;
  }

  iterateThreats(
    filter: ThreatFilter,
    onPage: PageHandler<S1Threat>,
  ): Promise<IterationSummary> {
    return this.list(
      '/threats',
      {
        ...this.scopeQuery(['accountIds', 'siteIds']),
        incidentStatuses: filter.incidentStatuses.join(','),
        updatedAt__gt: filter.updatedAfter?.toISOString(),
      },
      onPage,
    );
  }

  /** Application inventory, aggregated by vendor + name; rows have no id. */
  iterateApplications(
    onPage: PageHandler<S1Application>,
  ): Promise<IterationSummary> {
    return this.list(
      '/application-management/inventory',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
      {
        identify: (app) =>
          JSON.stringify([app.applicationVendor, app.applicationName]),
      },
    );
  }

  iterateApplicationInstalls(
    application: ApplicationRef,
    onPage: PageHandler<S1ApplicationInstall>,
  ): Promise<IterationSummary> {
    return this.list(
      '/application-management/inventory/endpoints',
      {
        ...this.scopeQuery(['accountIds', 'siteIds']),
        applicationName: application.applicationName,
        applicationVendor: application.applicationVendor,
      },
      onPage,
    );
  }

  iterateRisks(onPage: PageHandler<S1Risk>): Promise<IterationSummary> {
    return this.list(
      '/application-management/risks',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
    );
  }

  /**
   * The policy in force at one scope (one request per scope: the API has no
   * list of policies).
   */
  async getPolicy(scope: PolicyScope): Promise<S1Policy> {
    const path =
      scope.level === 'tenant'
        ? '/tenant/policy'
        : `/${POLICY_PATHS[scope.level]}/${encodeURIComponent(
            scope.id,
          )}/policy`;
    const body = await this.http.request<{ data?: S1Policy }>(path);
    return body?.data ?? {};
  }

  /**
   * Exclusions of one kind of scope: the API lists tenant-scope ones only
   * with `tenant=true`, and the others only for the ids given.
   */
  iterateExclusions(
    filter: ExclusionFilter,
    onPage: PageHandler<S1Exclusion>,
  ): Promise<IterationSummary> {
    const query: Query =
      'tenant' in filter
        ? { tenant: 'true' }
        : {
            accountIds: filter.accountIds?.join(','),
            siteIds: filter.siteIds?.join(','),
            groupIds: filter.groupIds?.join(','),
          };
    return this.list('/exclusions', query, onPage);
  }

  /** Console users holding a role inside the scope. */
  iterateUsers(onPage: PageHandler<S1User>): Promise<IterationSummary> {
    return this.list(
      '/users',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
    );
  }

  iterateServiceUsers(
    onPage: PageHandler<S1ServiceUser>,
  ): Promise<IterationSummary> {
    return this.list(
      '/service-users',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
    );
  }

  /** Roles defined in the scope and above it (the predefined ones too). */
  iterateRoles(onPage: PageHandler<S1Role>): Promise<IterationSummary> {
    return this.list(
      '/rbac/roles',
      this.scopeQuery(['accountIds', 'siteIds']),
      onPage,
    );
  }

  private scopeQuery(filters: (keyof Scope)[]): Query {
    const query: Query = {};
    for (const filter of filters) {
      const ids = this.scope[filter];
      if (ids?.length) query[filter] = ids.join(',');
    }
    return query;
  }

  private list<T, D = T[]>(
    path: string,
    query: Query,
    onPage: PageHandler<T>,
    {
      extract = (data) => (Array.isArray(data) ? data : []) as T[],
      limit = PAGE_LIMITS.other,
      readAhead = true,
      identify = (record) =>
        (record as { id?: string | null })?.id ?? undefined,
    }: ListOptions<T, D> = {},
  ): Promise<IterationSummary> {
    return paginate<T>(
      {
        path,
        query,
        limit,
        readAhead,
        identify,
        logger: this.logger,
        progressEveryPages: this.tuning.progressEveryPages,
        fetchPage: async (pageQuery) => {
          const body = await this.http.request<Partial<S1Page<unknown>>>(path, {
            query: pageQuery,
          });
          return {
            records: extract(body?.data as D | undefined),
            pagination: body?.pagination,
          };
        },
      },
      onPage,
    );
  }
}

/** Calls to the returned handler run one after another, in call order. */
function serialize<T>(handler: PageHandler<T>): PageHandler<T> {
  let previous: Promise<void> = Promise.resolve();
  return (records, info) => {
    const run = previous.then(() => handler(records, info));
    previous = run.catch(() => undefined);
    return run;
  };
}

/** A scope whose policy is read: the tenant, or one account, site or group. */
export type PolicyScope =
  | { level: 'tenant' }
  | { level: 'account' | 'site' | 'group'; id: string };

const POLICY_PATHS = {
  account: 'accounts',
  site: 'sites',
  group: 'groups',
} as const;

/** Tenant-scope exclusions, or those of the accounts, sites or groups given. */
export type ExclusionFilter =
  | { tenant: true }
  | { accountIds?: string[]; siteIds?: string[]; groupIds?: string[] };
