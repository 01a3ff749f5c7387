/**
 * The simulator speaks the vendor's API: every answer of every endpoint the
 * collector uses, on every page, validates against the specification's 200
 * schema (fields, types, enums, no undeclared field), with the real-world
 * variations on. Deviations are allowed only in the fields
 * REAL_WORLD_DEVIATIONS names, and each named one is produced somewhere.
 */
import http from 'http';

import { validateAnswer, Violation } from './contract/validate';
import {
  DEFAULT_TOKEN,
  REAL_WORLD_DEVIATIONS,
  RunningSimulator,
  startSimulator,
} from './index';

const API = '/web/api/v2.1';

function call(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${sim.url}${API}${path}`,
      {
        method,
        headers: {
          Authorization: `ApiToken ${DEFAULT_TOKEN}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every page of a list, `limit` records a page; returns the answers. */
async function pages(
  sim: RunningSimulator,
  path: string,
  query: Record<string, string>,
  limit = 40,
): Promise<any[]> {
  const answers: any[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    const { status, json } = await call(sim, 'GET', `${path}?${params}`);
    expect({ path, status }).toEqual({ path, status: 200 });
    answers.push(json);
    cursor = json.pagination.nextCursor;
  } while (cursor);
  return answers;
}

/** What each endpoint answered, keyed by `GET /agents` etc. */
type Answers = Map<string, any[]>;

async function listAnswers(sim: RunningSimulator): Promise<Answers> {
  const answers: Answers = new Map();
  const add = (endpoint: string, more: any[]) =>
    answers.set(endpoint, [...(answers.get(endpoint) ?? []), ...more]);
  add('GET /accounts', await pages(sim, '/accounts', {}));
  add('GET /sites', await pages(sim, '/sites', {}));
  add('GET /groups', await pages(sim, '/groups', {}));
  add(
    'GET /agents',
    await pages(sim, '/agents', { isDecommissioned: 'true,false' }),
  );
  add('GET /threats', await pages(sim, '/threats', {}));
  // Application Management: one account at a time, as the specification says.
  for (const account of sim.estate.accounts) {
    const scope = { accountIds: account.id };
    const inventory = await pages(
      sim,
      '/application-management/inventory',
      scope,
    );
    add('GET /application-management/inventory', inventory);
    for (const row of inventory.flatMap((a) => a.data)) {
      add(
        'GET /application-management/inventory/endpoints',
        await pages(sim, '/application-management/inventory/endpoints', {
          ...scope,
          applicationName: row.applicationName,
          applicationVendor: row.applicationVendor,
        }),
      );
    }
    add(
      'GET /application-management/risks',
      await pages(sim, '/application-management/risks', scope),
    );
  }
  return answers;
}

/** Records a page on the posture lists: small, so that each spans pages. */
const POSTURE_PAGE = 2;

/**
 * Policies at every scope; exclusions and blocklist of the tenant, then of
 * every account, site and group (as the collector asks: one kind of scope a
 * request); users, service users and roles.
 */
async function postureAnswers(sim: RunningSimulator): Promise<Answers> {
  const answers: Answers = new Map();
  const policy = async (path: string) => {
    const { status, json } = await call(sim, 'GET', path);
    expect({ path, status }).toEqual({ path, status: 200 });
    return json;
  };
  answers.set('GET /tenant/policy', [await policy('/tenant/policy')]);
  const { accounts, sites, groups } = sim.estate;
  for (const [kind, records] of [
    ['account', accounts],
    ['site', sites],
    ['group', groups],
  ] as const) {
    const bodies: any[] = [];
    for (const { id } of records)
      bodies.push(await policy(`/${kind}s/${id}/policy`));
    answers.set(`GET /${kind}s/{${kind}_id}/policy`, bodies);
  }
  const ids = (records: readonly { id: string }[]) =>
    records.map((r) => r.id).join(',');
  const scopeQueries: Record<string, string>[] = [
    { tenant: 'true' },
    { accountIds: ids(accounts) },
    { siteIds: ids(sites) },
    { groupIds: ids(groups) },
  ];
  for (const path of ['/exclusions', '/restrictions']) {
    const bodies: any[] = [];
    for (const scope of scopeQueries) {
      bodies.push(...(await pages(sim, path, scope, POSTURE_PAGE)));
    }
    answers.set(`GET ${path}`, bodies);
  }
  for (const path of ['/users', '/service-users', '/rbac/roles']) {
    answers.set(`GET ${path}`, await pages(sim, path, {}, POSTURE_PAGE));
  }
  return answers;
}

async function objectAnswers(sim: RunningSimulator): Promise<Answers> {
  const info = await call(sim, 'GET', '/system/info');
  const user = await call(sim, 'GET', '/user');
  const token = await call(
    sim,
    'POST',
    '/users/api-token-details',
    JSON.stringify({ data: { apiToken: DEFAULT_TOKEN } }),
  );
  for (const reply of [info, user, token]) expect(reply.status).toBe(200);
  return new Map([
    ['GET /system/info', [info.json]],
    ['GET /user', [user.json]],
    ['POST /users/api-token-details', [token.json]],
  ]);
}

/** `GET /application-management/risks` -> `risks` (names violation paths). */
const listName = (endpoint: string) =>
  endpoint.split('/').pop()!.replace('endpoints', 'installs');

let sim: RunningSimulator;
let answers: Answers;

beforeAll(async () => {
  sim = await startSimulator({
    seed: 11,
    accounts: 2,
    sites: 4,
    groups: 9,
    agents: 300,
    threats: 60,
    applications: 8,
  });
  answers = new Map([
    ...(await listAnswers(sim)),
    ...(await postureAnswers(sim)),
    ...(await objectAnswers(sim)),
  ]);
});

afterAll(() => sim.close());

test('the estate carries every real-world variation', () => {
  for (const [variation, count] of Object.entries(sim.totals.variations)) {
    expect({ variation, present: count > 0 }).toEqual({
      variation,
      present: true,
    });
  }
});

test('every answer of every endpoint validates against the specification', () => {
  expect([...answers.keys()].sort()).toEqual([
    'GET /accounts',
    'GET /accounts/{account_id}/policy',
    'GET /agents',
    'GET /application-management/inventory',
    'GET /application-management/inventory/endpoints',
    'GET /application-management/risks',
    'GET /exclusions',
    'GET /groups',
    'GET /groups/{group_id}/policy',
    'GET /rbac/roles',
    'GET /restrictions',
    'GET /service-users',
    'GET /sites',
    'GET /sites/{site_id}/policy',
    'GET /system/info',
    'GET /tenant/policy',
    'GET /threats',
    'GET /user',
    'GET /users',
    'POST /users/api-token-details',
  ]);
  const violations: (Violation & { endpoint: string })[] = [];
  const seen = new Set<string>();
  for (const [endpoint, bodies] of answers) {
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const result = validateAnswer(endpoint, listName(endpoint), body);
      violations.push(...result.violations.map((v) => ({ endpoint, ...v })));
      result.deviationsSeen.forEach((path) => seen.add(path));
    }
  }
  expect(violations.slice(0, 20)).toEqual([]);
  // Each deviation the list allows is one the simulator really produces.
  expect([...seen].sort()).toEqual(Object.keys(REAL_WORLD_DEVIATIONS).sort());
});

test('every posture list was read over several pages', () => {
  // Exclusions and blocklist: four requests (tenant, accounts, sites, groups).
  const requests: Record<string, number> = {
    'GET /exclusions': 4,
    'GET /restrictions': 4,
    'GET /users': 1,
    'GET /service-users': 1,
    'GET /rbac/roles': 1,
  };
  for (const [endpoint, count] of Object.entries(requests)) {
    const pageCount = answers.get(endpoint)!.length;
    expect({ endpoint, severalPages: pageCount > count }).toEqual({
      endpoint,
      severalPages: true,
    });
  }
});

test('lists were read over several pages, later pages reporting no total', () => {
  const agents = answers.get('GET /agents')!;
  expect(agents.length).toBeGreaterThan(2);
  expect(agents[0].pagination.totalItems).toBe(sim.totals.agents);
  for (const later of agents.slice(1)) {
    expect(later.pagination.totalItems).toBe(0);
  }
});
