import http from 'http';

import {
  WireAgent,
  WireInventoryRow,
  WireInstall,
  WireGroup,
  WireRisk,
  WireSite,
  WireThreat,
} from './wire';
import {
  estateTotals,
  generateEstate,
  RunningSimulator,
  SimulatorOptions,
  startSimulator,
  threatsInPolicy,
} from './index';
import { parseIsoMicros } from './random';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const ESTATE = {
  seed: 7,
  accounts: 2,
  sites: 3,
  groups: 7,
  agents: 120,
  now: NOW,
};
const TOKEN = 'simulator-api-token';
const API = '/web/api/v2.1';
const ISO_MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
/** Some records write whole seconds (a real-world variation). */
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/;
const DAY = 86_400_000;

// ------------------------------------------------------------------ helpers

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

function request(
  url: string,
  {
    method = 'GET',
    token = TOKEN as string | null,
    body,
    timeoutMs = 5000,
  }: {
    method?: string;
    token?: string | null;
    body?: string;
    timeoutMs?: number;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `ApiToken ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
      res.on('end', () => {
        if (!res.complete) return reject(new Error('incomplete body'));
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
        });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function listUrl(
  sim: RunningSimulator,
  path: string,
  query: Record<string, string | number | undefined> = {},
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return `${sim.url}${API}${path}${qs ? `?${qs}` : ''}`;
}

/** Walks every page of a list endpoint; returns the records and the page count. */
async function walk<T = any>(
  sim: RunningSimulator,
  path: string,
  query: Record<string, string | number> = {},
  limit = 7,
): Promise<{
  records: T[];
  pages: number;
  totalItems: number;
  laterTotalItems: number[];
}> {
  const records: T[] = [];
  const laterTotalItems: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let totalItems = -1;
  const seen = new Set<string>();
  for (;;) {
    const reply = await request(
      listUrl(sim, path, { ...query, limit, cursor }),
    );
    expect(reply.status).toBe(200);
    const body = reply.json();
    const data =
      path === '/sites'
        ? (body.data as { sites: WireSite[] }).sites
        : body.data;
    expect(Array.isArray(data)).toBe(true);
    // + 1: the repeated-record fault prepends the previous page's last record.
    expect(data.length).toBeLessThanOrEqual(limit + 1);
    records.push(...data);
    pages++;
    // Real consoles report the total on the first page only.
    if (pages === 1) totalItems = body.pagination.totalItems;
    else laterTotalItems.push(body.pagination.totalItems);
    cursor = body.pagination.nextCursor ?? undefined;
    if (!cursor) break;
    expect(seen.has(cursor)).toBe(false);
    seen.add(cursor);
  }
  return { records, pages, totalItems, laterTotalItems };
}

const ids = (records: { id?: string }[]) => records.map((r) => r.id!);
const sortedIds = (records: { id?: string }[]) => [...ids(records)].sort();

// ------------------------------------------------------------------ estate

describe('generateEstate', () => {
  const estate = generateEstate(ESTATE);

  test('is deterministic for a seed, and differs across seeds', () => {
    const again = generateEstate(ESTATE);
    const snapshot = (e: typeof estate) =>
      JSON.stringify([
        e.accounts,
        e.sites,
        e.groups,
        e.agents,
        e.threats,
        e.installs,
        e.risks,
      ]);
    expect(snapshot(again)).toBe(snapshot(estate));
    const other = generateEstate({ ...ESTATE, seed: 8 });
    expect(other.agents[0].id).not.toBe(estate.agents[0].id);
  });

  test('ids are 19-digit numeric strings, unique across all types, ordered', () => {
    const all: string[] = [
      ...ids(estate.accounts),
      ...ids(estate.sites),
      ...ids(estate.groups),
      ...ids(estate.agents),
      ...ids(estate.threats),
      ...estate.installs.map((i) => i.record.id),
      ...estate.risks.map((r) => r.record.id),
      ...estate.agents.flatMap((a) =>
        (a.networkInterfaces ?? []).map((n) => n.id!),
      ),
      ...estate.agents.flatMap((a) =>
        (a.tags?.sentinelone ?? []).map((t) => t.id!),
      ),
      ...estate.deletedAgentIds,
    ];
    for (const id of all) expect(id).toMatch(/^\d{18,19}$/);
    expect(new Set(all).size).toBe(all.length);
    for (const list of [estate.agents, estate.groups, estate.threats]) {
      const listIds = ids(list);
      expect(listIds).toEqual([...listIds].sort());
    }
  });

  test('hierarchy: one default group per site, round-robin agents, consistent names', () => {
    expect(estate.accounts).toHaveLength(2);
    expect(estate.sites).toHaveLength(3);
    expect(estate.groups).toHaveLength(7);
    for (const site of estate.sites) {
      const groups = estate.groups.filter((g) => g.siteId === site.id);
      expect(groups.filter((g) => g.isDefault)).toHaveLength(1);
      const account = estate.accounts.find((a) => a.id === site.accountId)!;
      expect(site.accountName).toBe(account.name);
      expect(site.registrationToken).toBeTruthy();
    }
    estate.agents.forEach((agent, i) => {
      const group = estate.groups[i % estate.groups.length];
      const site = estate.sites.find((s) => s.id === group.siteId)!;
      expect(agent).toMatchObject({
        groupId: group.id,
        groupName: group.name,
        siteId: site.id,
        siteName: site.name,
        accountId: site.accountId,
        accountName: site.accountName,
      });
    });
    for (const group of estate.groups) {
      const active = estate.agents.filter(
        (a) => a.groupId === group.id && !a.isDecommissioned,
      );
      expect(group.totalAgents).toBe(active.length);
      expect(group.registrationToken).toBeTruthy();
    }
  });

  test('agents are realistic', () => {
    const { agents } = estate;
    const named = agents.filter(
      (a) => a.computerName !== 'localhost.localdomain',
    );
    expect(new Set(named.map((a) => a.computerName!.toLowerCase())).size).toBe(
      named.length,
    );
    const decommissioned = agents.filter((a) => a.isDecommissioned);
    expect(decommissioned.length).toBeGreaterThan(0);
    expect(decommissioned.length).toBeLessThan(agents.length * 0.15);
    for (const agent of decommissioned) expect(agent.isActive).toBe(false);
    for (const agent of agents) {
      expect(agent.createdAt).toMatch(ISO_DATE);
      expect(agent.lastActiveDate).toMatch(ISO_DATE);
      expect(agent.licenseKey).toMatch(/^S1LK-/);
      expect(['protect', 'detect']).toContain(agent.mitigationMode);
      expect(agent.serialNumber).toBeTruthy();
    }
    const macs = (a: WireAgent) =>
      (a.networkInterfaces ?? []).map((n) => n.physical);
    expect(agents.some((a) => macs(a).includes('00:00:00:00:00:00'))).toBe(
      true,
    );
    expect(
      agents.some((a) => {
        const real = macs(a).filter((m) => m !== '00:00:00:00:00:00');
        return new Set(real).size < real.length;
      }),
    ).toBe(true);
    expect(agents.some((a) => (a.tags?.sentinelone ?? []).length > 0)).toBe(
      true,
    );
    expect(agents.some((a) => a.mitigationMode === 'detect')).toBe(true);
    expect(agents.some((a) => a.isUpToDate === false)).toBe(true);
    const stale = agents.filter(
      (a) => NOW.getTime() - Date.parse(a.lastActiveDate!) > 7 * DAY,
    );
    expect(stale.length).toBeGreaterThan(0);
  });

  test('threats: status mix, a deleted agent, activeThreats consistent', () => {
    // Enough threats that every status shows up whatever the draws.
    const many = generateEstate({ ...ESTATE, threats: 200 });
    const statuses = new Set(
      many.threats.map((t) => t.threatInfo?.incidentStatus),
    );
    expect([...statuses].sort()).toEqual([
      'in_progress',
      'resolved',
      'unresolved',
    ]);
    const agentIds = new Set(ids(estate.agents));
    const orphans = estate.threats.filter(
      (t) => !agentIds.has(t.agentRealtimeInfo!.agentId!),
    );
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.map((t) => t.agentRealtimeInfo!.agentId).sort()).toEqual(
      [...estate.deletedAgentIds].sort(),
    );
    for (const agent of estate.agents) {
      const open = estate.threats.filter(
        (t) =>
          t.agentRealtimeInfo?.agentId === agent.id &&
          t.threatInfo?.incidentStatus !== 'resolved',
      ).length;
      expect(agent.activeThreats).toBe(open);
      expect(agent.infected).toBe(open > 0);
    }
    for (const threat of estate.threats) {
      expect(threat.threatInfo?.sha1).toMatch(/^[0-9a-f]{40}$/);
      expect(threat.threatInfo?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const age =
        NOW.getTime() - parseIsoMicros(threat.threatInfo!.updatedAt!) / 1000;
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(120 * DAY);
    }
  });

  test('totals match the records', () => {
    const totals = estateTotals(estate);
    expect(totals.agents).toBe(estate.agents.length);
    expect(totals.activeAgents).toBe(
      estate.agents.filter((a) => !a.isDecommissioned).length,
    );
    expect(totals.threats).toBe(estate.threats.length);
    expect(totals.installs).toBe(estate.installs.length);
    expect(totals.risks).toBe(estate.risks.length);
    const versions = new Set(
      estate.installs.map(
        (i) =>
          `${i.applicationVendor}|${i.applicationName}|${i.record.version}`,
      ),
    );
    expect(totals.applicationVersions).toBe(versions.size);
    expect(totals.distinctCves).toBe(
      new Set(estate.risks.map((r) => r.record.cveId)).size,
    );
    const cutoff = NOW.getTime() - 30 * DAY;
    const expected = estate.threats.filter(
      (t) =>
        t.threatInfo?.incidentStatus !== 'resolved' ||
        parseIsoMicros(t.threatInfo.updatedAt!) > cutoff * 1000,
    ).length;
    expect(totals.threatsInPolicy(30)).toBe(expected);
    expect(threatsInPolicy(estate, 30)).toBe(expected);
    expect(totals.threatsInPolicyCount).toBe(expected);
    expect(
      estate.installs.some(
        (i) => estate.agents.find((a) => a.id === i.agentId)?.isDecommissioned,
      ),
    ).toBe(true);
    for (const risk of estate.risks) {
      expect(risk.record.cveId).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(['Critical', 'High', 'Medium', 'Low']).toContain(
        risk.record.severity,
      );
      // The specification declares the scores as strings.
      expect(risk.record.baseScore).toMatch(/^\d+(\.\d)?$/);
    }
  });
});

// ------------------------------------------------------------------ server

describe('the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator(ESTATE);
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.setFaults({});
    sim.resetRequestLog();
  });

  test('authenticates with the ApiToken header', async () => {
    for (const token of [null, 'wrong-token']) {
      const reply = await request(`${sim.url}${API}/system/info`, { token });
      expect(reply.status).toBe(401);
      expect(reply.json()).toEqual({
        errors: [
          { code: 4010010, title: 'Authentication Failed', detail: null },
        ],
      });
    }
    const ok = await request(`${sim.url}${API}/system/info`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/application\/json/);
    expect(ok.json().data).toMatchObject({
      build: expect.any(String),
      latestAgentVersion: expect.any(String),
    });
    expect(sim.requests.map((r) => [r.path, r.status, r.authorized])).toEqual([
      [`${API}/system/info`, 401, false],
      [`${API}/system/info`, 401, false],
      [`${API}/system/info`, 200, true],
    ]);
    expect(
      (await request(`${sim.url}${API}/user`)).json().data.email,
    ).toBeTruthy();
  });

  test('api-token-details reads the token from the body', async () => {
    const url = `${sim.url}${API}/users/api-token-details`;
    const ok = await request(url, {
      method: 'POST',
      body: JSON.stringify({ data: { apiToken: TOKEN } }),
    });
    expect(ok.status).toBe(200);
    const { createdAt, expiresAt } = ok.json().data;
    expect(createdAt).toMatch(ISO_MICROS);
    expect(Date.parse(expiresAt) - NOW.getTime()).toBeGreaterThan(170 * DAY);
    const wrong = await request(url, {
      method: 'POST',
      body: JSON.stringify({ data: { apiToken: 'x' } }),
    });
    expect(wrong.status).toBe(401);
    const bad = await request(url, { method: 'POST', body: 'nope' });
    expect(bad.status).toBe(400);
  });

  test('405 for writes, 404 for unknown paths, both logged', async () => {
    const del = await request(`${sim.url}${API}/agents`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    const post = await request(`${sim.url}${API}/agents/actions/disconnect`, {
      method: 'POST',
      body: '{}',
    });
    expect(post.status).toBe(405);
    const unknown = await request(`${sim.url}${API}/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.json().errors[0].code).toBe(4040010);
    expect((await request(`${sim.url}/dashboard`)).status).toBe(404);
    expect(sim.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'DELETE 405',
      'POST 405',
      'GET 404',
      'GET 404',
    ]);
  });

  test('every list endpoint pages through each record exactly once', async () => {
    const { estate, totals } = sim;
    const accounts = await walk(sim, '/accounts', {}, 1);
    expect(sortedIds(accounts.records)).toEqual(sortedIds(estate.accounts));
    const sites = await walk(sim, '/sites', {}, 2);
    expect(sortedIds(sites.records)).toEqual(sortedIds(estate.sites));
    const sitesPage = (await request(listUrl(sim, '/sites'))).json();
    expect(sitesPage.data.allSites).toEqual({
      activeLicenses: totals.activeAgents,
      totalLicenses: estate.sites.reduce(
        (n, s) => n + (s.totalLicenses ?? 0),
        0,
      ),
    });
    const groups = await walk<WireGroup>(sim, '/groups', {}, 3);
    expect(ids(groups.records)).toEqual(ids(estate.groups));
    const all = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true,false' },
      13,
    );
    expect(ids(all.records)).toEqual(ids(estate.agents));
    expect(all.totalItems).toBe(totals.agents);
    expect(all.pages).toBe(Math.ceil(totals.agents / 13));
    expect(JSON.stringify(all.records)).toBe(JSON.stringify(estate.agents));
    const active = await walk<WireAgent>(sim, '/agents', {}, 50);
    expect(active.records).toHaveLength(totals.activeAgents);
    expect(active.records.every((a) => !a.isDecommissioned)).toBe(true);
    const decommissioned = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true' },
      50,
    );
    expect(decommissioned.records).toHaveLength(totals.decommissionedAgents);
    const threats = await walk<WireThreat>(sim, '/threats', {}, 5);
    expect(ids(threats.records)).toEqual(ids(estate.threats));

    // Application Management takes one account at a time.
    const applications = new Set<string>();
    const installs: WireInstall[] = [];
    const risks: WireRisk[] = [];
    const versions = new Set<string>();
    for (const account of estate.accounts) {
      const scope = { accountIds: account.id };
      const inventory = await walk<WireInventoryRow>(
        sim,
        '/application-management/inventory',
        scope,
        3,
      );
      for (const app of inventory.records) {
        applications.add(`${app.applicationVendor}|${app.applicationName}`);
        const { records } = await walk<WireInstall>(
          sim,
          '/application-management/inventory/endpoints',
          {
            ...scope,
            applicationName: app.applicationName!,
            applicationVendor: app.applicationVendor!,
          },
          50,
        );
        expect(records).toHaveLength(app.endpointsCount!);
        expect(new Set(records.map((r) => r.version)).size).toBe(
          app.applicationVersionsCount,
        );
        records.forEach((r) =>
          versions.add(
            `${app.applicationVendor}|${app.applicationName}|${r.version}`,
          ),
        );
        installs.push(...records);
      }
      risks.push(
        ...(
          await walk<WireRisk>(sim, '/application-management/risks', scope, 100)
        ).records,
      );
    }
    expect(applications.size).toBe(totals.applications);
    expect(installs).toHaveLength(totals.installs);
    expect(new Set(ids(installs)).size).toBe(totals.installs);
    expect(versions.size).toBe(totals.applicationVersions);
    expect(risks).toHaveLength(totals.risks);
    expect(new Set(ids(risks)).size).toBe(totals.risks);
    expect(new Set(risks.map((r) => r.cveId)).size).toBe(totals.distinctCves);
  });

  test('enforces limits, validates cursors and parameters', async () => {
    const status = async (
      path: string,
      query: Record<string, string | number>,
    ) => {
      const reply = await request(listUrl(sim, path, query));
      if (reply.status === 400) {
        expect(reply.json().errors[0]).toMatchObject({
          code: 4000010,
          title: 'Validation Error',
        });
      }
      return reply.status;
    };
    expect(await status('/agents', { limit: 1000 })).toBe(200);
    expect(await status('/agents', { limit: 1001 })).toBe(400);
    expect(await status('/agents', { limit: 0 })).toBe(400);
    expect(await status('/agents', { limit: 'ten' })).toBe(400);
    expect(await status('/groups', { limit: 300 })).toBe(200);
    expect(await status('/groups', { limit: 301 })).toBe(400);
    expect(await status('/threats', { limit: 1001 })).toBe(400);
    expect(await status('/agents', { cursor: 'garbage!!' })).toBe(400);
    expect(
      await status('/agents', {
        cursor: Buffer.from('hello').toString('base64'),
      }),
    ).toBe(400);
    expect(await status('/agents', { notAFilter: 'x' })).toBe(400);
    expect(await status('/agents', { isDecommissioned: 'maybe' })).toBe(400);
    expect(await status('/threats', { incidentStatuses: 'open' })).toBe(400);
    expect(await status('/threats', { updatedAt__gt: 'yesterday' })).toBe(400);
    // A cursor is bound to the filters of its iteration.
    const first = (await request(listUrl(sim, '/agents', { limit: 5 }))).json();
    const cursor = first.pagination.nextCursor;
    expect(await status('/agents', { limit: 5, cursor })).toBe(200);
    expect(
      await status('/agents', {
        limit: 5,
        cursor,
        siteIds: sim.estate.sites[0].id,
      }),
    ).toBe(400);
    expect(await status('/groups', { limit: 5, cursor })).toBe(400);
    // Default limit, countOnly, skipCount.
    const page = (
      await request(listUrl(sim, '/agents', { isDecommissioned: 'true,false' }))
    ).json();
    expect(page.data).toHaveLength(10);
    const count = (
      await request(listUrl(sim, '/agents', { countOnly: 'true' }))
    ).json();
    expect(count).toEqual({
      data: [],
      pagination: { totalItems: sim.totals.activeAgents, nextCursor: null },
    });
    const skip = (
      await request(listUrl(sim, '/agents', { skipCount: 'true' }))
    ).json();
    expect(skip.pagination.totalItems).toBeNull();
  });

  test('filters', async () => {
    const { estate } = sim;
    const site = estate.sites[1];
    const group = estate.groups[4];
    const account = estate.accounts[1];
    const both = { isDecommissioned: 'true,false' };
    const agentId = estate.threats[0].agentRealtimeInfo!.agentId!;
    // Each filter lists exactly the estate's records it selects, in order.
    const selections: [string, Record<string, string>, { id?: string }[]][] = [
      [
        '/agents',
        { ...both, siteIds: site.id },
        estate.agents.filter((a) => a.siteId === site.id),
      ],
      [
        '/agents',
        { ...both, groupIds: group.id },
        estate.agents.filter((a) => a.groupId === group.id),
      ],
      [
        '/agents',
        { ...both, accountIds: account.id },
        estate.agents.filter((a) => a.accountId === account.id),
      ],
      [
        '/groups',
        { siteIds: site.id },
        estate.groups.filter((g) => g.siteId === site.id),
      ],
      [
        '/sites',
        { accountIds: account.id },
        estate.sites.filter((s) => s.accountId === account.id),
      ],
      [
        '/threats',
        { agentIds: agentId },
        estate.threats.filter((t) => t.agentRealtimeInfo?.agentId === agentId),
      ],
      [
        '/threats',
        { siteIds: site.id },
        estate.threats.filter((t) => t.agentRealtimeInfo?.siteId === site.id),
      ],
    ];
    for (const [path, query, expected] of selections) {
      const { records } = await walk(sim, path, query, 100);
      expect({ path, query, ids: ids(records) }).toEqual({
        path,
        query,
        ids: ids(expected),
      });
    }

    const open = await walk<WireThreat>(
      sim,
      '/threats',
      { incidentStatuses: 'unresolved,in_progress' },
      100,
    );
    expect(open.records).toHaveLength(sim.totals.openThreats);
    const since = new Date(NOW.getTime() - 30 * DAY).toISOString();
    const recentResolved = await walk<WireThreat>(
      sim,
      '/threats',
      { incidentStatuses: 'resolved', updatedAt__gt: since },
      100,
    );
    expect(open.records.length + recentResolved.records.length).toBe(
      threatsInPolicy(estate, 30),
    );
    expect(
      recentResolved.records.every(
        (t) => Date.parse(t.threatInfo!.updatedAt!) > Date.parse(since),
      ),
    ).toBe(true);
    const resolved = await walk<WireThreat>(
      sim,
      '/threats',
      { resolved: 'true' },
      100,
    );
    expect(resolved.records).toHaveLength(
      sim.totals.threats - sim.totals.openThreats,
    );

    const siteRisks = await walk<WireRisk>(
      sim,
      '/application-management/risks',
      { siteIds: site.id },
      100,
    );
    expect(siteRisks.records).toHaveLength(
      estate.risks.filter((r) => r.siteId === site.id).length,
    );
    // Application management needs a scope filter; installs need the application.
    const inventory = await request(
      listUrl(sim, '/application-management/inventory'),
    );
    expect(inventory.status).toBe(400);
    const endpoints = await request(
      listUrl(sim, '/application-management/inventory/endpoints', {
        siteIds: site.id,
      }),
    );
    expect(endpoints.status).toBe(400);
    expect(
      (await request(listUrl(sim, '/application-management/risks'))).status,
    ).toBe(400);
  });

  test('serves the secret-revealing endpoints, so tests can spot calls to them', async () => {
    const { estate } = sim;
    const passphrases = await request(
      listUrl(sim, '/agents/passphrases', { limit: 2 }),
    );
    expect(passphrases.json().data[0].passphrase).toBeTruthy();
    const groupToken = await request(
      `${sim.url}${API}/groups/${estate.groups[0].id}/token`,
    );
    expect(groupToken.json().data.token).toBe(
      estate.groups[0].registrationToken,
    );
    const siteToken = await request(
      `${sim.url}${API}/sites/${estate.sites[0].id}/token`,
    );
    expect(siteToken.json().data.token).toBe(estate.sites[0].registrationToken);
    const password = await request(
      `${sim.url}${API}/accounts/${estate.accounts[0].id}/uninstall-password/view`,
    );
    expect(password.json().data.password).toBe(
      estate.uninstallPasswords.get(estate.accounts[0].id),
    );
    expect(estate.secrets).toContain(password.json().data.password);
    expect(estate.secrets).toContain(passphrases.json().data[0].passphrase);
    expect(sim.requests.map((r) => r.path)).toEqual([
      `${API}/agents/passphrases`,
      `${API}/groups/${estate.groups[0].id}/token`,
      `${API}/sites/${estate.sites[0].id}/token`,
      `${API}/accounts/${estate.accounts[0].id}/uninstall-password/view`,
    ]);
  });

  test('reports request counts on an unlogged control endpoint', async () => {
    await request(listUrl(sim, '/agents'));
    await request(listUrl(sim, '/groups'));
    const stats = await request(`${sim.url}/__simulator/stats`, {
      token: null,
    });
    expect(stats.json()).toMatchObject({
      requests: 2,
      requestsByPath: { [`${API}/agents`]: 1, [`${API}/groups`]: 1 },
    });
    expect(sim.requests).toHaveLength(2);
  });

  // ---------------------------------------------------------------- faults

  const cursorPages = async (
    path: string,
    limit = 10,
    query: Record<string, string> = {},
  ) => {
    const first = (
      await request(listUrl(sim, path, { ...query, limit }))
    ).json();
    return { first, cursor: first.pagination.nextCursor as string };
  };

  test('server errors: 500/502/503, JSON and HTML bodies, seeded', async () => {
    sim.setFaults({ serverErrorRate: 1 });
    const replies = [];
    for (let i = 0; i < 6; i++)
      replies.push(await request(listUrl(sim, '/agents')));
    expect(replies.map((r) => r.status)).toEqual([
      500, 502, 503, 500, 502, 503,
    ]);
    expect(
      replies.map((r) => (r.headers['content-type'] ?? '').split(';')[0]),
    ).toEqual([
      'application/json',
      'text/html',
      'application/json',
      'text/html',
      'application/json',
      'text/html',
    ]);
    expect(replies[0].json().errors[0].code).toBeGreaterThanOrEqual(5000000);
    expect(replies[1].text).toMatch(/<html>/);

    const sequence = async () => {
      sim.setFaults({ serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await request(listUrl(sim, '/groups'))).status);
      return statuses;
    };
    const a = await sequence();
    expect(a).toEqual(await sequence());
    expect(a.some((s) => s === 200)).toBe(true);
    expect(a.some((s) => s >= 500)).toBe(true);
  });

  test('rate limit: 429 with and without Retry-After', async () => {
    for (const retryAfterSeconds of [3, null]) {
      sim.setFaults({ rateLimitPerSecond: 2, retryAfterSeconds });
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => request(listUrl(sim, '/groups'))),
      );
      const limited = replies.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(3);
      expect(limited[0].json().errors[0].title).toBe('Too Many Requests');
      for (const reply of limited) {
        expect(reply.headers['retry-after']).toBe(
          retryAfterSeconds === null ? undefined : '3',
        );
      }
    }
  });

  test('a truncated page is a valid 200 whose JSON is cut', async () => {
    sim.setFaults({ truncatedPages: 1 });
    const { cursor } = await cursorPages('/agents');
    const cut = await request(listUrl(sim, '/agents', { limit: 10, cursor }));
    expect(cut.status).toBe(200);
    expect(Number(cut.headers['content-length'])).toBe(
      Buffer.byteLength(cut.text),
    );
    expect(() => cut.json()).toThrow();
    const retry = await request(listUrl(sim, '/agents', { limit: 10, cursor }));
    expect(retry.json().data).toHaveLength(10);
  });

  test('a hanging request, then a reset mid-body, then a truncated page', async () => {
    sim.setFaults({
      hangingRequests: 1,
      resetsMidBody: 1,
      truncatedPages: 1,
      faultPaths: ['/agents'],
    });
    const { cursor } = await cursorPages('/agents');
    await expect(
      request(listUrl(sim, '/agents', { limit: 10, cursor }), {
        timeoutMs: 300,
      }),
    ).rejects.toThrow('timeout');
    await expect(
      request(listUrl(sim, '/agents', { limit: 10, cursor })),
    ).rejects.toThrow();
    const cut = await request(listUrl(sim, '/agents', { limit: 10, cursor }));
    expect(() => cut.json()).toThrow();
    // Other paths are not affected.
    const groups = await cursorPages('/groups', 2);
    expect(
      (
        await request(
          listUrl(sim, '/groups', { limit: 2, cursor: groups.cursor }),
        )
      ).status,
    ).toBe(200);
    const ok = await request(listUrl(sim, '/agents', { limit: 10, cursor }));
    expect(ok.json().data).toHaveLength(10);
    expect(
      sim.requests
        .filter((r) => r.path === `${API}/agents`)
        .map((r) => r.status),
    ).toEqual([200, 0, 200, 200, 200]);
  });

  test("repeated records: a page starts with the previous page's last record", async () => {
    sim.setFaults({ repeatRecordRate: 1 });
    const first = await request(listUrl(sim, '/agents', { limit: 10 }));
    const second = await request(
      listUrl(sim, '/agents', {
        limit: 10,
        cursor: first.json().pagination.nextCursor,
      }),
    );
    const a = first.json().data;
    const b = second.json().data;
    expect(b).toHaveLength(11);
    expect(b[0]).toEqual(a[9]);
    sim.setFaults({ repeatRecordRate: 0.5 });
    const { records } = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true,false' },
      5,
    );
    expect(records.length).toBeGreaterThan(sim.totals.agents);
    expect(new Set(ids(records)).size).toBe(sim.totals.agents);
  });

  test('null fields: optional fields null or missing, ids kept, deterministic', async () => {
    sim.setFaults({ nullFieldRate: 0.5 });
    const { records } = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true,false' },
      50,
    );
    expect(ids(records)).toEqual(ids(sim.estate.agents));
    let nulled = 0;
    let missing = 0;
    records.forEach((agent, i) => {
      const original = sim.estate.agents[i];
      expect(agent).toMatchObject({
        siteId: original.siteId,
        groupId: original.groupId,
        accountId: original.accountId,
      });
      for (const key of Object.keys(original)) {
        if (!(key in agent)) missing++;
        else if (
          (agent as any)[key] === null &&
          (original as any)[key] !== null
        )
          nulled++;
      }
    });
    const fields = records.length * Object.keys(sim.estate.agents[0]).length;
    expect(nulled + missing).toBeGreaterThan(fields * 0.3);
    expect(nulled).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
    const again = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true,false' },
      50,
    );
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(records));
    const threats = await walk<WireThreat>(sim, '/threats', {}, 50);
    for (const threat of threats.records) {
      expect(threat.id).toBeTruthy();
      expect(threat.agentRealtimeInfo?.agentId).toBeTruthy();
    }
  });

  test('malformed records: extra records without id or with an unparseable date', async () => {
    sim.setFaults({ malformedRecords: 4 });
    const agents = await walk<WireAgent>(
      sim,
      '/agents',
      { isDecommissioned: 'true,false' },
      50,
    );
    expect(agents.totalItems).toBe(sim.totals.agents + 4);
    expect(agents.records).toHaveLength(sim.totals.agents + 4);
    expect(agents.records.filter((a) => !a.id)).toHaveLength(2);
    const badDates = agents.records.filter((a) => a.createdAt === 'not-a-date');
    expect(badDates).toHaveLength(2);
    const known = new Set(ids(sim.estate.agents));
    for (const agent of badDates) expect(known.has(agent.id!)).toBe(false);
    const valid = agents.records.filter(
      (a) => a.id && a.createdAt !== 'not-a-date',
    );
    expect(ids(valid)).toEqual(ids(sim.estate.agents));
    const groups = await walk<WireGroup>(sim, '/groups', {}, 300);
    expect(groups.records).toHaveLength(sim.totals.groups + 4);
    const threats = await walk<WireThreat>(sim, '/threats', {}, 100);
    expect(
      threats.records.filter((t) => t.threatInfo?.createdAt === 'not-a-date'),
    ).toHaveLength(2);
  });

  test('repeated cursor: the third page hands back the second cursor', async () => {
    sim.setFaults({ repeatedCursor: true });
    const p1 = (await request(listUrl(sim, '/agents', { limit: 5 }))).json();
    const c2 = p1.pagination.nextCursor;
    const p2 = (
      await request(listUrl(sim, '/agents', { limit: 5, cursor: c2 }))
    ).json();
    const c3 = p2.pagination.nextCursor;
    const p3 = (
      await request(listUrl(sim, '/agents', { limit: 5, cursor: c3 }))
    ).json();
    expect(p3.pagination.nextCursor).toBe(c3);
    expect(new Set([c2, c3]).size).toBe(2);
  });

  test('fault paths restrict faults', async () => {
    sim.setFaults({ serverErrorRate: 1, faultPaths: ['/threats'] });
    expect((await request(listUrl(sim, '/agents'))).status).toBe(200);
    expect((await request(listUrl(sim, '/threats'))).status).toBe(500);
  });
});

