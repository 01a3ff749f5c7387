import { MAX_URL_BYTES } from '../client';
import {
  agentStreams,
  chunkIds,
  ID_FILTER_BUDGET_BYTES,
  scopeFilters,
  singleIdFilters,
} from './filters';
import { RunScope } from './types';

/** 19-digit ids, as SentinelOne's are. */
const id = (n: number) => String(1_000_000_000_000_000_000n + BigInt(n));

function scopeOf(
  restrictedTo: RunScope['restrictedTo'],
  siteCount: number,
  {
    tokenLevel = 'global',
    accountCount = 1,
  }: { tokenLevel?: RunScope['tokenLevel']; accountCount?: number } = {},
): RunScope {
  return {
    tokenLevel,
    configured: {},
    restrictedTo,
    accounts: Array.from({ length: accountCount }, (_, i) => ({
      id: id(900_000 + i),
    })),
    sites: Array.from({ length: siteCount }, (_, i) => ({
      id: id(i),
      accountId: id(900_000),
    })),
  };
}

const idsOf = (filters: ReturnType<typeof scopeFilters>) =>
  filters.map((filter) => (filter.level === 'token' ? [] : filter.ids));

describe('chunkIds', () => {
  test('keeps every id once, in order, each chunk within the budget', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => id(i));
    const chunks = chunkIds(ids);
    expect(chunks.flat()).toEqual(ids);
    for (const chunk of chunks) {
      expect(encodeURIComponent(chunk.join(',')).length).toBeLessThanOrEqual(
        ID_FILTER_BUDGET_BYTES,
      );
    }
    // 19 digits and a 3-byte `%2C`: 279 ids fit in 6,144 bytes.
    expect(chunks.map((chunk) => chunk.length)).toEqual([
      279, 279, 279, 279, 279, 279, 279, 47,
    ]);
  });

  test('no ids, no chunk: an empty filter would read everything', () => {
    expect(chunkIds([])).toEqual([]);
  });
});

describe('scopeFilters', () => {
  test("nothing configured: one request over the token's view", () => {
    expect(scopeFilters(scopeOf('token', 3))).toEqual([{ level: 'token' }]);
  });

  test('by site: the sites in scope, split to fit a URL', () => {
    const filters = scopeFilters(scopeOf('site', 600));
    expect(filters.every((filter) => filter.level === 'site')).toBe(true);
    expect(idsOf(filters).flat()).toHaveLength(600);
    expect(filters).toHaveLength(3);
  });

  test('by account: the accounts in scope', () => {
    expect(scopeFilters(scopeOf('account', 4, { accountCount: 2 }))).toEqual([
      { level: 'account', ids: [id(900_000), id(900_001)] },
    ]);
  });

  test('nothing in scope: no filter at all', () => {
    expect(scopeFilters(scopeOf('site', 0))).toEqual([]);
    expect(scopeFilters(scopeOf('account', 0, { accountCount: 0 }))).toEqual(
      [],
    );
  });
});

describe('singleIdFilters (Application Management reads one id)', () => {
  test('one per account for account-level scopes', () => {
    expect(singleIdFilters(scopeOf('token', 5, { accountCount: 3 }))).toEqual(
      [0, 1, 2].map((i) => ({ level: 'account', ids: [id(900_000 + i)] })),
    );
  });

  test('one per site for configured Site IDs and for site-scoped tokens', () => {
    const expected = [0, 1].map((i) => ({ level: 'site', ids: [id(i)] }));
    expect(singleIdFilters(scopeOf('site', 2))).toEqual(expected);
    expect(
      singleIdFilters(
        scopeOf('token', 2, { tokenLevel: 'site', accountCount: 0 }),
      ),
    ).toEqual(expected);
  });
});

describe('agentStreams', () => {
  const counts = (entries: [number, number][]) =>
    new Map(entries.map(([site, agents]) => [id(site), agents]));

  test('one busy site and two empty ones: three streams, none empty', () => {
    const streams = agentStreams(
      scopeOf('site', 3),
      counts([
        [0, 1000],
        [1, 0],
        [2, 0],
      ]),
      3,
    );
    expect(idsOf(streams)).toEqual([[id(0)], [id(1)], [id(2)]]);
  });

  test('balances agent counts, largest site first into the lightest stream', () => {
    const streams = agentStreams(
      scopeOf('token', 5),
      counts([
        [0, 100],
        [1, 60],
        [2, 50],
        [3, 40],
        [4, 10],
      ]),
      3,
    );
    expect(idsOf(streams)).toEqual([[id(0)], [id(1), id(4)], [id(2), id(3)]]);
  });

  test('no split for one site or one stream: the whole scope', () => {
    expect(agentStreams(scopeOf('token', 1), counts([]), 3)).toEqual([
      { level: 'token' },
    ]);
    expect(idsOf(agentStreams(scopeOf('site', 4), counts([]), 1))).toEqual([
      [id(0), id(1), id(2), id(3)],
    ]);
  });

  test('2,000 sites: every site in exactly one stream, each URL within bounds', () => {
    const streams = agentStreams(
      scopeOf('token', 2000),
      counts(Array.from({ length: 2000 }, (_, i) => [i, i % 7])),
      3,
    );
    const ids = idsOf(streams).flat();
    expect(new Set(ids).size).toBe(2000);
    expect(ids).toHaveLength(2000);
    expect(streams.length).toBeGreaterThanOrEqual(3);
    for (const ids of idsOf(streams)) {
      expect(ids.length).toBeGreaterThan(0);
      const url = `https://usea1-acme.sentinelone.net/web/api/v2.1/agents?siteIds=${encodeURIComponent(
        ids.join(','),
      )}&isDecommissioned=true%2Cfalse&limit=1000&cursor=${'x'.repeat(512)}`;
      expect(Buffer.byteLength(url)).toBeLessThanOrEqual(MAX_URL_BYTES);
    }
  });

  test('nothing in scope: no stream', () => {
    expect(agentStreams(scopeOf('site', 0), counts([]), 3)).toEqual([]);
  });
});
