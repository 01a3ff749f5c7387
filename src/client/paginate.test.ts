import { IntegrationProviderAPIError } from '@jupiterone/integration-sdk-core';

import { ClientLogger, Query } from './transport';
import { paginate } from './paginate';
import { S1Pagination } from './types';

interface Row {
  id?: string;
}

const silentLogger: ClientLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

/** Serves `pages` in order, keyed by the cursor each one is asked with. */
function pagesServer(pages: { records: Row[]; nextCursor?: string }[]) {
  const byCursor = new Map<string | undefined, number>();
  byCursor.set(undefined, 0);
  pages.forEach((page, index) => {
    if (page.nextCursor && !byCursor.has(page.nextCursor)) {
      byCursor.set(page.nextCursor, index + 1);
    }
  });
  const queries: Query[] = [];
  const fetchPage = (
    query: Query,
  ): Promise<{ records: Row[]; pagination?: S1Pagination }> => {
    queries.push(query);
    const index = byCursor.get(query.cursor as string | undefined);
    if (index === undefined) {
      return Promise.reject(new Error(`unknown cursor ${query.cursor}`));
    }
    const page = pages[index];
    return Promise.resolve({
      records: page.records,
      pagination: { totalItems: 5, nextCursor: page.nextCursor ?? null },
    });
  };
  return { fetchPage, queries };
}

function options(fetchPage: ReturnType<typeof pagesServer>['fetchPage']) {
  return {
    path: '/agents',
    query: { siteIds: '1' },
    limit: 1000,
    fetchPage,
    identify: (row: Row) => row.id,
    readAhead: true,
    logger: silentLogger,
    progressEveryPages: 1,
  };
}

describe('paginate', () => {
  test('follows cursors until none is returned, with the limit and filters on every request', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }, { id: '2' }], nextCursor: 'c1' },
      { records: [], nextCursor: 'c2' },
      { records: [{ id: '3' }] },
    ]);
    const seen: string[][] = [];
    const summary = await paginate(options(server.fetchPage), (rows) => {
      seen.push(rows.map((r) => r.id!));
    });

    expect(seen).toEqual([['1', '2'], [], ['3']]);
    expect(server.queries.map((q) => q.cursor)).toEqual([
      undefined,
      'c1',
      'c2',
    ]);
    expect(
      server.queries.every((q) => q.limit === 1000 && q.siteIds === '1'),
    ).toBe(true);
    expect(summary).toMatchObject({
      pages: 3,
      records: 3,
      duplicates: 0,
      totalItems: 5,
    });
  });

  test('hands a record repeated at a page boundary, or within a page, on once', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }, { id: '2' }], nextCursor: 'c1' },
      { records: [{ id: '2' }, { id: '3' }, { id: '3' }] },
    ]);
    const ids: string[] = [];
    const summary = await paginate(options(server.fetchPage), (rows) => {
      ids.push(...rows.map((r) => r.id!));
    });
    expect(ids).toEqual(['1', '2', '3']);
    expect(summary.duplicates).toBe(2);
  });

  test('keeps only the previous page of ids: a repeat further apart is for the graph writer', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }], nextCursor: 'c1' },
      { records: [{ id: '2' }], nextCursor: 'c2' },
      { records: [{ id: '1' }] },
    ]);
    const ids: string[] = [];
    const summary = await paginate(options(server.fetchPage), (rows) => {
      ids.push(...rows.map((r) => r.id!));
    });
    expect(ids).toEqual(['1', '2', '1']);
    expect(summary.duplicates).toBe(0);
  });

  test('passes records without an identity through for the caller to reject', async () => {
    const server = pagesServer([{ records: [{ id: '1' }, {}, {}] }]);
    const rows: Row[] = [];
    await paginate(options(server.fetchPage), (page) => {
      rows.push(...page);
    });
    expect(rows).toHaveLength(3);
  });

  test('stops with an error naming the endpoint and cursor when a cursor comes back again', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }], nextCursor: 'c1' },
      { records: [{ id: '2' }], nextCursor: 'c2' },
      { records: [{ id: '3' }], nextCursor: 'c1' },
    ]);
    const error = await paginate(
      options(server.fetchPage),
      () => undefined,
    ).catch((err) => err);
    expect(error).toBeInstanceOf(IntegrationProviderAPIError);
    expect(error.message).toMatch(
      /GET \/web\/api\/v2\.1\/agents.*REPEATED_CURSOR.*'c1' a second time/,
    );
    expect(server.queries).toHaveLength(3);
  });

  test('requests the next page while the current one is being handled', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }], nextCursor: 'c1' },
      { records: [{ id: '2' }] },
    ]);
    const requestsWhenHandling: number[] = [];
    await paginate(options(server.fetchPage), () => {
      requestsWhenHandling.push(server.queries.length);
    });
    // While page 1 was handled, page 2 had already been requested.
    expect(requestsWhenHandling).toEqual([2, 2]);
  });

  test('without read-ahead, asks for the next page only once the current one is handled', async () => {
    const server = pagesServer([
      { records: [{ id: '1' }], nextCursor: 'c1' },
      { records: [{ id: '2' }] },
    ]);
    const requestsWhenHandling: number[] = [];
    await paginate({ ...options(server.fetchPage), readAhead: false }, () => {
      requestsWhenHandling.push(server.queries.length);
    });
    expect(requestsWhenHandling).toEqual([1, 2]);
  });

  test('surfaces a failing read-ahead after the handler, without an unhandled rejection', async () => {
    let calls = 0;
    const fetchPage = () => {
      calls++;
      if (calls === 2) return Promise.reject(new Error('page 2 failed'));
      return Promise.resolve({
        records: [{ id: '1' }],
        pagination: { nextCursor: 'c1' },
      });
    };
    const handled: number[] = [];
    await expect(
      paginate({ ...options(fetchPage) }, (_rows, info) => {
        handled.push(info.page);
      }),
    ).rejects.toThrow('page 2 failed');
    expect(handled).toEqual([1]);
  });

  test('logs progress with fetched and total counts', async () => {
    const lines: string[] = [];
    const server = pagesServer([
      { records: [{ id: '1' }], nextCursor: 'c1' },
      { records: [{ id: '2' }] },
    ]);
    await paginate(
      {
        ...options(server.fetchPage),
        logger: {
          ...silentLogger,
          info: (_f, message) => lines.push(message!),
        },
      },
      () => undefined,
    );
    expect(lines).toEqual([
      'Fetched 1 of 5 from /agents',
      'Fetched 2 of 5 from /agents',
    ]);
  });
});
