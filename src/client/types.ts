/**
 * Payloads of the SentinelOne Management API v2.1, as far as this integration
 * reads them. Every field may be null or missing in practice: the API omits
 * objects freely, so converters must treat each one as optional.
 *
 * Ids are numeric strings longer than 2^53: they stay strings.
 */

export type IsoDate = string;

export interface S1ErrorBody {
  errors?: {
    code?: number;
    title?: string;
    detail?: string | Record<string, unknown> | null;
  }[];
}

export interface S1Pagination {
  totalItems?: number | null;
  nextCursor?: string | null;
}

export interface S1Page<T> {
  data: T[];
  pagination?: S1Pagination;
}

export interface S1SystemInfo {
  build?: string | null;
  version?: string | null;
  release?: string | null;
  patch?: string | null;
  latestAgentVersion?: string | null;
}

export interface S1ApiTokenDetails {
  createdAt?: IsoDate | null;
  expiresAt?: IsoDate | null;
}

export interface S1Account {
  id: string;
  name?: string | null;
  accountType?: string | null;
  state?: string | null;
  isDefault?: boolean | null;
  activeAgents?: number | null;
  numberOfSites?: number | null;
  totalLicenses?: number | null;
  expiration?: IsoDate | null;
  unlimitedExpiration?: boolean | null;
  billingMode?: string | null;
  usageType?: string | null;
  externalId?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
}

export interface S1Site {
  id: string;
  name?: string | null;
  accountId?: string | null;
  accountName?: string | null;
  state?: string | null;
  siteType?: string | null;
  suite?: string | null;
  sku?: string | null;
  isDefault?: boolean | null;
  activeLicenses?: number | null;
  totalLicenses?: number | null;
  unlimitedLicenses?: boolean | null;
  expiration?: IsoDate | null;
  unlimitedExpiration?: boolean | null;
  healthStatus?: boolean | null;
  externalId?: string | null;
  description?: string | null;
  creator?: string | null;
  creatorId?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
  /** Secret: enrolls agents into the site. Never stored. */
  registrationToken?: string | null;
}

/** `GET /sites` nests its list: `data: { allSites, sites }`. */
export interface S1SitesData {
  allSites?: { activeLicenses?: number; totalLicenses?: number } | null;
  sites: S1Site[];
}

export interface S1Group {
  id: string;
  name?: string | null;
  siteId?: string | null;
  type?: string | null;
  isDefault?: boolean | null;
  inherits?: boolean | null;
  rank?: number | null;
  totalAgents?: number | null;
  filterId?: string | null;
  filterName?: string | null;
  creator?: string | null;
  creatorId?: string | null;
  description?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
  /** Secret: enrolls agents into the group. Never stored. */
  registrationToken?: string | null;
}

export interface S1NetworkInterface {
  id?: string | null;
  name?: string | null;
  inet?: string[] | null;
  inet6?: string[] | null;
  physical?: string | null;
  gatewayIp?: string | null;
  gatewayMacAddress?: string | null;
}

export interface S1Tag {
  id?: string | null;
  key?: string | null;
  value?: string | null;
  assignedAt?: IsoDate | null;
  assignedBy?: string | null;
  assignedById?: string | null;
}

export interface S1ActiveDirectory {
  computerDistinguishedName?: string | null;
  computerMemberOf?: string[] | null;
  lastUserDistinguishedName?: string | null;
  lastUserMemberOf?: string[] | null;
  userPrincipalName?: string | null;
  mail?: string | null;
}

/** The agent's cloud instance, under its provider in `cloudProviders`. */
export interface S1CloudInstance {
  cloudAccount?: string | null;
  cloudImage?: string | null;
  cloudInstanceId?: string | null;
  cloudInstanceSize?: string | null;
  cloudLocation?: string | null;
  cloudNetwork?: string | null;
}

