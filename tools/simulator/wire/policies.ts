/**
 * Protection policies: the policy in force at one scope.
 * Written from the vendor's v2.1 specification (response200 of GET /tenant/policy and
 * /accounts|sites|groups/{id}/policy in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): only the fields the
 * simulator serves, with the specification's enums; optional where the
 * simulator leaves a field out on some records.
 */
import { WireMitigationMode } from './common';

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
  mitigationMode: WireMitigationMode;
  mitigationModeSuspicious: WireMitigationMode;
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