// ------------------------------------------------------------------ modes

describe('simulator modes', () => {
  const withSimulator = async (
    options: SimulatorOptions,
    run: (sim: RunningSimulator) => Promise<void>,
  ) => {
    const sim = await startSimulator({ ...ESTATE, agents: 10, ...options });
    try {
      await run(sim);
    } finally {
      await sim.close();
    }
  };

  test('site-scoped token: 403 4030010 on account-level requests', () =>
    withSimulator({ siteScoped: true }, async (sim) => {
      const accounts = await request(listUrl(sim, '/accounts'));
      expect(accounts.status).toBe(403);
      expect(accounts.json().errors[0]).toMatchObject({ code: 4030010 });
      const byAccount = await request(
        listUrl(sim, '/agents', { accountIds: sim.estate.accounts[0].id }),
      );
      expect(byAccount.status).toBe(403);
      const bySite = await request(
        listUrl(sim, '/agents', { siteIds: sim.estate.sites[0].id }),
      );
      expect(bySite.status).toBe(200);
      expect((await request(listUrl(sim, '/sites'))).status).toBe(200);
    }));

  test('unlicensed application management: 403 saying so', () =>
    withSimulator({ applicationManagementLicensed: false }, async (sim) => {
      const reply = await request(
        listUrl(sim, '/application-management/inventory', {
          siteIds: sim.estate.sites[0].id,
        }),
      );
      expect(reply.status).toBe(403);
      expect(reply.json().errors[0].detail).toMatch(/not licensed/);
      expect((await request(listUrl(sim, '/agents'))).status).toBe(200);
    }));

  test('custom token and expiry', () =>
    withSimulator(
      { token: 'eyJcustom', tokenExpiresAt: '2024-05-06T00:00:00.000000Z' },
      async (sim) => {
        expect((await request(listUrl(sim, '/agents'))).status).toBe(401);
        expect(
          (await request(listUrl(sim, '/agents'), { token: 'eyJcustom' }))
            .status,
        ).toBe(200);
        const details = await request(
          `${sim.url}${API}/users/api-token-details`,
          {
            token: 'eyJcustom',
            method: 'POST',
            body: JSON.stringify({ data: { apiToken: 'eyJcustom' } }),
          },
        );
        expect(details.json().data.expiresAt).toBe(
          '2024-05-06T00:00:00.000000Z',
        );
      },
    ));

  test('HTML login page and cross-origin redirects', async () => {
    await withSimulator({ htmlLoginPage: true }, async (sim) => {
      const reply = await request(listUrl(sim, '/agents'));
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/text\/html/);
      expect(reply.text).toMatch(/<html>/);
    });
    await withSimulator({ redirectTo: 'http://127.0.0.1:9' }, async (sim) => {
      const reply = await request(listUrl(sim, '/agents', { limit: 5 }));
      expect(reply.status).toBe(302);
      expect(reply.headers.location).toBe(
        `http://127.0.0.1:9${API}/agents?limit=5`,
      );
      expect(sim.requests).toHaveLength(1);
    });
  });

  test('latency delays every response without blocking the others', () =>
    withSimulator({ latencyMs: 200 }, async (sim) => {
      const started = Date.now();
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => request(listUrl(sim, '/agents'))),
      );
      expect(replies.every((r) => r.status === 200)).toBe(true);
      // Each answer waits the latency (a lower bound, not a speed check)...
      expect(Date.now() - started).toBeGreaterThanOrEqual(195);
      // ...and none waits for another: all five were in flight at once.
      expect(sim.maxInFlight).toBe(5);
    }));

  test('close() ends hanging requests and open sockets', async () => {
    const sim = await startSimulator({
      ...ESTATE,
      agents: 30,
      faults: { hangingRequests: 5 },
    });
    const first = (await request(listUrl(sim, '/agents', { limit: 5 }))).json();
    const pending = request(
      listUrl(sim, '/agents', {
        limit: 5,
        cursor: first.pagination.nextCursor,
      }),
      {
        timeoutMs: 10_000,
      },
    ).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    await sim.close();
    // The socket is destroyed (a reset), not left to the client's timeout.
    // (not toBeInstanceOf: Node's errors come from another realm than jest's)
    const error = (await pending) as Error;
    expect(error.message).not.toBe('timeout');
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
  });
});
