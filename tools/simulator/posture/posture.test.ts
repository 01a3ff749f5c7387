import http from 'http';

import { estateTotals, generateEstate, startSimulator } from '..';
import { parseArgs } from '../cli';
import { specParameters } from '../contract/validate';
import {
  EXCLUSION_MODES,
  EXCLUSION_SOURCES,
  EXCLUSION_TYPES,
  PATH_EXCLUSION_TYPES,
  USER_SOURCES,
  WireConsoleUser,
  WireExclusion,
  WirePolicy,
  WireRole,
  WireServiceUser,
} from '../wire';
import {
  generatePosture,
  POSTURE_PERMISSIONS,
  PostureAccess,
  PostureEstate,
  PostureInput,
  PosturePermission,
  postureRouter,
  PostureRoute,
} from '.';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const DAY = 86_400_000;

function input(seed = 7): PostureInput {
  const accounts = ['Acme', 'Globex'].map((name, a) => ({
    id: `40000000000000000${a}1`,
    name,
  }));
  const sites = ['HQ', 'EMEA', 'APAC'].map((region, s) => ({
    id: `50000000000000000${s}1`,
    name: `${accounts[s % 2].name} ${region}`,
    accountId: accounts[s % 2].id,
  }));
  const groups = Array.from({ length: 7 }, (_, g) => ({
    id: `60000000000000000${g}1`,
    name: `Group ${g}`,
    siteId: sites[g % 3].id,
  }));
  return { seed, now: NOW, accounts, sites, groups };
}

const ALL: PostureAccess = { scope: { level: 'tenant' } };

interface Page<T> {
  data: T[];
  pagination: { totalItems: number | null; nextCursor: string | null };
}

function ok<T>(
  route: PostureRoute,
  path: string,
  query: Record<string, string> = {},
  access = ALL,
): T {
  const answer = route('GET', path, query, access);
  expect(answer && { path, query, status: answer.status }).toEqual({
    path,
    query,
    status: 200,
  });
  return answer!.body as T;
}

function allPages<T>(
  route: PostureRoute,
  path: string,
  query: Record<string, string>,
  access = ALL,
): { records: T[]; pages: number } {
  const records: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const body: Page<T> = ok<Page<T>>(
      route,
      path,
      cursor ? { ...query, cursor } : query,
      access,
    );
    records.push(...body.data);
    pages++;
    cursor = body.pagination.nextCursor;
  } while (cursor);
  return { records, pages };
}

function errorOf(
  route: PostureRoute,
  path: string,
  query: Record<string, string>,
  access = ALL,
) {
  const answer = route('GET', path, query, access)!;
  const body = answer.body as {
    errors: { code: number; title: string; detail: unknown }[];
  };
  return { status: answer.status, ...body.errors[0] };
}

/** Every exclusion: the tenant list plus every account, site and group. */
function everyScopeQuery(data: PostureInput): Record<string, string>[] {
  return [
    { tenant: 'true' },
    {
      accountIds: data.accounts.map((a) => a.id).join(','),
      siteIds: data.sites.map((s) => s.id).join(','),
      groupIds: data.groups.map((g) => g.id).join(','),
    },
  ];
}

function allExclusions(
  route: PostureRoute,
  data: PostureInput,
  filters: Record<string, string> = {},
): WireExclusion[] {
  return everyScopeQuery(data).flatMap(
    (scope) =>
      allPages<WireExclusion>(route, '/exclusions', {
        ...scope,
        ...filters,
        limit: '1000',
      }).records,
  );
}

// ---------------------------------------------------------------- tests

