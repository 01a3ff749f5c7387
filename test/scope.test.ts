/**
 * Whole runs against estates shaped like MSSP consoles: what is collected is
 * exactly what the configured scope holds, each record once, and no request
 * the console receives reads more than that scope (see scope-oracle.ts).
 */
import { Steps } from '../src/steps/constants';
import { SimulatorOptions, startSimulator } from '../tools/simulator';
import { collect, Collection, FAST_CLIENT_ENV } from './collect';
import {
  agentRequestBound,
  collectedGraph,
  ConfiguredIds,
  expectedGraph,
  sitesInScope,
  widerRequests,
} from './scope-oracle';

/** Runs the integration against an estate and checks it against the oracle. */
async function collectInScope(
  options: SimulatorOptions,
  configure: (estate: {
    sites: { id: string; accountId: string }[];
    accounts: { id: string }[];
  }) => ConfiguredIds = () => ({}),
  env: Record<string, string> = {},
) {
  const simulator = await startSimulator({ latencyMs: 0, ...options });
  try {
    const configured = configure(simulator.estate);
    const collection = await collect(
      {
        serverUrl: simulator.url,
        apiToken: 'simulator-api-token',
        siteIds: configured.siteIds?.join(','),
        accountIds: configured.accountIds?.join(','),
      },
      { ...FAST_CLIENT_ENV, ...env },
    );
    const sites = sitesInScope(simulator.estate, options, configured);
    const expected = expectedGraph(simulator.estate, sites);
    return {
      simulator,
      collection,
      expected,
      collected: collectedGraph(collection),
      wider: widerRequests(simulator.estate, simulator.requests, configured),
      agentRequests: agentRequestBound(
        expected.agents.length,
        simulator.requests,
      ),
    };
  } finally {
    await simulator.close();
  }
}

function expectEveryStepSucceeded(collection: Collection): void {
  expect(collection.stepStatus).toEqual(
    Object.fromEntries(Object.values(Steps).map((id) => [id, 'success'])),
  );
}

function expectEachObjectOnce(collection: Collection): void {
  const keys = [...collection.entities, ...collection.relationships].map(
    (object) => object._key,
  );
  expect(keys.length - new Set(keys).size).toBe(0);
}

describe('one busy site and two empty ones (issue 8)', () => {
  test('with Site IDs: only the configured sites are read, never every agent', async () => {
    const run = await collectInScope(
      // Two more busy sites outside Site IDs: what an empty filter would leak.
      { seed: 8, agentsPerSite: [1200, 0, 0, 300, 300], threats: 40 },
      (estate) => ({ siteIds: estate.sites.slice(0, 3).map((s) => s.id) }),
    );
    expectEveryStepSucceeded(run.collection);
    expect(run.collected.agents).toHaveLength(1200);
    expect(run.collected).toEqual(run.expected);
    expect(run.wider).toEqual([]);
    expect(run.agentRequests.requests).toBeLessThanOrEqual(
      run.agentRequests.bound,
    );
    expectEachObjectOnce(run.collection);
  });

  test('without Site IDs: every agent read once, not the estate twice over', async () => {
    const run = await collectInScope({
      seed: 8,
      agentsPerSite: [1500, 0, 0],
      threats: 40,
    });
    expectEveryStepSucceeded(run.collection);
    expect(run.collected.agents).toHaveLength(1500);
    expect(run.collected).toEqual(run.expected);
    expect(run.wider).toEqual([]);
    // One stream per site; an empty site's stream costs one empty page.
    expect(run.agentRequests.streams).toBe(3);
    expect(run.agentRequests.requests).toBeLessThanOrEqual(
      run.agentRequests.bound,
    );
    expectEachObjectOnce(run.collection);
  });
});

