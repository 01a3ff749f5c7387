/**
 * The posture estate: policies, exclusions, blocklist, console users, service
 * users and roles, generated from plain scope data. Pure: the same input
 * (`seed` and `now` included) gives the same estate.
 */
import { DAY_MS } from './ids';
import { generatePeople, PersonRecord, RoleRecord } from './people';
import { generatePolicies, ScopePolicy } from './policies';
import {
  generateExclusions,
  generateRestrictions,
  ScopedRecord,
} from './rules';
import { PostureInput, ScopeLevel, ScopeTree } from './scopes';
import {
  ExclusionType,
  WireConsoleUser,
  WireExclusion,
  WireRestriction,
  WireServiceUser,
} from '../wire';

export interface PostureEstate {
  now: Date;
  tree: ScopeTree;
  /** What `GET …/policy` answers, by scope key (`tenant`, `account:<id>`, …). */
  policies: Map<string, ScopePolicy>;
  /** Groups that edited their own policy: their `inherits` in `GET /groups` is false. */
  groupsWithOwnPolicy: Set<string>;
  /** Ordered by id. */
  exclusions: ScopedRecord<WireExclusion>[];
  restrictions: ScopedRecord<WireRestriction>[];
  users: PersonRecord<WireConsoleUser>[];
  serviceUsers: PersonRecord<WireServiceUser>[];
  roles: RoleRecord[];
  totals: PostureTotals;
}

type ByLevel = Record<ScopeLevel, number>;

/**
 * Exact counts of what a token that sees the whole tenant is served. "Scopes"
 * are accounts, sites and groups (not the tenant).
 */
export interface PostureTotals {
  /** Scopes answering `inheritedFrom: null`: the tenant + edited accounts, sites and groups (one `sentinelone_policy` each). */
  ownPolicies: number;
  /** Own policies per level (`tenant` is 1). */
  ownPoliciesByLevel: ByLevel;
  /** Sites and groups that override their parent's policy (`editedSites + editedGroups`). */
  overridingScopes: number;
  /** One per scope: each account, site and group uses exactly one effective policy. */
  effectivePolicyAssignments: number;
  /** Scope key of each own policy → how many scopes use it as their effective policy (itself included, the tenant not counted). */
  scopesPerPolicy: Record<string, number>;
  /** Own policies with `mitigationMode: 'detect'`. */
  detectOnlyPolicies: number;
  /** Scopes whose effective `mitigationMode` is `detect`. */
  detectOnlyScopes: number;
  /** Groups whose effective `mitigationMode` is `detect` (their agents are detect-only). */
  detectOnlyGroups: number;
  /** Own policies with `antiTamperingOn: false`. */
  antiTamperOffPolicies: number;
  /** Scopes whose effective policy has anti-tamper off. */
  antiTamperOffScopes: number;
  exclusions: number;
  /** Exclusions by the level of their scope. */
  exclusionsByLevel: ByLevel;
  exclusionsByType: Record<ExclusionType, number>;
  /** `notRecommended === 'Not recommended'`. */
  notRecommendedExclusions: number;
  /** `mode` is `disable_all_monitors` or `disable_all_monitors_deep`. */
  disableAllMonitorsExclusions: number;
  /** `source: 'action_from_threat'` and `createdAt` strictly after `now - 30 days`. */
  exclusionsFromThreatsLast30Days: number;
  /** Blocklist entries (`GET /restrictions`). */
  restrictions: number;
  restrictionsByLevel: ByLevel;
  /** Console users (`GET /users`), the system ones included. */
  users: number;
  /** `isSystem: true`. */
  systemUsers: number;
  /** `twoFaEnabled: false`, any source. */
  usersWithout2fa: number;
  /** `source: 'mgmt'` (local sign-in) and `twoFaEnabled: false`. */
  localUsersWithout2fa: number;
  /** No `lastLogin`, or `lastLogin` strictly before `now - 90 days`. */
  staleUsers: number;
  /** No `lastLogin` at all. */
  usersNeverLoggedIn: number;
  /** Console users with `apiToken` dates. */
  usersWithApiToken: number;
  /** Console users holding the predefined `Admin` role at tenant or account scope. */
  tenantOrAccountAdmins: number;
  serviceUsers: number;
  /** Service users whose `apiToken.expiresAt` is after `now` and at most `now + 14 days`. */
  serviceUsersExpiringWithin14Days: number;
  /** Service users whose `apiToken.expiresAt` is at or before `now`. */
  serviceUsersExpired: number;
  roles: number;
  predefinedRoles: number;
  customRoles: number;
  /** Σ over console users of `scopeRoles.length` (one user → role assignment each). */
  userRoleAssignments: number;
  /** Σ over service users of `scopeRoles.length`. */
  serviceUserRoleAssignments: number;
}

export function generatePosture(input: PostureInput): PostureEstate {
  const tree = new ScopeTree(input);
  const people = generatePeople(input, tree);
  const policies = generatePolicies(input, tree, people.admin);
  const groupsWithOwnPolicy = new Set(
    [...policies.values()]
      .filter((p) => p.level === 'group' && p.policy.inheritedFrom === null)
      .map((p) => p.scopeId!),
  );
  const estate: Omit<PostureEstate, 'totals'> = {
    now: new Date(input.now.getTime()),
    tree,
    policies,
    groupsWithOwnPolicy,
    exclusions: generateExclusions(input, tree, people),
    restrictions: generateRestrictions(input, tree, people),
    users: people.users,
    serviceUsers: people.serviceUsers,
    roles: people.roles,
  };
  return { ...estate, totals: postureTotals(estate) };
}

