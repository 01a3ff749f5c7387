import { S1Group } from '../../client/types';
import { blankProperties } from '../../../test/blankProperties';
import { Entities } from '../constants';
import { MalformedRecordError } from '../util';
import { groupKey } from '../keys';
import { createGroupEntity } from './converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const REGISTRATION_TOKEN =
  'eyJ1cmwiOiAiaHR0cHM6Ly91c2VhMSIsICJncm91cCI6ICJzZWNyZXQifQ==';

function group(overrides: Partial<S1Group> = {}): S1Group {
  return {
    id: '1190413000000000101',
    name: 'Finance Laptops',
    siteId: '1190412123456789012',
    type: 'static',
    isDefault: false,
    inherits: true,
    rank: 3,
    totalAgents: 57,
    filterId: null,
    filterName: null,
    creator: 'Jane Admin',
    creatorId: '1190400000000000001',
    description: 'Laptops of the finance team',
    createdAt: '2022-01-10T08:00:00.000000Z',
    updatedAt: '2024-06-30T23:59:59.999999Z',
    registrationToken: REGISTRATION_TOKEN,
    ...overrides,
  };
}

describe('groupKey', () => {
  test('is sentinelone_group-id-<id>', () => {
    expect(groupKey('1190413000000000101')).toBe(
      'sentinelone_group-id-1190413000000000101',
    );
  });
});

describe('createGroupEntity', () => {
  test('maps a full group', () => {
    const entity = createGroupEntity(group(), SERVER_URL);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.GROUP._class });
    expect(entity).toMatchObject({
      _key: 'sentinelone_group-id-1190413000000000101',
      _type: Entities.GROUP._type,
      _class: ['Group'],
      id: '1190413000000000101',
      name: 'Finance Laptops',
      displayName: 'Finance Laptops',
      type: 'static',
      isDefault: false,
      inherits: true,
      rank: 3,
      totalAgents: 57,
      siteId: '1190412123456789012',
      description: 'Laptops of the finance team',
      creator: 'Jane Admin',
      createdOn: Date.UTC(2022, 0, 10, 8),
      updatedOn: Date.parse('2024-06-30T23:59:59.999Z'),
      webLink: `${SERVER_URL}/sentinels/groups/1190413000000000101`,
    });
    expect(entity.filterName).toBeUndefined();
  });

  test('maps a dynamic group with its filter', () => {
    const entity = createGroupEntity(
      group({ type: 'dynamic', filterId: '77', filterName: 'macOS devices' }),
      SERVER_URL,
    );
    expect(entity).toMatchObject({
      type: 'dynamic',
      filterId: '77',
      filterName: 'macOS devices',
    });
  });

  test('keeps the registration token out of the entity and its rawData', () => {
    const entity = createGroupEntity(group(), SERVER_URL);
    expect(
      JSON.parse(JSON.stringify(entity._rawData))[0].rawData,
    ).not.toHaveProperty('registrationToken');
    expect(JSON.stringify(entity)).not.toContain(REGISTRATION_TOKEN);
  });

  test('tolerates null and missing optional fields', () => {
    const entity = createGroupEntity(
      {
        id: '1190413000000000102',
        name: null,
        rank: null,
        description: null,
        createdAt: null,
        updatedAt: '',
      },
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.GROUP._class });
    expect(entity.name).toBe('1190413000000000102');
    expect(entity.description).toBeUndefined();
    expect(entity.createdOn).toBeUndefined();
    expect(entity.updatedOn).toBeUndefined();
  });

  test('stores no blank string and reads string booleans and numbers', () => {
    const entity = createGroupEntity(
      group({
        description: '',
        filterName: '',
        creator: ' ',
        inherits: 'true' as unknown as boolean,
        totalAgents: '57' as unknown as number,
      }),
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.GROUP._class });
    expect(blankProperties(entity)).toEqual([]);
    expect(entity).toMatchObject({ inherits: true, totalAgents: 57 });
  });

  test('throws MalformedRecordError without id or with a bad date', () => {
    expect(() =>
      createGroupEntity(
        { ...group(), id: undefined as unknown as string },
        SERVER_URL,
      ),
    ).toThrow(MalformedRecordError);
    expect(() =>
      createGroupEntity(group({ createdAt: '31/12/2023' }), SERVER_URL),
    ).toThrow(
      "group 1190413000000000101: createdAt '31/12/2023' is not a date",
    );
  });
});
