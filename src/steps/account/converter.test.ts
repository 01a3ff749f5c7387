import { S1Account, S1SystemInfo } from '../../client/types';
import { Entities } from '../constants';
import { accountKey } from '../keys';
import { createAccountEntity } from './converter';

const SERVER_URL = 'https://usea1-acme.sentinelone.net';
const instance = {
  id: 'a6a3d5b4-8e64-4a34-9b05-0ed7cf2a4d11',
  name: 'Acme SentinelOne',
  description: 'Production console',
};
const systemInfo: S1SystemInfo = {
  build: '40',
  version: 'Vega',
  release: 'SP1',
  patch: '2',
  latestAgentVersion: '23.4.2.14',
};
const accounts: S1Account[] = [
  { id: '1190411811111111111', name: 'Acme Corp', state: 'active' },
  { id: '1190411822222222222', name: null, state: 'active' },
];

describe('accountKey', () => {
  test('is based on the integration instance id', () => {
    expect(accountKey(instance.id)).toBe(`sentinelone_account-${instance.id}`);
  });
});

describe('createAccountEntity', () => {
  test('builds the account from instance, system info, token and accounts', () => {
    const tokenExpiresOn = Date.UTC(2025, 0, 31);
    const tokenCreatedOn = Date.UTC(2024, 7, 1);
    const entity = createAccountEntity({
      instance,
      serverUrl: SERVER_URL,
      systemInfo,
      tokenExpiresOn,
      tokenCreatedOn,
      accounts,
      scope: 'global',
    });

    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.ACCOUNT._class,
    });
    expect(entity).toMatchObject({
      _key: accountKey(instance.id),
      _type: Entities.ACCOUNT._type,
      _class: Entities.ACCOUNT._class,
      name: 'Acme SentinelOne',
      displayName: 'Acme SentinelOne',
      description: 'Production console',
      vendor: 'SentinelOne',
      webLink: SERVER_URL,
      build: '40',
      version: 'Vega',
      latestAgentVersion: '23.4.2.14',
      tokenExpiresOn,
      tokenCreatedOn,
      accountIds: ['1190411811111111111', '1190411822222222222'],
      accountNames: ['Acme Corp'],
      scope: 'global',
    });
  });

  test('works with the instance alone (site-scoped token, no extras)', () => {
    const entity = createAccountEntity({
      instance: { id: instance.id, name: 'Site only' },
      serverUrl: `${SERVER_URL}/`,
      scope: 'site',
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.ACCOUNT._class,
    });
    expect(entity.webLink).toBe(SERVER_URL);
    expect(entity.scope).toBe('site');
    expect(entity.accountIds).toBeUndefined();
    expect(entity.accountNames).toBeUndefined();
    expect(entity.tokenExpiresOn).toBeUndefined();
    expect(entity.build).toBeUndefined();
  });

  test('tolerates null system info fields and a blank instance name', () => {
    const entity = createAccountEntity({
      instance: { id: instance.id, name: ' ' },
      serverUrl: SERVER_URL,
      systemInfo: { build: null, version: null, latestAgentVersion: null },
      accounts: [],
      scope: 'account',
    });
    expect(entity).toMatchGraphObjectSchema({
      _class: Entities.ACCOUNT._class,
    });
    expect(entity.name).toBe('SentinelOne');
    expect(entity.version).toBeUndefined();
    expect(entity.accountIds).toEqual([]);
  });
});