describe('generatePosture', () => {
  it('is deterministic for a seed and a clock, and differs by seed', () => {
    const served = (seed: number) => {
      const route = postureRouter(generatePosture(input(seed)));
      return JSON.stringify([
        allExclusions(route, input(seed)),
        allPages(route, '/users', { limit: '1000' }).records,
        allPages(route, '/service-users', { limit: '1000' }).records,
        allPages(route, '/rbac/roles', { limit: '1000' }).records,
        ok(route, `/groups/${input(seed).groups[3].id}/policy`),
        generatePosture(input(seed)).totals,
      ]);
    };
    expect(served(7)).toEqual(served(7));
    expect(served(8)).not.toEqual(served(7));
  });

  it('scales mildly with the estate', () => {
    const small = generatePosture(input()).totals;
    expect(small.exclusions).toBe(10 + 3 * 4 + Math.floor(7 / 5));
    expect(small.users).toBe(5 + 2 * 3 + 3);
    expect(small.serviceUsers).toBe(2 + 2 + 1);
  });

  it('covers every exclusion type, mode, source and path type, and every scope level', () => {
    const { exclusions } = generatePosture(input());
    const values = (pick: (e: WireExclusion) => unknown) =>
      new Set(exclusions.map((e) => pick(e.record)));
    expect(values((e) => e.type)).toEqual(new Set(EXCLUSION_TYPES));
    expect(values((e) => e.mode)).toEqual(new Set([...EXCLUSION_MODES, null]));
    expect(values((e) => e.source)).toEqual(new Set(EXCLUSION_SOURCES));
    expect(values((e) => e.pathExclusionType)).toEqual(
      new Set([...PATH_EXCLUSION_TYPES, null]),
    );
    expect(new Set(exclusions.map((e) => e.scopeKey.split(':')[0]))).toEqual(
      new Set(['tenant', 'account', 'site', 'group']),
    );
  });
});

describe('policies', () => {
  const data = input();
  const posture = generatePosture(data);
  const route = postureRouter(posture);
  const policyOf = (path: string) => ok<{ data: WirePolicy }>(route, path).data;
  const parentPath: Record<string, string> = {};
  for (const s of data.sites)
    parentPath[`/sites/${s.id}/policy`] = `/accounts/${s.accountId}/policy`;
  for (const g of data.groups)
    parentPath[`/groups/${g.id}/policy`] = `/sites/${g.siteId}/policy`;
  for (const a of data.accounts)
    parentPath[`/accounts/${a.id}/policy`] = '/tenant/policy';

  it('serves the tenant policy as the default, with no id', () => {
    const tenant = policyOf('/tenant/policy');
    expect(tenant).toMatchObject({ isDefault: true, inheritedFrom: null });
    expect(tenant).not.toHaveProperty('id');
  });

  it('an inheriting scope answers its parent’s effective values, naming the parent level', () => {
    const inheritedFrom = {
      accounts: 'global',
      sites: 'account',
      groups: 'site',
    };
    let inheriting = 0;
    for (const [path, parent] of Object.entries(parentPath)) {
      const policy = policyOf(path);
      if (policy.inheritedFrom === null) continue;
      inheriting++;
      const level = path.split('/')[1] as keyof typeof inheritedFrom;
      expect({ path, inheritedFrom: policy.inheritedFrom }).toEqual({
        path,
        inheritedFrom: inheritedFrom[level],
      });
      const { inheritedFrom: _a, isDefault: _b, ...values } = policy;
      const {
        inheritedFrom: _c,
        isDefault: _d,
        ...parentValues
      } = policyOf(parent);
      expect({ path, values }).toEqual({ path, values: parentValues });
      expect(policy.isDefault).toBe(false);
    }
    expect(inheriting).toBe(
      data.accounts.length +
        data.sites.length +
        data.groups.length +
        1 -
        posture.totals.ownPolicies,
    );
  });

  it('reports the groups that edited their own policy, and policy totals that match what is served', () => {
    const edited = data.groups
      .filter((g) => policyOf(`/groups/${g.id}/policy`).inheritedFrom === null)
      .map((g) => g.id);
    expect([...posture.groupsWithOwnPolicy].sort()).toEqual(edited.sort());
    expect(edited.length).toBeGreaterThan(0);
    expect(edited.length).toBeLessThan(data.groups.length);

    const scopes = Object.keys(parentPath).map(policyOf);
    const own = [policyOf('/tenant/policy'), ...scopes].filter(
      (p) => p.inheritedFrom === null,
    );
    const t = posture.totals;
    expect(t.ownPolicies).toBe(own.length);
    expect(t.effectivePolicyAssignments).toBe(scopes.length);
    expect(Object.values(t.scopesPerPolicy).reduce((a, b) => a + b, 0)).toBe(
      scopes.length,
    );
    expect(t.detectOnlyPolicies).toBe(
      own.filter((p) => p.mitigationMode === 'detect').length,
    );
    expect(t.detectOnlyScopes).toBe(
      scopes.filter((p) => p.mitigationMode === 'detect').length,
    );
    expect(t.antiTamperOffPolicies).toBe(
      own.filter((p) => !p.antiTamperingOn).length,
    );
    expect(t.detectOnlyPolicies).toBeGreaterThan(0);
    expect(t.antiTamperOffPolicies).toBeGreaterThan(0);
    expect(t.overridingScopes).toBe(
      t.ownPoliciesByLevel.site + t.ownPoliciesByLevel.group,
    );
  });

  it('answers 404 "Policy not found" for an unknown scope', () => {
    expect(errorOf(route, '/sites/5999999999999999999/policy', {})).toEqual({
      status: 404,
      code: 4040010,
      title: 'Not Found',
      detail: 'Policy not found',
    });
  });
});

