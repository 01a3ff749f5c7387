/**
 * The project's SentinelOne Management API v2.1 simulator: an HTTP server on
 * 127.0.0.1 that serves a seeded estate under `/web/api/v2.1/`, with the real
 * auth, error bodies, cursor pagination and limits, and injectable faults.
 *
 * Behaviour worth knowing when writing tests against it:
 * - Order of checks: `/__simulator/stats` (unauthenticated, not logged) ->
 *   htmlLoginPage / redirectTo -> path outside /web/api/v2.1 (404) -> method
 *   (405 unless GET, or POST users/api-token-details) -> auth (401) -> unknown
 *   route (404) -> faults 429 then 5xx (when the path matches faultPaths) ->
 *   site scope (403 4030010) -> licence (403) -> validation (400) -> answer.
 * - Every request except the stats endpoint is logged in `requests`.
 * - List endpoints reject unknown query parameters with 400 (`Unknown field.`,
 *   like the real API); pagination parameters: limit, cursor, skip, skipCount,
 *   countOnly, sortBy, sortOrder (sorting is ignored: always by id).
 * - Cursors are base64 of `<endpoint>:<offset>:<page>:<filter hash>`: bound to
 *   the endpoint and the filters (not to the limit); anything else is a 400.
 * - `GET /agents` without `isDecommissioned` returns active agents only.
 * - Faults: 5xx decisions come from a PRNG seeded by the estate seed and reset
 *   by setFaults, so a request sequence gets the same answers after each
 *   setFaults. hangingRequests, resetsMidBody and truncatedPages consume, in that
 *   order, the first requests carrying a (valid) cursor on a fault path:
 *   e.g. {hanging: 1, resets: 1, truncated: 1} -> 1st cursor request hangs, 2nd
 *   is reset, 3rd truncated. nullFieldRate and repeatRecordRate decisions hash
 *   the record / page, so a record looks the same wherever it appears.
 *   malformedRecords: N extra records per endpoint (not inventory rows), each
 *   placed right after a real "template" record whose copy it is (even ones
 *   without `id`, odd ones with a new id and `createdAt` / `threatInfo.createdAt`
 *   / install and risk dates set to 'not-a-date'); they follow the template's
 *   filters and count in pagination.totalItems, not in `totals`.
 * - Posture endpoints (policies, exclusions, restrictions, users, service
 *   users, roles) are answered by `./posture` (its `routes.ts` documents them);
 *   list faults (null fields, malformed records, repeats) do not apply to them.
 */
import http from 'http';
import { AddressInfo, Socket } from 'net';

import {
  Estate,
  EstateOptions,
  EstateTotals,
  estateTotals,
  generateEstate,
  ID_TYPES,
  inventoryRows,
  makeId,
  MISC_ID_RANGES,
} from './estate';
import {
  isPosturePath,
  PostureAccess,
  PosturePermission,
  postureRouter,
} from './posture';
import {
  hash32,
  hashString,
  hashUnit,
  mulberry32,
  parseIsoMicros,
} from './random';

export const API_PREFIX = '/web/api/v2.1';
export const DEFAULT_TOKEN = 'simulator-api-token';
/** Unauthenticated control endpoint: request counts (not logged). */
export const STATS_PATH = '/__simulator/stats';

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
  resetRequestLog(): void;
  setFaults(faults: FaultOptions): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- errors

interface ApiError {
  status: number;
  code: number;
  title: string;
  detail: string | Record<string, unknown> | null;
}

class HttpError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.title);
  }
}

const validation = (detail: ApiError['detail']) =>
  new HttpError({
    status: 400,
    code: 4000010,
    title: 'Validation Error',
    detail,
  });

export function errorBody(
  code: number,
  title: string,
  detail: ApiError['detail'] = null,
): string {
  return JSON.stringify({ errors: [{ code, title, detail }] });
}

const UNAUTHORIZED = errorBody(4010010, 'Authentication Failed', null);
const SITE_USER_FORBIDDEN = errorBody(
  4030010,
  'Action is not allowed to site users',
  null,
);
const NOT_LICENSED = errorBody(
  4030020,
  'Forbidden',
  'Application Management is not licensed for this account (feature not licensed)',
);
const HTML_LOGIN_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in</title></head>' +
  '<body><h1>Sign in</h1><form method="post" action="/login">' +
  '<input name="username"><input name="password" type="password">' +
  '<button type="submit">Sign in</button></form></body></html>';

function htmlError(status: number): string {
  const text = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n` +
    `<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}

// ---------------------------------------------------------------- list sources

type Predicate = (index: number) => boolean;
type FilterFactory = (value: string) => Predicate;

interface ListSource {
  name: string;
  maxLimit: number;
  size(): number;
  /** Serialized record, UTF-8 (cached). */
  json(index: number): Buffer;
  /** A fresh copy of the record, to be altered by faults. */
  record(index: number): Record<string, any>;
  filters: Record<string, FilterFactory>;
  /** Filters applied when the query does not carry them. */
  defaults?: Record<string, string>;
  /** Error detail when a required filter is missing. */
  required?: (query: Record<string, string>) => string | null;
  /** Fields never nulled by `nullFieldRate`. */
  keep: string[];
  /** Nested objects whose own fields may be nulled, with the fields kept. */
  nested?: Record<string, string[]>;
  /** Date fields corrupted in malformed records (path of keys); none: no malformed records. */
  dateFields?: string[][];
  /** Extra id fields to change with `id` (e.g. threatInfo.threatId). */
  idAliases?: string[][];
  /** Sites: the nested `data: {allSites, sites}` shape. */
  sitesShape?: boolean;
  /** Rows built per filter (inventory): replaces index lists. */
  rows?: (query: Record<string, string>) => Record<string, any>[];
}

