/**
 * Console users, service users and RBAC roles. Roles come first so that every
 * `scopeRoles[].roleId` points at a role that exists; `usersInRoles` counts the
 * users and service users holding each role.
 */
import { isoMicros, Random } from '../random';
import { daysAgo, DAY_MS, POSTURE_ID_KINDS, postureId } from './ids';
import { PostureInput, ScopeLevel, ScopeTree, scopeKey } from './scopes';
import {
  UserScope,
  UserSource,
  WireConsoleUser,
  WireRole,
  WireScopeRole,
  WireServiceUser,
} from '../wire';

export const PREDEFINED_ROLES = ['Admin', 'IR Team', 'SOC', 'Viewer'] as const;
const ROLE_DESCRIPTIONS: Record<string, string> = {
  Admin: 'Full control of the scope, its policy, exclusions and users',
  'IR Team': 'Incident response: threats, remote shell, network quarantine',
  SOC: 'Security operations: triage threats and alerts',
  Viewer: 'Read-only access',
};

const FIRST_NAMES = [
  'ana',
  'ben',
  'chloe',
  'dmitri',
  'emeka',
  'fatima',
  'gustav',
  'hana',
  'ivan',
  'jia',
  'kofi',
  'lena',
];
const LAST_NAMES = [
  'abbott',
  'brandt',
  'castillo',
  'dubois',
  'eze',
  'fischer',
  'gupta',
  'haddad',
  'ito',
  'jensen',
  'kovacs',
];

/** Where a role sits, for `scopeRoles` entries and role filters. */
export interface RoleRecord {
  scopeKey: string;
  record: WireRole;
}

/** A console or service user with the scope keys of its role assignments. */
export interface PersonRecord<T> {
  /** Scope key of each `scopeRoles` entry, same order. */
  roleScopeKeys: string[];
  record: T;
}

export interface People {
  roles: RoleRecord[];
  users: PersonRecord<WireConsoleUser>[];
  serviceUsers: PersonRecord<WireServiceUser>[];
  /** Id and name of a tenant admin, who edits policies and exclusions. */
  admin: { id: string; name: string };
  /** The `isSystem` user, author of cloud and catalog exclusions. */
  system: { id: string; name: string };
}

/** Predefined roles come from the system user; custom ones from the tenant admin (user 1). */
function roleAuthor(seed: number, predefined: boolean) {
  const index = predefined ? 0 : 1;
  const author = predefined ? SYSTEM_USER_NAME : fullNameOf(seed, index);
  const authorId = postureId(seed, POSTURE_ID_KINDS.consoleUser, index);
  return {
    creator: author,
    creatorId: authorId,
    updatedBy: author,
    updatedById: authorId,
  };
}

const SYSTEM_USER_NAME = 'SentinelOne Support';

/** The `scope` of a user or role held at a scope of `level` (roles are never held at a group). */
function userScope(level: ScopeLevel): UserScope {
  return level === 'tenant'
    ? 'tenant'
    : level === 'account'
    ? 'account'
    : 'site';
}

class RoleBook {
  readonly roles: RoleRecord[] = [];
  private readonly byScope = new Map<string, RoleRecord[]>();

  constructor(
    private readonly seed: number,
    private readonly nowMs: number,
    private readonly rng: Random,
    private readonly tree: ScopeTree,
  ) {}

  add(scope: string, name: string) {
    const { seed, nowMs, rng } = this;
    const node = this.tree.node(scope);
    const predefined = scope === 'tenant';
    const record: WireRole = {
      id: postureId(seed, POSTURE_ID_KINDS.role, this.roles.length),
      name,
      description: ROLE_DESCRIPTIONS[name] ?? `Custom role of ${node.name}`,
      predefinedRole: predefined,
      scope: userScope(node.level),
      ...(node.id ? { scopeId: node.id } : {}),
      ...(node.level !== 'tenant' ? { accountName: node.accountName } : {}),
      ...(node.level === 'site' ? { siteName: node.name } : {}),
      usersInRoles: 0,
      ...roleAuthor(seed, predefined),
      createdAt: daysAgo(rng, nowMs, rng.int(200, 1500)),
      updatedAt: daysAgo(rng, nowMs, rng.int(1, 150)),
    };
    const entry = { scopeKey: scope, record };
    this.roles.push(entry);
    this.byScope.set(scope, [...(this.byScope.get(scope) ?? []), entry]);
  }

