import {
  Entity,
  IntegrationProviderAuthorizationError,
  PublishEventInput,
} from '@jupiterone/integration-sdk-core';
import { createMockStepExecutionContext } from '@jupiterone/integration-sdk-testing';

import { IterationSummary } from '../../client';
import { IntegrationConfig } from '../../config';
import { MalformedRecordError } from '../util';
import { collectPages, CollectPagesOptions } from './collectPages';
import { CONVERT_SLICE } from './pageWriter';

interface Row {
  id: string;
  malformed?: boolean;
}

const AGENT = 'sentinelone_agent';

const entity = (id: string): Entity => ({
  _key: `${AGENT}-id-${id}`,
  _type: AGENT,
  _class: ['HostAgent'],
});

const summary = (records: number, duplicates = 0): IterationSummary => ({
  endpoint: 'GET /web/api/v2.1/agents',
  pages: 1,
  records,
  duplicates,
});

/** An iteration that hands on `pages` one after another. */
const pagesOf =
  (pages: Row[][], duplicates = 0) =>
  async (onPage: (records: Row[]) => Promise<void>) => {
    let fetched = 0;
    for (const records of pages) {
      fetched += records.length;
      await onPage(records);
    }
    return summary(fetched, duplicates);
  };

const rows = (from: number, count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(from + i) }));

function setUp() {
  const context = createMockStepExecutionContext<IntegrationConfig>({
    instanceConfig: { serverUrl: 'https://example.test', apiToken: 'x' },
  });
  const events: PublishEventInput[] = [];
  jest.spyOn(context.logger, 'publishEvent').mockImplementation((event) => {
    events.push(event);
  });
  const info = jest.spyOn(context.logger, 'info');
  const warn = jest.spyOn(context.logger, 'warn');
  const writes: number[] = [];
  const addEntities = context.jobState.addEntities.bind(context.jobState);
  context.jobState.addEntities = (entities) => {
    writes.push(entities.length);
    return addEntities(entities);
  };
  const run = (options: Partial<CollectPagesOptions<Row>>) =>
    collectPages<Row>({
      context,
      client: {
        stats: { requests: 7, retries: 1 },
        runStats: { requests: 40, retries: 2 },
      } as never,
      recordType: 'agent',
      writtenType: AGENT,
      iterate: pagesOf([]),
      toGraph: (row, graph) => {
        graph.entities.push(entity(row.id));
      },
      ...options,
    });
  const summaryLine = () =>
    info.mock.calls.find(([, message]) =>
      String(message).startsWith('Collected'),
    );
  return { context, events, warn, writes, run, summaryLine };
}

test('every record of every page is written, CONVERT_SLICE at a time', async () => {
  const { context, writes, run, summaryLine } = setUp();
  const complete = await run({
    iterate: pagesOf([rows(0, 1200), rows(1200, 3)]),
  });

  expect(complete).toBe(true);
  expect(context.jobState.collectedEntities).toHaveLength(1203);
  expect(writes).toEqual([CONVERT_SLICE, CONVERT_SLICE, 200, 3]);
  expect(summaryLine()).toEqual([
    expect.objectContaining({
      recordType: 'agent',
      records: 1203,
      duplicatesDropped: 0,
      pages: 1,
      requests: 7,
      retries: 1,
      runRequests: 40,
      runRetries: 2,
    }),
    'Collected 1203 agent record(s)',
  ]);
});

test('the summary counts what was written and the duplicates dropped apart', async () => {
  const { context, run, summaryLine } = setUp();
  // One duplicate dropped by pagination, one repeated pages apart.
  await run({ iterate: pagesOf([rows(0, 2), rows(1, 2)], 1) });

  expect(context.jobState.collectedEntities).toHaveLength(3);
  expect(summaryLine()).toEqual([
    expect.objectContaining({ records: 3, duplicatesDropped: 2 }),
    'Collected 3 agent record(s); 2 duplicate(s) dropped',
  ]);
});

test('a malformed record is skipped whole, warned about once, and the rest collected', async () => {
  const { context, events, warn, run, summaryLine } = setUp();
  await run({
    iterate: pagesOf([
      [{ id: '1' }, { id: '2', malformed: true }, { id: '3' }],
    ]),
    toGraph: (row, graph) => {
      graph.entities.push(entity(row.id));
      if (row.malformed) {
        throw new MalformedRecordError(`agent ${row.id}: bad date`, 'agent');
      }
    },
  });

  expect(context.jobState.collectedEntities.map((e) => e._key)).toEqual([
    `${AGENT}-id-1`,
    `${AGENT}-id-3`,
  ]);
  expect(events.map((e) => e.name)).toEqual(['warn_malformed_records']);
  expect(events[0].description).toMatch(
    /^Skipped 1 malformed agent record\(s\) .*\(first: agent 2: bad date\)/,
  );
  expect(warn).toHaveBeenCalledWith(
    { warning: 'warn_malformed_records' },
    events[0].description,
  );
  expect(summaryLine()?.[1]).toBe('Collected 2 agent record(s)');
});

test('pages of iterations running side by side are converted one at a time', async () => {
  const { context, run } = setUp();
  let converting = 0;
  let mostAtOnce = 0;
  await run({
    iterate: (onPage) =>
      Promise.all([
        pagesOf([rows(0, 3), rows(3, 3)])(onPage),
        pagesOf([rows(6, 3), rows(9, 3)])(onPage),
      ]),
    toGraph: async (row, graph) => {
      converting++;
      mostAtOnce = Math.max(mostAtOnce, converting);
      await new Promise((resolve) => setImmediate(resolve));
      converting--;
      graph.entities.push(entity(row.id));
    },
  });

  expect(mostAtOnce).toBe(1);
  expect(context.jobState.collectedEntities).toHaveLength(12);
});

test('an error fails the collection after the write in flight has ended', async () => {
  const { context, run } = setUp();
  await expect(
    run({
      iterate: async (onPage) => {
        await onPage(rows(0, 2));
        throw new Error('socket hang up');
      },
    }),
  ).rejects.toThrow('socket hang up');
  expect(context.jobState.collectedEntities).toHaveLength(2);
});

test('an optional source the API refuses keeps what was read, warns, and reports', async () => {
  const { context, events, run, summaryLine } = setUp();
  const complete = await run({
    optional: { what: 'Agents', remedy: 'Grant Agents.view.' },
    iterate: async (onPage) => {
      await onPage(rows(0, 2));
      throw new IntegrationProviderAuthorizationError({
        endpoint: 'GET /web/api/v2.1/agents',
        status: 403,
        statusText: 'Forbidden',
      });
    },
  });

  expect(complete).toBe(false);
  expect(context.jobState.collectedEntities).toHaveLength(2);
  expect(events.map((e) => e.name)).toEqual(['warn_missing_permission']);
  expect(summaryLine()?.[1]).toBe('Collected 2 agent record(s)');
});
