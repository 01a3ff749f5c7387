import { RelationshipDirection } from '@jupiterone/integration-sdk-core';

import { S1Agent } from '../../client/types';
import { blankProperties } from '../../../test/blankProperties';
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
  agentCloudProvider,
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
      make: 'Dell Inc.',
      model: 'Latitude 7440',
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
  test('agentPlatform maps SentinelOne os types', () => {
    expect(agentPlatform('windows')).toBe('windows');
    expect(agentPlatform('macos')).toBe('darwin');
    expect(agentPlatform('linux')).toBe('linux');
    expect(agentPlatform('windows_legacy')).toBe('windows');
    expect(agentPlatform('sunos')).toBe('other');
    expect(agentPlatform(undefined)).toBeUndefined();
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
          make: 'Dell Inc.',
          model: 'Latitude 7440',
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

/**
 * Records in the shape consoles really answer (the vendor's v2.1 schema,
 * with the deviations real records show): the spec's types do not hold for
 * them, hence the casts.
 */
describe('agents as consoles send them', () => {
  const convert = (overrides: Record<string, unknown>) =>
    createAgentEntity(agent(overrides as Partial<S1Agent>), SERVER_URL, NOW);

  /** A CentOS docker host that never got a host name. */
  const dockerHost: Record<string, unknown> = {
    computerName: 'localhost.localdomain',
    domain: '',
    osType: 'linux',
    osName: 'Linux',
    modelName: 'VMware, Inc. - VMware Virtual Platform',
    serialNumber: 'VMware-42 3d 5e 1f 8b 2a 4c 6d-9e 0f 1a 2b 3c 4d 5e 6f',
    lastIpToMgmt: '10.32.0.165',
    networkInterfaces: [
      {
        id: '1',
        name: 'docker0',
        inet: ['172.17.0.1'],
        inet6: ['fe80::42:94ff:fe48:e0bf'],
        physical: '02:42:94:48:e0:bf',
      },
      {
        id: '2',
        name: 'br-5f0c2a1b9e3d',
        inet: ['172.18.0.1'],
        inet6: ['fe80::42:8aff:fe1d:2c3e'],
        physical: '02:42:8a:1d:2c:3e',
      },
      {
        id: '3',
        name: 'ens192',
        inet: ['10.32.0.165'],
        inet6: ['fe80::250:56ff:febd:78a0'],
        physical: '00:50:56:bd:78:a0',
      },
      ...['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((suffix, n) => ({
        id: `${10 + n}`,
        name: `veth${suffix}9c2e`,
        inet: [],
        inet6: [`fe80::70da:4eff:fe05:1e${n}`],
        physical: `72:da:4e:05:1e:${suffix}`,
      })),
    ],
  };

  test('string booleans and numbers as strings become booleans and numbers', () => {
    const entity = convert({
      firewallEnabled: 'True',
      isUpToDate: 'True',
      encryptedApplications: 'False',
      cpuCount: '1',
      coreCount: '2',
      totalMemory: '3930',
      activeThreats: '10',
      infected: false,
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity).toMatchObject({
      firewallEnabled: true,
      isUpToDate: true,
      encryptedApplications: false,
      cpuCount: 1,
      coreCount: 2,
      totalMemory: 3930,
      activeThreatsCount: 10,
      hasActiveThreats: true,
    });
  });

  test('stores no blank string, anywhere on the entity', () => {
    const entity = convert({
      lastLoggedInUserName: '',
      externalId: '',
      osUsername: ' ',
      installerType: '',
      domain: '',
      groupName: '',
      tags: { sentinelone: [{ id: '1', key: 'owner', value: '' }] },
      activeDirectory: {
        computerDistinguishedName: '',
        computerMemberOf: ['', 'CN=Laptops,DC=acme,DC=local'],
        lastUserDistinguishedName: '',
        lastUserMemberOf: [],
        userPrincipalName: '',
      },
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(blankProperties(entity)).toEqual([]);
    expect(entity.tags).toEqual(['owner']);
    expect(entity).not.toHaveProperty('tag.owner');
    expect(entity.adComputerMemberOf).toEqual(['CN=Laptops,DC=acme,DC=local']);
    expect(entity.adLastUserMemberOf).toBeUndefined();
  });

  test("a docker host's virtual interfaces give no MAC and no address", () => {
    const entity = convert(dockerHost);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity.macAddress).toEqual(['00:50:56:bd:78:a0']);
    expect(entity.ipAddress).toEqual(['10.32.0.165']);
    expect(entity.ipv6Address).toBeUndefined();
    expect(entity.hostname).toBe('localhost.localdomain');
    expect(entity.domain).toBeUndefined();
  });

  test('a bridge address is never first, even when the agent reached the console through it', () => {
    const entity = convert({ ...dockerHost, lastIpToMgmt: '172.17.0.1' });
    expect(entity.ipAddress).toEqual(['10.32.0.165']);
  });

  test('a device is never matched on a generic host name such as localhost.localdomain', () => {
    const relationship = createAgentProtectsDeviceRelationship(
      convert(dockerHost),
    );
    expect(relationship._mapping.targetFilterKeys).toEqual([
      ['_class', 'serial'],
      ['_class', 'macAddress'],
    ]);
    expect(relationship._mapping.targetEntity).toMatchObject({
      macAddress: ['00:50:56:bd:78:a0'],
      make: 'VMware, Inc.',
      model: 'VMware Virtual Platform',
    });
    expect(relationship._mapping.targetEntity.hostname).toBeUndefined();

    const nothingElse = createAgentProtectsDeviceRelationship(
      convert({
        ...dockerHost,
        serialNumber: null,
        networkInterfaces: dockerHost.networkInterfaces as unknown[],
        computerName: 'localhost',
      }),
    );
    expect(nothingElse._mapping.targetFilterKeys).toEqual([
      ['_class', 'macAddress'],
    ]);
  });

  test("a cloud instance's locally administered MAC stays a match key", () => {
    const entity = convert({
      modelName: 'Amazon EC2 - t3.medium',
      lastIpToMgmt: '172.31.18.44',
      networkInterfaces: [
        {
          id: '1',
          name: 'Ethernet 2',
          inet: ['172.31.18.44'],
          inet6: ['fe80::a5d8:2c1b:6f3e:9d01'],
          physical: '06:35:E6:4B:7C:21',
        },
      ],
      cloudProviders: {
        AWS: {
          awsRole: 'ec2-ssm-role',
          awsSecurityGroups: ['sg-0a1b2c3d'],
          awsSubnetIds: ['subnet-0a1b2c3d'],
          cloudAccount: '123456789012',
          cloudImage: 'ami-0abcdef1234567890',
          cloudInstanceId: 'i-0123456789abcdef0',
          cloudInstanceSize: 't3.medium',
          cloudLocation: 'us-east-1a',
          cloudNetwork: 'vpc-0a1b2c3d',
          cloudTags: ['Name=web-1'],
        },
      },
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity).toMatchObject({
      macAddress: ['06:35:e6:4b:7c:21'],
      ipAddress: ['172.31.18.44'],
      make: 'Amazon EC2',
      model: 't3.medium',
      cloudProvider: 'AWS',
      cloudAccount: '123456789012',
      cloudImage: 'ami-0abcdef1234567890',
      cloudInstanceId: 'i-0123456789abcdef0',
      cloudInstanceSize: 't3.medium',
      cloudLocation: 'us-east-1a',
      cloudNetwork: 'vpc-0a1b2c3d',
    });
  });

  test('global IPv6 addresses are kept; link-local ones are not', () => {
    const entity = convert({
      networkInterfaces: [
        {
          id: '1',
          name: 'Wi-Fi',
          inet: ['192.168.1.23'],
          inet6: [
            'fe80::1c2b:3a4d:5e6f:7a8b',
            '2A02:1210:5C0B:8F00:1C2B:3A4D:5E6F:7A8B',
            '::1',
          ],
          physical: 'a4:bb:6d:12:34:56',
        },
      ],
      lastIpToMgmt: '192.168.1.23',
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity.ipv6Address).toEqual([
      '2a02:1210:5c0b:8f00:1c2b:3a4d:5e6f:7a8b',
    ]);
    expect(entity.ipAddress).toEqual([
      '192.168.1.23',
      '2a02:1210:5c0b:8f00:1c2b:3a4d:5e6f:7a8b',
    ]);
  });

  test('an IPv6-only host still has an address', () => {
    const entity = convert({
      lastIpToMgmt: '2600:1f18:61a:4f00:9c3e:7b21:d4a5:1e0f',
      networkInterfaces: [
        {
          id: '1',
          name: 'eth0',
          inet: [],
          inet6: [
            'fe80::8e2:3fff:fe41:9a3b',
            '2600:1f18:61a:4f00:9c3e:7b21:d4a5:1e0f',
          ],
          physical: '0a:e2:3f:41:9a:3b',
        },
      ],
    });
    expect(entity.ipAddress).toEqual([
      '2600:1f18:61a:4f00:9c3e:7b21:d4a5:1e0f',
    ]);
    expect(entity.ipv6Address).toEqual([
      '2600:1f18:61a:4f00:9c3e:7b21:d4a5:1e0f',
    ]);
  });

  test.each([
    ['windows', 'Dell Inc. - Latitude 3520', 'Dell Inc.', 'Latitude 3520'],
    ['windows', 'Amazon EC2 - t3.medium', 'Amazon EC2', 't3.medium'],
    ['macos', 'MacBookPro18,1', 'Apple', 'MacBookPro18,1'],
  ])(
    '%s modelName %p -> make %p, model %p',
    (osType, modelName, make, model) => {
      const entity = convert({ osType, modelName });
      expect(entity.make).toBe(make ?? undefined);
      expect(entity.model).toBe(model ?? undefined);
      expect(
        createAgentProtectsDeviceRelationship(entity)._mapping.targetEntity,
      ).toMatchObject({ make, model });
    },
  );

  test('domain "unknown" is a placeholder, not a domain', () => {
    expect(convert({ domain: 'unknown' }).domain).toBeUndefined();
    expect(convert({ domain: 'N/A' }).domain).toBeUndefined();
    expect(convert({ domain: 'ACME' }).domain).toBe('ACME');
  });

  test("a domain-joined agent's Active Directory names are flat properties", () => {
    const entity = convert({
      domain: 'ACME',
      activeDirectory: {
        computerDistinguishedName:
          'CN=FIN-LT-0042,OU=Laptops,OU=Finance,DC=acme,DC=local',
        computerMemberOf: [
          'CN=Finance Laptops,OU=Groups,DC=acme,DC=local',
          'CN=BitLocker Enforced,OU=Groups,DC=acme,DC=local',
        ],
        lastUserDistinguishedName:
          'CN=Jane Doe,OU=Users,OU=Finance,DC=acme,DC=local',
        lastUserMemberOf: ['CN=Finance,OU=Groups,DC=acme,DC=local'],
        userPrincipalName: 'jane.doe@acme.com',
        mail: 'jane.doe@acme.com',
      },
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });
    expect(entity).toMatchObject({
      domain: 'ACME',
      adComputerDistinguishedName:
        'CN=FIN-LT-0042,OU=Laptops,OU=Finance,DC=acme,DC=local',
      adComputerMemberOf: [
        'CN=Finance Laptops,OU=Groups,DC=acme,DC=local',
        'CN=BitLocker Enforced,OU=Groups,DC=acme,DC=local',
      ],
      adLastUserDistinguishedName:
        'CN=Jane Doe,OU=Users,OU=Finance,DC=acme,DC=local',
      adLastUserMemberOf: ['CN=Finance,OU=Groups,DC=acme,DC=local'],
      adLastUserPrincipalName: 'jane.doe@acme.com',
      adLastUserEmail: 'jane.doe@acme.com',
    });
  });

  test('agentCloudProvider is the provider holding an instance', () => {
    expect(agentCloudProvider({})).toBeUndefined();
    expect(agentCloudProvider(null)).toBeUndefined();
    expect(agentCloudProvider({ Azure: null, GCP: {} })).toBe('GCP');
  });
});