  /** Predefined role `name`, or the scope's own custom role when asked and present. */
  pick(rng: Random, scope: string, allowed: readonly string[]): RoleRecord {
    const custom = this.byScope.get(scope) ?? [];
    const predefined = (this.byScope.get('tenant') ?? []).filter((r) =>
      allowed.includes(r.record.name),
    );
    return rng.pick([...predefined, ...custom]);
  }

  named(name: string): RoleRecord {
    const role = this.roles.find(
      (r) => r.scopeKey === 'tenant' && r.record.name === name,
    );
    if (!role) throw new Error(`posture: no predefined role ${name}`);
    return role;
  }
}

function buildRoles(
  input: PostureInput,
  tree: ScopeTree,
  nowMs: number,
): RoleBook {
  const rng = new Random(input.seed, 'posture-roles');
  const book = new RoleBook(input.seed, nowMs, rng, tree);
  for (const name of PREDEFINED_ROLES) book.add('tenant', name);
  for (const account of input.accounts) {
    book.add(scopeKey('account', account.id), `${account.name} Helpdesk`);
  }
  input.sites.forEach((site, s) => {
    // Every other site defined its own analyst role.
    if (s % 2 === 0)
      book.add(scopeKey('site', site.id), `${site.name} Analyst`);
  });
  return book;
}

function scopeRole(
  tree: ScopeTree,
  scope: string,
  role: RoleRecord,
): WireScopeRole {
  const node = tree.node(scope);
  return {
    ...(node.id ? { id: node.id } : {}),
    name: node.name,
    accountName: node.accountName,
    roleId: role.record.id,
    roleName: role.record.name,
    roles: [role.record.name],
  };
}

interface Assignment {
  scope: string;
  role: RoleRecord;
}

/**
 * Who holds which role where: 5 tenant users (the first the system user, the
 * second an admin), 3 users per account (the first the account's admin, the
 * third also working for the next account), 1 user per site.
 */
function consoleAssignments(
  input: PostureInput,
  book: RoleBook,
  rng: Random,
): Assignment[][] {
  const out: Assignment[][] = [];
  const tenantRoles = ['Admin', 'Admin', 'SOC', 'IR Team', 'Viewer'];
  for (const name of tenantRoles)
    out.push([{ scope: 'tenant', role: book.named(name) }]);
  input.accounts.forEach((account, a) => {
    const scope = scopeKey('account', account.id);
    out.push([{ scope, role: book.named('Admin') }]);
    out.push([{ scope, role: book.pick(rng, scope, ['IR Team', 'SOC']) }]);
    const third = [{ scope, role: book.pick(rng, scope, ['SOC', 'Viewer']) }];
    if (input.accounts.length > 1) {
      const next = scopeKey(
        'account',
        input.accounts[(a + 1) % input.accounts.length].id,
      );
      third.push({ scope: next, role: book.pick(rng, next, ['Viewer']) });
    }
    out.push(third);
  });
  for (const site of input.sites) {
    const scope = scopeKey('site', site.id);
    out.push([
      { scope, role: book.pick(rng, scope, ['SOC', 'Viewer', 'Admin']) },
    ]);
  }
  return out;
}

function personName(
  seed: number,
  index: number,
): { first: string; last: string } {
  const first = FIRST_NAMES[(index + seed) % FIRST_NAMES.length];
  const last = LAST_NAMES[(index * 7 + seed) % LAST_NAMES.length];
  return { first, last };
}

function emailDomain(tree: ScopeTree, scope: string): string {
  const node = tree.node(scope);
  const base = node.level === 'tenant' ? 'mssp' : node.accountName;
  return `${base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.example`;
}

