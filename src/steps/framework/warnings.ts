import {
  IntegrationLogger,
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  IntegrationWarnEventName,
  PublishEventLevel,
} from '@jupiterone/integration-sdk-core';

/**
 * Tells the customer something they must act on: as an event, which the
 * JupiterOne job log shows, and as a WARN line with the same text, which is
 * all a local `j1-integration collect` prints. Every warning goes through
 * here so that neither place misses one.
 */
export function warnCustomer(
  logger: IntegrationLogger,
  name: string,
  description: string,
): void {
  logger.publishEvent({ name, level: PublishEventLevel.Warn, description });
  logger.warn({ warning: name }, description);
}

/** A source the API may refuse, and what the customer can do about it. */
export interface OptionalSource {
  /** What is not collected when refused, e.g. `CVE findings`. */
  what: string;
  /** The next sentence of the warning: why it was refused, what to grant. */
  remedy: string;
  /**
   * Whether a 404 is a refusal too: Application Management answers 404 to a
   * tenant without its licence.
   */
  notFoundIsRefusal?: boolean;
}

/**
 * Runs `collect` for a source the token may not be allowed to read. A refusal
 * ends it with a `warn_missing_permission` the customer sees, instead of
 * failing the step: what was read before it stays collected.
 *
 * @returns whether `collect` ran to its end
 */
export async function unlessRefused(
  logger: IntegrationLogger,
  source: OptionalSource,
  collect: () => Promise<void>,
): Promise<boolean> {
  try {
    await collect();
    return true;
  } catch (err) {
    if (!isRefusal(err, source)) throw err;
    warnCustomer(
      logger,
      IntegrationWarnEventName.MissingPermission,
      `${source.what} were not collected: the SentinelOne API refused ${err.endpoint} (${err.status}). ${source.remedy}`,
    );
    return false;
  }
}

function isRefusal(
  err: unknown,
  source: OptionalSource,
): err is IntegrationProviderAPIError {
  return (
    err instanceof IntegrationProviderAuthorizationError ||
    (source.notFoundIsRefusal === true &&
      err instanceof IntegrationProviderAPIError &&
      err.status === 404)
  );
}