export interface S1Agent {
  id: string;
  uuid?: string | null;
  computerName?: string | null;
  domain?: string | null;
  osType?: string | null;
  osName?: string | null;
  osRevision?: string | null;
  osArch?: string | null;
  osUsername?: string | null;
  machineType?: string | null;
  modelName?: string | null;
  serialNumber?: string | null;
  /** Numbers (and, below, booleans) marked `| string` arrive as strings in some consoles' records. */
  cpuCount?: number | string | null;
  coreCount?: number | string | null;
  totalMemory?: number | string | null;
  agentVersion?: string | null;
  isUpToDate?: boolean | string | null;
  isActive?: boolean | null;
  isDecommissioned?: boolean | null;
  isUninstalled?: boolean | null;
  isPendingUninstall?: boolean | null;
  infected?: boolean | null;
  activeThreats?: number | string | null;
  threatRebootRequired?: boolean | null;
  networkStatus?: string | null;
  lastActiveDate?: IsoDate | null;
  registeredAt?: IsoDate | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
  lastIpToMgmt?: string | null;
  externalIp?: string | null;
  networkInterfaces?: S1NetworkInterface[] | null;
  siteId?: string | null;
  siteName?: string | null;
  groupId?: string | null;
  groupName?: string | null;
  accountId?: string | null;
  accountName?: string | null;
  mitigationMode?: string | null;
  mitigationModeSuspicious?: string | null;
  scanStatus?: string | null;
  lastSuccessfulScanDate?: IsoDate | null;
  firewallEnabled?: boolean | string | null;
  encryptedApplications?: boolean | null;
  appsVulnerabilityStatus?: string | null;
  operationalState?: string | null;
  lastLoggedInUserName?: string | null;
  externalId?: string | null;
  installerType?: string | null;
  activeDirectory?: S1ActiveDirectory | null;
  /** Keyed by provider (`AWS`, `Azure`, `GCP`); `{}` off the cloud. */
  cloudProviders?: Record<string, S1CloudInstance | null> | null;
  tags?: { sentinelone?: S1Tag[] | null } | null;
  /** Secret: the site's licence key. Never stored. */
  licenseKey?: string | null;
}

export interface S1ThreatInfo {
  threatId?: string | null;
  threatName?: string | null;
  classification?: string | null;
  classificationSource?: string | null;
  confidenceLevel?: string | null;
  analystVerdict?: string | null;
  incidentStatus?: string | null;
  mitigationStatus?: string | null;
  sha1?: string | null;
  sha256?: string | null;
  md5?: string | null;
  filePath?: string | null;
  fileSize?: number | null;
  detectionType?: string | null;
  initiatedBy?: string | null;
  originatorProcess?: string | null;
  storyline?: string | null;
  publisherName?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
  identifiedAt?: IsoDate | null;
  rebootRequired?: boolean | null;
  automaticallyResolved?: boolean | null;
  externalTicketId?: string | null;
}

export interface S1AgentRealtimeInfo {
  agentId?: string | null;
  agentUuid?: string | null;
  agentComputerName?: string | null;
  agentOsType?: string | null;
  agentIsActive?: boolean | null;
  agentIsDecommissioned?: boolean | null;
  siteId?: string | null;
  siteName?: string | null;
  groupId?: string | null;
  groupName?: string | null;
  accountId?: string | null;
  accountName?: string | null;
}

export interface S1Threat {
  id: string;
  threatInfo?: S1ThreatInfo | null;
  agentRealtimeInfo?: S1AgentRealtimeInfo | null;
}

/** `GET /application-management/inventory`: one row per vendor + name. */
export interface S1Application {
  applicationName?: string | null;
  applicationVendor?: string | null;
  applicationVersionsCount?: number | null;
  endpointsCount?: number | null;
  estimate?: boolean | null;
}

/** `GET /application-management/inventory/endpoints`: installs of one app. */
export interface S1ApplicationInstall {
  id: string;
  endpointId?: string | null;
  endpointUuid?: string | null;
  endpointName?: string | null;
  endpointType?: string | null;
  version?: string | null;
  applicationInstallationDate?: IsoDate | null;
  applicationInstallationPath?: string | null;
  detectionDate?: IsoDate | null;
  osType?: string | null;
  siteName?: string | null;
  groupName?: string | null;
  accountName?: string | null;
}

/** `GET /application-management/risks`: one row per endpoint x CVE. */
export interface S1Risk {
  id: string;
  cveId?: string | null;
  applicationName?: string | null;
  applicationVendor?: string | null;
  applicationVersion?: string | null;
  endpointId?: string | null;
  endpointUuid?: string | null;
  endpointName?: string | null;
  severity?: string | null;
  baseScore?: number | string | null;
  nvdBaseScore?: number | string | null;
  cvssVersion?: string | null;
  riskScore?: number | string | null;
  exploitCodeMaturity?: string | null;
  remediationLevel?: string | null;
  reportConfidence?: string | null;
  publishedDate?: IsoDate | null;
  detectionDate?: IsoDate | null;
  daysDetected?: number | null;
  lastScanDate?: IsoDate | null;
  lastScanResult?: string | null;
  status?: string | null;
  mitigationStatus?: string | null;
  markType?: string | null;
}

