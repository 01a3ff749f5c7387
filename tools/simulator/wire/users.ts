/**
 * Console users, service users and their roles.
 * Written from the vendor's v2.1 specification (response200 of GET /users,
 * GET /service-users and GET /rbac/roles in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): only the fields the
 * simulator serves, with the specification's enums; optional where the
 * simulator leaves a field out on some records.
 */
import { WireUserApiToken, WireUserScopeRole } from './system';

export const USER_SCOPES = ['tenant', 'account', 'site'] as const;
export type UserScope = (typeof USER_SCOPES)[number];

export const USER_SOURCES = ['mgmt', 'sso_saml', 'active_directory'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

/**
 * One role a user holds at one scope: the entry `GET /user` declares too, with
 * every field the simulator always fills. `id`/`name` are the scope's (no
 * `id` for the tenant).
 */
export type WireScopeRole = Required<Omit<WireUserScopeRole, 'id'>> &
  Pick<WireUserScopeRole, 'id'>;

/** Creation and expiry of an API token (never the token itself), both always given. */
export type WireApiTokenDates = Required<WireUserApiToken>;

/** `GET /users` row. `lastLogin`/`firstLogin` absent: never logged in. */
export interface WireConsoleUser {
  id: string;
  email: string;
  fullName: string;
  emailVerified: boolean;
  scope: UserScope;
  source: UserSource;
  scopeRoles: WireScopeRole[];
  lowestRole: string;
  twoFaEnabled: boolean;
  twoFaConfigured: boolean;
  twoFaStatus: string;
  primaryTwoFaMethod?: string;
  firstLogin?: string;
  lastLogin?: string;
  dateJoined: string;
  apiToken?: WireApiTokenDates;
  canGenerateApiToken: boolean;
  isSystem: boolean;
}

export interface WireActor {
  id: string;
  name: string;
}

/** `GET /service-users` row. */
export interface WireServiceUser {
  id: string;
  name: string;
  description: string;
  scope: UserScope;
  scopeRoles: WireScopeRole[];
  apiToken: WireApiTokenDates;
  lastActivation?: string;
  createdBy: WireActor;
  updatedBy: WireActor;
  createdAt: string;
  updatedAt: string;
}

/** `GET /rbac/roles` row. Tenant roles carry no `scopeId`. */
export interface WireRole {
  id: string;
  name: string;
  description: string;
  predefinedRole: boolean;
  scope: UserScope;
  scopeId?: string;
  accountName?: string;
  siteName?: string;
  usersInRoles: number;
  creator: string;
  creatorId: string;
  updatedBy: string;
  updatedById: string;
  createdAt: string;
  updatedAt: string;
}
