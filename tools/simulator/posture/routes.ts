/**
 * The posture endpoints over a generated posture estate.
 *
 * Behaviour (checks in this order): permission refused → 403 4030010;
 * unknown policy scope → 404 "Policy not found"; a scope outside the token's
 * (tenant or account policy for a site-scoped token, ids of other sites or
 * accounts in a query) → 403 4030010; bad query → 400 4000010; else 200.
 *
 * What a narrower token sees: exclusions and blocklist entries of scopes inside
 * its own (parents asked with `includeParents` are left out); users and
 * service users holding a role inside its scope, with only those `scopeRoles`;
 * roles defined inside its scope plus the predefined (tenant) roles, which
 * every user's `scopeRoles` may point at.
 */
import { PostureEstate } from './generate';
import { HttpError, validation } from '../server/errors';
import { booleanParam, commaList } from '../server/params';
import {
  listSpecParameters,
  filterOn,
  dateRange,
  FilterFactory,
  listPage,
  ListSpec,
} from './lists';
import { PersonRecord, RoleRecord } from './people';
import { ScopedRecord } from './rules';
import { ScopeLevel, scopeKey, scopeVisible, TokenScope } from './scopes';
import {
  EXCLUSION_MODES,
  EXCLUSION_SOURCES,
  EXCLUSION_TYPES,
  OS_TYPES,
  PATH_EXCLUSION_TYPES,
  RECOMMENDATIONS,
  USER_SOURCES,
  WireConsoleUser,
  WireExclusion,
  WireRestriction,
  WireScopedRule,
  WireServiceUser,
} from '../wire';

export const POSTURE_PERMISSIONS = [
  'Policy.view',
  'Exclusions.view',
  'Blacklist.view',
  'Users.view',
  'Service Users.view',
  'Roles.view',
] as const;
export type PosturePermission = (typeof POSTURE_PERMISSIONS)[number];

export interface PostureAccess {
  scope: TokenScope;
  /** Permissions the token's role lacks: their endpoints answer 403 4030010. */
  refusedPermissions?: readonly PosturePermission[];
}

export interface PostureResponse {
  status: number;
  /** JSON-serializable: `{data}` or `{data, pagination}`, or `{errors: [...]}`. */
  body: unknown;
}

export type PostureRoute = (
  method: string,
  apiPath: string,
  query: Record<string, string>,
  access: PostureAccess,
) => PostureResponse | undefined;

/** One request, with what its token may see. */
interface PostureRequest {
  posture: PostureEstate;
  query: Record<string, string>;
  access: PostureAccess;
  /** Whether the token may read records of scope `key`. */
  visible(key: string): boolean;
}

type Handler = (request: PostureRequest, match: RegExpExecArray) => unknown;

/** Each posture endpoint's path (after `/web/api/v2.1`) and the permission it needs. */
const ENDPOINTS = {
  policy: {
    pattern: /^\/(?:(tenant)|(accounts|sites|groups)\/(\d+))\/policy$/,
    permission: 'Policy.view',
  },
  exclusions: { pattern: /^\/exclusions$/, permission: 'Exclusions.view' },
  restrictions: { pattern: /^\/restrictions$/, permission: 'Blacklist.view' },
  users: { pattern: /^\/users$/, permission: 'Users.view' },
  serviceUsers: {
    pattern: /^\/service-users$/,
    permission: 'Service Users.view',
  },
  roles: { pattern: /^\/rbac\/roles$/, permission: 'Roles.view' },
} as const satisfies Record<
  string,
  { pattern: RegExp; permission: PosturePermission }
>;

/** Every path (after `/web/api/v2.1`) of the posture endpoints. */
export const POSTURE_PATH = new RegExp(
  Object.values(ENDPOINTS)
    .map((e) => e.pattern.source)
    .join('|'),
);

const forbidden = (detail: string) =>
  new HttpError({ status: 403, code: 4030010, title: 'Forbidden', detail });
