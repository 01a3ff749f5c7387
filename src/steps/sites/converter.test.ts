import { S1Site } from '../../client/types';
import { blankProperties } from '../../../test/blankProperties';
import { Entities } from '../constants';
import { MalformedRecordError } from '../util';
import { siteKey } from '../keys';
import { createSiteEntity } from './converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const REGISTRATION_TOKEN =
  'eyJ1cmwiOiAiaHR0cHM6Ly91c2VhMS1hY21lIiwgInNpdGVfa2V5IjogInNlY3JldCJ9';

function site(overrides: Partial<S1Site> = {}): S1Site {
  return {
    id: '1190412123456789012',
    name: 'Headquarters',
    accountId: '1190411811111111111',
    accountName: 'Acme Corp',
    state: 'active',
    siteType: 'Paid',
    suite: 'Complete',
    sku: 'Complete',
    isDefault: false,
    activeLicenses: 412,
    totalLicenses: 500,
    unlimitedLicenses: false,
    expiration: '2026-03-31T00:00:00Z',
    unlimitedExpiration: false,
    healthStatus: true,
    externalId: 'crm-0042',
    description: 'Main office endpoints',
    creator: 'Jane Admin',
    creatorId: '1190400000000000001',
    createdAt: '2021-04-12T09:15:02.123456Z',
    updatedAt: '2024-05-02T17:40:11.654321Z',
    registrationToken: REGISTRATION_TOKEN,
    ...overrides,
  };
}

describe('siteKey', () => {
  test('is sentinelone_site-id-<id>', () => {
    expect(siteKey('1190412123456789012')).toBe(
      'sentinelone_site-id-1190412123456789012',
    );
  });
});

describe('createSiteEntity', () => {
  test('maps a full site', () => {
    const entity = createSiteEntity(site(), SERVER_URL);
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.SITE._class });
    expect(entity).toMatchObject({
      _key: 'sentinelone_site-id-1190412123456789012',
      _type: Entities.SITE._type,
      _class: ['Group'],
      id: '1190412123456789012',
      name: 'Headquarters',
      displayName: 'Headquarters',
      state: 'active',
      siteType: 'Paid',
      suite: 'Complete',
      sku: 'Complete',
      activeLicenses: 412,
      totalLicenses: 500,
      unlimitedLicenses: false,
      expiresOn: Date.UTC(2026, 2, 31),
      accountId: '1190411811111111111',
      accountName: 'Acme Corp',
      isDefault: false,
      healthStatus: true,
      createdOn: Date.parse('2021-04-12T09:15:02.123Z'),
      updatedOn: Date.parse('2024-05-02T17:40:11.654Z'),
      webLink: `${SERVER_URL}/settings/sites/1190412123456789012`,
    });
  });

  test('keeps the registration token out of the entity and its rawData', () => {
    const entity = createSiteEntity(site(), SERVER_URL);
    expect(
      JSON.parse(JSON.stringify(entity._rawData))[0].rawData,
    ).not.toHaveProperty('registrationToken');
    expect(entity._rawData?.[0].rawData).toMatchObject({ id: site().id });
    expect(JSON.stringify(entity)).not.toContain(REGISTRATION_TOKEN);
  });

  test('tolerates null and missing optional fields', () => {
    const entity = createSiteEntity(
      {
        id: '1190412123456789013',
        name: null,
        state: null,
        activeLicenses: null,
        expiration: null,
        unlimitedExpiration: true,
        createdAt: null,
        description: null,
        registrationToken: null,
      },
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.SITE._class });
    expect(entity.name).toBe('1190412123456789013');
    expect(entity.expiresOn).toBeUndefined();
    expect(entity.createdOn).toBeUndefined();
    expect(entity.state).toBeUndefined();
    expect(entity.unlimitedExpiration).toBe(true);
  });

  test('stores no blank string and reads string booleans and numbers', () => {
    const entity = createSiteEntity(
      site({
        externalId: '',
        description: ' ',
        creator: '',
        suite: '',
        activeLicenses: '412' as unknown as number,
        unlimitedLicenses: 'False' as unknown as boolean,
        healthStatus: 'True' as unknown as boolean,
      }),
      SERVER_URL,
    );
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.SITE._class });
    expect(blankProperties(entity)).toEqual([]);
    expect(entity).toMatchObject({
      activeLicenses: 412,
      unlimitedLicenses: false,
      healthStatus: true,
    });
  });

  test('throws MalformedRecordError without id or with a bad date', () => {
    expect(() => createSiteEntity({ ...site(), id: '' }, SERVER_URL)).toThrow(
      new MalformedRecordError('site record without id', 'site'),
    );
    expect(() =>
      createSiteEntity(site({ expiration: 'soon' }), SERVER_URL),
    ).toThrow("site 1190412123456789012: expiration 'soon' is not a date");
  });
});
