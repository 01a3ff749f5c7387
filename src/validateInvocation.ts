import {
  IntegrationExecutionContext,
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
} from '@jupiterone/integration-sdk-core';

import {
  ClientLogger,
  runClient,
  S1SystemInfo,
  SentinelOneClient,
} from './client';
import { IntegrationConfig } from './config';
import { runScope } from './scope';

/** What fetch-account reports of the console and of the token itself. */
export interface ConsoleFacts {
  systemInfo: S1SystemInfo;
  /** Epoch ms; undefined when the API will not say. */
  tokenExpiresOn?: number;
}

interface RunContext {
  instance: { config: IntegrationConfig };
  logger: ClientLogger;
}

const consoleFactsByConfig = new WeakMap<
  IntegrationConfig,
  Promise<ConsoleFacts>
>();

/**
 * The console's system info and the token's expiry, read once per run:
 * `validateInvocation` reads them to prove the config and `fetch-account`
 * reports them, and the runtime hands both the same config object. A failed
 * read is not kept, so that a later caller tries again.
 */
export function readConsoleFacts(context: RunContext): Promise<ConsoleFacts> {
  const { config } = context.instance;
  let facts = consoleFactsByConfig.get(config);
  if (!facts) {
    facts = fetchConsoleFacts(runClient(context), context.logger);
    consoleFactsByConfig.set(config, facts);
    facts.catch(() => consoleFactsByConfig.delete(config));
  }
  return facts;
}

async function fetchConsoleFacts(
  client: SentinelOneClient,
  logger: ClientLogger,
): Promise<ConsoleFacts> {
  const systemInfo = await client.getSystemInfo();
  if (
    !systemInfo ||
    typeof systemInfo !== 'object' ||
    !('version' in systemInfo || 'build' in systemInfo)
  ) {
    throw new IntegrationProviderAPIError({
      endpoint: 'GET /web/api/v2.1/system/info',
      status: 200,
      statusText: `${client.host} answered, but not like a SentinelOne console: check that the URL is your SentinelOne management console`,
    });
  }
  return {
    systemInfo,
    tokenExpiresOn: await readTokenExpiry(client, logger),
  };
}

/**
 * Proves the config with one cheap authenticated request, reads the token's
 * expiry (best effort: not every role may read it), then resolves the run's
 * scope, so that Site IDs or Account IDs the token cannot read fail here,
 * with the ids named.
 */
export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { tokenExpiresOn } = await readConsoleFacts(context);
  if (tokenExpiresOn !== undefined && tokenExpiresOn <= Date.now()) {
    throw new IntegrationProviderAuthenticationError({
      endpoint: 'POST /web/api/v2.1/users/api-token-details',
      status: 401,
      statusText: `the SentinelOne API token expired on ${new Date(
        tokenExpiresOn,
      ).toISOString()}: generate a new one in the SentinelOne console and update the integration`,
    });
  }
  await runScope(context);
}

/**
 * The token's expiry as epoch ms, or undefined when the API will not say.
 * Only an authentication failure is worth failing for; anything else (a role
 * without the permission, an old console) just leaves the expiry unknown.
 */
async function readTokenExpiry(
  client: SentinelOneClient,
  logger: ClientLogger,
): Promise<number | undefined> {
  try {
    const details = await client.getApiTokenDetails();
    const expiresOn = details.expiresAt ? Date.parse(details.expiresAt) : NaN;
    return Number.isNaN(expiresOn) ? undefined : expiresOn;
  } catch (err) {
    if (err instanceof IntegrationProviderAuthenticationError) throw err;
    logger.debug(
      { err: (err as Error).message },
      'Could not read the API token expiry; carrying on without it',
    );
    return undefined;
  }
}
