import { S1Exclusion } from '../../client/types';
import { Entities } from '../constants';
import { MalformedRecordError } from '../util';
import { createExclusionEntity, exclusionScopeLevel } from './converter';

/** A `GET /exclusions` row as the spec (v2.1) declares it. */
const pathExclusion = (): S1Exclusion & Record<string, unknown> => ({
  id: '1392053071506571431',
  type: 'path',
  value: 'C:\\Program Files\\Backup\\agent.exe',
  mode: 'disable_all_monitors',
  pathExclusionType: 'file',
  osType: 'windows',
  source: 'action_from_threat',
  notRecommended: 'Not recommended',
  description: 'Backup agent flagged as ransomware',
  userId: '225494730938493804',
  userName: 'Jane Admin',
  scope: { tenant: false, accountIds: [], siteIds: ['11', '12'], groupIds: [] },
  scopeName: 'Paris office',
  scopePath: 'Global / Acme / Paris office',
  imported: false,
  includeChildren: false,
  includeParents: false,
  inAppInventory: false,
  applicationName: null,
  actions: [],
  createdAt: '2024-05-01T10:00:00.123456Z',
  updatedAt: '2024-05-02T10:00:00Z',
});

describe('createExclusionEntity', () => {
  test('what was carved out, how, by whom and where', () => {
    const entity = createExclusionEntity(pathExclusion());
    expect(entity).toMatchObject({
      _key: 'sentinelone_exclusion-id-1392053071506571431',
      _type: Entities.EXCLUSION._type,
      _class: Entities.EXCLUSION._class,
      name: 'C:\\Program Files\\Backup\\agent.exe',
      type: 'path',
      value: 'C:\\Program Files\\Backup\\agent.exe',
      mode: 'disable_all_monitors',
      pathExclusionType: 'file',
      osType: 'windows',
      source: 'action_from_threat',
      notRecommended: true,
      recommendation: 'Not recommended',
      scopeLevel: 'site',
      scopeName: 'Paris office',
      scopePath: 'Global / Acme / Paris office',
      description: 'Backup agent flagged as ransomware',
      createdBy: 'Jane Admin',
      createdOn: Date.parse('2024-05-01T10:00:00.123Z'),
      updatedOn: Date.parse('2024-05-02T10:00:00Z'),
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.EXCLUSION._class,
    });
  });

  test('a hash exclusion SentinelOne does not flag: notRecommended false, no mode', () => {
    const entity = createExclusionEntity({
      ...pathExclusion(),
      type: 'white_hash',
      value: '3395856ce81f2b7382dee72602f798b642f14140',
      mode: null,
      pathExclusionType: null,
      notRecommended: 'NONE',
      description: '',
    });
    expect(entity).toMatchObject({ type: 'white_hash', notRecommended: false });
    expect(entity.mode).toBeUndefined();
    expect(entity.recommendation).toBeUndefined();
    expect(entity.description).toBeUndefined();
  });

  test('an exclusion without id is malformed', () => {
    expect(() => createExclusionEntity({ ...pathExclusion(), id: '' })).toThrow(
      MalformedRecordError,
    );
  });
});

test('exclusionScopeLevel: the narrowest scope named', () => {
  const level = (scope: S1Exclusion['scope']) =>
    exclusionScopeLevel({ id: '1', scope });
  expect(level({ tenant: true })).toBe('tenant');
  expect(level({ tenant: false, accountIds: ['1'] })).toBe('account');
  expect(level({ accountIds: ['1'], siteIds: ['2'] })).toBe('site');
  expect(level({ siteIds: [], groupIds: ['3'] })).toBe('group');
  expect(level(null)).toBeUndefined();
});
