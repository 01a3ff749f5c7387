import { S1Policy } from '../../client/types';
import { Entities } from '../constants';
import { MalformedRecordError } from '../util';
import { createPolicyEntity, isOwnPolicy } from './converter';

/** A site's own policy as `GET /sites/{site_id}/policy` answers it (spec v2.1). */
const sitePolicy = (): S1Policy & Record<string, unknown> => ({
  mitigationMode: 'detect',
  mitigationModeSuspicious: 'detect',
  autoMitigationAction: 'mitigation.quarantineThreat',
  antiTamperingOn: false,
  engines: {
    preExecution: 'on',
    preExecutionSuspicious: 'on',
    executables: 'on',
    exploits: 'off',
    lateralMovement: 'on',
    penetration: 'on',
    reputation: 'on',
    pup: 'off',
    dataFiles: 'on',
    remoteShell: 'off',
    applicationControl: 'off',
  },
  snapshotsOn: true,
  scanNewAgents: 'True',
  networkQuarantineOn: false,
  allowRemoteShell: false,
  autoDecommissionOn: true,
  autoDecommissionDays: 21,
  agentLoggingOn: true,
  isDefault: false,
  inheritedFrom: null,
  createdAt: '2023-02-01T10:00:00.000000Z',
  updatedAt: '2024-05-06T07:08:09.123456Z',
  userId: '225494730938493804',
  userFullName: 'Jane Admin',
  dvAttributesPerEventType: { dns: { dvEventTypeDns: true } },
});

describe('createPolicyEntity', () => {
  test('flat, queryable settings of a site that edited its policy', () => {
    const entity = createPolicyEntity({
      scope: { level: 'site', id: '1234567890123456789' },
      scopeName: 'Paris office',
      policy: sitePolicy(),
    });
    expect(entity).toMatchObject({
      _key: 'sentinelone_policy-site-1234567890123456789',
      _type: Entities.POLICY._type,
      _class: Entities.POLICY._class,
      name: 'Policy of site Paris office',
      scopeType: 'site',
      scopeId: '1234567890123456789',
      scopeName: 'Paris office',
      mitigationMode: 'detect',
      mitigationModeSuspicious: 'detect',
      autoMitigationAction: 'mitigation.quarantineThreat',
      antiTamperingOn: false,
      preExecutionEngineOn: true,
      exploitsEngineOn: false,
      applicationControlEngineOn: false,
      snapshotsOn: true,
      scanNewAgents: true,
      networkQuarantineOn: false,
      autoDecommissionOn: true,
      autoDecommissionDays: 21,
      isDefault: false,
      createdOn: Date.parse('2023-02-01T10:00:00.000Z'),
      updatedOn: Date.parse('2024-05-06T07:08:09.123Z'),
      updatedBy: 'Jane Admin',
    });
    expect(entity.inheritedFrom).toBeUndefined();
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.POLICY._class,
    });
  });

  test('the tenant policy is keyed without an id', () => {
    const entity = createPolicyEntity({
      scope: { level: 'tenant' },
      policy: { ...sitePolicy(), isDefault: true },
    });
    expect(entity).toMatchObject({
      _key: 'sentinelone_policy-tenant',
      name: 'Global policy',
      scopeType: 'tenant',
      isDefault: true,
    });
    expect(entity.scopeId).toBeUndefined();
  });

  test('an engine state that is neither on nor off is left out', () => {
    const entity = createPolicyEntity({
      scope: { level: 'group', id: '1' },
      policy: { ...sitePolicy(), engines: { reputation: 'unknown' } },
    });
    expect(entity).not.toHaveProperty('reputationEngineOn');
  });

  test('a policy with a date that is not one is malformed', () => {
    expect(() =>
      createPolicyEntity({
        scope: { level: 'account', id: '7' },
        policy: { ...sitePolicy(), updatedAt: 'yesterday' },
      }),
    ).toThrow(MalformedRecordError);
  });
});

test('isOwnPolicy: inheritedFrom null (or blank) means edited at that scope', () => {
  expect(isOwnPolicy({ inheritedFrom: null })).toBe(true);
  expect(isOwnPolicy({ inheritedFrom: '' })).toBe(true);
  expect(isOwnPolicy({ inheritedFrom: 'site' })).toBe(false);
  expect(isOwnPolicy({ inheritedFrom: 'global' })).toBe(false);
});
