/**
 * Agent records of `GET /agents`.
 * Written from the vendor's v2.1 specification (response200 of GET /agents in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
import {
  StringBoolean,
  WireMachineType,
  WireMitigationMode,
  WireNetworkStatus,
  WireOsType,
  WireScanStatus,
  WireUserActionNeeded,
} from './common';

export interface WireAgentLocation {
  id?: string;
  name?: string;
  scope?: 'account' | 'global' | 'group' | 'site';
}

export interface WireActiveDirectory {
  mail?: string;
  lastUserMemberOf?: string[];
  computerDistinguishedName?: string;
  computerMemberOf?: string[];
  userPrincipalName?: string;
  lastUserDistinguishedName?: string;
}

export interface WireProxyStates {
  deepVisibility?: boolean;
  console?: boolean;
}

export interface WireTag {
  value?: string;
  assignedBy?: string;
  id?: string;
  key?: string;
  assignedById?: string;
  assignedAt?: string;
}

export interface WireAgentTags {
  sentinelone?: WireTag[];
}

export interface WireNetworkInterface {
  physical?: string;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  gatewayMacAddress?: string | null;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  gatewayIp?: string | null;
  name?: string;
  inet6?: string[];
  inet?: string[];
  id?: string;
}

export interface WireAgent {
  mitigationModeSuspicious?: WireMitigationMode;
  groupIp?: string;
  machineType?: WireMachineType;
  showAlertIcon?: boolean;
  threatRebootRequired?: boolean;
  remoteProfilingStateExpiration?: string;
  id?: string;
  networkStatus?: WireNetworkStatus;
  allowRemoteShell?: boolean;
  missingPermissions?: (
    | 'user_action_needed_fda'
    | 'user_action_needed_rs_fda'
    | 'user_action_needed_fda_helper'
    | 'user_action_needed_fda_sentineld'
    | 'user_action_needed_bluetooth_per'
    | 'user_action_needed_network'
    | 'user_action_needed_notifications'
  )[];
  siteName?: string;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  isUpToDate?: boolean | StringBoolean;
  accountName?: string;
  locationEnabled?: boolean;
  accountId?: string;
  fullDiskScanLastUpdatedAt?: string;
  detectionState?: string;
  lastActiveDate?: string;
  locations?: WireAgentLocation[];
  externalIp?: string;
  domain?: string;
  cpuId?: string;
  scanAbortedAt?: string;
  osUsername?: string;
  activeDirectory?: WireActiveDirectory;
  installerType?:
    | '.msi'
    | '.exe'
    | '.deb'
    | '.rpm'
    | '.bsx'
    | '.pkg'
    | '.img'
    | 'unknown'
    | '.tar'
    | '.zip'
    | '.gz'
    | '.xz';
  storageType?: string;
  scanStartedAt?: string;
  groupId?: string;
  proxyStates?: WireProxyStates;
  operationalState?: string;
  userActionsNeeded?: WireUserActionNeeded[];
  siteId?: string;
  rangerStatus?: 'NotApplicable' | 'Enabled' | 'Disabled';
  remoteProfilingState?: string;
  /** The specification gives no type; consoles send one object per provider. */
  cloudProviders?: WireCloudProviders;
  inRemoteShellSession?: boolean;
  groupUpdatedAt?: string;
  isActive?: boolean;
  infected?: boolean;
  osStartTime?: string;
  osArch?: '32 bit' | '64 bit' | 'ARM64';
  appsVulnerabilityStatus?: 'patch_required' | 'up_to_date' | 'not_applicable';
  scanFinishedAt?: string;
  operationalStateExpiration?: string;
  isDecommissioned?: boolean;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  lastSuccessfulScanDate?: string | null;
  agentVersion?: string;
  rangerVersion?: string;
  tags?: WireAgentTags;
  networkQuarantineEnabled?: boolean;
  osType?: WireOsType;
  scanStatus?: WireScanStatus;
  osRevision?: string;
  mitigationMode?: WireMitigationMode;
  groupName?: string;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  firewallEnabled?: boolean | StringBoolean;
  updatedAt?: string;
  uuid?: string;
  computerName?: string;
  lastLoggedInUserName?: string;
  modelName?: string;
  policyUpdatedAt?: string;
  storageName?: string;
  osName?: string;
  externalId?: string;
  coreCount?: number;
  isPendingUninstall?: boolean;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  encryptedApplications?: boolean | StringBoolean;
  createdAt?: string;
  licenseKey?: string;
  registeredAt?: string;
  isUninstalled?: boolean;
  activeThreats?: number;
  networkInterfaces?: WireNetworkInterface[];
  firstFullModeTime?: string;
  lastIpToMgmt?: string;
  totalMemory?: number;
  cpuCount?: number;
  locationType?: 'not_applicable' | 'not_supported' | 'specific' | 'fallback';
  consoleMigrationStatus?: 'N/A' | 'Pending' | 'Migrated' | 'Failed';
  serialNumber?: string;
}

/**
 * One cloud provider's view of the instance an agent runs on. The specification
 * leaves `cloudProviders` untyped; these names are those of the agent list's
 * cloud filters (`cloudInstanceId__contains`, `cloudInstanceSize__contains`,
 * `cloudLocation__contains`, `cloudAccount__contains`, ...).
 */
export interface WireCloudProvider {
  cloudAccount?: string;
  cloudInstanceId?: string;
  cloudInstanceSize?: string;
  cloudLocation?: string;
  cloudImage?: string;
  cloudNetwork?: string;
  cloudTags?: string[];
  awsRole?: string;
  awsSecurityGroups?: string[];
  awsSubnetIds?: string[];
}

/** Keyed by provider: `AWS`, `Azure`, `GCP`. */
export type WireCloudProviders = Record<string, WireCloudProvider>;
