import {
  createDirectRelationship,
  Entity,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import {
  S1ApiTokenDates,
  S1Role,
  S1ScopeRole,
  S1ServiceUser,
  S1User,
} from '../../client/types';
import { toBoolean, toNumber, toText } from '../../normalize/values';
import { Entities, Relationships } from '../constants';
import { roleKey, userKey } from '../keys';
import { createEntity, parseDate, relationshipKey, requireId } from '../util';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How a console user signs in, by the API's `source`. */
const SIGN_IN_SOURCES: Record<string, string> = {
  mgmt: 'local',
  sso_saml: 'sso',
  active_directory: 'active_directory',
};

/**
 * The `sentinelone_user` of a console user. `mfaEnabled` is SentinelOne's
 * `twoFaEnabled`; the API token is known by its dates only.
 *
 * @throws MalformedRecordError for a user without id or with an unparseable date
 */
export function createUserEntity(user: S1User): Entity {
  const id = requireId(user, 'user');
  const label = `user ${id}`;
  const email = toText(user.email);
  const name = toText(user.fullName) ?? email ?? id;
  const source = toText(user.source);
  return createEntity(user, {
    _key: userKey(id),
    _type: Entities.USER._type,
    _class: Entities.USER._class,
    id,
    name,
    displayName: name,
    username: email ?? id,
    // The data model checks the format: an address it would refuse stays in rawData.
    email: email && EMAIL.test(email) ? email.toLowerCase() : undefined,
    emailVerified: toBoolean(user.emailVerified),
    serviceAccount: false,
    mfaEnabled: toBoolean(user.twoFaEnabled),
    twoFaConfigured: toBoolean(user.twoFaConfigured),
    mfaType: toText(user.primaryTwoFaMethod),
    source: source && (SIGN_IN_SOURCES[source] ?? source),
    scope: toText(user.scope),
    system: toBoolean(user.isSystem),
    roleNames: roleNames(user.scopeRoles),
    canGenerateApiToken: toBoolean(user.canGenerateApiToken),
    ...apiTokenDates(user.apiToken, label),
    firstLoginOn: parseDate(user.firstLogin, 'firstLogin', label),
    lastLoginOn: parseDate(user.lastLogin, 'lastLogin', label),
    createdOn: parseDate(user.dateJoined, 'dateJoined', label),
  });
}

/**
 * The `sentinelone_user` of a service user (`serviceAccount: true`): an
 * identity for API tokens, without sign-in.
 *
 * @throws MalformedRecordError for a service user without id or with an unparseable date
 */
export function createServiceUserEntity(serviceUser: S1ServiceUser): Entity {
  const id = requireId(serviceUser, 'service user');
  const label = `service user ${id}`;
  const name = toText(serviceUser.name) ?? id;
  return createEntity(serviceUser, {
    _key: userKey(id),
    _type: Entities.USER._type,
    _class: Entities.USER._class,
    id,
    name,
    displayName: name,
    username: name,
    description: toText(serviceUser.description),
    serviceAccount: true,
    scope: toText(serviceUser.scope),
    roleNames: roleNames(serviceUser.scopeRoles),
    ...apiTokenDates(serviceUser.apiToken, label),
    lastActivationOn: parseDate(
      serviceUser.lastActivation,
      'lastActivation',
      label,
    ),
    createdBy: toText(serviceUser.createdBy?.name),
    createdOn: parseDate(serviceUser.createdAt, 'createdAt', label),
    updatedOn: parseDate(serviceUser.updatedAt, 'updatedAt', label),
  });
}

/**
 * When the user's API token was made and when it expires: all the graph
 * holds of a token.
 *
 * @throws MalformedRecordError for a date that is not one
 */
function apiTokenDates(
  apiToken: S1ApiTokenDates | null | undefined,
  recordLabel: string,
): { apiTokenCreatedOn?: number; apiTokenExpiresOn?: number } {
  return {
    apiTokenCreatedOn: parseDate(
      apiToken?.createdAt,
      'apiToken.createdAt',
      recordLabel,
    ),
    apiTokenExpiresOn: parseDate(
      apiToken?.expiresAt,
      'apiToken.expiresAt',
      recordLabel,
    ),
  };
}

function roleNames(scopeRoles: S1ScopeRole[] | null | undefined): string[] {
  const names = (scopeRoles ?? [])
    .map((role) => toText(role.roleName))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

/**
 * The `sentinelone_role` of a role: SentinelOne's predefined ones (Admin,
 * IR Team, SOC, Viewer…) are system roles.
 *
 * @throws MalformedRecordError for a role without id or with an unparseable date
 */
export function createRoleEntity(role: S1Role): Entity {
  const id = requireId(role, 'role');
  const label = `role ${id}`;
  const name = toText(role.name) ?? id;
  const predefinedRole = toBoolean(role.predefinedRole);
  return createEntity(role, {
    _key: roleKey(id),
    _type: Entities.ROLE._type,
    _class: Entities.ROLE._class,
    id,
    name,
    displayName: name,
    description: toText(role.description),
    predefinedRole,
    systemRole: predefinedRole,
    scope: toText(role.scope),
    scopeId: toText(role.scopeId),
    accountName: toText(role.accountName),
    siteName: toText(role.siteName),
    usersInRoles: toNumber(role.usersInRoles),
    createdBy: toText(role.creator),
    updatedBy: toText(role.updatedBy),
    createdOn: parseDate(role.createdAt, 'createdAt', label),
    updatedOn: parseDate(role.updatedAt, 'updatedAt', label),
  });
}

/**
 * One user ASSIGNED role per role the user holds, with the scope of the
 * assignment on the relationship: the same role held at two sites is two
 * assignments, so the scope id is part of the `_key`.
 */
export function createUserAssignedRoleRelationships(
  userEntityKey: string,
  scopeLevel: string | null | undefined,
  scopeRoles: S1ScopeRole[] | null | undefined,
): Relationship[] {
  const metadata = Relationships.USER_ASSIGNED_ROLE;
  const relationships: Relationship[] = [];
  for (const assignment of scopeRoles ?? []) {
    const roleId = toText(assignment.roleId);
    if (!roleId) continue;
    const toKey = roleKey(roleId);
    const scopeId = toText(assignment.id);
    relationships.push(
      createDirectRelationship({
        _class: metadata._class,
        fromKey: userEntityKey,
        fromType: metadata.sourceType,
        toKey,
        toType: metadata.targetType,
        properties: {
          _type: metadata._type,
          _key: [
            relationshipKey(userEntityKey, metadata._class, toKey),
            scopeId ?? 'tenant',
          ].join('|'),
          scopeLevel: toText(scopeLevel),
          scopeId,
          scopeName: toText(assignment.name),
          accountName: toText(assignment.accountName),
          roleName: toText(assignment.roleName),
        },
      }),
    );
  }
  return relationships;
}
