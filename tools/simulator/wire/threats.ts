/**
 * Threat records of `GET /threats`.
 * Written from the vendor's v2.1 specification (response200 of GET /threats in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
import {
  WireMachineType,
  WireMitigationMode,
  WireNetworkStatus,
  WireOsType,
  WireScanStatus,
  WireUserActionNeeded,
} from './common';
export interface WireMacroModule {
  moduleName?: string;
  sha1?: string;
}

export interface WireThreatInfo {
  certificateId?: string;
  incidentStatusDescription?: unknown;
  updatedAt?: string;
  md5?: string;
  isValidCertificate?: boolean;
  failedActions?: boolean;
  processUser?: string;
  filePath?: unknown;
  identifiedAt?: string;
  browserType?: string;
  fileExtensionType?: string;
  detectionType?: 'static' | 'dynamic' | null;
  /** Deviation: see REAL_WORLD_DEVIATIONS. */
  externalTicketId?: string | null;
  sha256?: string;
  fileExtension?: string;
  createdAt?: string;
  threatName?: string;
  cloudFilesHashVerdict?: string;
  fileVerificationType?: string;
  isFileless?: unknown;
  collectionId?: string;
  confidenceLevel?: 'malicious' | 'suspicious' | 'n/a';
  mitigationStatus?: 'not_mitigated' | 'mitigated' | 'marked_as_benign';
  macroModules?: WireMacroModule[];
  detectionEngines?: unknown;
  classification?: string;
  maliciousProcessArguments?: string;
  automaticallyResolved?: boolean;
  pendingActions?: boolean;
  reachedEventsLimit?: boolean;
  analystVerdictDescription?: unknown;
  initiatedByDescription?: unknown;
  classificationSource?: 'Cloud' | 'Behavioral' | 'Static' | 'Engine' | null;
  initiatingUserId?: string;
  publisherName?: string;
  sha1: string;
  initiatedBy?:
    | 'agent_policy'
    | 'full_disk_scan'
    | 'sentinelctl'
    | 'dv_command'
    | 'console_api'
    | 'on_demand_scan'
    | 'star_active'
    | 'star_manual'
    | 'cloud_detection'
    | 'threat_intelligence'
    | 'watchtower_cloud_detection'
    | 'multiple';
  fileSize?: number;
  initiatingUsername?: string;
  originatorProcess?: string;
  mitigationStatusDescription?: unknown;
  rebootRequired?: boolean;
  storyline?: string;
  engines?: unknown;
  incidentStatus?: 'unresolved' | 'in_progress' | 'resolved';
  analystVerdict?:
    | 'undefined'
    | 'true_positive'
    | 'false_positive'
    | 'suspicious';
  externalTicketExists?: unknown;
  mitigatedPreemptively?: boolean;
  threatId?: string;
}

export interface WireAgentDetectionInfo {
  agentOsName?: string | null;
  agentDetectionState?: string | null;
  agentIpV4?: string | null;
  agentVersion?: string | null;
  agentDomain?: string | null;
  agentUuid?: string | null;
  accountId?: string | null;
  siteId?: string | null;
  agentLastLoggedInUserMail?: string | null;
  groupName?: string | null;
  externalIp?: string | null;
  siteName?: string | null;
  accountName?: string | null;
  agentOsRevision?: string | null;
  agentLastLoggedInUserName?: string | null;
  agentIpV6?: string | null;
  agentLastLoggedInUpn?: string | null;
  agentRegisteredAt?: string | null;
  cloudProviders?: unknown;
  groupId?: string | null;
  agentMitigationMode?: 'detect' | 'protect' | null;
}

export interface WireRealtimeNetworkInterface {
  physical?: string;
  name?: string;
  inet6?: string[];
  inet?: string[];
  id?: string;
}

export interface WireAgentRealtimeInfo {
  agentUuid?: string;
  agentIsActive?: boolean;
  agentComputerName?: string;
  agentDomain?: string;
  agentDecommissionedAt?: boolean;
  agentMachineType?: WireMachineType;
  storageName?: string;
  agentOsName?: string;
  agentId?: string;
  scanAbortedAt?: string;
  scanFinishedAt?: string;
  agentIsDecommissioned?: boolean;
  agentVersion?: string;
  storageType?: string;
  activeThreats?: number;
  groupId?: string;
  scanStartedAt?: string;
  networkInterfaces?: WireRealtimeNetworkInterface[];
  agentNetworkStatus?: WireNetworkStatus;
  operationalState?: string;
  siteName?: string;
  userActionsNeeded?: WireUserActionNeeded[];
  agentOsType?: WireOsType;
  scanStatus?: WireScanStatus;
  rebootRequired?: boolean;
  siteId?: string;
  accountName?: string;
  agentInfected?: boolean;
  agentOsRevision?: string;
  agentMitigationMode?: WireMitigationMode;
  accountId?: string;
  groupName?: string;
}

export interface WireMitigationActionsCounters {
  total?: number;
  pendingReboot?: number;
  failed?: number;
  success?: number;
  notFound?: number;
}

export interface WireMitigationStatus {
  lastUpdate?: string;
  groupNotFound?: boolean;
  action?:
    | 'kill'
    | 'remediate'
    | 'rollback'
    | 'quarantine'
    | 'unquarantine'
    | 'network_quarantine'
    | 'remove_macros'
    | 'restore_macros';
  latestReport?: string;
  agentSupportsReport?: boolean;
  mitigationStartedAt?: string;
  status?:
    | 'success'
    | 'failed'
    | 'pending-reboot'
    | 'pending'
    | 'sent'
    | 'partial';
  actionsCounters?: WireMitigationActionsCounters;
  reportId?: string;
  mitigationEndedAt?: string;
}

export interface WireIndicatorTactic {
  name?: string;
  techniques?: unknown[];
  source?: string;
}

export interface WireIndicator {
  categoryId?: number;
  description?: string;
  tactics?: WireIndicatorTactic[];
  category?: string;
  ids?: number[];
}

export interface WireContainerInfo {
  isContainerQuarantine?: boolean;
  image?: string;
  name?: string;
  labels?: string[];
  id?: string;
}

export interface WireKubernetesInfo {
  isContainerQuarantine?: boolean;
  namespace?: string;
  nodeLabels?: string[];
  controllerKind?: string;
  controllerName?: string;
  controllerLabels?: string[];
  pod?: string;
  namespaceLabels?: string[];
  podLabels?: string[];
  cluster?: string;
  node?: string;
}

export interface WireThreat {
  threatInfo?: WireThreatInfo;
  agentDetectionInfo?: WireAgentDetectionInfo;
  agentRealtimeInfo?: WireAgentRealtimeInfo;
  mitigationStatus?: WireMitigationStatus[];
  indicators?: WireIndicator[];
  containerInfo?: WireContainerInfo;
  whiteningOptions?: string[];
  id?: string;
  kubernetesInfo?: WireKubernetesInfo;
}