describe('exclusions', () => {
  const data = input();
  const posture = generatePosture(data);
  const route = postureRouter(posture);
  const t = posture.totals;

  it('refuses a list without a scope, or with tenant=true and ids', () => {
    const missing = errorOf(route, '/exclusions', {});
    expect(missing).toMatchObject({ status: 400, code: 4000010 });
    expect(missing.detail).toMatch(
      /tenant=true.*accountIds, siteIds or groupIds/,
    );
    const both = errorOf(route, '/exclusions', {
      tenant: 'true',
      siteIds: data.sites[0].id,
    });
    expect(both).toMatchObject({ status: 400, code: 4000010 });
    expect(both.detail).toMatch(/tenant=true/);
  });

  it('tenant=true lists tenant-scope exclusions only; ids list their scopes only', () => {
    const tenant = allPages<WireExclusion>(route, '/exclusions', {
      tenant: 'true',
    }).records;
    expect(
      tenant.every((e) => e.scope.tenant && e.scopeName === 'Global'),
    ).toBe(true);
    expect(tenant).toHaveLength(t.exclusionsByLevel.tenant);

    const [first, second] = data.sites;
    const sites = allPages<WireExclusion>(route, '/exclusions', {
      siteIds: `${first.id},${second.id}`,
    }).records;
    expect(sites.length).toBeGreaterThan(0);
    for (const e of sites) {
      expect(e.scope.siteIds.length === 1 && [first.id, second.id]).toContain(
        e.scope.siteIds[0],
      );
    }
    const withParents = allPages<WireExclusion>(route, '/exclusions', {
      siteIds: first.id,
      includeParents: 'true',
    }).records;
    const levels = new Set(
      withParents.map((e) =>
        e.scope.tenant
          ? 'tenant'
          : e.scope.accountIds.length
          ? 'account'
          : 'site',
      ),
    );
    expect(levels).toEqual(new Set(['tenant', 'account', 'site']));
  });

  it('pages over more than one page with a small limit, each record once', () => {
    const { records, pages } = allPages<WireExclusion>(route, '/exclusions', {
      ...everyScopeQuery(data)[1],
      limit: '4',
    });
    expect(pages).toBeGreaterThan(2);
    const ids = records.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(records.length + t.exclusionsByLevel.tenant).toBe(t.exclusions);
  });

  it('refuses a limit above 1000, a foreign cursor and an unknown parameter', () => {
    expect(
      errorOf(route, '/exclusions', { tenant: 'true', limit: '1001' }),
    ).toMatchObject({ status: 400, code: 4000010 });
    const page = ok<Page<WireExclusion>>(route, '/exclusions', {
      tenant: 'true',
      limit: '1',
    });
    expect(page.pagination.nextCursor).not.toBeNull();
    expect(
      errorOf(route, '/exclusions', {
        siteIds: data.sites[0].id,
        cursor: page.pagination.nextCursor!,
      }),
    ).toMatchObject({ status: 400, detail: { cursor: ['Invalid cursor.'] } });
    expect(
      errorOf(route, '/exclusions', { tenant: 'true', colour: 'red' }),
    ).toMatchObject({ status: 400, detail: { colour: ['Unknown field.'] } });
    expect(
      errorOf(route, '/exclusions', { tenant: 'true', modes: 'off' }),
    ).toMatchObject({ status: 400, code: 4000010 });
  });

  it('honours filters exactly, and its totals equal what is served', () => {
    const all = allExclusions(route, data);
    expect(all).toHaveLength(t.exclusions);
    const disableAll = allExclusions(route, data, {
      modes: 'disable_all_monitors,disable_all_monitors_deep',
    });
    expect(disableAll).toHaveLength(t.disableAllMonitorsExclusions);
    expect(disableAll.length).toBe(
      all.filter((e) => e.mode?.startsWith('disable_all_monitors')).length,
    );
    expect(
      allExclusions(route, data, { recommendations: 'Not recommended' }),
    ).toHaveLength(t.notRecommendedExclusions);
    const since = new Date(NOW.getTime() - 30 * DAY).toISOString();
    const fromThreats = allExclusions(route, data, {
      source: 'action_from_threat',
      createdAt__gt: since,
    });
    expect(fromThreats).toHaveLength(t.exclusionsFromThreatsLast30Days);
    expect(fromThreats.length).toBeGreaterThan(0);
    expect(fromThreats.length).toBeLessThan(
      all.filter((e) => e.source === 'action_from_threat').length,
    );
    for (const type of EXCLUSION_TYPES) {
      expect(allExclusions(route, data, { types: type })).toHaveLength(
        t.exclusionsByType[type],
      );
    }
  });

  it('honours only filters the specification declares', () => {
    for (const [path, names] of Object.entries(route.listParameters)) {
      const declared = specParameters(`GET ${path}`);
      const notInSpec = names.filter((name) => !declared.includes(name));
      expect({ path, notInSpec }).toEqual({ path, notInSpec: [] });
    }
  });
});

