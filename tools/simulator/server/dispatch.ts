/**
 * One request from arrival to answer: in-flight accounting, latency, the
 * checks every request goes through (see index.ts for their order), then the
 * route's handler.
 */
import http from 'http';

import { Estate, EstateTotals } from '../estate';
import {
  errorBody,
  HTML_LOGIN_PAGE,
  htmlError,
  HttpError,
  notLicensed,
} from './errors';
import { faultEligible, FaultState, preRouteFault } from './faults';
import { parseTarget, resetMidBody, send } from './http';
import {
  API_PREFIX,
  MAX_URL_BYTES,
  SimulatorOptions,
  SimulatorRequest,
  STATS_PATH,
} from './options';
import { matchRoute, Reply, Route } from './routes';
import { checkScope, ScopeRules } from './scope';
import { Sources } from './sources';

export interface ServerState {
  options: SimulatorOptions;
  estate: Estate;
  totals: EstateTotals;
  token: string;
  sources: Sources;
  scope: ScopeRules;
  routes: Route[];
  /** Replaced by setFaults. */
  fault: { faults: FaultState };
  requests: SimulatorRequest[];
  inFlight: number;
  maxInFlight: number;
  /** Every agent's JSON is cached (stats report it: benchmarks wait for it). */
  warm: boolean;
  closed: boolean;
  timers: Set<NodeJS.Timeout>;
}

function sendStats(state: ServerState, res: http.ServerResponse): void {
  const requestsByPath: Record<string, number> = {};
  const statusCounts: Record<string, number> = {};
  for (const r of state.requests) {
    requestsByPath[r.path] = (requestsByPath[r.path] ?? 0) + 1;
    statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  }
  send(
    res,
    null,
    200,
    JSON.stringify({
      requests: state.requests.length,
      requestsByPath,
      statusCounts,
      maxInFlight: state.maxInFlight,
      totals: state.totals,
      warm: state.warm,
    }),
  );
}

/** Answers what comes before routing; true when it answered. */
function preflight(
  state: ServerState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  entry: SimulatorRequest,
): boolean {
  const { options } = state;
  const { method, path } = entry;
  const target = req.url ?? '/';
  const notFoundBody = errorBody(4040010, 'Not Found', `No route for ${path}`);
  if (Buffer.byteLength(target) > MAX_URL_BYTES) {
    send(res, entry, 414, htmlError(414), {}, 'text/html');
  } else if (options.htmlLoginPage) {
    send(res, entry, 200, HTML_LOGIN_PAGE, {}, 'text/html; charset=utf-8');
  } else if (options.redirectTo) {
    const location = options.redirectTo.replace(/\/+$/, '') + target;
    send(res, entry, 302, '', { Location: location }, 'text/plain');
  } else if (!(path === API_PREFIX || path.startsWith(`${API_PREFIX}/`))) {
    send(res, entry, 404, notFoundBody);
  } else if (
    method !== 'GET' &&
    !(method === 'POST' && path === `${API_PREFIX}/users/api-token-details`)
  ) {
    const body = errorBody(
      4050010,
      'Method Not Allowed',
      `${method} is not allowed`,
    );
    send(res, entry, 405, body, { Allow: 'GET' });
  } else if (!entry.authorized) {
    send(res, entry, 401, errorBody(4010010, 'Authentication Failed', null));
  } else {
    return false;
  }
  return true;
}

function sendReply(
  res: http.ServerResponse,
  entry: SimulatorRequest,
  reply: Reply,
): void {
  const body =
    typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  if (reply.fault === 'hang') {
    entry.status = 0; // never answered; the socket is destroyed on close
  } else if (reply.fault === 'reset') {
    resetMidBody(res, entry, body);
  } else if (reply.fault === 'truncate') {
    send(res, entry, 200, body.subarray(0, Math.floor(body.length / 2)));
  } else {
    send(res, entry, reply.status, body);
  }
}

function route(
  state: ServerState,
  res: http.ServerResponse,
  entry: SimulatorRequest,
  body: string,
): void {
  const apiPath = entry.path.slice(API_PREFIX.length);
  const match = matchRoute(state.routes, entry.method, apiPath);
  if (!match) {
    const detail = `No route for ${entry.path}`;
    send(res, entry, 404, errorBody(4040010, 'Not Found', detail));
    return;
  }
  const faults = state.fault.faults;
  const eligible = faultEligible(faults, apiPath);
  const fault = eligible ? preRouteFault(faults, Date.now()) : null;
  if (fault) {
    send(
      res,
      entry,
      fault.status,
      fault.body,
      fault.headers,
      fault.contentType,
    );
    return;
  }
  try {
    checkScope(state.scope, state.sources.lookup, apiPath, entry.query);
    const licensed = state.options.applicationManagementLicensed ?? true;
    if (!licensed && apiPath.startsWith('/application-management')) {
      throw notLicensed();
    }
    const { query } = entry;
    const request = { apiPath, params: match.params, query, body, eligible };
    sendReply(res, entry, match.route.handler(request));
  } catch (error) {
    if (error instanceof HttpError) {
      const { status, code, title, detail } = error.apiError;
      send(res, entry, status, errorBody(code, title, detail));
    } else {
      const detail = String((error as Error)?.message ?? error);
      send(res, entry, 500, errorBody(5000010, 'Server Error', detail));
    }
  }
}

function handle(
  state: ServerState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
): void {
  const { path, query } = parseTarget(req.url ?? '/');
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === STATS_PATH && method === 'GET') {
    sendStats(state, res);
    return;
  }
  const entry: SimulatorRequest = {
    method,
    path,
    query,
    status: 0,
    authorized: req.headers.authorization === `ApiToken ${state.token}`,
  };
  state.requests.push(entry);
  if (!preflight(state, req, res, entry)) route(state, res, entry, body);
}

/** Counts the request in flight from now until its response ends or breaks. */
function trackInFlight(
  state: ServerState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  if ((req.url ?? '').startsWith(STATS_PATH)) return;
  state.inFlight++;
  state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
  res.once('close', () => state.inFlight--);
}

export function handleRequest(
  state: ServerState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  trackInFlight(state, req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= 1_000_000) chunks.push(chunk);
  });
  req.on('end', () => {
    if (state.closed) return;
    const body = Buffer.concat(chunks).toString('utf8');
    const run = () => {
      if (state.closed || res.destroyed) return;
      handle(state, req, res, body);
    };
    const latencyMs = Math.max(0, state.options.latencyMs ?? 0);
    if (latencyMs <= 0) {
      run();
      return;
    }
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      run();
    }, latencyMs);
    state.timers.add(timer);
  });
}
