import * as http from 'http';
import * as https from 'https';
import fetch, { Response } from 'node-fetch';
import pLimit from 'p-limit';
import { retry } from '@lifeomic/attempt';
import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
} from '@jupiterone/integration-sdk-core';

import { parseJsonBody } from './json';
import { ClientTuning, DEFAULT_TUNING } from './options';
import { S1ErrorBody } from './types';

export const API_BASE_PATH = '/web/api/v2.1';

/** The only mutating method allowed, and the one endpoint it may call. */
const ALLOWED_POST_PATHS = new Set(['/users/api-token-details']);

/**
 * GETs that reveal secrets (agent passphrases, registration tokens, uninstall
 * passwords). The client refuses them so that no future step can call them
 * by mistake.
 */
const SECRET_REVEALING_PATHS = [
  /^\/agents\/passphrases/,
  /^\/groups\/[^/]+\/token/,
  /^\/sites\/[^/]+\/token/,
  /^\/accounts\/[^/]+\/uninstall-password/,
  /uninstall-password/,
  /passphrase/,
];

const MAX_REDIRECTS = 3;
const BODY_EXCERPT_LENGTH = 160;

export interface ClientLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Query;
  body?: unknown;
}

/** Requests sent and retries waited for, by a run or by one of its steps. */
export interface RequestCounters {
  requests: number;
  retries: number;
}

/** Who a request is made for: its step's logger and counters. */
export interface RequestObserver {
  logger: ClientLogger;
  counters: RequestCounters;
}

/**
 * Proxies in front of consoles refuse longer URLs (414, 431): callers split
 * id filters so that no request comes near it, and the transport refuses
 * anything that still would.
 */
export const MAX_URL_BYTES = 8192;