// ---- Posture: policies, exclusions, console users, service users, roles ----

/** `on` / `off`, as the policy payload states each engine. */
export type S1Switch = 'on' | 'off';

export const POLICY_ENGINES = [
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
export type S1PolicyEngine = (typeof POLICY_ENGINES)[number];

/**
 * `GET /tenant/policy`, `/accounts|sites|groups/{id}/policy`: the policy in
 * force at that scope. No `id`: a policy is known by its scope.
 */
export interface S1Policy {
  mitigationMode?: string | null;
  mitigationModeSuspicious?: string | null;
  autoMitigationAction?: string | null;
  antiTamperingOn?: boolean | string | null;
  engines?: Partial<Record<S1PolicyEngine, S1Switch | string | null>> | null;
  snapshotsOn?: boolean | string | null;
  scanNewAgents?: boolean | string | null;
  networkQuarantineOn?: boolean | string | null;
  allowRemoteShell?: boolean | string | null;
  autoDecommissionOn?: boolean | string | null;
  autoDecommissionDays?: number | string | null;
  agentLoggingOn?: boolean | string | null;
  isDefault?: boolean | string | null;
  /** The parent level it inherits from (`site|account|global`); null when edited here. */
  inheritedFrom?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
  userId?: string | null;
  userFullName?: string | null;
}

/** The scopes an exclusion applies to. */
export interface S1RuleScope {
  tenant?: boolean | null;
  accountIds?: string[] | null;
  siteIds?: string[] | null;
  groupIds?: string[] | null;
}

/** `GET /exclusions` row. */
export interface S1Exclusion {
  id: string;
  type?: string | null;
  value?: string | null;
  mode?: string | null;
  osType?: string | null;
  source?: string | null;
  pathExclusionType?: string | null;
  /** `Not recommended`, `Not allowed` or `NONE`. */
  notRecommended?: string | null;
  description?: string | null;
  userId?: string | null;
  userName?: string | null;
  scope?: S1RuleScope | null;
  scopeName?: string | null;
  scopePath?: string | null;
  imported?: boolean | string | null;
  applicationName?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
}

/** One role a user holds at one scope; `id`/`name` are the scope's (none at tenant level). */
export interface S1ScopeRole {
  id?: string | null;
  name?: string | null;
  accountName?: string | null;
  roleId?: string | null;
  roleName?: string | null;
  roles?: string[] | null;
}

/** When an API token was made and expires: the API never sends it here. */
export interface S1ApiTokenDates {
  createdAt?: IsoDate | null;
  expiresAt?: IsoDate | null;
}

/** `GET /users` row (console users). */
export interface S1User {
  id: string;
  email?: string | null;
  fullName?: string | null;
  emailVerified?: boolean | string | null;
  /** `tenant`, `account` or `site`: the level of every role the user holds. */
  scope?: string | null;
  /** `mgmt` (local sign-in), `sso_saml` or `active_directory`. */
  source?: string | null;
  scopeRoles?: S1ScopeRole[] | null;
  twoFaEnabled?: boolean | string | null;
  twoFaConfigured?: boolean | string | null;
  primaryTwoFaMethod?: string | null;
  firstLogin?: IsoDate | null;
  lastLogin?: IsoDate | null;
  dateJoined?: IsoDate | null;
  apiToken?: S1ApiTokenDates | null;
  canGenerateApiToken?: boolean | string | null;
  isSystem?: boolean | string | null;
}

/** `GET /service-users` row. */
export interface S1ServiceUser {
  id: string;
  name?: string | null;
  description?: string | null;
  scope?: string | null;
  scopeRoles?: S1ScopeRole[] | null;
  apiToken?: S1ApiTokenDates | null;
  lastActivation?: IsoDate | null;
  createdBy?: { id?: string | null; name?: string | null } | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
}

/** `GET /rbac/roles` row. */
export interface S1Role {
  id: string;
  name?: string | null;
  description?: string | null;
  predefinedRole?: boolean | string | null;
  scope?: string | null;
  scopeId?: string | null;
  accountName?: string | null;
  siteName?: string | null;
  usersInRoles?: number | string | null;
  creator?: string | null;
  updatedBy?: string | null;
  createdAt?: IsoDate | null;
  updatedAt?: IsoDate | null;
}
