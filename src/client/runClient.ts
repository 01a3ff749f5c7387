import { IntegrationConfig, validateConfig } from '../config';
import { tuningFromEnvironment } from './options';
import { SentinelOneClient } from './SentinelOneClient';
import { ClientLogger, SentinelOneTransport } from './transport';

const transportByRun = new WeakMap<IntegrationConfig, SentinelOneTransport>();

/**
 * A client for one step (its logger, its request counters) over the run's
 * one transport. The runtime hands `validateInvocation` and every step the
 * same config object, so keying by it gives one transport per run: one cap
 * on requests in flight and one 429 pause for the token, however many steps
 * run side by side.
 */
export function runClient(context: {
  instance: { config: IntegrationConfig };
  logger: ClientLogger;
}): SentinelOneClient {
  const { config } = context.instance;
  const { serverUrl, apiToken } = validateConfig(config);
  let transport = transportByRun.get(config);
  if (!transport) {
    transport = new SentinelOneTransport(
      serverUrl,
      apiToken,
      tuningFromEnvironment(),
    );
    transportByRun.set(config, transport);
  }
  return new SentinelOneClient({
    transport,
    logger: context.logger,
    apiToken,
  });
}