/** Login history: a fixed pattern on the first users (so every case exists), then random. */
function loginDays(rng: Random, index: number): number | null {
  if (index === 1) return rng.int(120, 400); // a stale tenant admin
  if (index === 4) return null; // never logged in
  if (index < 5) return rng.int(0, 20);
  const roll = rng.float();
  if (roll < 0.1) return null;
  if (roll < 0.3) return rng.int(91, 500);
  return rng.int(0, 60);
}

function sourceOf(rng: Random, index: number): UserSource {
  const fixed: UserSource[] = ['mgmt', 'mgmt', 'sso_saml', 'active_directory'];
  if (index < fixed.length) return fixed[index];
  return rng.weighted<UserSource>([
    ['mgmt', 50],
    ['sso_saml', 35],
    ['active_directory', 15],
  ]);
}

function buildConsoleUser(
  input: PostureInput,
  tree: ScopeTree,
  rng: Random,
  index: number,
  assignments: Assignment[],
): PersonRecord<WireConsoleUser> {
  const nowMs = input.now.getTime();
  const isSystem = index === 0;
  const { first, last } = personName(input.seed, index);
  const home = tree.node(assignments[0].scope);
  const source = sourceOf(rng, index);
  // Local sign-in carries its own 2FA; SSO and AD users usually rely on the IdP.
  const twoFaEnabled =
    index === 1
      ? false
      : isSystem || rng.chance(source === 'mgmt' ? 0.65 : 0.2);
  const twoFaConfigured = twoFaEnabled && (isSystem || rng.chance(0.85));
  const login = loginDays(rng, index);
  const joinedDays = rng.int(Math.max(login ?? 0, 30) + 1, 1400);
  const isAdmin = assignments.some((a) => a.role.record.name === 'Admin');
  const hasToken = isAdmin ? rng.chance(0.5) : rng.chance(0.15);
  const tokenCreatedDays = rng.int(5, 400);
  const record: WireConsoleUser = {
    id: postureId(input.seed, POSTURE_ID_KINDS.consoleUser, index),
    email: isSystem
      ? 'support@sentinelone.example'
      : `${first}.${last}${index}@${emailDomain(tree, assignments[0].scope)}`,
    fullName: isSystem ? SYSTEM_USER_NAME : fullNameOf(input.seed, index),
    emailVerified: isSystem || rng.chance(0.9),
    scope: userScope(home.level),
    source: isSystem ? 'mgmt' : source,
    scopeRoles: assignments.map((a) => scopeRole(tree, a.scope, a.role)),
    lowestRole: assignments[assignments.length - 1].role.record.name,
    twoFaEnabled,
    twoFaConfigured,
    twoFaStatus: twoFaConfigured ? 'on' : twoFaEnabled ? 'pending' : 'off',
    ...(twoFaConfigured ? { primaryTwoFaMethod: 'totp' } : {}),
    ...(login === null
      ? {}
      : {
          firstLogin: daysAgo(rng, nowMs, joinedDays - 1),
          lastLogin: daysAgo(rng, nowMs, login),
        }),
    dateJoined: daysAgo(rng, nowMs, joinedDays),
    ...(hasToken
      ? {
          apiToken: {
            createdAt: daysAgo(rng, nowMs, tokenCreatedDays),
            expiresAt: isoMicros(
              nowMs + (180 - tokenCreatedDays) * DAY_MS,
              rng.micros(),
            ),
          },
        }
      : {}),
    canGenerateApiToken: isAdmin || hasToken,
    isSystem,
  };
  return { roleScopeKeys: assignments.map((a) => a.scope), record };
}

