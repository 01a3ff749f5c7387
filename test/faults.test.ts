/**
 * The fault matrix: a 5,000-agent estate behind a misbehaving API must still
 * be collected exactly, or the run must end precisely and quickly.
 */
import { IntegrationProviderAuthenticationError } from '@jupiterone/integration-sdk-core';

import { Entities, Relationships, Steps } from '../src/steps/constants';
import {
  FaultOptions,
  RunningSimulator,
  startSimulator,
} from '../tools/simulator';
import { collect, Collection, countByType, FAST_CLIENT_ENV } from './collect';

const ESTATE = { seed: 42, sites: 5, groups: 50, agents: 5000 };

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator(ESTATE);
});

afterAll(() => simulator.close());

function runWith(
  faults: FaultOptions,
  env: Record<string, string> = FAST_CLIENT_ENV,
): Promise<Collection> {
  simulator.setFaults(faults);
  simulator.resetRequestLog();
  return collect(
    {
      serverUrl: simulator.url,
      apiToken: 'simulator-api-token',
    },
    env,
  );
}

function expectCompleteCoreEstate(collection: Collection) {
  const entities = countByType(collection.entities);
  const relationships = countByType(collection.relationships);
  expect(entities[Entities.AGENT._type]).toBe(ESTATE.agents);
  expect(entities[Entities.GROUP._type]).toBe(ESTATE.groups);
  expect(entities[Entities.SITE._type]).toBe(ESTATE.sites);
  expect(entities[Entities.ACCOUNT._type]).toBe(1);
  expect(relationships[Relationships.ACCOUNT_HAS_GROUP._type]).toBe(
    ESTATE.groups,
  );
  expect(relationships[Relationships.GROUP_HAS_AGENT._type]).toBe(
    ESTATE.agents,
  );
  // Each once: the graph store keys by _key, so count distinct ids too.
  const agentIds = collection.entities
    .filter((e) => e._type === Entities.AGENT._type)
    .map((e) => e.id);
  expect(new Set(agentIds).size).toBe(ESTATE.agents);
  expect(collection.partialTypes).toEqual([]);
  for (const status of Object.values(collection.stepStatus)) {
    expect(status).toBe('success');
  }
}

describe('collects everything despite', () => {
  test('1. 5% of requests answering 500/502/503 with JSON or HTML bodies', async () => {
    const collection = await runWith({ serverErrorRate: 0.05 });
    expectCompleteCoreEstate(collection);
    expect(simulator.requests.some((r) => r.status >= 500)).toBe(true);
  });

  test('2. 429 above 5 requests per second, with Retry-After', async () => {
    const collection = await runWith({
      rateLimitPerSecond: 5,
      retryAfterSeconds: 1,
    });
    expectCompleteCoreEstate(collection);
    expect(simulator.requests.some((r) => r.status === 429)).toBe(true);
  });

  test('3. 429 above 5 requests per second, without Retry-After', async () => {
    const collection = await runWith({
      rateLimitPerSecond: 5,
      retryAfterSeconds: null,
    });
    expectCompleteCoreEstate(collection);
    expect(simulator.requests.some((r) => r.status === 429)).toBe(true);
  });

  test('4. a page whose JSON is truncated mid-body', async () => {
    expectCompleteCoreEstate(
      await runWith({ truncatedPages: 1, faultPaths: ['/agents'] }),
    );
  });

  test('5. a request that never answers', async () => {
    expectCompleteCoreEstate(
      await runWith({ hangingRequests: 1, faultPaths: ['/agents'] }),
    );
  });

  test('6. a connection reset mid-body', async () => {
    expectCompleteCoreEstate(
      await runWith({ resetsMidBody: 1, faultPaths: ['/agents'] }),
    );
  });

  test("7. 20% of pages repeating the previous page's last record", async () => {
    expectCompleteCoreEstate(await runWith({ repeatRecordRate: 0.2 }));
  });

  test('8. 30% of optional fields null or missing', async () => {
    expectCompleteCoreEstate(await runWith({ nullFieldRate: 0.3 }));
  });

  test('9. records without an id or with an unparseable date: skipped and counted', async () => {
    const collection = await runWith({ malformedRecords: 4 });
    expectCompleteCoreEstate(collection);
    const warnings = collection.events
      .filter((e) => e.name === 'warn_malformed_records')
      .map((e) => e.description);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Skipped 4 malformed agent record\(s\)/),
        expect.stringMatching(/^Skipped 4 malformed group record\(s\)/),
      ]),
    );
  });
});