/** A resolved (filtered, possibly augmented) list of records. */
interface ResolvedList {
  size: number;
  /** Entry k: >= 0 a record index, < 0 a malformed extra -(j + 1); null: identity. */
  entries: Int32Array | null;
  rows?: Record<string, any>[];
  rowJson?: Buffer[];
}

const PAGINATION_PARAMS = new Set([
  'limit',
  'cursor',
  'skip',
  'skipCount',
  'countOnly',
  'sortBy',
  'sortOrder',
]);

function commaList(name: string, value: string): string[] {
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  if (!items.length) throw validation({ [name]: ['Must not be empty.'] });
  return items;
}

function booleanParam(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw validation({ [name]: ['Not a valid boolean.'] });
}

function dateParam(name: string, value: string): number {
  const micros = parseIsoMicros(value);
  if (Number.isNaN(micros))
    throw validation({ [name]: ['Not a valid datetime.'] });
  return micros;
}

function idMask(
  name: string,
  value: string,
  ids: readonly string[],
  index: Map<string, number>,
): Uint8Array {
  const mask = new Uint8Array(ids.length);
  for (const id of commaList(name, value)) {
    const i = index.get(id);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}

function canonicalFilterKey(filters: Record<string, string>): string {
  return Object.keys(filters)
    .sort()
    .map((k) => `${k}=${filters[k]}`)
    .join('&');
}

function encodeCursor(
  source: string,
  offset: number,
  page: number,
  filterHash: string,
) {
  return Buffer.from(`${source}:${offset}:${page}:${filterHash}`).toString(
    'base64',
  );
}

function decodeCursor(
  cursor: string,
): { source: string; offset: number; page: number; filterHash: string } | null {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^([a-z-]+):(\d{1,12}):(\d{1,9}):([0-9a-f]{8})$/.exec(text);
  if (!m) return null;
  return {
    source: m[1],
    offset: Number(m[2]),
    page: Number(m[3]),
    filterHash: m[4],
  };
}

// ---------------------------------------------------------------- faults

interface FaultState {
  faults: FaultOptions;
  generation: number;
  random: () => number;
  windowSecond: number;
  windowCount: number;
  serverErrors: number;
  cursorRequests: number;
  nullCache: Map<string, Buffer>;
  malformedCache: Map<string, Int32Array>;
}

function newFaultState(
  seed: number,
  faults: FaultOptions,
  generation: number,
): FaultState {
  return {
    faults: { ...faults },
    generation,
    random: mulberry32(hash32(seed, 'faults')),
    windowSecond: -1,
    windowCount: 0,
    serverErrors: 0,
    cursorRequests: 0,
    nullCache: new Map(),
    malformedCache: new Map(),
  };
}

function nullify(
  value: Record<string, any>,
  rate: number,
  salt: number,
  keep: readonly string[],
  nested: Record<string, string[]> | undefined,
): Record<string, any> {
  const out: Record<string, any> = { ...value };
  for (const key of Object.keys(out)) {
    if (keep.includes(key)) continue;
    const inner = nested?.[key];
    if (inner && out[key] && typeof out[key] === 'object') {
      out[key] = nullify(out[key], rate, hash32(salt, key), inner, undefined);
      continue;
    }
    const h = hash32(salt, key);
    if (h / 4294967296 < rate) {
      if (h & 1) out[key] = null;
      else delete out[key];
    }
  }
  return out;
}

function setPath(target: Record<string, any>, path: string[], value: unknown) {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (!node[path[i]] || typeof node[path[i]] !== 'object') return;
    node[path[i]] = { ...node[path[i]] };
    node = node[path[i]];
  }
  node[path[path.length - 1]] = value;
}

// ---------------------------------------------------------------- server

