import pLimit from 'p-limit';
import pMap from 'p-map';

import {
  ClientLogger,
  Query,
  RequestCounters,
  RequestObserver,
  RequestOptions,
  SentinelOneTransport,
} from './transport';
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

/**
 * What one list request is restricted to: some accounts, some sites, or
 * (when the customer configured neither) everything the token may see.
 * `src/scope` builds them from the run's scope; an id list is never empty,
 * since the API answers an empty one (`siteIds=`) with everything the token
 * may see.
 */
export type ListFilter =
  | { level: 'account'; ids: string[] }
  | { level: 'site'; ids: string[] }
  | { level: 'token' };

export interface ThreatFilter {
  incidentStatuses: string[];
  updatedAfter?: Date;
}

export interface ApplicationRef {
  applicationName: string;
  applicationVendor: string;
}

export interface SentinelOneClientOptions {
  /** The run's transport: every step shares it. */
  transport: SentinelOneTransport;
  /** The step's logger. */
  logger: ClientLogger;
  apiToken: string;
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
  /** Requests of this client's step; the transport counts the run's. */
  readonly stats: RequestCounters = { requests: 0, retries: 0 };
  private readonly transport: SentinelOneTransport;
  private readonly observer: RequestObserver;
  private readonly apiToken: string;

  constructor(options: SentinelOneClientOptions) {
    this.transport = options.transport;
    this.observer = { logger: options.logger, counters: this.stats };
    this.apiToken = options.apiToken;
  }

  /** Requests of the whole run so far, every step's. */
  get runStats(): RequestCounters {
    return this.transport.stats;
  }

  get host(): string {
    return this.transport.host;
  }

  /** How many requests the run keeps in flight at most. */
  get maxConcurrentRequests(): number {
    return this.transport.tuning.maxConcurrentRequests;
  }

  async getSystemInfo(): Promise<S1SystemInfo> {
    const body = await this.request<{ data?: S1SystemInfo }>('/system/info');
    return body?.data ?? {};
  }

  /** The token's own dates; the token travels in the body, as the API wants. */
  async getApiTokenDetails(): Promise<S1ApiTokenDetails> {
    const body = await this.request<{ data?: S1ApiTokenDetails }>(
      '/users/api-token-details',
      { method: 'POST', body: { data: { apiToken: this.apiToken } } },
    );
    return body?.data ?? {};
  }

  iterateAccounts(
    filter: ListFilter,
    onPage: PageHandler<S1Account>,
  ): Promise<IterationSummary> {
    return this.list('/accounts', filterQuery(filter), onPage);
  }

  iterateSites(
    filter: ListFilter,
    onPage: PageHandler<S1Site>,
  ): Promise<IterationSummary> {
    return this.list<S1Site, S1SitesData>(
      '/sites',
      filterQuery(filter),
      onPage,
      { extract: (data) => data?.sites ?? [] },
    );
  }

  iterateGroups(
    filter: ListFilter,
    onPage: PageHandler<S1Group>,
  ): Promise<IterationSummary> {
    return this.list('/groups', filterQuery(filter), onPage, {
      limit: PAGE_LIMITS.groups,
    });
  }

  /**
   * Decommissioned agents too: the API leaves them out unless asked.
   *
   * Each filter is a cursor stream of its own, and up to the run's cap on
   * requests in flight run side by side: a cursor allows one request in
   * flight, so a single stream leaves the network idle while pages are
   * written. Pages are still handed on one at a time, so the caller's writes
   * (and what they buffer) stay those of a single stream.
   */
  iterateAgents(
    streams: ListFilter[],
    onPage: PageHandler<S1Agent>,
  ): Promise<IterationSummary[]> {
    const oneAtATime = pLimit(1);
    const handOn: PageHandler<S1Agent> = (records, info) =>
      oneAtATime(() => onPage(records, info));
    return pMap(
      streams,
      (filter) =>
        this.list(
          '/agents',
          { ...filterQuery(filter), isDecommissioned: 'true,false' },
          handOn,
          { readAhead: streams.length < 2 },
        ),
      { concurrency: this.maxConcurrentRequests },
    );
  }