function cap(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function fullNameOf(seed: number, index: number): string {
  const { first, last } = personName(seed, index);
  return `${cap(first)} ${cap(last)}`;
}

const SERVICE_PURPOSES = [
  'JupiterOne reader',
  'SIEM export',
  'SOAR playbooks',
  'Vulnerability sync',
  'Backup audit',
];

/** Service tokens are issued for a year (the longest the console offers). */
const SERVICE_TOKEN_LIFETIME_DAYS = 365;

/**
 * Token dates: expiring within 14 days, expired, then far off; the pattern
 * cycles so that every case exists.
 */
function serviceTokenDates(rng: Random, nowMs: number, index: number) {
  const phase = index % 5;
  const expiresInDays =
    phase === 0
      ? rng.int(1, 13)
      : phase === 1
      ? -rng.int(3, 90)
      : rng.int(60, 364);
  const expiresMs = nowMs + expiresInDays * DAY_MS;
  const createdMs = expiresMs - SERVICE_TOKEN_LIFETIME_DAYS * DAY_MS;
  return {
    createdMs,
    apiToken: {
      createdAt: isoMicros(createdMs, rng.micros()),
      expiresAt: isoMicros(expiresMs, rng.micros()),
    },
  };
}

/** 2 tenant service users, one per account, one per two sites. */
function serviceAssignments(
  input: PostureInput,
  book: RoleBook,
  rng: Random,
): Assignment[][] {
  const out: Assignment[][] = [
    [{ scope: 'tenant', role: book.named('Viewer') }],
    [{ scope: 'tenant', role: book.named('IR Team') }],
  ];
  for (const account of input.accounts) {
    const scope = scopeKey('account', account.id);
    out.push([{ scope, role: book.pick(rng, scope, ['Viewer', 'SOC']) }]);
  }
  input.sites.forEach((site, s) => {
    const scope = scopeKey('site', site.id);
    if (s % 2 === 1)
      out.push([{ scope, role: book.pick(rng, scope, ['Viewer']) }]);
  });
  return out;
}

function buildServiceUser(
  input: PostureInput,
  tree: ScopeTree,
  rng: Random,
  index: number,
  assignments: Assignment[],
  admin: { id: string; name: string },
): PersonRecord<WireServiceUser> {
  const nowMs = input.now.getTime();
  const home = tree.node(assignments[0].scope);
  const purpose = SERVICE_PURPOSES[index % SERVICE_PURPOSES.length];
  const { createdMs, apiToken } = serviceTokenDates(rng, nowMs, index);
  const record: WireServiceUser = {
    id: postureId(input.seed, POSTURE_ID_KINDS.serviceUser, index),
    name: `${purpose} (${home.name})`,
    description: `${purpose} integration`,
    scope: userScope(home.level),
    scopeRoles: assignments.map((a) => scopeRole(tree, a.scope, a.role)),
    apiToken,
    ...(rng.chance(0.8)
      ? { lastActivation: daysAgo(rng, nowMs, rng.int(0, 10)) }
      : {}),
    createdBy: admin,
    updatedBy: admin,
    createdAt: daysAgo(rng, createdMs, rng.int(0, 200)),
    updatedAt: daysAgo(rng, nowMs, rng.int(0, 99)),
  };
  return { roleScopeKeys: assignments.map((a) => a.scope), record };
}

export function generatePeople(input: PostureInput, tree: ScopeTree): People {
  const nowMs = input.now.getTime();
  const book = buildRoles(input, tree, nowMs);
  const userRng = new Random(input.seed, 'posture-users');
  const users = consoleAssignments(input, book, userRng).map((assignments, u) =>
    buildConsoleUser(input, tree, userRng, u, assignments),
  );
  const admin = { id: users[1].record.id, name: users[1].record.fullName };
  const serviceRng = new Random(input.seed, 'posture-service-users');
  const serviceUsers = serviceAssignments(input, book, serviceRng).map(
    (assignments, k) =>
      buildServiceUser(input, tree, serviceRng, k, assignments, admin),
  );
  for (const person of [...users, ...serviceUsers]) {
    for (const entry of person.record.scopeRoles) {
      const role = book.roles.find((r) => r.record.id === entry.roleId);
      if (role) role.record.usersInRoles++;
    }
  }
  return {
    roles: book.roles,
    users,
    serviceUsers,
    admin,
    system: { id: users[0].record.id, name: users[0].record.fullName },
  };
}
