/**
 * Injected faults. 5xx decisions come from a PRNG seeded by the estate seed
 * and reset by setFaults, so a request sequence gets the same answers after
 * each setFaults. Cursor faults (hanging, reset mid-body, truncated) consume,
 * in that order, the first requests carrying a (valid) cursor on a fault path.
 */
import { hash32, mulberry32 } from '../random';
import { errorBody, htmlError } from './errors';
import { FaultOptions } from './options';

export interface FaultState {
  faults: FaultOptions;
  random: () => number;
  windowSecond: number;
  windowCount: number;
  serverErrors: number;
  cursorRequests: number;
  /** Records as served under `nullFieldRate` / `malformedRecords`. */
  nullCache: Map<string, Buffer>;
  malformedCache: Map<string, Int32Array>;
}

export function newFaultState(seed: number, faults: FaultOptions): FaultState {
  return {
    faults: { ...faults },
    random: mulberry32(hash32(seed, 'faults')),
    windowSecond: -1,
    windowCount: 0,
    serverErrors: 0,
    cursorRequests: 0,
    nullCache: new Map(),
    malformedCache: new Map(),
  };
}

export function faultEligible(state: FaultState, apiPath: string): boolean {
  const paths = state.faults.faultPaths;
  return (
    !paths || paths.length === 0 || paths.some((p) => apiPath.startsWith(p))
  );
}

export interface FaultReply {
  status: number;
  body: string;
  headers: Record<string, string>;
  contentType: string;
}

/**
 * 429 once the second's budget is spent. Like nginx's limit_req, only the
 * requests let through use the budget, so clients that back off are not
 * starved by their own rejected retries.
 */
function rateLimited(state: FaultState, nowMs: number): FaultReply | null {
  const { rateLimitPerSecond: limit, retryAfterSeconds } = state.faults;
  if (limit === undefined || limit === null || limit < 0) return null;
  const second = Math.floor(nowMs / 1000);
  if (second !== state.windowSecond) {
    state.windowSecond = second;
    state.windowCount = 0;
  }
  if (state.windowCount < limit) {
    state.windowCount++;
    return null;
  }
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined && retryAfterSeconds !== null) {
    headers['Retry-After'] = String(retryAfterSeconds);
  }
  return {
    status: 429,
    body: errorBody(4290010, 'Too Many Requests', null),
    headers,
    contentType: 'application/json',
  };
}

function serverError(state: FaultState): FaultReply | null {
  const rate = state.faults.serverErrorRate ?? 0;
  if (!(rate > 0 && state.random() < rate)) return null;
  const n = state.serverErrors++;
  const status = [500, 502, 503][n % 3];
  return n % 2 === 0
    ? {
        status,
        body: errorBody(5000010, 'Server Error', null),
        headers: {},
        contentType: 'application/json',
      }
    : {
        status,
        body: htmlError(status),
        headers: {},
        contentType: 'text/html',
      };
}

/** The fault answering a request before its handler runs, if any. */
export function preRouteFault(
  state: FaultState,
  nowMs: number,
): FaultReply | null {
  return rateLimited(state, nowMs) ?? serverError(state);
}

export type CursorFault = 'hang' | 'reset' | 'truncate' | null;

/** Counts a request carrying a cursor, and says which fault it gets. */
export function cursorFault(state: FaultState): CursorFault {
  const n = state.cursorRequests++;
  const hanging = Math.max(0, state.faults.hangingRequests ?? 0);
  const resets = Math.max(0, state.faults.resetsMidBody ?? 0);
  const truncated = Math.max(0, state.faults.truncatedPages ?? 0);
  if (n < hanging) return 'hang';
  if (n < hanging + resets) return 'reset';
  if (n < hanging + resets + truncated) return 'truncate';
  return null;
}

/** A copy of `value` with a seeded fraction of its fields null or removed. */
export function nullify(
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

export function setPath(
  target: Record<string, any>,
  path: string[],
  value: unknown,
) {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (!node[path[i]] || typeof node[path[i]] !== 'object') return;
    node[path[i]] = { ...node[path[i]] };
    node = node[path[i]];
  }
  node[path[path.length - 1]] = value;
}
