import { S1ApplicationInstall } from '../../client/types';
import { Entities, Relationships } from '../constants';
import { MalformedRecordError } from '../util';
import { agentKey, applicationKey } from '../keys';
import {
  createAgentInstalledApplicationRelationship,
  createApplicationEntity,
} from './converter';

const install: S1ApplicationInstall = {
  id: '1190416000000000401',
  endpointId: '1190414000000000201',
  endpointUuid: '5e0f3c2a9b8d4e7f8a6b5c4d3e2f1a0b',
  endpointName: 'FIN-LT-0042',
  endpointType: 'laptop',
  version: '126.0.6478.127',
  applicationInstallationDate: '2024-06-20T00:00:00.000000Z',
  applicationInstallationPath: 'C:\\Program Files\\Google\\Chrome\\Application',
  detectionDate: '2024-06-21T08:30:00.000000Z',
  osType: 'windows',
  siteName: 'Headquarters',
  groupName: 'Finance Laptops',
  accountName: 'Acme Corp',
};

describe('applicationKey', () => {
  test('is deterministic, long enough and made of safe characters', () => {
    const key = applicationKey('Google LLC', 'Google Chrome', '126.0.6478.127');
    expect(key).toBe(
      applicationKey('Google LLC', 'Google Chrome', '126.0.6478.127'),
    );
    expect(key).toMatch(/^sentinelone_application-[0-9a-f]{32}$/);
    expect(key.length).toBeGreaterThanOrEqual(10);
  });

  test('differs between different triples', () => {
    const keys = [
      applicationKey('Google LLC', 'Google Chrome', '126.0.6478.127'),
      applicationKey('Google LLC', 'Google Chrome', '126.0.6478.126'),
      applicationKey('Google', 'LLC Google Chrome', '126.0.6478.127'),
      applicationKey('Google LLC', 'Google Chrome126.0.6478.127', ''),
      applicationKey(null, 'Google Chrome', '126.0.6478.127'),
      applicationKey('', 'Google Chrome', '126.0.6478.127'),
      applicationKey('Google LLC', 'google chrome', '126.0.6478.127'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('createApplicationEntity', () => {
  test('maps name, vendor and version', () => {
    const entity = createApplicationEntity({
      name: 'Google Chrome',
      vendor: 'Google LLC',
      version: '126.0.6478.127',
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.APPLICATION._class,
    });
    expect(entity).toMatchObject({
      _key: applicationKey('Google LLC', 'Google Chrome', '126.0.6478.127'),
      _type: Entities.APPLICATION._type,
      _class: ['Application'],
      name: 'Google Chrome',
      displayName: 'Google Chrome 126.0.6478.127',
      vendor: 'Google LLC',
      version: '126.0.6478.127',
    });
  });

  test('tolerates a missing vendor and version', () => {
    const entity = createApplicationEntity({
      name: 'in-house-tool',
      vendor: null,
      version: null,
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.APPLICATION._class,
    });
    expect(entity.displayName).toBe('in-house-tool');
    expect(entity.vendor).toBeUndefined();
    expect(entity.version).toBeUndefined();
    expect(entity._key).toBe(applicationKey(null, 'in-house-tool', null));
  });

  test('throws MalformedRecordError without a name', () => {
    expect(() =>
      createApplicationEntity({ name: ' ', vendor: 'x', version: '1' }),
    ).toThrow(MalformedRecordError);
    expect(() => createApplicationEntity({ name: null })).toThrow(
      'application record without applicationName',
    );
  });
});

describe('createAgentInstalledApplicationRelationship', () => {
  const fromKey = agentKey('1190414000000000201');
  const toKey = applicationKey('Google LLC', 'Google Chrome', '126.0.6478.127');

  test('links the agent to the application with install details', () => {
    const relationship = createAgentInstalledApplicationRelationship(
      fromKey,
      toKey,
      install,
    );
    expect(relationship).toMatchDirectRelationshipSchema({});
    expect(relationship).toEqual({
      _key: `${fromKey}|installed|${toKey}`,
      _type: Relationships.AGENT_INSTALLED_APPLICATION._type,
      _class: 'INSTALLED',
      _fromEntityKey: fromKey,
      _toEntityKey: toKey,
      displayName: 'INSTALLED',
      installedOn: Date.UTC(2024, 5, 20),
      installPath: 'C:\\Program Files\\Google\\Chrome\\Application',
      detectedOn: Date.UTC(2024, 5, 21, 8, 30),
    });
  });

  test('has a key unique per agent and application', () => {
    const other = createAgentInstalledApplicationRelationship(
      agentKey('1190414000000000202'),
      toKey,
      install,
    );
    const otherVersion = createAgentInstalledApplicationRelationship(
      fromKey,
      applicationKey('Google LLC', 'Google Chrome', '125.0.0.1'),
      install,
    );
    const same = createAgentInstalledApplicationRelationship(
      fromKey,
      toKey,
      install,
    );
    expect(same._key).toBe(`${fromKey}|installed|${toKey}`);
    expect(other._key).not.toBe(same._key);
    expect(otherVersion._key).not.toBe(same._key);
  });

  test('tolerates missing install details', () => {
    const relationship = createAgentInstalledApplicationRelationship(
      fromKey,
      toKey,
      {
        id: '1190416000000000402',
        applicationInstallationDate: null,
        applicationInstallationPath: null,
        detectionDate: undefined,
      },
    );
    expect(relationship.installedOn).toBeUndefined();
    expect(relationship.installPath).toBeUndefined();
    expect(relationship.detectedOn).toBeUndefined();
  });

  test('throws MalformedRecordError for an unparseable date', () => {
    expect(() =>
      createAgentInstalledApplicationRelationship(fromKey, toKey, {
        ...install,
        applicationInstallationDate: 'unknown',
      }),
    ).toThrow(
      "application install 1190416000000000401: applicationInstallationDate 'unknown' is not a date",
    );
  });
});