const count = <T>(items: readonly T[], test: (item: T) => boolean) =>
  items.filter(test).length;

function byLevel(keys: string[], tree: ScopeTree): ByLevel {
  const out: ByLevel = { tenant: 0, account: 0, site: 0, group: 0 };
  for (const key of keys) out[tree.node(key).level]++;
  return out;
}

function policyTotals(estate: Omit<PostureEstate, 'totals'>) {
  const all = [...estate.policies.entries()];
  const own = all.filter(([, p]) => p.policy.inheritedFrom === null);
  const scopes = all.filter(([, p]) => p.level !== 'tenant').map(([, p]) => p);
  const scopesPerPolicy: Record<string, number> = {};
  for (const [key] of own)
    scopesPerPolicy[key] = count(scopes, (p) => p.effectiveFrom === key);
  const ownPoliciesByLevel = byLevel(
    own.map(([key]) => key),
    estate.tree,
  );
  return {
    ownPolicies: own.length,
    ownPoliciesByLevel,
    overridingScopes: ownPoliciesByLevel.site + ownPoliciesByLevel.group,
    effectivePolicyAssignments: scopes.length,
    scopesPerPolicy,
    detectOnlyPolicies: count(
      own,
      ([, p]) => p.policy.mitigationMode === 'detect',
    ),
    detectOnlyScopes: count(
      scopes,
      (p) => p.policy.mitigationMode === 'detect',
    ),
    detectOnlyGroups: count(
      scopes,
      (p) => p.level === 'group' && p.policy.mitigationMode === 'detect',
    ),
    antiTamperOffPolicies: count(own, ([, p]) => !p.policy.antiTamperingOn),
    antiTamperOffScopes: count(scopes, (p) => !p.policy.antiTamperingOn),
  };
}

function exclusionTotals(estate: Omit<PostureEstate, 'totals'>) {
  const nowMs = estate.now.getTime();
  const records = estate.exclusions.map((e) => e.record);
  const exclusionsByType = {} as Record<ExclusionType, number>;
  for (const record of records)
    exclusionsByType[record.type] = (exclusionsByType[record.type] ?? 0) + 1;
  return {
    exclusions: records.length,
    exclusionsByLevel: byLevel(
      estate.exclusions.map((e) => e.scopeKey),
      estate.tree,
    ),
    exclusionsByType,
    notRecommendedExclusions: count(
      records,
      (r) => r.notRecommended === 'Not recommended',
    ),
    disableAllMonitorsExclusions: count(
      records,
      (r) =>
        r.mode === 'disable_all_monitors' ||
        r.mode === 'disable_all_monitors_deep',
    ),
    exclusionsFromThreatsLast30Days: count(
      records,
      (r) =>
        r.source === 'action_from_threat' &&
        Date.parse(r.createdAt) > nowMs - 30 * DAY_MS,
    ),
    restrictions: estate.restrictions.length,
    restrictionsByLevel: byLevel(
      estate.restrictions.map((r) => r.scopeKey),
      estate.tree,
    ),
  };
}

function peopleTotals(estate: Omit<PostureEstate, 'totals'>) {
  const nowMs = estate.now.getTime();
  const users = estate.users.map((u) => u.record);
  const service = estate.serviceUsers.map((u) => u.record);
  const expiry = (u: WireServiceUser) => Date.parse(u.apiToken.expiresAt);
  const roleScopes = (u: PersonRecord<WireConsoleUser>) =>
    u.roleScopeKeys.map((k) => estate.tree.node(k).level);
  return {
    users: users.length,
    systemUsers: count(users, (u) => u.isSystem),
    usersWithout2fa: count(users, (u) => !u.twoFaEnabled),
    localUsersWithout2fa: count(
      users,
      (u) => u.source === 'mgmt' && !u.twoFaEnabled,
    ),
    staleUsers: count(
      users,
      (u) => !u.lastLogin || Date.parse(u.lastLogin) < nowMs - 90 * DAY_MS,
    ),
    usersNeverLoggedIn: count(users, (u) => !u.lastLogin),
    usersWithApiToken: count(users, (u) => u.apiToken !== undefined),
    tenantOrAccountAdmins: count(estate.users, (u) =>
      u.record.scopeRoles.some(
        (r, k) =>
          r.roleName === 'Admin' &&
          ['tenant', 'account'].includes(roleScopes(u)[k]),
      ),
    ),
    serviceUsers: service.length,
    serviceUsersExpiringWithin14Days: count(
      service,
      (u) => expiry(u) > nowMs && expiry(u) <= nowMs + 14 * DAY_MS,
    ),
    serviceUsersExpired: count(service, (u) => expiry(u) <= nowMs),
    roles: estate.roles.length,
    predefinedRoles: count(estate.roles, (r) => r.record.predefinedRole),
    customRoles: count(estate.roles, (r) => !r.record.predefinedRole),
    userRoleAssignments: users.reduce((n, u) => n + u.scopeRoles.length, 0),
    serviceUserRoleAssignments: service.reduce(
      (n, u) => n + u.scopeRoles.length,
      0,
    ),
  };
}

function postureTotals(estate: Omit<PostureEstate, 'totals'>): PostureTotals {
  return {
    ...policyTotals(estate),
    ...exclusionTotals(estate),
    ...peopleTotals(estate),
  };
}