describe('several accounts under one token', () => {
  const estate: SimulatorOptions = {
    seed: 21,
    sitesPerAccount: [2, 1, 2],
    agentsPerSite: [30, 20, 25, 0, 15],
    applications: 6,
    threats: 30,
  };

  test("every account's installs and CVE findings are collected, one account per request", async () => {
    const run = await collectInScope(estate);
    expectEveryStepSucceeded(run.collection);
    expect(run.collected).toEqual(run.expected);
    expect(run.wider).toEqual([]);
    expectEachObjectOnce(run.collection);
    // Not a vacuous equality: findings and installs in every account.
    const { simulator } = run;
    const findingAccounts = new Set(
      Array.from(
        { length: simulator.estate.riskCount },
        (_, n) => simulator.estate.riskAt(n).accountId,
      ),
    );
    expect(findingAccounts.size).toBe(3);
    expect(run.expected.installs).toBeGreaterThan(0);
  });

  test('Account IDs naming two of the three: exactly their records', async () => {
    const run = await collectInScope(estate, (e) => ({
      accountIds: [e.accounts[0].id, e.accounts[2].id],
    }));
    expectEveryStepSucceeded(run.collection);
    expect(run.collected).toEqual(run.expected);
    expect(run.collected.sites).toHaveLength(4);
    expect(run.wider).toEqual([]);
    expectEachObjectOnce(run.collection);
  });
});

describe('2,000 sites with a site-scoped token, applications and CVE findings on', () => {
  test('every step succeeds, every record once, no URL too long', async () => {
    const run = await collectInScope({
      seed: 34,
      siteScoped: true,
      sites: 2000,
      groups: 2000,
      agents: 300,
      threats: 60,
      applications: 4,
    });
    expectEveryStepSucceeded(run.collection);
    expect(run.collected).toEqual(run.expected);
    expect(run.collected.sites).toHaveLength(2000);
    expect(run.wider).toEqual([]);
    expectEachObjectOnce(run.collection);
    // More than 300 sites still read agents in parallel streams.
    expect(run.agentRequests.streams).toBeGreaterThanOrEqual(3);
    expect(run.agentRequests.requests).toBeLessThanOrEqual(
      run.agentRequests.bound,
    );
    expect(run.simulator.requests.filter((r) => r.status === 414)).toHaveLength(
      0,
    );
  });
});

describe('Site IDs beyond what one URL can carry, with a site-scoped token', () => {
  test('600 of 700 sites: chunked filters, exactly those sites', async () => {
    const run = await collectInScope(
      {
        seed: 34,
        siteScoped: true,
        sites: 700,
        groups: 700,
        agents: 200,
        threats: 60,
        applications: 2,
      },
      (estate) => ({
        siteIds: estate.sites.slice(50, 650).map((s) => s.id),
      }),
    );
    expectEveryStepSucceeded(run.collection);
    expect(run.collected).toEqual(run.expected);
    expect(run.collected.sites).toHaveLength(600);
    expect(run.wider).toEqual([]);
    expectEachObjectOnce(run.collection);
    const agentFilters = run.simulator.requests.filter(
      (r) => r.path === '/web/api/v2.1/agents' && !r.query.cursor,
    );
    expect(agentFilters.length).toBeGreaterThanOrEqual(3);
  });
});

describe('one transport per run', () => {
  test('threats, applications and CVE findings side by side stay within the cap on requests in flight', async () => {
    const run = await collectInScope(
      {
        seed: 5,
        sites: 4,
        agents: 400,
        threats: 800,
        applications: 8,
        latencyMs: 10,
        faults: { rateLimitPerSecond: 100, retryAfterSeconds: null },
      },
      () => ({}),
      { SENTINELONE_MAX_CONCURRENT_REQUESTS: '2' },
    );
    expectEveryStepSucceeded(run.collection);
    expect(run.collected).toEqual(run.expected);
    expect(run.simulator.maxInFlight).toBeLessThanOrEqual(2);
    expect(run.simulator.maxInFlight).toBe(2);
  });
});

test('configured Site IDs the token cannot read are named in a warning; the rest is collected', async () => {
  const run = await collectInScope({ seed: 2, agentsPerSite: [5, 7] }, (e) => ({
    siteIds: [e.sites[1].id, '123456789012345678'],
  }));
  expectEveryStepSucceeded(run.collection);
  expect(run.collected).toEqual(run.expected);
  expect(run.collected.agents).toHaveLength(7);
  const description =
    'siteIds: 1 configured site id(s) (123456789012345678) name no site this API token can read; the other 1 are collected. Check the ids in the SentinelOne console.';
  expect(
    run.collection.events.filter((e) => e.name === 'warn_scope_ids_not_found'),
  ).toEqual([expect.objectContaining({ description })]);
  expect(run.collection.output).toContain(description);
});
