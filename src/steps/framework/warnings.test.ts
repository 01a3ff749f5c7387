import {
  IntegrationEvent,
  IntegrationProviderAPIError,
  IntegrationProviderAuthorizationError,
  PublishEventLevel,
} from '@jupiterone/integration-sdk-core';
import { createMockIntegrationLogger } from '@jupiterone/integration-sdk-testing';

import { unlessRefused, warnCustomer } from './warnings';

function observedLogger() {
  const logger = createMockIntegrationLogger();
  const events: IntegrationEvent[] = [];
  logger.on('event', (event) => events.push(event));
  const warn = jest.spyOn(logger, 'warn');
  return { logger, events, warn };
}

const refusal = (status: number) =>
  new (status === 403
    ? IntegrationProviderAuthorizationError
    : IntegrationProviderAPIError)({
    endpoint: 'GET /web/api/v2.1/exclusions',
    status,
    statusText: 'Forbidden',
  });

describe('warnCustomer', () => {
  test('publishes a warning event and logs a WARN line with the same text', () => {
    const { logger, events, warn } = observedLogger();
    warnCustomer(logger, 'warn_api_token_expiring', 'The token expires soon.');

    expect(events).toEqual([
      {
        name: 'warn_api_token_expiring',
        level: PublishEventLevel.Warn,
        description: 'The token expires soon.',
      },
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      { warning: 'warn_api_token_expiring' },
      'The token expires soon.',
    );
  });
});

describe('unlessRefused', () => {
  const source = { what: 'Exclusions', remedy: 'Grant Exclusions.view.' };

  test('a 403 ends the source with a missing-permission warning that names the endpoint and what to grant', async () => {
    const { logger, events, warn } = observedLogger();
    const collected: string[] = [];
    const complete = await unlessRefused(logger, source, () => {
      collected.push('first page');
      return Promise.reject(refusal(403));
    });

    expect(complete).toBe(false);
    expect(collected).toEqual(['first page']);
    const description =
      'Exclusions were not collected: the SentinelOne API refused GET /web/api/v2.1/exclusions (403). Grant Exclusions.view.';
    expect(events).toEqual([
      {
        name: 'warn_missing_permission',
        level: PublishEventLevel.Warn,
        description,
      },
    ]);
    expect(warn).toHaveBeenCalledWith(
      { warning: 'warn_missing_permission' },
      description,
    );
  });

  test('a 404 is a refusal only where the source says so', async () => {
    const { logger, events } = observedLogger();
    await expect(
      unlessRefused(logger, source, () => Promise.reject(refusal(404))),
    ).rejects.toThrow(IntegrationProviderAPIError);
    expect(events).toEqual([]);

    expect(
      await unlessRefused(logger, { ...source, notFoundIsRefusal: true }, () =>
        Promise.reject(refusal(404)),
      ),
    ).toBe(false);
    expect(events.map((e) => e.name)).toEqual(['warn_missing_permission']);
  });

  test('any other error fails the step; a complete run says so', async () => {
    const { logger } = observedLogger();
    await expect(
      unlessRefused(logger, source, () => Promise.reject(refusal(500))),
    ).rejects.toThrow(IntegrationProviderAPIError);
    expect(await unlessRefused(logger, source, () => Promise.resolve())).toBe(
      true,
    );
  });
});
