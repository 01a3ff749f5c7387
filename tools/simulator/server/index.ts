/**
 * The project's SentinelOne Management API v2.1 simulator: an HTTP server on
 * 127.0.0.1 that serves a seeded estate under `/web/api/v2.1/`, with the real
 * auth, error bodies, cursor pagination and limits, and injectable faults.
 *
 * Behaviour worth knowing when writing tests against it:
 * - Order of checks: `/__simulator/stats` (unauthenticated, not logged) ->
 *   URL longer than 8,192 bytes (414, an nginx page) -> htmlLoginPage /
 *   redirectTo -> path outside /web/api/v2.1 (404) -> method (405 unless GET,
 *   or POST users/api-token-details) -> auth (401) -> unknown route (404) ->
 *   faults 429 then 5xx (when the path matches faultPaths) -> token scope
 *   (403 4030010) -> licence (403) -> validation (400) -> answer.
 * - Every request except the stats endpoint is logged in `requests`, with its
 *   query; `maxInFlight` is the most requests in flight at once.
 * - List endpoints reject unknown query parameters with 400 (`Unknown field.`,
 *   like the real API); an empty filter value is no filter (`siteIds=`
 *   answers everything the token may see, as the API does). Pagination
 *   parameters: limit, cursor, skip, skipCount, countOnly, sortBy, sortOrder
 *   (sorting is ignored: always by id).
 * - Application Management lists take one id per accountIds / siteIds /
 *   groupIds filter: a comma-joined list is answered for its first id.
 * - Cursors are base64 of `<endpoint>:<offset>:<page>:<filter hash>`: bound to
 *   the endpoint and the filters (not to the limit); anything else is a 400.
 * - `GET /agents` without `isDecommissioned` returns active agents only.
 * - Faults: see `faults.ts`. nullFieldRate and repeatRecordRate decisions hash
 *   the record / page, so a record looks the same wherever it appears.
 *   malformedRecords: N extra records per endpoint (not inventory rows), each
 *   placed right after a real "template" record whose copy it is (even ones
 *   without `id`, odd ones with a new id and `createdAt` / `threatInfo.createdAt`
 *   / install and risk dates set to 'not-a-date'); they follow the template's
 *   filters and count in pagination.totalItems, not in `totals`.
 */
import http from 'http';
import { AddressInfo, Socket } from 'net';

import { estateTotals, generateEstate } from '../estate';
import { PostureAccess } from '../posture';
import { FaultState, newFaultState } from './faults';
import { ListContext, ResolvedList } from './lists';
import {
  DEFAULT_TOKEN,
  FaultOptions,
  RunningSimulator,
  SimulatorOptions,
  SimulatorRequest,
} from './options';
import { handleRequest, ServerState } from './dispatch';
import { apiRoutes } from './routes';
import { scopeRules } from './scope';
import { buildSources } from './sources';

export * from './options';
export { errorBody } from './errors';

/** The token's view of the posture endpoints, from `siteScoped` / `tokenScope`. */
function postureAccess(
  options: SimulatorOptions,
  estate: ReturnType<typeof generateEstate>,
): PostureAccess {
  const { tokenScope } = options;
  const scope: PostureAccess['scope'] = tokenScope?.accountIds?.length
    ? { level: 'account', accountIds: tokenScope.accountIds }
    : tokenScope
    ? { level: 'site', siteIds: tokenScope.siteIds ?? [] }
    : options.siteScoped
    ? { level: 'site', siteIds: estate.sites.map((site) => site.id) }
    : { level: 'tenant' };
  return { scope, refusedPermissions: options.refusedPermissions };
}

function defaultExpiry(now: Date): string {
  return new Date(now.getTime() + 180 * 86_400_000)
    .toISOString()
    .replace('Z', '000Z');
}

function serverState(options: SimulatorOptions): ServerState {
  const estate = generateEstate(options);
  const totals = estateTotals(estate, {
    resolvedLookbackDays: options.resolvedLookbackDays,
  });
  const seed = estate.options.seed;
  const sources = buildSources(estate);
  const scope = scopeRules(options, sources.lookup);
  const state = {
    faults: newFaultState(seed, options.faults ?? {}) as FaultState,
  };
  const lists: ListContext = {
    estate,
    seed,
    scope,
    faults: () => state.faults,
    cache: new Map<string, ResolvedList>(),
  };
  const token = options.token ?? DEFAULT_TOKEN;
  const routes = apiRoutes({
    estate,
    token,
    tokenExpiresAt: options.tokenExpiresAt ?? defaultExpiry(estate.now),
    sources,
    scope,
    lists,
    postureAccess: postureAccess(options, estate),
  });
  return {
    options,
    estate,
    totals,
    token,
    sources,
    scope,
    routes,
    fault: state,
    requests: [] as SimulatorRequest[],
    inFlight: 0,
    maxInFlight: 0,
    warm: false,
    closed: false,
    timers: new Set<NodeJS.Timeout>(),
  };
}

/** Serializes agents in the background, in slices, without delaying startup. */
function prewarm(state: ServerState): void {
  let next = 0;
  const { estate, sources } = state;
  const step = () => {
    if (state.closed) return;
    const end = Math.min(estate.agentCount, next + 250);
    for (; next < end; next++) sources.agents.json(next);
    if (next < estate.agentCount) setImmediate(step);
    else state.warm = true;
  };
  setImmediate(step);
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const state = serverState(options);
  const sockets = new Set<Socket>();
  // Large enough that URLs up to 64 KB reach the 414 check (Node's default
  // of 16 KB would answer 431 first).
  const server = http.createServer({ maxHeaderSize: 65_536 }, (req, res) =>
    handleRequest(state, req, res),
  );
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, options.port ?? 0);
  if (options.prewarm ?? true) prewarm(state);
  else state.warm = true;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    estate: state.estate,
    totals: state.totals,
    requests: state.requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    resetRequestLog() {
      state.requests.length = 0;
      state.maxInFlight = state.inFlight;
    },
    setFaults(faults: FaultOptions) {
      state.fault.faults = newFaultState(
        state.estate.options.seed,
        faults ?? {},
      );
    },
    close() {
      if (state.closed) return Promise.resolve();
      state.closed = true;
      for (const timer of state.timers) clearTimeout(timer);
      state.timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
  };
}