describe('users, service users and roles', () => {
  const data = input();
  const posture = generatePosture(data);
  const route = postureRouter(posture);
  const t = posture.totals;
  const users = allPages<WireConsoleUser>(route, '/users', { limit: '3' });
  const service = allPages<WireServiceUser>(route, '/service-users', {
    limit: '2',
  });
  const roles = allPages<WireRole>(route, '/rbac/roles', { limit: '3' });

  it('pages every list, and totals equal what is served', () => {
    expect(users.pages).toBeGreaterThan(1);
    expect(users.records).toHaveLength(t.users);
    expect(service.pages).toBeGreaterThan(1);
    expect(service.records).toHaveLength(t.serviceUsers);
    expect(roles.records).toHaveLength(t.roles);
    const u = users.records;
    const now = NOW.getTime();
    expect(u.filter((x) => x.isSystem)).toHaveLength(t.systemUsers);
    expect(u.filter((x) => !x.twoFaEnabled)).toHaveLength(t.usersWithout2fa);
    expect(
      u.filter((x) => !x.lastLogin || Date.parse(x.lastLogin) < now - 90 * DAY),
    ).toHaveLength(t.staleUsers);
    expect(u.filter((x) => !x.lastLogin)).toHaveLength(t.usersNeverLoggedIn);
    const expiry = (x: WireServiceUser) => Date.parse(x.apiToken.expiresAt);
    expect(
      service.records.filter(
        (x) => expiry(x) > now && expiry(x) <= now + 14 * DAY,
      ),
    ).toHaveLength(t.serviceUsersExpiringWithin14Days);
    expect(service.records.filter((x) => expiry(x) <= now)).toHaveLength(
      t.serviceUsersExpired,
    );
    expect(u.reduce((n, x) => n + x.scopeRoles.length, 0)).toBe(
      t.userRoleAssignments,
    );
    expect(roles.records.filter((r) => r.predefinedRole)).toHaveLength(
      t.predefinedRoles,
    );
  });

  it('has every case a posture review looks for', () => {
    const u = users.records;
    expect(new Set(u.map((x) => x.source))).toEqual(new Set(USER_SOURCES));
    expect(new Set(u.map((x) => x.scope))).toEqual(
      new Set(['tenant', 'account', 'site']),
    );
    for (const total of [
      t.localUsersWithout2fa,
      t.staleUsers,
      t.usersNeverLoggedIn,
      t.usersWithApiToken,
      t.serviceUsersExpiringWithin14Days,
      t.serviceUsersExpired,
      t.customRoles,
      t.tenantOrAccountAdmins,
    ]) {
      expect(total).toBeGreaterThan(0);
    }
    expect(t.usersWithApiToken).toBeLessThan(t.users);
    expect(JSON.stringify(u)).not.toMatch(/"token"|"value"/);
  });

  it('honours user filters exactly', () => {
    const local = allPages<WireConsoleUser>(route, '/users', {
      sources: 'mgmt',
      twoFaEnabled: 'false',
    }).records;
    expect(local).toHaveLength(t.localUsersWithout2fa);
    const viewer = roles.records.find((r) => r.name === 'Viewer')!;
    const viewers = allPages<WireConsoleUser>(route, '/users', {
      roleIds: viewer.id,
    }).records;
    expect(viewers.map((x) => x.id)).toEqual(
      users.records
        .filter((x) => x.scopeRoles.some((r) => r.roleId === viewer.id))
        .map((x) => x.id),
    );
  });

  it('points every role assignment at a role that exists, and counts them in usersInRoles', () => {
    const byId = new Map(roles.records.map((r) => [r.id, r]));
    const held = new Map<string, number>();
    for (const person of [...users.records, ...service.records]) {
      for (const entry of person.scopeRoles) {
        expect(byId.has(entry.roleId)).toBe(true);
        expect(byId.get(entry.roleId)!.name).toBe(entry.roleName);
        held.set(entry.roleId, (held.get(entry.roleId) ?? 0) + 1);
      }
    }
    for (const role of roles.records) {
      expect({ role: role.name, n: role.usersInRoles }).toEqual({
        role: role.name,
        n: held.get(role.id) ?? 0,
      });
    }
  });
});

