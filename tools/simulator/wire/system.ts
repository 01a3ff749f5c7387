/**
 * Single-object answers: system info, the token's user, api-token-details.
 * Written from the vendor's v2.1 specification (response200 of GET /system/info, GET /user, POST /users/api-token-details in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
export interface WireSystemInfo {
  version?: string;
  latestAgentVersion?: string;
  release?: string;
  patch?: string;
  build?: string;
}

export interface WireUserScopeRole {
  roleId?: string;
  name: string;
  roleName?: string;
  accountName: string;
  roles?: string[];
  id?: string;
}

export interface WireUserSiteRole {
  roleId?: string;
  name: string;
  roleName?: string;
  roles?: string[];
  id: string;
}

export interface WireUserApiToken {
  expiresAt?: string;
  createdAt?: string;
}

export interface WireUser {
  firstLogin?: string;
  lowestRole?: string;
  twoFaEnabledReadOnly?: boolean;
  primaryTwoFaMethod?: string;
  tenantRoles?: unknown[];
  scopeRoles?: WireUserScopeRole[];
  fullName?: string | null;
  agreementUrl?: string;
  elevatedSessionDurationMinutes?: number;
  groupsReadOnly?: boolean;
  siteRoles?: WireUserSiteRole[];
  canGenerateApiToken?: boolean;
  id?: string;
  twoFaEnabled?: boolean;
  lastLogin?: string;
  tfaRecoveryEmail?: string;
  fullNameReadOnly?: boolean;
  twoFaStatus?:
    | 'configured'
    | 'not_configured'
    | 'enrolled'
    | 'enrollment_expired';
  agreedEula?: boolean;
  scope: 'tenant' | 'account' | 'site';
  allowRemoteShell?: boolean;
  emailReadOnly?: boolean;
  email?: string | null;
  isExternalLoginUser?: boolean;
  apiToken?: WireUserApiToken;
  isSystem?: boolean;
  twoFaConfigured?: boolean;
  emailVerified?: boolean;
  source?: string;
  dateJoined?: string;
}

export interface WireTokenDetails {
  expiresAt?: string;
  createdAt?: string;
}