export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const estate = generateEstate(options);
  const totals = estateTotals(estate, {
    resolvedLookbackDays: options.resolvedLookbackDays,
  });
  const token = options.token ?? DEFAULT_TOKEN;
  const tokenExpiresAt =
    options.tokenExpiresAt ??
    new Date(estate.now.getTime() + 180 * 86_400_000)
      .toISOString()
      .replace('Z', '000Z');
  const licensed = options.applicationManagementLicensed ?? true;
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const seed = estate.options.seed;
  const sources = buildSources(estate);
  const posture = postureRouter(estate.posture);
  const postureAccess: PostureAccess = {
    scope: options.siteScoped
      ? { level: 'site', siteIds: estate.sites.map((site) => site.id) }
      : { level: 'tenant' },
    refusedPermissions: options.refusedPermissions,
  };

  let generation = 0;
  let faultState = newFaultState(seed, options.faults ?? {}, generation);
  const requests: SimulatorRequest[] = [];
  const listCache = new Map<string, ResolvedList>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  /** Every agent's JSON is cached (stats report it: benchmarks wait for it). */
  let warm = false;
  let closed = false;

  const send = (
    res: http.ServerResponse,
    entry: SimulatorRequest | null,
    status: number,
    body: string | Buffer,
    headers: Record<string, string | number> = {},
    contentType = 'application/json',
  ) => {
    if (entry) entry.status = status;
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': buffer.length,
      ...headers,
    });
    res.end(buffer);
  };
  const sendError = (
    res: http.ServerResponse,
    entry: SimulatorRequest,
    e: ApiError,
  ) => send(res, entry, e.status, errorBody(e.code, e.title, e.detail));

  // -- lists

  const resolveList = (
    source: ListSource,
    query: Record<string, string>,
    filters: Record<string, string>,
    filterKey: string,
  ): ResolvedList => {
    const cacheKey = `${source.name}?${filterKey}`;
    let base = listCache.get(cacheKey);
    if (!base) {
      if (source.rows) {
        const rows = source.rows(query);
        base = {
          size: rows.length,
          entries: null,
          rows,
          rowJson: rows.map((r) => Buffer.from(JSON.stringify(r))),
        };
      } else {
        const predicates = Object.entries(filters).map(([name, value]) =>
          source.filters[name](value),
        );
        if (!predicates.length) {
          base = { size: source.size(), entries: null };
        } else {
          const size = source.size();
          const out: number[] = [];
          for (let i = 0; i < size; i++) {
            let ok = true;
            for (const p of predicates) {
              if (!p(i)) {
                ok = false;
                break;
              }
            }
            if (ok) out.push(i);
          }
          base = { size: out.length, entries: Int32Array.from(out) };
        }
      }
      if (listCache.size > 2000) listCache.clear();
      listCache.set(cacheKey, base);
    }
    const malformed = Math.max(
      0,
      Math.floor(faultState.faults.malformedRecords ?? 0),
    );
    if (!malformed || !source.dateFields || base.rows) return base;
    let augmented = faultState.malformedCache.get(cacheKey);
    if (!augmented) {
      const total = source.size();
      const templates = new Map<number, number[]>();
      for (let j = 0; j < malformed && total > 0; j++) {
        const t = Math.min(
          total - 1,
          Math.floor(((j + 0.5) * total) / malformed),
        );
        templates.set(t, [...(templates.get(t) ?? []), j]);
      }
      const out: number[] = [];
      for (let k = 0; k < base.size; k++) {
        const index = base.entries ? base.entries[k] : k;
        out.push(index);
        for (const j of templates.get(index) ?? []) out.push(-(j + 1));
      }
      augmented = Int32Array.from(out);
      faultState.malformedCache.set(cacheKey, augmented);
    }
    return { size: augmented.length, entries: augmented };
  };

  const malformedRecord = (
    source: ListSource,
    j: number,
  ): Record<string, any> => {
    const total = source.size();
    const malformed = Math.max(
      1,
      Math.floor(faultState.faults.malformedRecords ?? 1),
    );
    const t = Math.min(total - 1, Math.floor(((j + 0.5) * total) / malformed));
    const record = source.record(t);
    if (j % 2 === 0) {
      delete record.id;
    } else {
      const id = makeId(
        seed,
        ID_TYPES.misc,
        (hashString(source.name) % 1000) * 10_000 + j,
        10_000_000,
        MISC_ID_RANGES.malformed,
      );
      record.id = id;
      for (const path of source.idAliases ?? []) setPath(record, path, id);
      for (const path of source.dateFields ?? [])
        setPath(record, path, 'not-a-date');
    }
    return record;
  };

  const entryJson = (
    source: ListSource,
    list: ResolvedList,
    k: number,
  ): Buffer => {
    if (list.rows) {
      const rate = faultState.faults.nullFieldRate ?? 0;
      if (rate > 0) {
        return jsonBuffer(
          nullify(
            list.rows[k],
            rate,
            hash32(seed, source.name, k),
            source.keep,
            source.nested,
          ),
        );
      }
      return list.rowJson![k];
    }
    const index = list.entries ? list.entries[k] : k;
    const rate = faultState.faults.nullFieldRate ?? 0;
    if (index >= 0 && rate <= 0) return source.json(index);
    const cacheKey = `${source.name}:${index}`;
    const cached = faultState.nullCache.get(cacheKey);
    if (cached !== undefined) return cached;
    let record =
      index >= 0 ? source.record(index) : malformedRecord(source, -index - 1);
    if (rate > 0) {
      record = nullify(
        record,
        rate,
        hash32(seed, source.name, index),
        source.keep,
        source.nested,
      );
    }
    const json = jsonBuffer(record);
    faultState.nullCache.set(cacheKey, json);
    return json;
  };

  const handleList = (
    res: http.ServerResponse,
    entry: SimulatorRequest,
    source: ListSource,
    query: Record<string, string>,
    eligible: boolean,
  ) => {
    const filters: Record<string, string> = { ...(source.defaults ?? {}) };
    for (const [name, value] of Object.entries(query)) {
      if (PAGINATION_PARAMS.has(name)) continue;
      if (!source.filters[name])
        throw validation({ [name]: ['Unknown field.'] });
      filters[name] = value;
    }
    const requiredError = source.required?.(query);
    if (requiredError) throw validation(requiredError);
    // Validate every filter value now (also for cached lists).
    for (const [name, value] of Object.entries(filters))
      source.filters[name](value);

    let limit = 10;
    if (query.limit !== undefined) {
      if (!/^-?\d+$/.test(query.limit))
        throw validation({ limit: ['Not a valid integer.'] });
      limit = Number(query.limit);
      if (limit < 1 || limit > source.maxLimit) {
        throw validation({
          limit: [
            `Must be greater than or equal to 1 and less than or equal to ${source.maxLimit}.`,
          ],
        });
      }
    }
    const countOnly =
      query.countOnly !== undefined &&
      booleanParam('countOnly', query.countOnly);
    const skipCount =
      query.skipCount !== undefined &&
      booleanParam('skipCount', query.skipCount);
    const filterKey = canonicalFilterKey(filters);
    const filterHash = hash32(source.name, filterKey)
      .toString(16)
      .padStart(8, '0');
    const list = resolveList(source, query, filters, filterKey);

    let offset = 0;
    let page = 0;
    const cursor = query.cursor;
    if (cursor !== undefined) {
      const decoded = decodeCursor(cursor);
      if (
        !decoded ||
        decoded.source !== source.name ||
        decoded.filterHash !== filterHash ||
        decoded.offset > list.size
      ) {
        throw validation({ cursor: ['Invalid cursor.'] });
      }
      offset = decoded.offset;
      page = decoded.page;
    } else if (query.skip !== undefined) {
      if (!/^\d+$/.test(query.skip) || Number(query.skip) > 1000) {
        throw validation({
          skip: [
            'Must be greater than or equal to 0 and less than or equal to 1000.',
          ],
        });
      }
      offset = Math.min(Number(query.skip), list.size);
    }

    const faults = faultState.faults;
    const items: Buffer[] = [];
    let nextCursor: string | null = null;
    if (!countOnly) {
      const end = Math.min(list.size, offset + limit);
      if (
        eligible &&
        cursor !== undefined &&
        offset > 0 &&
        (faults.repeatRecordRate ?? 0) > 0 &&
        hashUnit(seed, 'repeat', source.name, filterKey, offset) <
          (faults.repeatRecordRate ?? 0)
      ) {
        items.push(entryJson(source, list, offset - 1));
      }
      for (let k = offset; k < end; k++) items.push(entryJson(source, list, k));
      if (end < list.size)
        nextCursor = encodeCursor(source.name, end, page + 1, filterHash);
      if (
        eligible &&
        faults.repeatedCursor &&
        page === 2 &&
        cursor !== undefined
      ) {
        nextCursor = cursor;
      }
    }
    const pagination = JSON.stringify({
      totalItems: skipCount ? null : list.size,
      nextCursor,
    });
    let head: string;
    let tail: string;
    if (source.sitesShape) {
      let activeLicenses = 0;
      let totalLicenses = 0;
      for (let k = 0; k < list.size; k++) {
        const index = list.entries ? list.entries[k] : k;
        if (index < 0) continue;
        activeLicenses += estate.sites[index].activeLicenses ?? 0;
        totalLicenses += estate.sites[index].totalLicenses ?? 0;
      }
      const allSites = JSON.stringify({ activeLicenses, totalLicenses });
      head = `{"data":{"allSites":${allSites},"sites":[`;
      tail = `]},"pagination":${pagination}}`;
    } else {
      head = '{"data":[';
      tail = `],"pagination":${pagination}}`;
    }
    const body = joinBuffers(head, items, tail);

    if (eligible && cursor !== undefined) {
      const n = faultState.cursorRequests++;
      const hanging = Math.max(0, faults.hangingRequests ?? 0);
      const resets = Math.max(0, faults.resetsMidBody ?? 0);
      const truncated = Math.max(0, faults.truncatedPages ?? 0);
      if (n < hanging) {
        entry.status = 0;
        return; // never answered; the socket is destroyed on close
      }
      if (n < hanging + resets) {
        entry.status = 200;
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': body.length,
        });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          res.socket?.destroy();
        });
        return;
      }
      if (n < hanging + resets + truncated) {
        send(res, entry, 200, body.subarray(0, Math.floor(body.length / 2)));
        return;
      }
    }
    send(res, entry, 200, body);
  };

  // -- routing

  const listRoutes: Record<string, ListSource> = {
    '/accounts': sources.accounts,
    '/sites': sources.sites,
    '/groups': sources.groups,
    '/agents': sources.agents,
    '/agents/passphrases': sources.passphrases,
    '/threats': sources.threats,
    '/application-management/inventory': sources.inventory,
    '/application-management/inventory/endpoints': sources.installs,
    '/application-management/risks': sources.risks,
  };
  const groupIndex = new Map(estate.groups.map((g, i) => [g.id, i]));
  const siteIndex = new Map(estate.sites.map((s, i) => [s.id, i]));

  type Handler = (
    res: http.ServerResponse,
    entry: SimulatorRequest,
    query: Record<string, string>,
    body: string,
    eligible: boolean,
  ) => void;

  const routeFor = (method: string, apiPath: string): Handler | null => {
    if (method === 'POST') {
      if (apiPath !== '/users/api-token-details') return null;
      return (res, entry, _query, body) => {
        let parsed: any;
        try {
          parsed = JSON.parse(body);
        } catch {
          throw validation('Request body is not valid JSON.');
        }
        const apiToken = parsed?.data?.apiToken;
        if (typeof apiToken !== 'string' || !apiToken) {
          throw validation({
            data: { apiToken: ['Missing data for required field.'] },
          });
        }
        if (apiToken !== token) {
          throw new HttpError({
            status: 401,
            code: 4010010,
            title: 'Authentication Failed',
            detail: null,
          });
        }
        send(
          res,
          entry,
          200,
          JSON.stringify({
            data: {
              createdAt: estate.tokenCreatedAt,
              expiresAt: tokenExpiresAt,
            },
          }),
        );
      };
    }
    const list = listRoutes[apiPath];
    if (list) {
      return (res, entry, query, _body, eligible) =>
        handleList(res, entry, list, query, eligible);
    }
    if (apiPath === '/system/info') {
      return (res, entry) =>
        send(res, entry, 200, JSON.stringify({ data: estate.systemInfo }));
    }
    if (apiPath === '/user') {
      return (res, entry) =>
        send(
          res,
          entry,
          200,
          JSON.stringify({
            data: {
              ...estate.user,
              scope: options.siteScoped ? 'site' : estate.user.scope,
            },
          }),
        );
    }
    let m = /^\/(groups|sites)\/(\d+)\/token$/.exec(apiPath);
    if (m) {
      const kind = m[1];
      const id = m[2];
      return (res, entry) => {
        const i = kind === 'groups' ? groupIndex.get(id) : siteIndex.get(id);
        if (i === undefined) throw notFound(apiPath);
        const tokenValue =
          kind === 'groups'
            ? estate.groups[i].registrationToken
            : estate.sites[i].registrationToken;
        send(res, entry, 200, JSON.stringify({ data: { token: tokenValue } }));
      };
    }
    m = /^\/accounts\/(\d+)\/uninstall-password\/view$/.exec(apiPath);
    if (m) {
      const id = m[1];
      return (res, entry) => {
        const password = estate.uninstallPasswords.get(id);
        if (!password) throw notFound(apiPath);
        send(res, entry, 200, JSON.stringify({ data: { password } }));
      };
    }
    if (isPosturePath(apiPath)) {
      return (res, entry, query) => {
        const answer = posture(method, apiPath, query, postureAccess);
        if (!answer) throw notFound(apiPath);
        send(res, entry, answer.status, JSON.stringify(answer.body));
      };
    }
    return null;
  };

  const faultEligible = (apiPath: string) => {
    const paths = faultState.faults.faultPaths;
    return (
      !paths || paths.length === 0 || paths.some((p) => apiPath.startsWith(p))
    );
  };

  // Returns true when a fault answered the request.
  const preRouteFaults = (
    res: http.ServerResponse,
    entry: SimulatorRequest,
  ): boolean => {
    const faults = faultState.faults;
    const limit = faults.rateLimitPerSecond;
    if (limit !== undefined && limit !== null && limit >= 0) {
      const second = Math.floor(Date.now() / 1000);
      if (second !== faultState.windowSecond) {
        faultState.windowSecond = second;
        faultState.windowCount = 0;
      }
      // Like nginx's limit_req: only the requests let through use the budget,
      // so clients that back off are not starved by their own rejected retries.
      if (faultState.windowCount >= limit) {
        const headers: Record<string, string> = {};
        if (
          faults.retryAfterSeconds !== undefined &&
          faults.retryAfterSeconds !== null
        ) {
          headers['Retry-After'] = String(faults.retryAfterSeconds);
        }
        send(
          res,
          entry,
          429,
          errorBody(4290010, 'Too Many Requests', null),
          headers,
        );
        return true;
      }
      faultState.windowCount++;
    }
    const rate = faults.serverErrorRate ?? 0;
    if (rate > 0 && faultState.random() < rate) {
      const n = faultState.serverErrors++;
      const status = [500, 502, 503][n % 3];
      if (n % 2 === 0) {
        send(res, entry, status, errorBody(5000010, 'Server Error', null));
      } else {
        send(res, entry, status, htmlError(status), {}, 'text/html');
      }
      return true;
    }
    return false;
  };

  const handle = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: string,
  ) => {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q < 0 ? target : target.slice(0, q);
    const method = (req.method ?? 'GET').toUpperCase();
    const query: Record<string, string> = {};
    new URLSearchParams(q < 0 ? '' : target.slice(q + 1)).forEach(
      (value, key) => {
        query[key] = value;
      },
    );

    if (path === STATS_PATH && method === 'GET') {
      const requestsByPath: Record<string, number> = {};
      const statusCounts: Record<string, number> = {};
      for (const r of requests) {
        requestsByPath[r.path] = (requestsByPath[r.path] ?? 0) + 1;
        statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
      }
      send(
        res,
        null,
        200,
        JSON.stringify({
          requests: requests.length,
          requestsByPath,
          statusCounts,
          totals,
          warm,
        }),
      );
      return;
    }

    const auth = req.headers.authorization;
    const entry: SimulatorRequest = {
      method,
      path,
      query,
      status: 0,
      authorized: auth === `ApiToken ${token}`,
    };
    requests.push(entry);

    if (options.htmlLoginPage) {
      send(res, entry, 200, HTML_LOGIN_PAGE, {}, 'text/html; charset=utf-8');
      return;
    }
    if (options.redirectTo) {
      const location =
        options.redirectTo.replace(/\/+$/, '') + (req.url ?? '/');
      send(res, entry, 302, '', { Location: location }, 'text/plain');
      return;
    }
    if (!(path === API_PREFIX || path.startsWith(`${API_PREFIX}/`))) {
      send(
        res,
        entry,
        404,
        errorBody(4040010, 'Not Found', `No route for ${path}`),
      );
      return;
    }
    const apiPath = path.slice(API_PREFIX.length);
    const writeAllowed =
      method === 'POST' && apiPath === '/users/api-token-details';
    if (method !== 'GET' && !writeAllowed) {
      send(
        res,
        entry,
        405,
        errorBody(4050010, 'Method Not Allowed', `${method} is not allowed`),
        {
          Allow: 'GET',
        },
      );
      return;
    }
    if (!entry.authorized) {
      send(res, entry, 401, UNAUTHORIZED);
      return;
    }
    const handler = routeFor(method, apiPath);
    if (!handler) {
      send(
        res,
        entry,
        404,
        errorBody(4040010, 'Not Found', `No route for ${path}`),
      );
      return;
    }
    const eligible = faultEligible(apiPath);
    if (eligible && preRouteFaults(res, entry)) return;
    try {
      if (
        options.siteScoped &&
        (apiPath.startsWith('/accounts') || query.accountIds !== undefined)
      ) {
        send(res, entry, 403, SITE_USER_FORBIDDEN);
        return;
      }
      if (!licensed && apiPath.startsWith('/application-management')) {
        send(res, entry, 403, NOT_LICENSED);
        return;
      }
      handler(res, entry, query, body, eligible);
    } catch (error) {
      if (error instanceof HttpError) sendError(res, entry, error.apiError);
      else {
        send(
          res,
          entry,
          500,
          errorBody(
            5000010,
            'Server Error',
            String((error as Error)?.message ?? error),
          ),
        );
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1_000_000) chunks.push(chunk);
    });
    req.on('end', () => {
      if (closed) return;
      const body = Buffer.concat(chunks).toString('utf8');
      const run = () => {
        if (closed || res.destroyed) return;
        handle(req, res, body);
      };
      if (latencyMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          run();
        }, latencyMs);
        timers.add(timer);
      } else {
        run();
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  if (options.prewarm ?? true) {
    // Serialize agents in the background, in small slices, so that the first
    // collection is served from the cache without delaying startup.
    let next = 0;
    const step = () => {
      if (closed) return;
      const end = Math.min(estate.agentCount, next + 250);
      for (; next < end; next++) sources.agents.json(next);
      if (next < estate.agentCount) setImmediate(step);
      else warm = true;
    };
    setImmediate(step);
  } else {
    warm = true;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    estate,
    totals,
    requests,
    resetRequestLog() {
      requests.length = 0;
    },
    setFaults(faults: FaultOptions) {
      generation++;
      faultState = newFaultState(seed, faults ?? {}, generation);
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
  };
}

function notFound(path: string) {
  return new HttpError({
    status: 404,
    code: 4040010,
    title: 'Not Found',
    detail: `No such resource: ${path}`,
  });
}

// ---------------------------------------------------------------- sources

function jsonBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

const COMMA = Buffer.from(',');

/** `head` + items joined by commas + `tail`, in one allocation. */
function joinBuffers(head: string, items: Buffer[], tail: string): Buffer {
  const parts: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(items[i]);
  }
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

function cachedJson(
  size: number,
  build: (i: number) => unknown,
): (i: number) => Buffer {
  // Preallocated, so that filling it out of order keeps fast elements.
  const cache: (Buffer | undefined)[] = new Array(size).fill(undefined);
  return (i: number) => {
    let json = cache[i];
    if (json === undefined) {
      json = jsonBuffer(build(i));
      cache[i] = json;
    }
    return json;
  };
}

function buildSources(estate: Estate) {
  const { compact } = estate;
  const accountIds = estate.accounts.map((a) => a.id);
  const siteIds = estate.sites.map((s) => s.id);
  const groupIds = estate.groups.map((g) => g.id);
  const accountIndex = new Map(accountIds.map((id, i) => [id, i]));
  const siteIndex = new Map(siteIds.map((id, i) => [id, i]));
  const groupIndex = new Map(groupIds.map((id, i) => [id, i]));
  const siteOfGroup = compact.groupSite;
  const accountOfSite = compact.siteAccount;
  let agentIndexCache: Map<string, number> | undefined;
  const agentIndex = () => {
    if (!agentIndexCache) {
      agentIndexCache = new Map();
      for (let i = 0; i < estate.agentCount; i++) {
        agentIndexCache.set(estate.agentIdAt(i), i);
      }
    }
    return agentIndexCache;
  };

  const accountMask = (v: string) =>
    idMask('accountIds', v, accountIds, accountIndex);
  const siteMask = (v: string) => idMask('siteIds', v, siteIds, siteIndex);
  const groupMask = (v: string) => idMask('groupIds', v, groupIds, groupIndex);

  /** Scope filters for anything that resolves to an agent index. */
  const agentScopeFilters = (
    agentOf: (n: number) => number,
  ): Record<string, FilterFactory> => ({
    accountIds: (v) => {
      const mask = accountMask(v);
      return (n) =>
        mask[accountOfSite[siteOfGroup[compact.agentGroup[agentOf(n)]]]] === 1;
    },
    siteIds: (v) => {
      const mask = siteMask(v);
      return (n) => mask[siteOfGroup[compact.agentGroup[agentOf(n)]]] === 1;
    },
    groupIds: (v) => {
      const mask = groupMask(v);
      return (n) => mask[compact.agentGroup[agentOf(n)]] === 1;
    },
  });
  const isDecommissioned: FilterFactory = (v) => {
    const values = new Set(commaList('isDecommissioned', v));
    for (const x of values) {
      if (x !== 'true' && x !== 'false') {
        throw validation({
          isDecommissioned: ['Must be true, false or true,false.'],
        });
      }
    }
    const t = values.has('true');
    const f = values.has('false');
    return (i) => (compact.agentDecommissioned[i] === 1 ? t : f);
  };
  const agentIds: FilterFactory = (v) => {
    const index = agentIndex();
    const wanted = new Set<number>();
    for (const id of commaList('ids', v)) {
      const i = index.get(id);
      if (i !== undefined) wanted.add(i);
    }
    return (i) => wanted.has(i);
  };
  const agentFilters: Record<string, FilterFactory> = {
    ...agentScopeFilters((i) => i),
    isDecommissioned,
    ids: agentIds,
    uuids: (v) => {
      const wanted = new Set(commaList('uuids', v));
      return (i) => wanted.has(estate.agentAt(i).uuid ?? '');
    },
    computerName: (v) => (i) => estate.agentAt(i).computerName === v,
  };

  const accounts: ListSource = {
    name: 'accounts',
    maxLimit: 1000,
    size: () => estate.accounts.length,
    json: cachedJson(estate.accounts.length, (i) => estate.accounts[i]),
    record: (i) => ({ ...estate.accounts[i] }),
    filters: {
      accountIds: (v) => {
        const mask = accountMask(v);
        return (i) => mask[i] === 1;
      },
      ids: (v) => {
        const mask = idMask('ids', v, accountIds, accountIndex);
        return (i) => mask[i] === 1;
      },
      states: (v) => {
        const wanted = new Set(commaList('states', v));
        return (i) => wanted.has(estate.accounts[i].state ?? '');
      },
    },
    keep: ['id'],
    dateFields: [['createdAt']],
  };

  const sites: ListSource = {
    name: 'sites',
    maxLimit: 1000,
    size: () => estate.sites.length,
    json: cachedJson(estate.sites.length, (i) => estate.sites[i]),
    record: (i) => ({ ...estate.sites[i] }),
    filters: {
      accountIds: (v) => {
        const mask = accountMask(v);
        return (i) => mask[accountOfSite[i]] === 1;
      },
      siteIds: (v) => {
        const mask = siteMask(v);
        return (i) => mask[i] === 1;
      },
      state: (v) => {
        const wanted = new Set(commaList('state', v));
        return (i) => wanted.has(estate.sites[i].state ?? '');
      },
      siteType: (v) => (i) => estate.sites[i].siteType === v,
    },
    keep: ['id', 'accountId'],
    dateFields: [['createdAt']],
    sitesShape: true,
  };

  const groups: ListSource = {
    name: 'groups',
    maxLimit: 300,
    size: () => estate.groups.length,
    json: cachedJson(estate.groups.length, (i) => estate.groups[i]),
    record: (i) => ({ ...estate.groups[i] }),
    filters: {
      accountIds: (v) => {
        const mask = accountMask(v);
        return (i) => mask[accountOfSite[siteOfGroup[i]]] === 1;
      },
      siteIds: (v) => {
        const mask = siteMask(v);
        return (i) => mask[siteOfGroup[i]] === 1;
      },
      groupIds: (v) => {
        const mask = groupMask(v);
        return (i) => mask[i] === 1;
      },
      type: (v) => {
        const wanted = new Set(commaList('type', v));
        return (i) => wanted.has(estate.groups[i].type ?? '');
      },
      isDefault: (v) => {
        const wanted = booleanParam('isDefault', v);
        return (i) => estate.groups[i].isDefault === wanted;
      },
    },
    keep: ['id', 'siteId'],
    dateFields: [['createdAt']],
  };

  const agents: ListSource = {
    name: 'agents',
    maxLimit: 1000,
    size: () => estate.agentCount,
    json: cachedJson(estate.agentCount, (i) => estate.agentAt(i)),
    record: (i) => estate.agentAt(i),
    filters: agentFilters,
    defaults: { isDecommissioned: 'false' },
    keep: ['id', 'siteId', 'groupId', 'accountId'],
    dateFields: [['createdAt']],
  };

  const passphrases: ListSource = {
    name: 'passphrases',
    maxLimit: 1000,
    size: () => estate.agentCount,
    json: (i) => jsonBuffer(passphraseRecord(i)),
    record: (i) => passphraseRecord(i),
    filters: agentFilters,
    defaults: { isDecommissioned: 'false' },
    keep: ['id'],
  };
  const passphraseRecord = (i: number) => {
    const agent = estate.agentAt(i);
    return {
      id: agent.id,
      uuid: agent.uuid,
      computerName: agent.computerName,
      passphrase: estate.passphraseAt(i),
    };
  };

  // Threats: per-threat lookups precomputed once.
  const threatSite = estate.threats.map(
    (t) => siteIndex.get(t.agentRealtimeInfo?.siteId ?? '') ?? -1,
  );
  const threatGroup = estate.threats.map(
    (t) => groupIndex.get(t.agentRealtimeInfo?.groupId ?? '') ?? -1,
  );
  const threatUpdated = estate.threats.map((t) =>
    parseIsoMicros(t.threatInfo?.updatedAt ?? ''),
  );
  const threatCreated = estate.threats.map((t) =>
    parseIsoMicros(t.threatInfo?.createdAt ?? ''),
  );
  const threatIndex = new Map(estate.threats.map((t, i) => [t.id, i]));
  const INCIDENT_STATUSES = new Set(['unresolved', 'in_progress', 'resolved']);
  const dateFilter =
    (name: string, values: number[], gt: boolean): FilterFactory =>
    (v) => {
      const at = dateParam(name, v);
      return gt ? (i) => values[i] > at : (i) => values[i] < at;
    };
  const threats: ListSource = {
    name: 'threats',
    maxLimit: 1000,
    size: () => estate.threats.length,
    json: cachedJson(estate.threats.length, (i) => estate.threats[i]),
    record: (i) => {
      const t = estate.threats[i];
      return {
        ...t,
        threatInfo: t.threatInfo ? { ...t.threatInfo } : t.threatInfo,
        agentRealtimeInfo: t.agentRealtimeInfo
          ? { ...t.agentRealtimeInfo }
          : t.agentRealtimeInfo,
      };
    },
    filters: {
      accountIds: (v) => {
        const mask = accountMask(v);
        return (i) =>
          threatSite[i] >= 0 && mask[accountOfSite[threatSite[i]]] === 1;
      },
      siteIds: (v) => {
        const mask = siteMask(v);
        return (i) => threatSite[i] >= 0 && mask[threatSite[i]] === 1;
      },
      groupIds: (v) => {
        const mask = groupMask(v);
        return (i) => threatGroup[i] >= 0 && mask[threatGroup[i]] === 1;
      },
      agentIds: (v) => {
        const wanted = new Set(commaList('agentIds', v));
        return (i) =>
          wanted.has(estate.threats[i].agentRealtimeInfo?.agentId ?? '');
      },
      ids: (v) => {
        const wanted = new Set<number>();
        for (const id of commaList('ids', v)) {
          const i = threatIndex.get(id);
          if (i !== undefined) wanted.add(i);
        }
        return (i) => wanted.has(i);
      },
      incidentStatuses: (v) => {
        const wanted = new Set(commaList('incidentStatuses', v));
        for (const s of wanted) {
          if (!INCIDENT_STATUSES.has(s)) {
            throw validation({ incidentStatuses: [`Invalid value: ${s}.`] });
          }
        }
        return (i) =>
          wanted.has(estate.threats[i].threatInfo?.incidentStatus ?? '');
      },
      resolved: (v) => {
        const wanted = booleanParam('resolved', v);
        return (i) =>
          (estate.threats[i].threatInfo?.incidentStatus === 'resolved') ===
          wanted;
      },
      updatedAt__gt: dateFilter('updatedAt__gt', threatUpdated, true),
      updatedAt__lt: dateFilter('updatedAt__lt', threatUpdated, false),
      createdAt__gt: dateFilter('createdAt__gt', threatCreated, true),
      createdAt__lt: dateFilter('createdAt__lt', threatCreated, false),
    },
    keep: ['id'],
    nested: {
      threatInfo: [],
      agentRealtimeInfo: ['agentId', 'siteId', 'groupId', 'accountId'],
    },
    dateFields: [['threatInfo', 'createdAt']],
    idAliases: [['threatInfo', 'threatId']],
  };

  const scopeRequired = (query: Record<string, string>) =>
    query.accountIds === undefined && query.siteIds === undefined
      ? 'One of accountIds or siteIds is required.'
      : null;
  const installAgent = (n: number) => compact.installAgent[n];
  const installScope = agentScopeFilters(installAgent);

  const inventory: ListSource = {
    name: 'inventory',
    maxLimit: 1000,
    size: () => 0,
    json: () => Buffer.from('{}'),
    record: () => ({}),
    filters: {
      accountIds: installScope.accountIds,
      siteIds: installScope.siteIds,
      groupIds: installScope.groupIds,
    },
    required: scopeRequired,
    keep: ['applicationName', 'applicationVendor'],
    rows: (query) => {
      const predicates = (['accountIds', 'siteIds', 'groupIds'] as const)
        .filter((name) => query[name] !== undefined)
        .map((name) => installScope[name](query[name]));
      const indices: number[] = [];
      for (let n = 0; n < estate.installCount; n++) {
        if (predicates.every((p) => p(n))) indices.push(n);
      }
      return inventoryRows(estate, indices) as Record<string, any>[];
    },
  };

  const installs: ListSource = {
    name: 'installs',
    maxLimit: 1000,
    size: () => estate.installCount,
    json: cachedJson(estate.installCount, (n) => estate.installAt(n).record),
    record: (n) => estate.installAt(n).record,
    filters: {
      ...installScope,
      applicationName: (v) => (n) =>
        estate.applications[compact.installApplication[n]].name === v,
      applicationVendor: (v) => (n) =>
        estate.applications[compact.installApplication[n]].vendor === v,
    },
    required: (query) => {
      if (
        query.applicationName === undefined ||
        query.applicationVendor === undefined
      ) {
        return 'applicationName and applicationVendor are required.';
      }
      return scopeRequired(query);
    },
    keep: ['id', 'endpointId'],
    dateFields: [['applicationInstallationDate'], ['detectionDate']],
  };

  const riskAgent = (n: number) => compact.installAgent[compact.riskInstall[n]];
  const risks: ListSource = {
    name: 'risks',
    maxLimit: 1000,
    size: () => estate.riskCount,
    json: cachedJson(estate.riskCount, (n) => estate.riskAt(n).record),
    record: (n) => estate.riskAt(n).record,
    filters: agentScopeFilters(riskAgent),
    required: scopeRequired,
    keep: ['id', 'endpointId'],
    dateFields: [['detectionDate']],
  };

  return {
    accounts,
    sites,
    groups,
    agents,
    passphrases,
    threats,
    inventory,
    installs,
    risks,
  };
}