describe('access', () => {
  const data = input();
  const posture: PostureEstate = generatePosture(data);
  const route = postureRouter(posture);
  const [mine, other] = data.sites;
  const siteToken: PostureAccess = {
    scope: { level: 'site', siteIds: [mine.id] },
  };

  const ENDPOINTS: Record<PosturePermission, [string, Record<string, string>]> =
    {
      'Policy.view': [`/sites/${mine.id}/policy`, {}],
      'Exclusions.view': ['/exclusions', { tenant: 'true' }],
      'Blacklist.view': ['/restrictions', { tenant: 'true' }],
      'Users.view': ['/users', {}],
      'Service Users.view': ['/service-users', {}],
      'Roles.view': ['/rbac/roles', {}],
    };

  it.each(POSTURE_PERMISSIONS)(
    'refusing %s answers 403 on its endpoint only',
    (refused) => {
      const access = { ...ALL, refusedPermissions: [refused] };
      for (const [permission, [path, query]] of Object.entries(ENDPOINTS)) {
        const status = route('GET', path, query, access)!.status;
        expect({ permission, status }).toEqual({
          permission,
          status: permission === refused ? 403 : 200,
        });
      }
      const [path, query] = ENDPOINTS[refused];
      expect(errorOf(route, path, query, access)).toMatchObject({
        code: 4030010,
        title: 'Forbidden',
        detail: expect.stringMatching(/insufficient permissions/),
      });
    },
  );

  it('a site-scoped token gets 403 on tenant and account policies and other sites', () => {
    for (const path of [
      '/tenant/policy',
      `/accounts/${mine.accountId}/policy`,
      `/sites/${other.id}/policy`,
    ]) {
      expect(errorOf(route, path, {}, siteToken)).toMatchObject({
        status: 403,
        code: 4030010,
      });
    }
    ok(route, `/sites/${mine.id}/policy`, {}, siteToken);
    const ownGroup = data.groups.find((g) => g.siteId === mine.id)!;
    ok(route, `/groups/${ownGroup.id}/policy`, {}, siteToken);
    const queries: Record<string, string>[] = [
      { tenant: 'true' },
      { siteIds: other.id },
    ];
    for (const query of queries) {
      expect(errorOf(route, '/exclusions', query, siteToken)).toMatchObject({
        status: 403,
        code: 4030010,
      });
    }
  });

  it('a site-scoped token sees the exclusions, users and roles of its site only', () => {
    const exclusions = allPages<WireExclusion>(
      route,
      '/exclusions',
      { siteIds: mine.id, includeParents: 'true', includeChildren: 'true' },
      siteToken,
    ).records;
    const ownGroups = new Set(
      data.groups.filter((g) => g.siteId === mine.id).map((g) => g.id),
    );
    const expected = posture.exclusions.filter(
      (e) =>
        e.scopeKey === `site:${mine.id}` ||
        ownGroups.has(e.scopeKey.replace('group:', '')),
    );
    expect(exclusions.map((e) => e.id)).toEqual(
      expected.map((e) => e.record.id),
    );

    const users = allPages<WireConsoleUser>(route, '/users', {}, siteToken);
    expect(users.records.length).toBeGreaterThan(0);
    for (const user of users.records) {
      expect(user.scopeRoles.map((r) => r.id)).toEqual(
        user.scopeRoles.map(() => mine.id),
      );
    }
    const roles = allPages<WireRole>(route, '/rbac/roles', {}, siteToken);
    for (const role of roles.records) {
      expect(role.predefinedRole || role.scopeId === mine.id).toBe(true);
    }
  });
});

