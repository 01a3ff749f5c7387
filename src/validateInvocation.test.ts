import http from 'http';
import { AddressInfo } from 'net';
import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
  IntegrationProviderAuthorizationError,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';
import { createMockExecutionContext } from '@jupiterone/integration-sdk-testing';

import { startSimulator, RunningSimulator } from '../tools/simulator';
import { IntegrationConfig } from './config';
import { validateInvocation } from './validateInvocation';

const TOKEN = 'simulator-api-token';

function validate(config: Partial<IntegrationConfig>) {
  return validateInvocation(
    createMockExecutionContext<IntegrationConfig>({
      instanceConfig: {
        serverUrl: '',
        apiToken: TOKEN,
        ...config,
      } as IntegrationConfig,
    }),
  );
}

async function withSimulator(
  options: Parameters<typeof startSimulator>[0],
  run: (simulator: RunningSimulator) => Promise<void>,
) {
  const simulator = await startSimulator({ agents: 2, ...options });
  try {
    await run(simulator);
  } finally {
    await simulator.close();
  }
}

beforeEach(() => {
  process.env.SENTINELONE_REQUEST_TIMEOUT_MS = '500';
  process.env.SENTINELONE_MAX_ATTEMPTS = '2';
  process.env.SENTINELONE_RETRY_BASE_DELAY_MS = '10';
});

afterEach(() => {
  delete process.env.SENTINELONE_REQUEST_TIMEOUT_MS;
  delete process.env.SENTINELONE_MAX_ATTEMPTS;
  delete process.env.SENTINELONE_RETRY_BASE_DELAY_MS;
});

test('accepts a valid token, with the URL as a customer pastes it', async () => {
  await withSimulator({}, async (simulator) => {
    await expect(
      validate({ serverUrl: `${simulator.url}/dashboard/` }),
    ).resolves.toBeUndefined();
    expect(simulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /web/api/v2.1/system/info',
      'POST /web/api/v2.1/users/api-token-details',
      'GET /web/api/v2.1/accounts',
      'GET /web/api/v2.1/sites',
    ]);
  });
});

describe('the configured scope is proved before any step runs', () => {
  test('Site IDs of which none exists: the ids are named, no step runs', async () => {
    await withSimulator({ sites: 2 }, async (simulator) => {
      const error = await validate({
        serverUrl: simulator.url,
        siteIds: '111111111111111111, 222222222222222222',
      }).catch((e) => e);
      expect(error).toBeInstanceOf(IntegrationValidationError);
      expect(error.message).toBe(
        "siteIds: none of 111111111111111111, 222222222222222222 is a site this API token can read: check the ids in the SentinelOne console, and that the token's user has access to them",
      );
      // Only the configured ids were asked for: never every site.
      const sites = simulator.requests.filter((r) => r.path.endsWith('/sites'));
      expect(sites.map((r) => r.query.siteIds)).toEqual([
        '111111111111111111,222222222222222222',
      ]);
    });
  });

  test('some Site IDs unknown: validation passes (fetch-account warns)', async () => {
    await withSimulator({ sites: 2 }, async (simulator) => {
      const known = simulator.estate.sites[0].id;
      await expect(
        validate({
          serverUrl: simulator.url,
          siteIds: `${known},333333333333333333`,
        }),
      ).resolves.toBeUndefined();
      const accounts = simulator.requests.filter((r) =>
        r.path.endsWith('/accounts'),
      );
      // Only the account of the site in scope is asked for.
      expect(accounts.map((r) => r.query.accountIds)).toEqual([
        simulator.estate.sites[0].accountId,
      ]);
    });
  });

  test('Account IDs with a site-scoped token: refused with what to set instead', async () => {
    await withSimulator({ siteScoped: true }, async (simulator) => {
      const error = await validate({
        serverUrl: simulator.url,
        accountIds: simulator.estate.accounts[0].id,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(IntegrationValidationError);
      const accountId = simulator.estate.accounts[0].id;
      expect(error.message).toBe(
        `accountIds cannot apply: SentinelOne refused to list accounts ${accountId} (403, code 4030010). Either the API token is site-scoped (site users may not filter by account: set siteIds to the sites to collect instead) or its user has no access to these accounts`,
      );
    });
  });
});

test('names a missing field', async () => {
  await expect(
    validate({ serverUrl: 'usea1-acme.sentinelone.net', apiToken: ' ' }),
  ).rejects.toThrow(
    new IntegrationValidationError(
      'Config requires apiToken (API_TOKEN): an API token of a read-only SentinelOne user',
    ),
  );
});

test('401: the token is invalid or expired, and where to make a new one', async () => {
  await withSimulator({}, async (simulator) => {
    const error = await validate({
      serverUrl: simulator.url,
      apiToken: 'nope',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.message).toMatch(
      /invalid or expired: generate a new one in the SentinelOne console/,
    );
  });
});

test('an expired token fails validation with its expiry date', async () => {
  await withSimulator(
    { tokenExpiresAt: '2020-01-02T03:04:05.000000Z' },
    async (simulator) => {
      const error = await validate({ serverUrl: simulator.url }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
      expect(error.message).toMatch(/expired on 2020-01-02T03:04:05\.000Z/);
    },
  );
});

test('a 2xx HTML page: the URL is not a SentinelOne console', async () => {
  await withSimulator({ htmlLoginPage: true }, async (simulator) => {
    const error = await validate({ serverUrl: simulator.url }).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error.message).toMatch(
      /HTML page, not SentinelOne API JSON: check that the URL is your SentinelOne management console/,
    );
  });
});

test('timeout: names the host and the wait, after bounded attempts', async () => {
  await withSimulator({ latencyMs: 2000 }, async (simulator) => {
    const error = await validate({ serverUrl: simulator.url }).catch((e) => e);
    expect(error.message).toMatch(
      /system\/info: TIMEOUT no complete answer within 500 ms; gave up after 2 attempts/,
    );
  });
});

describe('network failures name the host and the cause', () => {
  test('connection refused', async () => {
    const port = await closedPort();
    const error = await validate({
      serverUrl: `http://127.0.0.1:${port}`,
    }).catch((e) => e);
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  test('DNS failure', async () => {
    const error = await validate({
      serverUrl: 'https://console.does-not-exist.invalid',
    }).catch((e) => e);
    expect(error.message).toContain(
      'the host console.does-not-exist.invalid could not be resolved (DNS lookup failed)',
    );
    expect(error.message).not.toMatch(/gave up/);
  });

  test('TLS failure', async () => {
    await withSimulator({}, async (simulator) => {
      const error = await validate({
        serverUrl: `https://localhost:${simulator.port}`,
      }).catch((e) => e);
      expect(error.message).toMatch(
        new RegExp(`TLS connection to localhost:${simulator.port} failed`),
      );
    });
  });
});

test('403: names what the token may not read', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [{ code: 4030001, title: 'Forbidden', detail: null }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const error = await validate({
      serverUrl: `http://127.0.0.1:${port}`,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrationProviderAuthorizationError);
    expect(error.message).toMatch(
      /403 Forbidden: 4030001 Forbidden\. The API token's user may not read this/,
    );
  } finally {
    server.close();
  }
});

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