  iterateThreats(
    filter: ListFilter,
    threatFilter: ThreatFilter,
    onPage: PageHandler<S1Threat>,
  ): Promise<IterationSummary> {
    return this.list(
      '/threats',
      {
        ...filterQuery(filter),
        incidentStatuses: threatFilter.incidentStatuses.join(','),
        updatedAt__gt: threatFilter.updatedAfter?.toISOString(),
      },
      onPage,
    );
  }

  /** Application inventory, aggregated by vendor + name; rows have no id. */
  iterateApplications(
    filter: ListFilter,
    onPage: PageHandler<S1Application>,
  ): Promise<IterationSummary> {
    return this.list(
      '/application-management/inventory',
      singleIdQuery(filter),
      onPage,
      {
        identify: (app) =>
          JSON.stringify([app.applicationVendor, app.applicationName]),
      },
    );
  }

  iterateApplicationInstalls(
    filter: ListFilter,
    application: ApplicationRef,
    onPage: PageHandler<S1ApplicationInstall>,
  ): Promise<IterationSummary> {
    return this.list(
      '/application-management/inventory/endpoints',
      {
        ...singleIdQuery(filter),
        applicationName: application.applicationName,
        applicationVendor: application.applicationVendor,
      },
      onPage,
    );
  }

  iterateRisks(
    filter: ListFilter,
    onPage: PageHandler<S1Risk>,
  ): Promise<IterationSummary> {
    return this.list(
      '/application-management/risks',
      singleIdQuery(filter),
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
    const body = await this.request<{ data?: S1Policy }>(path);
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
    if ('tenant' in filter) {
      return this.list('/exclusions', { tenant: 'true' }, onPage);
    }
    const query: Query = {};
    for (const [name, ids] of Object.entries(filter)) {
      if (!ids?.length) {
        // An empty filter would list every exclusion the token may see.
        throw new Error(`Refusing an exclusions request with an empty ${name}`);
      }
      query[name] = ids.join(',');
    }
    return this.list('/exclusions', query, onPage);
  }

  /** Console users holding a role inside the scope. */
  iterateUsers(
    filter: ListFilter,
    onPage: PageHandler<S1User>,
  ): Promise<IterationSummary> {
    return this.list('/users', filterQuery(filter), onPage);
  }

  iterateServiceUsers(
    filter: ListFilter,
    onPage: PageHandler<S1ServiceUser>,
  ): Promise<IterationSummary> {
    return this.list('/service-users', filterQuery(filter), onPage);
  }

  /** Roles defined in the scope and above it (the predefined ones too). */
  iterateRoles(
    filter: ListFilter,
    onPage: PageHandler<S1Role>,
  ): Promise<IterationSummary> {
    return this.list('/rbac/roles', filterQuery(filter), onPage);
  }

  private request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.transport.request<T>(path, options, this.observer);
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
        logger: this.observer.logger,
        progressEveryPages: this.transport.tuning.progressEveryPages,
        fetchPage: async (pageQuery) => {
          const body = await this.request<Partial<S1Page<unknown>>>(path, {
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

/** A list filter as query parameters; an empty id list is refused. */
function filterQuery(filter: ListFilter): Query {
  if (filter.level === 'token') return {};
  if (!filter.ids.length) {
    // A programming error: the API would answer with everything the token sees.
    throw new Error(
      `Refusing an empty ${filter.level} filter: the API would answer with everything the token may see`,
    );
  }
  const ids = filter.ids.join(',');
  return filter.level === 'account' ? { accountIds: ids } : { siteIds: ids };
}

/**
 * Application Management takes a single account or site id ("Single Account
 * ID to filter by"): a comma-joined list is answered for its first id only.
 */
function singleIdQuery(filter: ListFilter): Query {
  if (filter.level === 'token' || filter.ids.length !== 1) {
    throw new Error(
      'Refusing an Application Management request without exactly one account or site id: the API reads only the first',
    );
  }
  return filterQuery(filter);
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