const LEVEL_OF_PATH: Record<string, ScopeLevel> = {
  accounts: 'account',
  sites: 'site',
  groups: 'group',
};
const SCOPE_PARAMS = [
  'tenant',
  'accountIds',
  'siteIds',
  'groupIds',
  'includeParents',
  'includeChildren',
];

function errorResponse({ apiError }: HttpError): PostureResponse {
  const { status, ...error } = apiError;
  return { status, body: { errors: [error] } };
}

/** A `PostureRoute` that also lists the query parameters each list honours. */
export type PostureRouter = PostureRoute & {
  listParameters: Record<string, string[]>;
};

/** Tenant-only, or ids per level, as a query names them. */
function namedScopes(query: Record<string, string>) {
  const tenant =
    query.tenant !== undefined && booleanParam('tenant', query.tenant);
  const named: string[] = [];
  for (const [param, level] of [
    ['accountIds', 'account'],
    ['siteIds', 'site'],
    ['groupIds', 'group'],
  ] as const) {
    if (query[param] === undefined) continue;
    const ids = commaList(param, query[param]);
    named.push(...ids.map((id) => scopeKey(level, id)));
  }
  if (tenant && named.length) {
    throw validation(
      'tenant=true lists tenant-scope records only: do not combine it with accountIds, siteIds or groupIds',
    );
  }
  return tenant ? ['tenant'] : named;
}

/**
 * Scope keys a query names (`tenant=true`, `accountIds`, …), widened by
 * includeParents/includeChildren; null when it names none and none is
 * required. Naming a scope outside the token's is a 403.
 */
function requestedScopes(
  { posture: { tree }, query, visible }: PostureRequest,
  defaults: { includeParents: boolean; required: boolean },
): Set<string> | null {
  const keys = namedScopes(query);
  if (!keys.length) {
    if (!defaults.required) return null;
    throw validation(
      'Specify tenant=true for tenant-scope records, or accountIds, siteIds or groupIds for records of those scopes',
    );
  }
  const outside = keys.filter((key) => tree.nodes.has(key) && !visible(key));
  if (outside.length) {
    throw forbidden(
      `Access to ${outside.join(', ')} is not allowed for this token`,
    );
  }
  const includeParents =
    query.includeParents === undefined
      ? defaults.includeParents
      : booleanParam('includeParents', query.includeParents);
  const includeChildren =
    query.includeChildren !== undefined &&
    booleanParam('includeChildren', query.includeChildren);
  const out = new Set(keys);
  for (const key of keys.filter((k) => tree.nodes.has(k))) {
    if (includeParents) tree.lineage(key).forEach((k) => out.add(k));
    if (includeChildren) tree.descendants(key).forEach((k) => out.add(k));
  }
  return out;
}

const policy: Handler = ({ posture, access, visible }, m) => {
  const key = m[1] ? 'tenant' : scopeKey(LEVEL_OF_PATH[m[2]], m[3]);
  const answer = posture.policies.get(key);
  if (!answer)
    throw new HttpError({
      status: 404,
      code: 4040010,
      title: 'Not Found',
      detail: 'Policy not found',
    });
  if (!visible(key)) {
    throw forbidden(`Action is not allowed to ${access.scope.level} users`);
  }
  return { data: answer.policy };
};

const scopedRules =
  <T extends WireScopedRule>(
    records: ScopedRecord<T>[],
    spec: ListSpec<ScopedRecord<T>>,
  ): Handler =>
  (request) => {
    const keys = requestedScopes(request, {
      includeParents: false,
      required: true,
    })!;
    const chosen = records.filter(
      (r) => keys.has(r.scopeKey) && request.visible(r.scopeKey),
    );
    return listPage(spec, chosen, request.query);
  };

