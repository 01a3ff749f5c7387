import { RelationshipDirection } from '@jupiterone/integration-sdk-core';

import { S1Agent } from '../../client/types';
import {
  AGENT_FUNCTIONS,
  Entities,
  MappedRelationships,
  MappedTargets,
} from '../constants';
import { MalformedRecordError } from '../util';
import { agentKey } from '../keys';
import {
  AGENT_ONLINE_THRESHOLD_MS,
  agentIpAddresses,
  agentMacAddresses,
  agentPlatform,
  agentTagProperties,
  createAgentEntity,
  createAgentProtectsDeviceRelationship,
  isAgentOnline,
  sanitizeTagKey,
} from './converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const LICENSE_KEY = 'S1-LICENSE-9f8e7d6c5b4a3f2e1d0c';
const NOW = Date.parse('2024-07-01T12:00:00Z');
const AGENT_ID = '1190414000000000201';

function agent(overrides: Partial<S1Agent> = {}): S1Agent {
  return {
    id: AGENT_ID,
    uuid: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
    computerName: 'FIN-LT-0042',
    domain: 'acme.local',
    osType: 'windows',
    osName: 'Windows 11 Enterprise',
    osRevision: '22631',
    osArch: '64 bit',
    osUsername: null,
    machineType: 'laptop',
    modelName: 'Dell Inc. - Latitude 7440',
    serialNumber: 'C0FFEE42',
    cpuCount: 1,
    coreCount: 12,
    totalMemory: 16084,
    agentVersion: '23.4.2.14',
    isUpToDate: true,
    isActive: true,
    isDecommissioned: false,
    isUninstalled: false,
    isPendingUninstall: false,
    infected: true,
    activeThreats: 2,
    threatRebootRequired: false,
    networkStatus: 'connected',
    lastActiveDate: '2024-07-01T11:58:12.345678Z',
    registeredAt: '2023-02-01T10:00:00.000000Z',
    createdAt: '2023-02-01T10:00:01.000000Z',
    updatedAt: '2024-07-01T11:58:13.000000Z',
    lastIpToMgmt: '10.20.30.40',
    externalIp: '203.0.113.7',
    networkInterfaces: [
      {
        id: '1',
        name: 'Ethernet',
        inet: ['10.20.30.40'],
        inet6: ['fe80::1c2b:3a4d:5e6f:7a8b'],
        physical: 'A4:BB:6D:12:34:56',
        gatewayIp: '10.20.30.1',
      },
      {
        id: '2',
        name: 'Wi-Fi',
        inet: ['192.168.1.23', '127.0.0.1'],
        inet6: [],
        physical: 'a4-bb-6d-12-34-56',
      },
      {
        id: '3',
        name: 'Bluetooth',
        inet: [],
        physical: 'F0:9E:4A:00:11:22',
      },
      { id: '4', name: 'Loopback', inet: null, physical: '00:00:00:00:00:00' },
    ],
    siteId: '1190412123456789012',
    siteName: 'Headquarters',
    groupId: '1190413000000000101',
    groupName: 'Finance Laptops',
    accountId: '1190411811111111111',
    accountName: 'Acme Corp',
    mitigationMode: 'protect',
    mitigationModeSuspicious: 'detect',
    scanStatus: 'finished',
    lastSuccessfulScanDate: '2024-06-15T03:00:00.000000Z',
    firewallEnabled: true,
    encryptedApplications: true,
    appsVulnerabilityStatus: 'patch_required',
    operationalState: 'na',
    lastLoggedInUserName: 'jdoe',
    externalId: '',
    installerType: '.msi',
    tags: {
      sentinelone: [
        {
          id: '1',
          key: 'Environment',
          value: 'production',
          assignedAt: '2023-03-01T00:00:00Z',
          assignedBy: 'Jane Admin',
        },
        { id: '2', key: 'cost center', value: 'CC-100' },
        { id: '3', key: 'pci', value: null },
      ],
    },
    licenseKey: LICENSE_KEY,
    ...overrides,
  };
}

describe('agentKey', () => {
  test('is sentinelone_agent-id-<id>', () => {
    expect(agentKey(AGENT_ID)).toBe(`sentinelone_agent-id-${AGENT_ID}`);
  });
});

