/**
 * Estate-shape property tests (issue 8): for generated estates (1–50 sites
 * over 1–3 accounts, any of them empty, uneven agent counts), token levels
 * and configured Site IDs / Account IDs, a whole run against the simulator
 * collects exactly what is in scope, each record once, sends no request
 * wider than the configured scope, and reads agents within
 * `ceil(agents in scope / 1000) + streams` requests.
 *
 * A fixed seed and a bounded number of runs keep it quick and repeatable; on
 * failure fast-check prints the seed, the path and the shrunk counterexample
 * (rerun with `seed` and `path` to replay just that case).
 */
import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';
import fc from 'fast-check';

import { Steps } from '../src/steps/constants';
import {
  generateEstate,
  SimulatorOptions,
  startSimulator,
} from '../tools/simulator';
import { collect, FAST_CLIENT_ENV } from './collect';
import {
  agentRequestBound,
  collectedGraph,
  ConfiguredIds,
  expectedGraph,
  sitesInScope,
  TokenView,
  visibleSites,
  widerRequests,
} from './scope-oracle';

/** A site id no console holds: configured by mistake. */
const UNKNOWN_SITE_ID = '123456789012345678';

type TokenKind = 'global' | 'siteScoped' | 'accounts' | 'sites';
type ConfigKind = 'none' | 'siteIds' | 'accountIds' | 'both';

interface EstateCase {
  seed: number;
  sitesPerAccount: number[];
  agentsPerSite: number[];
  token: TokenKind;
  config: ConfigKind;
  /** Indices (modulo what is available) of the token's and the config's picks. */
  tokenPicks: number[];
  sitePicks: number[];
  accountPicks: number[];
  withUnknownSiteId: boolean;
}

const agentsOfSite = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) },
  // Now and then a site of two pages (limit 1,000).
  { weight: 1, arbitrary: fc.integer({ min: 1001, max: 1050 }) },
);

const picks = fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 });

const estateCase: fc.Arbitrary<EstateCase> = fc
  .array(fc.integer({ min: 0, max: 17 }), { minLength: 1, maxLength: 3 })
  .filter((sites) => {
    const total = sites.reduce((a, b) => a + b, 0);
    return total >= 1 && total <= 50;
  })
  .chain((sitesPerAccount) =>
    fc.record({
      seed: fc.integer({ min: 1, max: 10_000 }),
      sitesPerAccount: fc.constant(sitesPerAccount),
      agentsPerSite: fc
        .array(agentsOfSite, {
          minLength: sitesPerAccount.reduce((a, b) => a + b, 0),
          maxLength: sitesPerAccount.reduce((a, b) => a + b, 0),
        })
        // Keep each run to a second or so: at most one two-page site.
        .filter((agents) => agents.filter((n) => n > 1000).length <= 1),
      token: fc.constantFrom<TokenKind>(
        'global',
        'siteScoped',
        'accounts',
        'sites',
      ),
      config: fc.constantFrom<ConfigKind>(
        'none',
        'siteIds',
        'accountIds',
        'both',
      ),
      tokenPicks: picks,
      sitePicks: picks,
      accountPicks: picks,
      withUnknownSiteId: fc.boolean(),
    }),
  );

const pick = <T>(items: T[], indices: number[]): T[] =>
  items.length ? [...new Set(indices.map((i) => items[i % items.length]))] : [];

/** The token's view, from ids the estate holds. */
function tokenView(
  c: EstateCase,
  estate: { sites: { id: string }[]; accounts: { id: string }[] },
): TokenView {
  switch (c.token) {
    case 'global':
      return {};
    case 'siteScoped':
      return { siteScoped: true };
    case 'accounts':
      return {
        tokenScope: {
          accountIds: pick(
            estate.accounts.map((a) => a.id),
            c.tokenPicks,
          ),
        },
      };
    case 'sites':
      return {
        tokenScope: {
          siteIds: pick(
            estate.sites.map((s) => s.id),
            c.tokenPicks,
          ),
        },
      };
  }
}

/**
 * Site IDs / Account IDs within what the token sees (naming what it may not
 * read is a validation error, tested on its own); Account IDs never with a
 * site-level token, which the API refuses account filters.
 */
function configuredIds(
  c: EstateCase,
  estate: { sites: { id: string; accountId: string }[] },
  view: TokenView,
): ConfiguredIds {
  const visible = estate.sites.filter((site) =>
    visibleSites(estate as never, view).has(site.id),
  );
  const siteLevel = c.token === 'siteScoped' || c.token === 'sites';
  const wantsSites = c.config === 'siteIds' || c.config === 'both';
  const wantsAccounts =
    !siteLevel && (c.config === 'accountIds' || c.config === 'both');
  const configured: ConfiguredIds = {};
  if (wantsSites && visible.length) {
    configured.siteIds = pick(
      visible.map((s) => s.id),
      c.sitePicks,
    );
    if (c.withUnknownSiteId) configured.siteIds.push(UNKNOWN_SITE_ID);
  }
  if (wantsAccounts && visible.length) {
    configured.accountIds = pick(
      [...new Set(visible.map((s) => s.accountId))],
      c.accountPicks,
    );
  }
  return configured;
}

async function holdsForCase(c: EstateCase): Promise<void> {
  const options: SimulatorOptions = {
    seed: c.seed,
    sitesPerAccount: c.sitesPerAccount,
    agentsPerSite: c.agentsPerSite,
    threats: 15,
    applications: 3,
    latencyMs: 0,
    prewarm: false,
  };
  const { sites, accounts } = generateEstate(options);
  const view = tokenView(c, { sites, accounts });
  const simulator = await startSimulator({ ...options, ...view });
  try {
    const configured = configuredIds(c, simulator.estate, view);
    const config = {
      serverUrl: simulator.url,
      apiToken: 'simulator-api-token',
      siteIds: configured.siteIds?.join(','),
      accountIds: configured.accountIds?.join(','),
    };
    const inScope = sitesInScope(simulator.estate, view, configured);
    const expected = expectedGraph(simulator.estate, inScope);
    if (configured.siteIds && inScope.size === 0) {
      // Site IDs and Account IDs that share no site: refused, nothing read.
      await expect(collect(config, FAST_CLIENT_ENV)).rejects.toThrow(
        IntegrationValidationError,
      );
    } else {
      const collection = await collect(config, FAST_CLIENT_ENV);
      expect(collection.stepStatus).toEqual(
        Object.fromEntries(Object.values(Steps).map((id) => [id, 'success'])),
      );
      expect(collectedGraph(collection)).toEqual(expected);
      const keys = [...collection.entities, ...collection.relationships].map(
        (o) => o._key,
      );
      expect(keys.length).toBe(new Set(keys).size);
    }

    expect(
      widerRequests(simulator.estate, simulator.requests, configured),
    ).toEqual([]);
    const agents = agentRequestBound(
      expected.agents.length,
      simulator.requests,
    );
    expect(agents.requests).toBeLessThanOrEqual(agents.bound);
  } finally {
    await simulator.close();
  }
}

test('whatever the estate, token and configuration: exactly the scope, each record once, no wider request', async () => {
  await fc.assert(fc.asyncProperty(estateCase, holdsForCase), {
    seed: 20261126,
    numRuns: 12,
    verbose: true,
    endOnFailure: true,
  });
});