const people =
  <T extends WireConsoleUser | WireServiceUser>(
    records: PersonRecord<T>[],
    spec: ListSpec<PersonRecord<T>>,
  ): Handler =>
  (request) => {
    requestedScopes(request, { includeParents: false, required: false });
    const chosen = records
      .map((person) => trimToScope(person, request.visible))
      .filter((person): person is PersonRecord<T> => person !== null);
    return listPage(spec, chosen, request.query);
  };

const roles: Handler = (request) => {
  const keys = requestedScopes(request, {
    includeParents: true,
    required: false,
  });
  const chosen = request.posture.roles.filter(
    (r) =>
      (r.record.predefinedRole || request.visible(r.scopeKey)) &&
      (!keys || keys.has(r.scopeKey)),
  );
  return listPage(roleSpec, chosen, request.query);
};

export function postureRouter(posture: PostureEstate): PostureRouter {
  const personSpec = <T extends WireConsoleUser | WireServiceUser>(
    endpoint: string,
    extra: Record<string, FilterFactory<PersonRecord<T>>>,
  ): ListSpec<PersonRecord<T>> => ({
    endpoint,
    filters: { ...personFilters<T>(posture), ...extra },
    toWire: (p) => p.record,
  });
  const userSpec = personSpec('users', consoleUserFilters(posture));
  const serviceUserSpec = personSpec<WireServiceUser>('service-users', {});
  const handlers: Record<keyof typeof ENDPOINTS, Handler> = {
    policy,
    exclusions: scopedRules(posture.exclusions, exclusionSpec),
    restrictions: scopedRules(posture.restrictions, restrictionSpec),
    users: people(posture.users, userSpec),
    serviceUsers: people(posture.serviceUsers, serviceUserSpec),
    roles,
  };
  const listParameters = {
    '/exclusions': listSpecParameters(exclusionSpec),
    '/restrictions': listSpecParameters(restrictionSpec),
    '/users': listSpecParameters(userSpec),
    '/service-users': listSpecParameters(serviceUserSpec),
    '/rbac/roles': listSpecParameters(roleSpec),
  };

  const route: PostureRoute = (method, apiPath, query, access) => {
    if (method !== 'GET') return undefined;
    for (const name of Object.keys(ENDPOINTS) as (keyof typeof ENDPOINTS)[]) {
      const endpoint = ENDPOINTS[name];
      const match = endpoint.pattern.exec(apiPath);
      if (!match) continue;
      const visible = (key: string) =>
        scopeVisible(posture.tree, access.scope, key);
      try {
        if (access.refusedPermissions?.includes(endpoint.permission)) {
          throw forbidden(
            'User has insufficient permissions to perform the requested action',
          );
        }
        const request = { posture, query, access, visible };
        return { status: 200, body: handlers[name](request, match) };
      } catch (error) {
        if (error instanceof HttpError) return errorResponse(error);
        throw error;
      }
    }
    return undefined;
  };
  return Object.assign(route, { listParameters });
}

/** The person with only the role assignments inside the token's scope; null when none is. */
function trimToScope<T extends WireConsoleUser | WireServiceUser>(
  person: PersonRecord<T>,
  inScope: (key: string) => boolean,
): PersonRecord<T> | null {
  const kept = person.roleScopeKeys.map(inScope);
  if (kept.every(Boolean)) return person;
  if (!kept.some(Boolean)) return null;
  return {
    roleScopeKeys: person.roleScopeKeys.filter((_k, i) => kept[i]),
    record: {
      ...person.record,
      scopeRoles: person.record.scopeRoles.filter((_r, i) => kept[i]),
    },
  };
}

const roleSpec: ListSpec<RoleRecord> = {
  endpoint: 'roles',
  filters: {
    ids: filterOn.oneOf((r) => r.record.id),
    name: filterOn.equals((r) => r.record.name),
  },
  handled: SCOPE_PARAMS,
  toWire: (r) => r.record,
};

