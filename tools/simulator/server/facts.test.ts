/**
 * What real consoles do and the collector must live with (issue 8): token
 * scopes, Application Management's single ids, empty filters, the proxy's
 * URL limit, requests in flight, and estate shapes for property tests.
 */
import http from 'http';

import {
  DEFAULT_TOKEN,
  MAX_URL_BYTES,
  RunningSimulator,
  SimulatorOptions,
  startSimulator,
  STATS_PATH,
} from '../index';

const API = '/web/api/v2.1';

function get(
  sim: RunningSimulator,
  path: string,
  query: Record<string, string> = {},
): Promise<{ status: number; type: string; json: any }> {
  const qs = new URLSearchParams(query).toString();
  const url = path.startsWith('/__') ? path : `${API}${path}`;
  return new Promise((resolve, reject) => {
    http
      .get(
        `${sim.url}${url}${qs ? `?${qs}` : ''}`,
        { headers: { Authorization: `ApiToken ${DEFAULT_TOKEN}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const type = String(res.headers['content-type'] ?? '');
            resolve({
              status: res.statusCode ?? 0,
              type,
              json: type.startsWith('application/json')
                ? JSON.parse(text)
                : text,
            });
          });
        },
      )
      .on('error', reject);
  });
}

/** Ids of every record of a list (all pages). */
async function listIds(
  sim: RunningSimulator,
  path: string,
  query: Record<string, string> = {},
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = { ...query, limit: '100', ...(cursor ? { cursor } : {}) };
    const { status, json } = await get(sim, path, page);
    expect({ path, query, status }).toEqual({ path, query, status: 200 });
    const data = path === '/sites' ? json.data.sites : json.data;
    ids.push(...data.map((r: any) => r.id ?? r.applicationName));
    cursor = json.pagination.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function withSimulator(
  options: SimulatorOptions,
  run: (sim: RunningSimulator) => Promise<void>,
) {
  const sim = await startSimulator({ seed: 4, threats: 40, ...options });
  try {
    await run(sim);
  } finally {
    await sim.close();
  }
}

const THREE_ACCOUNTS = { accounts: 3, sites: 6, groups: 12, agents: 120 };
const BOTH = { isDecommissioned: 'true,false' };

describe('Application Management takes a single id', () => {
  test('a comma-joined accountIds or siteIds is answered for its first id', () =>
    withSimulator(THREE_ACCOUNTS, async (sim) => {
      const { accounts, sites, risks, installs } = sim.estate;
      const joined = accounts.map((a) => a.id).join(',');
      const firstRisks = risks.filter((r) => r.accountId === accounts[0].id);
      expect(firstRisks.length).toBeLessThan(risks.length);
      expect(
        await listIds(sim, '/application-management/risks', {
          accountIds: joined,
        }),
      ).toEqual(firstRisks.map((r) => r.record.id));
      const siteJoined = `${sites[1].id},${sites[0].id}`;
      expect(
        await listIds(sim, '/application-management/risks', {
          siteIds: siteJoined,
        }),
      ).toEqual(
        risks.filter((r) => r.siteId === sites[1].id).map((r) => r.record.id),
      );
      const install = installs.find((i) => i.accountId === accounts[0].id)!;
      const app = {
        applicationName: install.applicationName,
        applicationVendor: install.applicationVendor,
      };
      expect(
        await listIds(sim, '/application-management/inventory/endpoints', {
          ...app,
          accountIds: joined,
        }),
      ).toEqual(
        installs
          .filter(
            (i) =>
              i.accountId === accounts[0].id &&
              i.applicationName === app.applicationName,
          )
          .map((i) => i.record.id),
      );
      const inventory = await get(sim, '/application-management/inventory', {
        accountIds: joined,
        limit: '100',
      });
      const endpoints = inventory.json.data.reduce(
        (n: number, row: any) => n + row.endpointsCount,
        0,
      );
      const firstAgents = new Set(
        installs
          .filter((i) => i.accountId === accounts[0].id)
          .map((i) => `${i.applicationName}|${i.agentId}`),
      );
      expect(endpoints).toBe(firstAgents.size);
    }));
});

describe('filters', () => {
  test('an empty filter value is no filter: everything the token may see', () =>
    withSimulator(THREE_ACCOUNTS, async (sim) => {
      const all = await listIds(sim, '/agents', BOTH);
      expect(all).toHaveLength(sim.totals.agents);
      expect(await listIds(sim, '/agents', { ...BOTH, siteIds: '' })).toEqual(
        all,
      );
      expect(await listIds(sim, '/threats', { groupIds: '' })).toHaveLength(
        sim.totals.threats,
      );
      // Application Management needs a scope: an empty one is none.
      const risks = await get(sim, '/application-management/risks', {
        accountIds: '',
      });
      expect(risks.status).toBe(400);
    }));

  test('every list honours siteIds, groupIds and accountIds exactly', () =>
    withSimulator(THREE_ACCOUNTS, async (sim) => {
      const { estate } = sim;
      const site = estate.sites[4];
      const group = estate.groups[9];
      const account = estate.accounts[2];
      const cases: [string, Record<string, string>, string[]][] = [
        [
          '/agents',
          { ...BOTH, groupIds: group.id },
          estate.agents.filter((a) => a.groupId === group.id).map((a) => a.id),
        ],
        [
          '/threats',
          { siteIds: site.id },
          estate.threats
            .filter((t) => t.agentRealtimeInfo!.siteId === site.id)
            .map((t) => t.id),
        ],
        [
          '/threats',
          { groupIds: group.id },
          estate.threats
            .filter((t) => t.agentRealtimeInfo!.groupId === group.id)
            .map((t) => t.id),
        ],
        [
          '/groups',
          { accountIds: account.id },
          estate.groups
            .filter(
              (g) =>
                estate.sites.find((s) => s.id === g.siteId)!.accountId ===
                account.id,
            )
            .map((g) => g.id),
        ],
        [
          '/application-management/risks',
          { accountIds: account.id, groupIds: group.id },
          estate.risks
            .filter((r) => r.accountId === account.id && r.groupId === group.id)
            .map((r) => r.record.id),
        ],
      ];
      for (const [path, query, expected] of cases) {
        expect({ path, query, ids: await listIds(sim, path, query) }).toEqual({
          path,
          query,
          ids: expected,
        });
      }
    }));
});

describe('token scope', () => {
  test('a site-scoped token sees its sites only, and 403 outside them', async () => {
    const probe = await startSimulator({ seed: 4, ...THREE_ACCOUNTS });
    const [s1, s2] = [probe.estate.sites[1], probe.estate.sites[2]];
    await probe.close();
    await withSimulator(
      { ...THREE_ACCOUNTS, tokenScope: { siteIds: [s1.id, s2.id] } },
      async (sim) => {
        const { estate } = sim;
        const mine = new Set([s1.id, s2.id]);
        expect(await listIds(sim, '/sites')).toEqual([s1.id, s2.id]);
        expect(await listIds(sim, '/agents', BOTH)).toEqual(
          estate.agents.filter((a) => mine.has(a.siteId!)).map((a) => a.id),
        );
        expect(await listIds(sim, '/agents', { ...BOTH, siteIds: '' })).toEqual(
          estate.agents.filter((a) => mine.has(a.siteId!)).map((a) => a.id),
        );
        expect(await listIds(sim, '/groups')).toEqual(
          estate.groups.filter((g) => mine.has(g.siteId)).map((g) => g.id),
        );
        expect(await listIds(sim, '/threats')).toEqual(
          estate.threats
            .filter((t) => mine.has(t.agentRealtimeInfo!.siteId!))
            .map((t) => t.id),
        );
        expect(
          await listIds(sim, '/application-management/risks', {
            siteIds: s2.id,
          }),
        ).toEqual(
          estate.risks
            .filter((r) => r.siteId === s2.id)
            .map((r) => r.record.id),
        );
        const other = estate.sites[0];
        const otherGroup = estate.groups.find((g) => g.siteId === other.id)!;
        for (const [path, query] of [
          ['/accounts', {}],
          ['/agents', { accountIds: estate.accounts[0].id }],
          ['/agents', { siteIds: `${s1.id},${other.id}` }],
          ['/threats', { groupIds: otherGroup.id }],
          ['/application-management/risks', { siteIds: other.id }],
        ] as const) {
          const reply = await get(sim, path, query);
          expect({
            path,
            query,
            status: reply.status,
            code: reply.json.errors?.[0].code,
          }).toEqual({
            path,
            query,
            status: 403,
            code: 4030010,
          });
        }
        expect((await get(sim, '/user')).json.data.scope).toBe('site');
      },
    );
  });

  test('an account-scoped token sees its accounts only', async () => {
    const probe = await startSimulator({ seed: 4, ...THREE_ACCOUNTS });
    const account = probe.estate.accounts[1];
    await probe.close();
    await withSimulator(
      { ...THREE_ACCOUNTS, tokenScope: { accountIds: [account.id] } },
      async (sim) => {
        const { estate } = sim;
        expect(await listIds(sim, '/accounts')).toEqual([account.id]);
        expect(await listIds(sim, '/sites')).toEqual(
          estate.sites
            .filter((s) => s.accountId === account.id)
            .map((s) => s.id),
        );
        expect(await listIds(sim, '/agents', BOTH)).toEqual(
          estate.agents
            .filter((a) => a.accountId === account.id)
            .map((a) => a.id),
        );
        const outside = await get(sim, '/sites', {
          accountIds: estate.accounts[0].id,
        });
        expect(outside.status).toBe(403);
        expect((await get(sim, '/user')).json.data.scope).toBe('account');
      },
    );
  });
});

describe('the proxy in front of the console', () => {
  test(`refuses URLs longer than ${MAX_URL_BYTES} bytes with 414`, () =>
    withSimulator({ agents: 10 }, async (sim) => {
      const ids = (n: number) =>
        Array.from({ length: n }, (_, i) => String(7e18 + i)).join(',');
      const urlBytes = (n: number) =>
        Buffer.byteLength(
          `${API}/agents?${new URLSearchParams({ ids: ids(n) })}`,
        );
      let fits = 1;
      while (urlBytes(fits + 1) <= MAX_URL_BYTES) fits++;
      expect((await get(sim, '/agents', { ids: ids(fits) })).status).toBe(200);
      for (const n of [fits + 1, 1000]) {
        const reply = await get(sim, '/agents', { ids: ids(n) });
        expect(reply.status).toBe(414);
        expect(reply.type).toContain('text/html');
      }
      expect(sim.requests.map((r) => r.status)).toEqual([200, 414, 414]);
      // The log keeps each request's query, so tests can check filter widths.
      expect(sim.requests[2].query.ids.split(',')).toHaveLength(1000);
    }));
});

describe('requests in flight', () => {
  test('maxInFlight counts requests from arrival until their answer ends', () =>
    withSimulator(
      { agents: 30, faults: { hangingRequests: 3 } },
      async (sim) => {
        const first = await get(sim, '/agents', { limit: '5' });
        expect(sim.maxInFlight).toBe(1);
        const cursor = first.json.pagination.nextCursor;
        // Three requests with a cursor hang: they stay in flight.
        for (let i = 0; i < 3; i++) {
          get(sim, '/agents', { limit: '5', cursor }).catch(() => undefined);
        }
        while (sim.requests.length < 4)
          await new Promise((r) => setImmediate(r));
        await get(sim, '/system/info');
        expect(sim.maxInFlight).toBe(4);
        const stats = await get(sim, STATS_PATH);
        expect(stats.json.maxInFlight).toBe(4);
        sim.resetRequestLog();
        expect(sim.maxInFlight).toBe(3);
      },
    ));
});

describe('estate shapes', () => {
  test('agentsPerSite: explicit counts, empty sites, agents spread over their site groups', () =>
    withSimulator(
      { agentsPerSite: [0, 7, 0, 12], groups: 9, threats: 5 },
      async (sim) => {
        const { estate, totals } = sim;
        expect(totals.sites).toBe(4);
        expect(totals.agents).toBe(19);
        const perSite = estate.sites.map(
          (s) => estate.agents.filter((a) => a.siteId === s.id).length,
        );
        expect(perSite).toEqual([0, 7, 0, 12]);
        for (const site of estate.sites) {
          const groups = estate.groups.filter((g) => g.siteId === site.id);
          const agents = estate.agents.filter((a) => a.siteId === site.id);
          const perGroup = groups.map(
            (g) => agents.filter((a) => a.groupId === g.id).length,
          );
          expect(
            Math.max(...perGroup) - Math.min(...perGroup),
          ).toBeLessThanOrEqual(1);
        }
        expect(
          await listIds(sim, '/agents', {
            ...BOTH,
            siteIds: estate.sites[2].id,
          }),
        ).toEqual([]);
      },
    ));

  test('sitesPerAccount: accounts with any number of sites, none included', () =>
    withSimulator({ sitesPerAccount: [0, 3, 1], agents: 20 }, async (sim) => {
      const { estate, totals } = sim;
      expect(totals.accounts).toBe(3);
      expect(totals.sites).toBe(4);
      expect(
        estate.accounts.map(
          (a) => estate.sites.filter((s) => s.accountId === a.id).length,
        ),
      ).toEqual([0, 3, 1]);
      expect(estate.accounts.map((a) => a.numberOfSites)).toEqual([0, 3, 1]);
      expect(
        await listIds(sim, '/sites', { accountIds: estate.accounts[0].id }),
      ).toEqual([]);
    }));

  test('shapes that cannot exist are refused with a clear error', async () => {
    await expect(
      startSimulator({ sitesPerAccount: [1, 1], agentsPerSite: [3] }),
    ).rejects.toThrow(/sitesPerAccount sums to 2 sites, agentsPerSite has 1/);
    await expect(startSimulator({ agentsPerSite: [2, -1] })).rejects.toThrow(
      /agentsPerSite\[1\]: not a count/,
    );
  });
});