describe('createAgentEntity', () => {
  test('maps every documented property', () => {
    const entity = createAgentEntity(agent(), SERVER_URL, NOW);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity).toMatchObject({
      _key: `sentinelone_agent-id-${AGENT_ID}`,
      _type: Entities.AGENT._type,
      _class: ['HostAgent'],
      id: AGENT_ID,
      name: 'FIN-LT-0042',
      displayName: 'FIN-LT-0042',
      function: AGENT_FUNCTIONS,
      hostname: 'FIN-LT-0042',
      serial: 'C0FFEE42',
      macAddress: ['a4:bb:6d:12:34:56', 'f0:9e:4a:00:11:22'],
      ipAddress: ['10.20.30.40', '192.168.1.23'],
      publicIpAddress: '203.0.113.7',
      osType: 'windows',
      osName: 'Windows 11 Enterprise',
      osVersion: '22631',
      platform: 'windows',
      agentVersion: '23.4.2.14',
      active: true,
      isDecommissioned: false,
      isUpToDate: true,
      networkStatus: 'connected',
      infected: true,
      activeThreatsCount: 2,
      lastSeenOn: Date.parse('2024-07-01T11:58:12.345Z'),
      createdOn: Date.UTC(2023, 1, 1, 10, 0, 1),
      updatedOn: Date.UTC(2024, 6, 1, 11, 58, 13),
      registeredOn: Date.UTC(2023, 1, 1, 10),
      siteId: '1190412123456789012',
      siteName: 'Headquarters',
      groupId: '1190413000000000101',
      groupName: 'Finance Laptops',
      accountId: '1190411811111111111',
      accountName: 'Acme Corp',
      lastLoggedInUserName: 'jdoe',
      webLink: `${SERVER_URL}/sentinels/devices/${AGENT_ID}/overview`,
      // trust properties
      registered: true,
      hasActiveThreats: true,
      isOnline: true,
      // extras
      uuid: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
      domain: 'acme.local',
      machineType: 'laptop',
      modelName: 'Dell Inc. - Latitude 7440',
      osArch: '64 bit',
      mitigationMode: 'protect',
      mitigationModeSuspicious: 'detect',
      detectOnly: false,
      firewallEnabled: true,
      encryptedApplications: true,
      appsVulnerabilityStatus: 'patch_required',
      operationalState: 'na',
      scanStatus: 'finished',
      lastSuccessfulScanOn: Date.UTC(2024, 5, 15, 3),
      isUninstalled: false,
      isPendingUninstall: false,
      threatRebootRequired: false,
      externalId: '',
      cpuCount: 1,
      coreCount: 12,
      totalMemory: 16084,
    });
  });

  test('keeps ids as strings', () => {
    const entity = createAgentEntity(agent(), SERVER_URL, NOW);
    for (const property of ['id', 'siteId', 'groupId', 'accountId']) {
      expect(typeof entity[property]).toBe('string');
    }
  });

  test('maps SentinelOne tags to tag.* properties and a tags list', () => {
    const entity = createAgentEntity(agent(), SERVER_URL, NOW);
    expect(entity['tag.Environment']).toBe('production');
    expect(entity['tag.cost-center']).toBe('CC-100');
    expect(entity).not.toHaveProperty('tag.pci');
    expect(entity).not.toHaveProperty('tag.sentinelone');
    expect(entity.tags).toEqual([
      'Environment:production',
      'cost center:CC-100',
      'pci',
    ]);
  });

  test('keeps licenseKey out of rawData', () => {
    const entity = createAgentEntity(agent(), SERVER_URL, NOW);
    const rawData = entity._rawData?.[0].rawData;
    expect(rawData).toMatchObject({
      id: AGENT_ID,
      computerName: 'FIN-LT-0042',
    });
    expect(JSON.parse(JSON.stringify(rawData))).not.toHaveProperty(
      'licenseKey',
    );
    expect(JSON.stringify(entity)).not.toContain(LICENSE_KEY);
  });

  test('a decommissioned agent is inactive', () => {
    const entity = createAgentEntity(
      agent({ isDecommissioned: true, isActive: true }),
      SERVER_URL,
      NOW,
    );
    expect(entity.active).toBe(false);
    expect(entity.isDecommissioned).toBe(true);
  });

  test('detect-only mode and no active threats', () => {
    const entity = createAgentEntity(
      agent({ mitigationMode: 'detect', activeThreats: 0, infected: false }),
      SERVER_URL,
      NOW,
    );
    expect(entity.detectOnly).toBe(true);
    expect(entity.hasActiveThreats).toBe(false);
  });

  test('is offline when disconnected or not seen for more than 24 hours', () => {
    expect(
      createAgentEntity(
        agent({ networkStatus: 'disconnected' }),
        SERVER_URL,
        NOW,
      ).isOnline,
    ).toBe(false);
    const stale = new Date(
      NOW - AGENT_ONLINE_THRESHOLD_MS - 1000,
    ).toISOString();
    expect(
      createAgentEntity(agent({ lastActiveDate: stale }), SERVER_URL, NOW)
        .isOnline,
    ).toBe(false);
  });

  test('tolerates a sparse agent full of nulls', () => {
    const sparse: S1Agent = {
      id: '1190414000000000999',
      uuid: null,
      computerName: null,
      osType: null,
      serialNumber: null,
      isActive: null,
      isDecommissioned: null,
      activeThreats: null,
      infected: null,
      networkStatus: null,
      lastActiveDate: null,
      createdAt: null,
      lastIpToMgmt: null,
      externalIp: null,
      networkInterfaces: null,
      mitigationMode: null,
      tags: null,
      licenseKey: null,
    };
    const entity = createAgentEntity(sparse, SERVER_URL, NOW);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity.name).toBe('1190414000000000999');
    expect(entity.displayName).toBe('1190414000000000999');
    expect(entity.function).toEqual(AGENT_FUNCTIONS);
    expect(entity.registered).toBe(true);
    expect(entity.isOnline).toBe(false);
    for (const property of [
      'hostname',
      'serial',
      'macAddress',
      'ipAddress',
      'publicIpAddress',
      'platform',
      'active',
      'hasActiveThreats',
      'lastSeenOn',
      'createdOn',
      'detectOnly',
      'tags',
    ]) {
      expect(entity[property]).toBeUndefined();
    }
  });

  test('tolerates empty tag lists and tags without key', () => {
    const entity = createAgentEntity(
      agent({ tags: { sentinelone: [{ id: '9', key: null, value: 'x' }] } }),
      SERVER_URL,
      NOW,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity.tags).toBeUndefined();
    expect(
      createAgentEntity(agent({ tags: {} }), SERVER_URL, NOW).tags,
    ).toBeUndefined();
  });

  test('throws MalformedRecordError without id or with an unparseable date', () => {
    expect(() =>
      createAgentEntity({ ...agent(), id: '' }, SERVER_URL, NOW),
    ).toThrow(new MalformedRecordError('agent record without id', 'agent'));
    expect(() =>
      createAgentEntity(agent({ createdAt: 'not-a-date' }), SERVER_URL, NOW),
    ).toThrow(`agent ${AGENT_ID}: createdAt 'not-a-date' is not a date`);
    expect(() =>
      createAgentEntity(agent({ lastActiveDate: 'never' }), SERVER_URL, NOW),
    ).toThrow(MalformedRecordError);
  });
});

