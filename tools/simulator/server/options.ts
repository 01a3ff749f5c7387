/** The simulator's public options and handle. */
import { Estate, EstateOptions, EstateTotals } from '../estate';
import { PosturePermission } from '../posture';

export const API_PREFIX = '/web/api/v2.1';
export const DEFAULT_TOKEN = 'simulator-api-token';
/** Unauthenticated control endpoint: request counts (not logged). */
export const STATS_PATH = '/__simulator/stats';
/** Longest request URL (bytes) the proxy in front of a console accepts. */
export const MAX_URL_BYTES = 8192;

export interface FaultOptions {
  /** Fraction of requests (seeded) answering 500/502/503, alternating JSON and HTML bodies. */
  serverErrorRate?: number;
  /**
   * 429 once this many requests have been let through in the current 1 s
   * window (429s themselves do not use the budget).
   */
  rateLimitPerSecond?: number;
  /** With 429: `Retry-After` header with this value; null/undefined: no header. */
  retryAfterSeconds?: number | null;
  /** The first N requests carrying a cursor get a 200 whose JSON body is cut mid-way. */
  truncatedPages?: number;
  /** The first N requests carrying a cursor never get an answer. */
  hangingRequests?: number;
  /** The first N requests carrying a cursor: full Content-Length, half the body, socket destroyed. */
  resetsMidBody?: number;
  /** Fraction of pages with a cursor that also carry the previous page's last record first. */
  repeatRecordRate?: number;
  /** Fraction of optional fields set to null or removed (ids and parent ids kept). */
  nullFieldRate?: number;
  /** Per list endpoint, N extra records: half without `id`, half with an unparseable date. */
  malformedRecords?: number;
  /** The third page of each iteration returns the cursor the second page returned. */
  repeatedCursor?: boolean;
  /** Restrict faults to paths (after /web/api/v2.1) starting with one of these. */
  faultPaths?: string[];
}

/**
 * What a token restricted to some sites or accounts sees: every list answers
 * only records inside them, and a request naming an account, site or group
 * outside them answers 403 4030010. A token with `siteIds` only is a site
 * user: `/accounts` and any `accountIds` answer 403 4030010.
 */
export interface TokenScope {
  siteIds?: string[];
  accountIds?: string[];
}

export interface SimulatorOptions extends EstateOptions {
  /** Default 0 (random). */
  port?: number;
  /** Delay before every response (non-blocking). */
  latencyMs?: number;
  /** Accepted token; default 'simulator-api-token'. */
  token?: string;
  /** ISO date returned by api-token-details; default now + 180 days. */
  tokenExpiresAt?: string;
  /** GET /accounts and any `accountIds` query param -> 403 code 4030010. */
  siteScoped?: boolean;
  /** The sites and accounts the token may read (default: everything). */
  tokenScope?: TokenScope;
  /** Default true; false -> application-management endpoints answer 403. */
  applicationManagementLicensed?: boolean;
  /** Every request answers 200 text/html (a login page). */
  htmlLoginPage?: boolean;
  /** Every request answers 302 to redirectTo + original path and query. */
  redirectTo?: string;
  faults?: FaultOptions;
  /** Serialize all agents in the background after listening; default true. */
  prewarm?: boolean;
  /** Look-back used for `totals.threatsInPolicyCount`; default 30. */
  resolvedLookbackDays?: number;
  /** Permissions the token lacks: each makes its posture endpoints answer 403 4030010. */
  refusedPermissions?: PosturePermission[];
}

export interface SimulatorRequest {
  method: string;
  /** Without the query, relative to the host, e.g. '/web/api/v2.1/agents'. */
  path: string;
  query: Record<string, string>;
  /** 0 while pending, or when the request was left hanging. */
  status: number;
  authorized: boolean;
}

export interface RunningSimulator {
  url: string;
  port: number;
  estate: Estate;
  totals: EstateTotals;
  requests: SimulatorRequest[];
  /**
   * The most API requests in flight at once since start (or the last
   * `resetRequestLog`): from arrival until the response ends, latency included.
   */
  readonly maxInFlight: number;
  /** Clears the request log; `maxInFlight` restarts from the requests in flight now. */
  resetRequestLog(): void;
  setFaults(faults: FaultOptions): void;
  close(): Promise<void>;
}