/** A request's outcome that may succeed on a later attempt. */
class RetryableFailure extends Error {
  constructor(
    message: string,
    readonly status: number | string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * The SentinelOne HTTP layer of a whole run: auth header, timeouts, retries,
 * the cap on requests in flight, the 429 pause, redirects, the read-only
 * guard and redaction. SentinelOne rate-limits per token and the SDK runs
 * independent steps side by side, so every step shares one transport: the
 * cap and the pause hold for the run, not per step. It knows endpoints only
 * as paths.
 */
export class SentinelOneTransport {
  /** Every request of the run: each redirect hop and each retry counts. */
  readonly stats: RequestCounters = { requests: 0, retries: 0 };
  private readonly origin: string;
  private readonly agent: http.Agent;
  private readonly inFlight: pLimit.Limit;
  /**
   * When the API rate-limits one request, every request waits: the limit is
   * per token, so the others would only be refused too.
   */
  private pausedUntil = 0;

  constructor(
    baseUrl: string,
    private readonly apiToken: string,
    readonly tuning: ClientTuning = DEFAULT_TUNING,
  ) {
    this.origin = new URL(baseUrl).origin;
    const agentOptions = {
      keepAlive: true,
      maxSockets: tuning.maxConcurrentRequests,
    };
    this.agent = failBodiesCutShort(
      this.origin.startsWith('https:')
        ? new https.Agent(agentOptions)
        : new http.Agent(agentOptions),
    );
    this.inFlight = pLimit(tuning.maxConcurrentRequests);
  }

  /** The host named in errors: customers recognise it, and it holds no secret. */
  get host(): string {
    return new URL(this.origin).host;
  }

  async request<T>(
    path: string,
    options: RequestOptions,
    observer: RequestObserver,
  ): Promise<T> {
    const method = options.method ?? 'GET';
    assertReadOnly(method, path);
    const url = buildUrl(this.origin, path, options.query);
    const endpoint = `${method} ${API_BASE_PATH}${path}`;
    assertUrlFits(url, endpoint);

    let nextDelayMs = 0;
    // A request keeps its place under the cap through its retries: were each
    // attempt queued anew, a throttled request would wait behind every request
    // queued since, and under a per-token rate limit the requests that keep
    // arriving could spend its attempts for it.
    return this.inFlight(() =>
      retry(
        async () => {
          await sleep(this.pausedUntil - Date.now());
          return this.attempt<T>(url, method, endpoint, options.body, observer);
        },
        {
          maxAttempts: this.tuning.maxAttempts,
          // Called before the first attempt too, when no failure has set it.
          calculateDelay: () => nextDelayMs,
          handleError: (err, context) => {
            if (!(err instanceof RetryableFailure)) throw this.redactError(err);
            const attempt = context.attemptNum + 1;
            if (context.attemptsRemaining === 0) {
              throw new IntegrationProviderAPIError({
                endpoint,
                status: err.status,
                statusText: this.redact(
                  `${err.message}; gave up after ${attempt} attempts`,
                ),
              });
            }
            nextDelayMs = backoffDelay(attempt, this.tuning, err.retryAfterMs);
            if (err.status === 429) {
              this.pausedUntil = Math.max(
                this.pausedUntil,
                Date.now() + nextDelayMs,
              );
            }
            this.stats.retries++;
            observer.counters.retries++;
            observer.logger.warn(
              { endpoint, status: err.status, attempt, delayMs: nextDelayMs },
              this.redact(`Retrying SentinelOne request: ${err.message}`),
            );
          },
        },
      ),
    );
  }

  private async attempt<T>(
    url: string,
    method: string,
    endpoint: string,
    body: unknown,
    observer: RequestObserver,
  ): Promise<T> {
    const controller = new AbortController();
    // The timer covers reading the body too: a console that stops sending
    // mid-body without closing the connection would hang a collection.
    const timer = setTimeout(
      () => controller.abort(),
      this.tuning.requestTimeoutMs,
    );
    try {
      const response = await this.fetchFollowingSameOriginRedirects(
        url,
        method,
        endpoint,
        body,
        controller.signal,
        observer,
      );
      const bytes = await response.buffer();
      return this.interpret<T>(response, bytes, endpoint);
    } catch (err) {
      throw this.classifyNetworkError(err, endpoint);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fetchFollowingSameOriginRedirects(
    url: string,
    method: string,
    endpoint: string,
    body: unknown,
    signal: AbortSignal,
    observer: RequestObserver,
  ): Promise<Response> {
    let target = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      this.stats.requests++;
      observer.counters.requests++;
      const response = await fetch(target, {
        method,
        agent: this.agent,
        redirect: 'manual',
        signal: signal as any,
        headers: {
          Authorization: `ApiToken ${this.apiToken}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return response;
      }
      const next = new URL(location, target);
      if (next.origin !== this.origin) {
        // Following would hand the API token to a host the customer never named.
        throw new IntegrationProviderAPIError({
          endpoint,
          status: response.status,
          statusText: `the console redirected to ${next.origin}, another host; the API token is not sent there. If that is your console, set it as the console URL`,
        });
      }
      target = next.toString();
    }
    throw new IntegrationProviderAPIError({
      endpoint,
      status: 'REDIRECT_LOOP',
      statusText: `more than ${MAX_REDIRECTS} redirects`,
    });
  }

  private interpret<T>(response: Response, body: Buffer, endpoint: string): T {
    const { status } = response;
    if (status >= 200 && status < 300) {
      const contentType = response.headers.get('content-type') ?? '';
      if (contentType.includes('text/html')) {
        throw new IntegrationProviderAPIError({
          endpoint,
          status,
          statusText: `${this.host} answered with an HTML page, not SentinelOne API JSON: check that the URL is your SentinelOne management console (e.g. https://usea1-acme.sentinelone.net)`,
        });
      }
      try {
        return parseJsonBody(body) as T;
      } catch {
        throw new RetryableFailure(
          `response body is not valid JSON (${
            body.length
          } bytes: ${this.excerpt(body.toString('utf8', 0, 1000))})`,
          status,
        );
      }
    }

    const text = body.toString('utf8');
    const detail = this.describeErrorBody(text);
    const statusText = `${response.statusText || 'HTTP ' + status}${
      detail ? ': ' + detail : ''
    }`;
    if (status === 429 || status === 408 || status >= 500) {
      throw new RetryableFailure(
        statusText,
        status,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (status === 401) {
      throw new IntegrationProviderAuthenticationError({
        endpoint,
        status,
        statusText: `${statusText}. The API token is invalid or expired: generate a new one in the SentinelOne console (Settings > Users > Service Users > select the user > Actions > Generate API Token)`,
      });
    }
    if (status === 403) {
      const error = new IntegrationProviderAuthorizationError({
        endpoint,
        status,
        statusText: `${statusText}. The API token's user may not read this: give it a role with view access to Endpoints, Groups, Sites, Accounts, Threats and Applications, at the scope to collect`,
      });
      return throwWithApiCodes(error, text);
    }
    return throwWithApiCodes(
      new IntegrationProviderAPIError({ endpoint, status, statusText }),
      text,
    );
  }

  private classifyNetworkError(err: unknown, endpoint: string): Error {
    if (
      err instanceof RetryableFailure ||
      err instanceof IntegrationProviderAPIError
    ) {
      return err;
    }
    const error = err as NodeJS.ErrnoException & { type?: string };
    const code = error.code ?? error.type ?? 'NETWORK_ERROR';
    if (error.name === 'AbortError' || code === 'aborted') {
      return new RetryableFailure(
        `no complete answer within ${this.tuning.requestTimeoutMs} ms`,
        'TIMEOUT',
      );
    }
    const fatal = describeFatalNetworkError(code, this.host);
    if (fatal) {
      return new IntegrationProviderAPIError({
        endpoint,
        status: code,
        statusText: fatal,
        cause: error,
      });
    }
    // Resets, hang-ups and premature closes are transient.
    return new RetryableFailure(
      `connection to ${this.host} failed (${code}: ${error.message})`,
      code,
    );
  }

  private describeErrorBody(text: string): string {
    try {
      const body = JSON.parse(text) as S1ErrorBody;
      const first = body.errors?.[0];
      if (first) {
        const detail =
          typeof first.detail === 'string'
            ? first.detail
            : first.detail
            ? JSON.stringify(first.detail)
            : '';
        return this.excerpt(
          [first.code, first.title, detail].filter(Boolean).join(' '),
        );
      }
    } catch {
      // Not JSON: an HTML error page from a proxy, for instance.
    }
    return text.trim() ? this.excerpt(text) : '';
  }

  /** A short, single-line, token-free piece of a response body. */
  private excerpt(text: string): string {
    const flat = this.redact(text)
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return flat.length > BODY_EXCERPT_LENGTH
      ? `${flat.slice(0, BODY_EXCERPT_LENGTH)}…`
      : flat;
  }

  private redact(text: string): string {
    return this.apiToken ? text.split(this.apiToken).join('[REDACTED]') : text;
  }

  private redactError(err: unknown): unknown {
    if (
      err instanceof Error &&
      this.apiToken &&
      err.message.includes(this.apiToken)
    ) {
      err.message = this.redact(err.message);
    }
    return err;
  }
}

/**
 * node-fetch 2 pipes each response into the body it hands out, and `pipe`
 * does not pass on errors: when the connection closes before a
 * Content-Length body is complete, that body never ends (node-fetch only
 * catches it for chunked bodies), and the read waits out the whole request
 * timeout. The agent sees every request first, so it fails such a response
 * through the request's 'error' event, which node-fetch turns into an error
 * of the body: the read rejects at once and the request is retried. (By then
 * the request is already destroyed, so `req.destroy(err)` would do nothing.)
 */
function failBodiesCutShort<A extends http.Agent>(agent: A): A {
  // addRequest is how http.ClientRequest hands itself to its agent; it is
  // not in @types/node.
  const withAddRequest = agent as A & {
    addRequest(request: http.ClientRequest, options: unknown): void;
  };
  const addRequest = withAddRequest.addRequest.bind(agent);
  withAddRequest.addRequest = (request, options) => {
    request.once('response', (response: http.IncomingMessage) => {
      response.once('close', () => {
        if (response.complete) return;
        const error: NodeJS.ErrnoException = new Error(
          'the connection closed before the response body was complete',
        );
        error.code = 'ECONNRESET';
        request.emit('error', error);
      });
    });
    addRequest(request, options);
  };
  return agent;
}

/** SentinelOne error codes (e.g. 4030010) from an error body, for callers that branch on them. */
export function apiErrorCodes(err: unknown): number[] {
  return (err as { apiErrorCodes?: number[] })?.apiErrorCodes ?? [];
}

function throwWithApiCodes(error: Error, bodyText: string): never {
  let codes: number[] = [];
  try {
    const body = JSON.parse(bodyText) as S1ErrorBody;
    codes = (body.errors ?? [])
      .map((e) => e.code)
      .filter((c): c is number => typeof c === 'number');
  } catch {
    // no codes in a non-JSON body
  }
  Object.defineProperty(error, 'apiErrorCodes', {
    value: codes,
    enumerable: false,
  });
  throw error;
}

function assertReadOnly(method: string, path: string): void {
  const allowed =
    method === 'GET' || (method === 'POST' && ALLOWED_POST_PATHS.has(path));
  if (
    !allowed ||
    SECRET_REVEALING_PATHS.some((pattern) => pattern.test(path))
  ) {
    // A programming error, never a customer's: the integration is read-only.
    throw new Error(`Refusing ${method} ${path}: the integration is read-only`);
  }
}

function assertUrlFits(url: string, endpoint: string): void {
  const bytes = Buffer.byteLength(url);
  if (bytes > MAX_URL_BYTES) {
    // A programming error, never a customer's: id filters are split to fit.
    throw new Error(
      `Refusing ${endpoint}: its URL would be ${bytes} bytes, above the ${MAX_URL_BYTES} that proxies in front of consoles accept`,
    );
  }
}

function buildUrl(origin: string, path: string, query: Query = {}): string {
  const url = new URL(`${API_BASE_PATH}${path}`, origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

function describeFatalNetworkError(
  code: string,
  host: string,
): string | undefined {
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME') {
    return `the host ${host} could not be resolved (DNS lookup failed): check the console URL`;
  }
  if (code === 'ECONNREFUSED') {
    return `${host} refused the connection: check the console URL and port`;
  }
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code) ||
    code === 'EPROTO'
  ) {
    return `the TLS connection to ${host} failed (${code}): the console's certificate is not trusted or the host does not speak HTTPS`;
  }
  return undefined;
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter; a server's `Retry-After` wins when given,
 * both bounded so that a hostile header cannot stall a collection for hours.
 */
export function backoffDelay(
  attempt: number,
  tuning: Pick<ClientTuning, 'retryBaseDelayMs' | 'retryMaxDelayMs'>,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, tuning.retryMaxDelayMs);
  }
  const exponential = Math.min(
    tuning.retryMaxDelayMs,
    tuning.retryBaseDelayMs * 2 ** (attempt - 1),
  );
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

function sleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