describe('the simulator serves posture (hook)', () => {
  it('sets each group’s inherits from the posture estate and exposes totals.posture', () => {
    const estate = generateEstate({ seed: 4, sites: 3, groups: 12, now: NOW });
    const withOwn = estate.groups.filter((g) => g.inherits === false);
    expect(withOwn.map((g) => g.id).sort()).toEqual(
      [...estate.posture.groupsWithOwnPolicy].sort(),
    );
    expect(estateTotals(estate).posture).toEqual(estate.posture.totals);
  });

  it('answers posture paths over HTTP with refusedPermissions and siteScoped', async () => {
    const sim = await startSimulator({
      seed: 4,
      now: NOW,
      prewarm: false,
      siteScoped: true,
      refusedPermissions: ['Users.view'],
    });
    try {
      const get = (path: string) =>
        new Promise<{ status?: number; body: any }>((resolve, reject) => {
          const url = `${sim.url}/web/api/v2.1${path}`;
          const headers = { Authorization: 'ApiToken simulator-api-token' };
          http
            .get(url, { headers }, (res) => {
              let text = '';
              res.on('data', (chunk) => (text += chunk));
              res.on('end', () =>
                resolve({ status: res.statusCode, body: JSON.parse(text) }),
              );
            })
            .on('error', reject);
        });
      const site = sim.estate.sites[0];
      expect(await get('/users')).toMatchObject({ status: 403 });
      expect(await get('/tenant/policy')).toMatchObject({ status: 403 });
      const policy = await get(`/sites/${site.id}/policy`);
      expect(policy).toMatchObject({ status: 200, body: { data: {} } });
      const roles = await get('/rbac/roles?limit=1000');
      expect(roles.status).toBe(200);
      expect(roles.body.pagination.totalItems).toBeGreaterThan(0);
      expect(sim.totals.posture.users).toBe(
        estateTotals(sim.estate).posture.users,
      );
    } finally {
      await sim.close();
    }
  });
});

describe('cli --refuse-permissions', () => {
  it('takes a comma list of posture permissions and names an unknown one', () => {
    expect(
      parseArgs(['--refuse-permissions', 'Policy.view,Service Users.view'])
        .refusedPermissions,
    ).toEqual(['Policy.view', 'Service Users.view']);
    expect(() => parseArgs(['--refuse-permissions', 'Policy.edit'])).toThrow(
      /--refuse-permissions: unknown permission 'Policy.edit'/,
    );
  });
});
