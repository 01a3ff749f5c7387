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