function ruleFilters<T extends WireScopedRule>(
  types: readonly string[],
): Record<string, FilterFactory<ScopedRecord<T>>> {
  return {
    ids: filterOn.oneOf((r) => r.record.id),
    types: filterOn.oneOf((r) => r.record.type, types),
    type: filterOn.oneOf((r) => r.record.type, types),
    osTypes: filterOn.oneOf((r) => r.record.osType, OS_TYPES),
    source: filterOn.oneOf((r) => r.record.source, EXCLUSION_SOURCES),
    userIds: filterOn.oneOf((r) => r.record.userId),
    value: filterOn.equals((r) => r.record.value),
    value__contains: filterOn.containsAny((r) => r.record.value),
    description__contains: filterOn.containsAny((r) => r.record.description),
    recommendations: filterOn.oneOf(
      (r) => r.record.notRecommended,
      RECOMMENDATIONS,
    ),
    imported: filterOn.boolean((r) => r.record.imported),
    ...dateRange('createdAt', (r) => r.record.createdAt),
    ...dateRange('updatedAt', (r) => r.record.updatedAt),
  };
}

const exclusionSpec: ListSpec<ScopedRecord<WireExclusion>> = {
  endpoint: 'exclusions',
  filters: {
    ...ruleFilters<WireExclusion>(EXCLUSION_TYPES),
    modes: filterOn.oneOf((r) => r.record.mode, EXCLUSION_MODES),
    pathExclusionTypes: filterOn.oneOf(
      (r) => r.record.pathExclusionType,
      PATH_EXCLUSION_TYPES,
    ),
  },
  handled: SCOPE_PARAMS,
  toWire: (r) => r.record,
};

const restrictionSpec: ListSpec<ScopedRecord<WireRestriction>> = {
  endpoint: 'restrictions',
  filters: ruleFilters<WireRestriction>(['black_hash']),
  handled: SCOPE_PARAMS,
  toWire: (r) => r.record,
};

/** `accountIds` matches a role held at the account or at one of its sites; `siteIds` at the site. */
function personFilters<T extends WireConsoleUser | WireServiceUser>(
  posture: PostureEstate,
): Record<string, FilterFactory<PersonRecord<T>>> {
  const under = (level: ScopeLevel) => (p: PersonRecord<T>) =>
    p.roleScopeKeys
      .flatMap((key) => posture.tree.lineage(key))
      .map((key) => posture.tree.node(key))
      .filter((n) => n.level === level)
      .map((n) => n.id!);
  return {
    ids: filterOn.oneOf((p) => p.record.id),
    roleIds: filterOn.anyOf((p) => p.record.scopeRoles.map((r) => r.roleId)),
    accountIds: filterOn.anyOf(under('account')),
    siteIds: filterOn.anyOf(under('site')),
  };
}

function consoleUserFilters(
  posture: PostureEstate,
): Record<string, FilterFactory<PersonRecord<WireConsoleUser>>> {
  const nowMs = posture.now.getTime();
  return {
    email: filterOn.equals((p) => p.record.email),
    email__contains: filterOn.containsAny((p) => p.record.email),
    fullName: filterOn.equals((p) => p.record.fullName),
    fullName__contains: filterOn.containsAny((p) => p.record.fullName),
    source: filterOn.oneOf((p) => p.record.source, USER_SOURCES),
    sources: filterOn.oneOf((p) => p.record.source, USER_SOURCES),
    twoFaEnabled: filterOn.boolean((p) => p.record.twoFaEnabled),
    emailVerified: filterOn.boolean((p) => p.record.emailVerified),
    canGenerateApiToken: filterOn.boolean((p) => p.record.canGenerateApiToken),
    hasValidApiToken: filterOn.boolean(
      (p) =>
        !!p.record.apiToken && Date.parse(p.record.apiToken.expiresAt) > nowMs,
    ),
    ...dateRange('apiTokenExpiresAt', (p) => p.record.apiToken?.expiresAt),
  };
}
