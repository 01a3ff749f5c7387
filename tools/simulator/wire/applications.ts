/**
 * Application Management records: inventory rows, installs (inventory/endpoints) and CVE risks.
 * Written from the vendor's v2.1 specification (response200 of the three application-management lists in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
export interface WireInventoryRow {
  estimate?: boolean;
  applicationName?: string;
  applicationVersionsCount?: number;
  applicationVendor?: string;
  endpointsCount?: number;
}

export interface WireInstall {
  osType?: 'linux' | 'macos' | 'windows' | 'windows_legacy';
  coreCount?: number;
  endpointName?: string;
  endpointUuid?: string;
  fileSize?: number;
  id?: string;
  groupName?: string;
  siteName?: string;
  cpe?: unknown;
  accountName?: string;
  endpointId?: string;
  applicationInstallationDate?: string;
  cpuCount?: number;
  version?: string;
  osName?: string;
  applicationName?: string;
  applicationInstallationPath?: string;
  detectionDate?: string;
  osArch?: string;
  osVersion?: string;
  endpointType?: string;
}

export interface WireRisk {
  osType?: 'linux' | 'macos' | 'windows' | 'windows_legacy';
  mitigationStatusChangedBy?: string;
  mitigationStatusChangeTime?: string;
  nvdCvssVersion?: string;
  lastScanResult?: string;
  endpointName?: string;
  applicationVersion?: string;
  severity?: string;
  id?: string;
  mitigationStatusReason?: string;
  endpointId?: string;
  nvdBaseScore?: string;
  daysDetected?: number;
  publishedDate?: string;
  cvssVersion?: string;
  status?: 'Detected' | 'Removed';
  markedBy?: string;
  riskScore?: string;
  markType?: unknown;
  exploitCodeMaturity?:
    | 'Not Defined'
    | 'Unproven'
    | 'Proof of Concept'
    | 'Functional'
    | 'High'
    | null;
  applicationName?: string;
  lastScanDate?: string;
  reason?: string;
  reportConfidence?:
    | 'Not Defined'
    | 'Unknown'
    | 'Reasonable'
    | 'Confirmed'
    | null;
  markedDate?: string;
  cveId?: string;
  application?: string;
  baseScore?: string;
  detectionDate?: string;
  mitigationStatus?: 'Not mitigated' | 'To be patched' | 'On hold';
  applicationVendor?: string;
  remediationLevel?:
    | 'Not Defined'
    | 'Official Fix'
    | 'Temporary Fix'
    | 'Workaround'
    | 'Unavailable'
    | null;
  endpointType?: string;
}
