/**
 * Tuning of the HTTP layer. The defaults suit a production console; operators
 * (and the test suites, which need short delays) override them through the
 * environment, so that no customer-facing config field exists for them.
 */
export interface ClientTuning {
  /** Per request, covering connect, headers and reading the whole body. */
  requestTimeoutMs: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First backoff delay; doubles each attempt, with jitter. */
  retryBaseDelayMs: number;
  /** Upper bound of one backoff wait, `Retry-After` included. */
  retryMaxDelayMs: number;
  /**
   * Requests in flight at once for this token (SentinelOne rate-limits per
   * token); also how many site streams agents are fetched in.
   */
  maxConcurrentRequests: number;
  /** Log a progress line every this many pages of one iteration. */
  progressEveryPages: number;
}

export const DEFAULT_TUNING: ClientTuning = {
  requestTimeoutMs: 60_000,
  maxAttempts: 6,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 60_000,
  maxConcurrentRequests: 3,
  progressEveryPages: 10,
};

const ENV_VARIABLES: Record<keyof ClientTuning, string> = {
  requestTimeoutMs: 'SENTINELONE_REQUEST_TIMEOUT_MS',
  maxAttempts: 'SENTINELONE_MAX_ATTEMPTS',
  retryBaseDelayMs: 'SENTINELONE_RETRY_BASE_DELAY_MS',
  retryMaxDelayMs: 'SENTINELONE_RETRY_MAX_DELAY_MS',
  maxConcurrentRequests: 'SENTINELONE_MAX_CONCURRENT_REQUESTS',
  progressEveryPages: 'SENTINELONE_PROGRESS_EVERY_PAGES',
};

/**
 * Reads overrides from the environment. A value that is not a positive
 * integer is an operator's typo: fail loudly rather than run with a default
 * they did not ask for.
 */
export function tuningFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ClientTuning {
  const tuning = { ...DEFAULT_TUNING };
  for (const [field, variable] of Object.entries(ENV_VARIABLES) as [
    keyof ClientTuning,
    string,
  ][]) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `${variable} must be a positive integer, got '${raw.slice(0, 20)}'`,
      );
    }
    tuning[field] = value;
  }
  return tuning;
}
