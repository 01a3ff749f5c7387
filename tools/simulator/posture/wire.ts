/**
 * Wire types of the posture endpoints, written from the vendor's v2.1 spec
 * (`sentinelone-v2.1-schemas.json`): only the fields the simulator serves, with
 * the spec's enums. Optional where the simulator leaves a field out on some
 * records (the spec marks almost nothing required).
 */

export const MITIGATION_MODES = ['detect', 'protect'] as const;
export type MitigationMode = (typeof MITIGATION_MODES)[number];

export const POLICY_INHERITED_FROM = ['site', 'account', 'global'] as const;
export type PolicyInheritedFrom = (typeof POLICY_INHERITED_FROM)[number];

export const ENGINE_NAMES = [
  'preExecution',
  'preExecutionSuspicious',
  'executables',
  'exploits',
  'lateralMovement',
  'penetration',
  'reputation',
  'pup',
  'dataFiles',
  'remoteShell',
  'applicationControl',
] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
export type EngineState = 'on' | 'off';

/** `GET /tenant/policy`, `/accounts|sites|groups/{id}/policy` → `data`. No `id`. */
export interface WirePolicy {
  mitigationMode: MitigationMode;
  mitigationModeSuspicious: MitigationMode;
  autoMitigationAction: string;
  antiTamperingOn: boolean;
  engines: Record<EngineName, EngineState>;
  snapshotsOn: boolean;
  scanNewAgents: boolean;
  networkQuarantineOn: boolean;
  allowRemoteShell: boolean;
  autoDecommissionOn: boolean;
  autoDecommissionDays: number;
  agentLoggingOn: boolean;
  agentUiOn: boolean;
  monitorOnWrite: boolean;
  monitorOnExecute: boolean;
  removeMacros: boolean;
  iocSupported: boolean;
  isDefault: boolean;
  inheritedFrom: PolicyInheritedFrom | null;
  createdAt: string;
  updatedAt: string;
  userId: string;
  userFullName: string;
}

export const EXCLUSION_TYPES = [
  'path',
  'certificate',
  'browser',
  'file_type',
  'white_hash',
  'dv_exclusions',
] as const;
export type ExclusionType = (typeof EXCLUSION_TYPES)[number];

export const EXCLUSION_MODES = [
  'suppress',
  'suppress_dynamic_only',
  'suppress_dfi_only',
  'disable_in_process_monitor',
  'disable_in_process_monitor_deep',
  'disable_all_monitors',
  'disable_all_monitors_deep',
  'suppress_app_control',
] as const;
export type ExclusionMode = (typeof EXCLUSION_MODES)[number];

export const EXCLUSION_SOURCES = [
  'user',
  'cloud',
  'action_from_threat',
  'catalog',
] as const;
export type ExclusionSource = (typeof EXCLUSION_SOURCES)[number];

export const PATH_EXCLUSION_TYPES = ['file', 'folder', 'subfolders'] as const;
export type PathExclusionType = (typeof PATH_EXCLUSION_TYPES)[number];

export const OS_TYPES = [
  'windows',
  'windows_legacy',
  'linux',
  'macos',
] as const;
export type OsType = (typeof OS_TYPES)[number];

/** Values of `notRecommended` (the spec's `recommendations` filter enum). */
export const RECOMMENDATIONS = [
  'Not recommended',
  'Not allowed',
  'NONE',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface WireRuleScope {
  tenant: boolean;
  accountIds: string[];
  siteIds: string[];
  groupIds: string[];
}

/** Fields shared by `GET /exclusions` and `GET /restrictions` rows. */
export interface WireScopedRule {
  id: string;
  type: string;
  value: string;
  osType: OsType;
  source: ExclusionSource;
  description: string;
  userId: string;
  userName: string;
  scope: WireRuleScope;
  scopeName: string;
  scopePath: string;
  notRecommended: Recommendation;
  imported: boolean;
  includeChildren: boolean;
  includeParents: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WireExclusion extends WireScopedRule {
  type: ExclusionType;
  mode: ExclusionMode | null;
  pathExclusionType: PathExclusionType | null;
  applicationName: string | null;
  inAppInventory: boolean;
}

/** `GET /restrictions` (blocklist): `type` is always `black_hash`, `value` a SHA1. */
export interface WireRestriction extends WireScopedRule {
  type: 'black_hash';
}

export const USER_SCOPES = ['tenant', 'account', 'site'] as const;
export type UserScope = (typeof USER_SCOPES)[number];

export const USER_SOURCES = ['mgmt', 'sso_saml', 'active_directory'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

/** One role a user holds at one scope. `id`/`name` are the scope's (none for the tenant). */
export interface WireScopeRole {
  id?: string;
  name: string;
  accountName: string;
  roleId: string;
  roleName: string;
  roles: string[];
}

/** Creation and expiry of an API token: never the token itself. */
export interface WireApiTokenDates {
  createdAt: string;
  expiresAt: string;
}

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