describe('agent helpers', () => {
  test('agentMacAddresses lower-cases, de-duplicates and drops the null MAC', () => {
    expect(agentMacAddresses(agent())).toEqual([
      'a4:bb:6d:12:34:56',
      'f0:9e:4a:00:11:22',
    ]);
    expect(
      agentMacAddresses(agent({ networkInterfaces: [{ physical: null }] })),
    ).toEqual([]);
  });

  test('agentIpAddresses keeps internal IPv4s only', () => {
    expect(
      agentIpAddresses(
        agent({
          lastIpToMgmt: '172.16.0.5',
          networkInterfaces: [
            { inet: ['172.16.0.5', 'fe80::1', '999.1.1.1', '0.0.0.0'] },
          ],
        }),
      ),
    ).toEqual(['172.16.0.5']);
  });

  test('agentPlatform maps SentinelOne os types', () => {
    expect(agentPlatform('windows')).toBe('windows');
    expect(agentPlatform('macos')).toBe('darwin');
    expect(agentPlatform('linux')).toBe('linux');
    expect(agentPlatform('windows_legacy')).toBe('windows');
    expect(agentPlatform('sunos')).toBe('other');
    expect(agentPlatform(null)).toBeUndefined();
  });

  test('sanitizeTagKey keeps only characters allowed after tag.', () => {
    expect(sanitizeTagKey('cost center')).toBe('cost-center');
    expect(sanitizeTagKey('owner_email@corp')).toBe('owner-email-corp');
    expect(sanitizeTagKey('a.b-C9')).toBe('a.b-C9');
    expect(sanitizeTagKey('!!!')).toBe('');
  });

  test('agentTagProperties joins values of one key and skips unusable keys', () => {
    expect(
      agentTagProperties([
        { key: 'team', value: 'red' },
        { key: 'team', value: 'blue' },
        { key: '@@', value: 'x' },
      ]),
    ).toEqual({
      properties: { 'tag.team': 'red,blue' },
      tags: ['team:red', 'team:blue', '@@:x'],
    });
  });

  test('isAgentOnline uses the exported threshold', () => {
    expect(AGENT_ONLINE_THRESHOLD_MS).toBe(24 * 60 * 60 * 1000);
    expect(
      isAgentOnline('connected', NOW - AGENT_ONLINE_THRESHOLD_MS, NOW),
    ).toBe(true);
    expect(
      isAgentOnline('connected', NOW - AGENT_ONLINE_THRESHOLD_MS - 1, NOW),
    ).toBe(false);
    expect(isAgentOnline('connected', undefined, NOW)).toBe(false);
    expect(isAgentOnline('disconnecting', NOW, NOW)).toBe(false);
  });
});