describe('ends clearly', () => {
  test('10. a cursor returned twice fails the step, naming the endpoint and the cursor', async () => {
    const started = Date.now();
    // One stream of agents, so that it is long enough to repeat a cursor.
    const collection = await runWith(
      { repeatedCursor: true, faultPaths: ['/agents'] },
      { ...FAST_CLIENT_ENV, SENTINELONE_MAX_CONCURRENT_REQUESTS: '1' },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(collection.stepStatus[Steps.AGENTS]).toBe('failure');
    expect(collection.partialTypes).toContain(Entities.AGENT._type);
    expect(collection.output).toMatch(
      /GET \/web\/api\/v2\.1\/agents: REPEATED_CURSOR the API returned the cursor '[^']+' a second time/,
    );
    // Steps that do not need agents are unaffected.
    expect(collection.stepStatus[Steps.GROUPS]).toBe('success');
  });

  test('11. a wrong token fails validation with an authentication error after one request', async () => {
    simulator.setFaults({});
    simulator.resetRequestLog();
    const error = await collect({
      serverUrl: simulator.url,
      apiToken: 'wrong-token',
    }).catch((err) => err);
    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.message).toMatch(
      /401.*invalid or expired.*Generate API Token/,
    );
    expect(simulator.requests).toHaveLength(1);
  });

  test('12. a site-scoped token (403 4030010 on account endpoints) falls back to site scope', async () => {
    const siteScoped = await startSimulator({ ...ESTATE, siteScoped: true });
    try {
      const collection = await collect({
        serverUrl: siteScoped.url,
        apiToken: 'simulator-api-token',
      });
      expectCompleteCoreEstate(collection);
      expect(siteScoped.requests.some((r) => r.status === 403)).toBe(true);
    } finally {
      await siteScoped.close();
    }
  });
});

describe('failures stay local', () => {
  test('a failing threats step does not stop agents; its type is flagged partial', async () => {
    const collection = await runWith({
      serverErrorRate: 1,
      faultPaths: ['/threats'],
    });
    expect(collection.stepStatus[Steps.THREATS]).toBe('failure');
    expect(collection.stepStatus[Steps.AGENTS]).toBe('success');
    expect(collection.partialTypes).toContain(Entities.THREAT._type);
    expect(countByType(collection.entities)[Entities.AGENT._type]).toBe(
      ESTATE.agents,
    );
  });

  test('an application step refused by the API does not stop the rest', async () => {
    const collection = await runWith({
      serverErrorRate: 1,
      faultPaths: ['/application-management'],
    });
    expect(collection.stepStatus[Steps.APPLICATIONS]).toBe('failure');
    expect(collection.stepStatus[Steps.VULNERABILITIES]).toBe('failure');
    expect(collection.stepStatus[Steps.THREATS]).toBe('success');
    expect(countByType(collection.entities)[Entities.AGENT._type]).toBe(
      ESTATE.agents,
    );
  });
});

test('ten consecutive collections with faults 1-9 give the same keys', async () => {
  const small = await startSimulator({
    seed: 9,
    sites: 2,
    groups: 6,
    agents: 1500,
  });
  try {
    const keySets: string[] = [];
    for (let run = 0; run < 10; run++) {
      small.setFaults({
        serverErrorRate: 0.05,
        rateLimitPerSecond: 40,
        retryAfterSeconds: run % 2 ? 1 : null,
        truncatedPages: 1,
        hangingRequests: run === 3 ? 1 : 0,
        resetsMidBody: 1,
        repeatRecordRate: 0.2,
        nullFieldRate: 0.3,
        malformedRecords: 2,
      });
      const collection = await collect({
        serverUrl: small.url,
        apiToken: 'simulator-api-token',
      });
      keySets.push(
        [...collection.entities, ...collection.relationships]
          .map((o) => o._key)
          .sort()
          .join('\n'),
      );
    }
    expect(new Set(keySets).size).toBe(1);
    const agentKeys = keySets[0]
      .split('\n')
      .filter((key) => /^sentinelone_agent-id-\d+$/.test(key));
    expect(agentKeys.length).toBe(small.totals.agents);
  } finally {
    await small.close();
  }
});
