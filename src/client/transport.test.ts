import http from 'http';
import { AddressInfo } from 'net';

import { DEFAULT_TUNING } from './options';
import {
  backoffDelay,
  MAX_URL_BYTES,
  parseRetryAfter,
  SentinelOneTransport,
} from './transport';

const tuning = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000 };
const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn() };
const observer = () => ({ logger, counters: { requests: 0, retries: 0 } });

describe('backoffDelay', () => {
  test('doubles per attempt, with jitter between half and all of it', () => {
    expect(backoffDelay(1, tuning, undefined, () => 0)).toBe(50);
    expect(backoffDelay(1, tuning, undefined, () => 1)).toBe(100);
    expect(backoffDelay(3, tuning, undefined, () => 1)).toBe(400);
  });

  test('is bounded', () => {
    expect(backoffDelay(20, tuning, undefined, () => 1)).toBe(1000);
  });

  test('follows Retry-After, bounded too', () => {
    expect(backoffDelay(1, tuning, 300)).toBe(300);
    expect(backoffDelay(1, tuning, 3_600_000)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  test('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });

  test('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('read-only guard', () => {
  const transport = new SentinelOneTransport('https://s1.example.com', 't');

  test.each([
    ['POST', '/agents/actions/disconnect'],
    ['GET', '/agents/passphrases'],
    ['GET', '/groups/225494730938493804/token'],
    ['GET', '/sites/225494730938493804/token'],
    ['GET', '/accounts/225494730938493804/uninstall-password/view'],
  ] as const)('refuses %s %s before any request', async (method, path) => {
    await expect(
      transport.request(path, { method: method as 'GET' | 'POST' }, observer()),
    ).rejects.toThrow('the integration is read-only');
    expect(transport.stats.requests).toBe(0);
  });
});

describe('URL length guard', () => {
  test(`refuses a URL over ${MAX_URL_BYTES} bytes before any request`, async () => {
    const transport = new SentinelOneTransport('https://s1.example.com', 't');
    const siteIds = Array.from({ length: 400 }, (_, i) =>
      String(225494730938493800n + BigInt(i)),
    ).join(',');
    await expect(
      transport.request('/agents', { query: { siteIds } }, observer()),
    ).rejects.toThrow(
      /Refusing GET \/web\/api\/v2.1\/agents: its URL would be \d+ bytes/,
    );
    expect(transport.stats.requests).toBe(0);
  });
});

describe('one transport shared by the steps of a run', () => {
  /** A console that answers after a moment, counting requests in flight. */
  async function slowConsole(statuses: number[] = []) {
    let inFlight = 0;
    let maxInFlight = 0;
    let answered = 0;
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? '');
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const status = statuses[answered++] ?? 200;
      setTimeout(() => {
        inFlight--;
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ data: {} }));
      }, 20);
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      maxInFlight: () => maxInFlight,
      paths,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  const TOKEN = 'eyJ-transport-test-token';
  const tuning = {
    ...DEFAULT_TUNING,
    maxConcurrentRequests: 2,
    retryBaseDelayMs: 1,
  };

  test('the cap on requests in flight holds across steps; each step counts its own requests', async () => {
    const server = await slowConsole();
    try {
      const transport = new SentinelOneTransport(server.url, TOKEN, tuning);
      const steps = [observer(), observer(), observer()];
      await Promise.all(
        steps.flatMap((step) =>
          Array.from({ length: 4 }, () =>
            transport.request('/system/info', {}, step),
          ),
        ),
      );
      expect(server.maxInFlight()).toBe(2);
      expect(steps.map((step) => step.counters.requests)).toEqual([4, 4, 4]);
      expect(transport.stats).toEqual({ requests: 12, retries: 0 });
    } finally {
      await server.close();
    }
  });

  test('a retried request counts for the run and for its step', async () => {
    const server = await slowConsole([503, 503]);
    try {
      const transport = new SentinelOneTransport(server.url, TOKEN, tuning);
      const step = observer();
      await transport.request('/system/info', {}, step);
      expect(step.counters).toEqual({ requests: 3, retries: 2 });
      expect(transport.stats).toEqual({ requests: 3, retries: 2 });
    } finally {
      await server.close();
    }
  });

  test('a throttled request keeps its place under the cap: its retry goes before requests queued after it', async () => {
    const server = await slowConsole([429]);
    try {
      const transport = new SentinelOneTransport(server.url, TOKEN, {
        ...tuning,
        maxConcurrentRequests: 1,
      });
      await Promise.all([
        transport.request('/system/info', {}, observer()),
        transport.request('/accounts', {}, observer()),
      ]);
      expect(server.paths).toEqual([
        '/web/api/v2.1/system/info',
        '/web/api/v2.1/system/info',
        '/web/api/v2.1/accounts',
      ]);
    } finally {
      await server.close();
    }
  });

  test('gives up after maxAttempts, naming the endpoint and the attempts', async () => {
    const server = await slowConsole([503, 503, 503]);
    try {
      const transport = new SentinelOneTransport(server.url, TOKEN, {
        ...tuning,
        maxAttempts: 3,
      });
      await expect(
        transport.request('/system/info', {}, observer()),
      ).rejects.toThrow(
        'Provider API failed at GET /web/api/v2.1/system/info: 503 Service Unavailable: {"data":{}}; gave up after 3 attempts',
      );
    } finally {
      await server.close();
    }
  });
});

describe('a connection reset mid-body', () => {
  /**
   * A console whose first `resets` answers promise a Content-Length body,
   * send part of it, then drop the connection; later answers are whole.
   */
  async function resettingConsole(resets: number) {
    let answered = 0;
    const body = JSON.stringify({ data: { agents: 1500 } });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      });
      if (answered++ < resets) {
        res.write(body.slice(0, 10), () => res.socket?.destroy());
      } else {
        res.end(body);
      }
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      answered: () => answered,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  // Long enough that a read waiting for the timeout would fail the test.
  const patient = {
    ...DEFAULT_TUNING,
    requestTimeoutMs: 10 * 60_000,
    retryBaseDelayMs: 1,
  };

  test('fails the read as a reset, not as a timeout, and gives up after maxAttempts', async () => {
    const server = await resettingConsole(2);
    try {
      const transport = new SentinelOneTransport(server.url, 'token', {
        ...patient,
        maxAttempts: 2,
      });
      const error = await transport
        .request('/system/info', {}, observer())
        .catch((err: Error) => err);
      expect((error as Error).message).toMatch(
        /GET \/web\/api\/v2\.1\/system\/info: .*ECONNRESET.*the connection closed before the response body was complete.*gave up after 2 attempts/,
      );
      expect(server.answered()).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('is retried, and the retry reads the whole body', async () => {
    const server = await resettingConsole(1);
    try {
      const transport = new SentinelOneTransport(server.url, 'token', patient);
      const step = observer();
      await expect(
        transport.request('/system/info', {}, step),
      ).resolves.toEqual({ data: { agents: 1500 } });
      expect(step.counters).toEqual({ requests: 2, retries: 1 });
    } finally {
      await server.close();
    }
  });
});