describe('createAgentProtectsDeviceRelationship', () => {
  const key = agentKey(AGENT_ID);
  const protects = (record: S1Agent) =>
    createAgentProtectsDeviceRelationship(
      createAgentEntity(record, SERVER_URL, NOW),
    );

  test('maps the agent to its device on serial, MAC and hostname', () => {
    const relationship = protects(agent());
    expect(relationship).toEqual({
      _key: `${key}|protects|user_endpoint`,
      _type: MappedRelationships.AGENT_PROTECTS_DEVICE._type,
      _class: 'PROTECTS',
      displayName: 'PROTECTS',
      _mapping: {
        relationshipDirection: RelationshipDirection.FORWARD,
        sourceEntityKey: key,
        targetFilterKeys: [
          ['_class', 'serial'],
          ['_class', 'macAddress'],
          ['_class', 'hostname'],
        ],
        targetEntity: {
          _class: MappedTargets.DEVICE._class,
          _type: MappedTargets.DEVICE._type,
          displayName: 'FIN-LT-0042',
          hostname: 'FIN-LT-0042',
          serial: 'C0FFEE42',
          macAddress: ['a4:bb:6d:12:34:56', 'f0:9e:4a:00:11:22'],
          deviceId: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
          osType: 'windows',
          platform: 'windows',
          osName: 'Windows 11 Enterprise',
          osVersion: '22631',
          make: null,
          model: 'Dell Inc. - Latitude 7440',
          owner: 'jdoe',
          category: 'endpoint',
        },
        skipTargetCreation: false,
      },
    });
  });

  test('uses only the keys the agent has, in priority order', () => {
    const noSerial = protects(agent({ serialNumber: null }));
    expect(noSerial._mapping.targetFilterKeys).toEqual([
      ['_class', 'macAddress'],
      ['_class', 'hostname'],
    ]);
    expect(noSerial._mapping.targetEntity.serial).toBeNull();

    const hostnameOnly = protects(
      agent({ serialNumber: ' ', networkInterfaces: null }),
    );
    expect(hostnameOnly._mapping.targetFilterKeys).toEqual([
      ['_class', 'hostname'],
    ]);
    expect(hostnameOnly._mapping.targetEntity.macAddress).toBeUndefined();
  });

  test('falls back to deviceId when nothing else identifies the device', () => {
    const relationship = protects({
      id: AGENT_ID,
      osType: 'macos',
      uuid: null,
    });
    expect(relationship._mapping.targetFilterKeys).toEqual([
      ['_class', 'deviceId'],
    ]);
    expect(relationship._mapping.targetEntity).toMatchObject({
      deviceId: AGENT_ID,
      displayName: AGENT_ID,
      make: 'Apple',
      platform: 'darwin',
      category: 'endpoint',
    });
  });

  test('has a deterministic key, unique per agent', () => {
    const first = protects(agent());
    const again = protects(agent());
    const other = protects(agent({ id: '1190414000000000202' }));
    expect(again._key).toBe(first._key);
    expect(other._key).not.toBe(first._key);
  });
});
