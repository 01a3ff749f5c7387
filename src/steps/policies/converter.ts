import { Entity } from '@jupiterone/integration-sdk-core';

import { PolicyScope } from '../../client';
import { POLICY_ENGINES, S1Policy } from '../../client/types';
import { toBoolean, toNumber, toText } from '../../normalize/values';
import { Entities } from '../constants';
import { policyKey } from '../keys';
import { createEntity, parseDate } from '../util';

/** A scope, its name, and the policy it answered. */
export interface ScopePolicy {
  scope: PolicyScope;
  /** The scope's name, e.g. the site's; undefined for the tenant. */
  scopeName?: string;
  policy: S1Policy;
}

/** A scope and its policy; none for a group that inherits (not requested). */
export type PolicyRead = Omit<ScopePolicy, 'policy'> & { policy?: S1Policy };

/** The policy was edited at this scope (`inheritedFrom` is null). */
export function isOwnPolicy(policy: S1Policy): boolean {
  return !toText(policy.inheritedFrom);
}

/** `preExecution` → `preExecutionEngineOn`: one flat boolean per engine. */
function engineProperties(policy: S1Policy): Record<string, boolean> {
  const properties: Record<string, boolean> = {};
  for (const engine of POLICY_ENGINES) {
    const on = toBoolean(policy.engines?.[engine]);
    if (on !== undefined) properties[`${engine}EngineOn`] = on;
  }
  return properties;
}

/**
 * The `sentinelone_policy` of a scope that edited its own policy.
 *
 * @throws MalformedRecordError for an unparseable date
 */
export function createPolicyEntity({
  scope,
  scopeName,
  policy,
}: ScopePolicy): Entity {
  const label = `policy of ${scope.level}${
    scope.level === 'tenant' ? '' : ` ${scope.id}`
  }`;
  const name =
    scope.level === 'tenant'
      ? 'Global policy'
      : `Policy of ${scope.level} ${scopeName ?? scope.id}`;
  return createEntity(policy, {
    _key: policyKey(scope),
    _type: Entities.POLICY._type,
    _class: Entities.POLICY._class,
    name,
    displayName: name,
    category: 'config',
    scopeType: scope.level,
    scopeId: scope.level === 'tenant' ? undefined : scope.id,
    scopeName,
    isDefault: toBoolean(policy.isDefault),
    inheritedFrom: toText(policy.inheritedFrom),
    mitigationMode: toText(policy.mitigationMode),
    mitigationModeSuspicious: toText(policy.mitigationModeSuspicious),
    autoMitigationAction: toText(policy.autoMitigationAction),
    antiTamperingOn: toBoolean(policy.antiTamperingOn),
    ...engineProperties(policy),
    snapshotsOn: toBoolean(policy.snapshotsOn),
    networkQuarantineOn: toBoolean(policy.networkQuarantineOn),
    scanNewAgents: toBoolean(policy.scanNewAgents),
    allowRemoteShell: toBoolean(policy.allowRemoteShell),
    agentLoggingOn: toBoolean(policy.agentLoggingOn),
    autoDecommissionOn: toBoolean(policy.autoDecommissionOn),
    autoDecommissionDays: toNumber(policy.autoDecommissionDays),
    createdOn: parseDate(policy.createdAt, 'createdAt', label),
    updatedOn: parseDate(policy.updatedAt, 'updatedAt', label),
    updatedBy: toText(policy.userFullName),
  });
}
