import { S1Role, S1ServiceUser, S1User } from '../../client/types';
import { Entities, Relationships } from '../constants';
import { MalformedRecordError } from '../util';
import {
  createRoleEntity,
  createServiceUserEntity,
  createUserAssignedRoleRelationships,
  createUserEntity,
} from './converter';

/** A `GET /users` row as the spec (v2.1) declares it. */
const consoleUser = (): S1User & Record<string, unknown> => ({
  id: '225494730938493804',
  email: 'Jane.Admin@example.com',
  fullName: 'Jane Admin',
  emailVerified: true,
  scope: 'site',
  source: 'mgmt',
  scopeRoles: [
    {
      id: '11',
      name: 'Paris office',
      accountName: 'Acme',
      roleId: '900',
      roleName: 'IR Team',
      roles: ['IR Team'],
    },
    {
      id: '12',
      name: 'Lyon office',
      accountName: 'Acme',
      roleId: '900',
      roleName: 'IR Team',
      roles: ['IR Team'],
    },
  ],
  lowestRole: 'IR Team',
  twoFaEnabled: false,
  twoFaConfigured: false,
  twoFaStatus: 'disabled',
  firstLogin: '2022-01-03T09:00:00Z',
  lastLogin: '2024-01-03T09:00:00.123456Z',
  dateJoined: '2022-01-01T09:00:00Z',
  apiToken: {
    createdAt: '2024-01-01T00:00:00Z',
    expiresAt: '2024-07-01T00:00:00Z',
  },
  canGenerateApiToken: true,
  isSystem: false,
  agreementUrl: 'https://example.com/eula',
});

describe('createUserEntity', () => {
  test('a local console user without 2FA, with its token dates only', () => {
    const entity = createUserEntity(consoleUser());
    expect(entity).toMatchObject({
      _key: 'sentinelone_user-id-225494730938493804',
      _type: Entities.USER._type,
      _class: Entities.USER._class,
      name: 'Jane Admin',
      username: 'Jane.Admin@example.com',
      email: 'jane.admin@example.com',
      serviceAccount: false,
      mfaEnabled: false,
      twoFaConfigured: false,
      source: 'local',
      scope: 'site',
      roleNames: ['IR Team'],
      canGenerateApiToken: true,
      apiTokenExpiresOn: Date.parse('2024-07-01T00:00:00Z'),
      lastLoginOn: Date.parse('2024-01-03T09:00:00.123Z'),
      createdOn: Date.parse('2022-01-01T09:00:00Z'),
    });
    expect(entity).toMatchGraphObjectSchema({ _class: Entities.USER._class });
  });

  test('an SSO user who never signed in: no login date, email kept out when not an address', () => {
    const entity = createUserEntity({
      ...consoleUser(),
      source: 'sso_saml',
      email: 'not an address',
      lastLogin: undefined,
      firstLogin: undefined,
      apiToken: undefined,
      twoFaEnabled: 'True',
    });
    expect(entity).toMatchObject({ source: 'sso', mfaEnabled: true });
    expect(entity.email).toBeUndefined();
    expect(entity.lastLoginOn).toBeUndefined();
    expect(entity.apiTokenExpiresOn).toBeUndefined();
  });

  test('a user without id is malformed', () => {
    expect(() => createUserEntity({ ...consoleUser(), id: '' })).toThrow(
      MalformedRecordError,
    );
  });
});

test('createServiceUserEntity: a service account known by its token expiry', () => {
  const serviceUser: S1ServiceUser = {
    id: '1523456789012345678',
    name: 'JupiterOne collector',
    description: 'Read-only',
    scope: 'account',
    scopeRoles: [
      {
        id: '7',
        name: 'Acme',
        accountName: 'Acme',
        roleId: '901',
        roleName: 'Viewer',
      },
    ],
    apiToken: {
      createdAt: '2024-01-01T00:00:00Z',
      expiresAt: '2024-06-30T00:00:00Z',
    },
    lastActivation: '2024-06-01T00:00:00Z',
    createdBy: { id: '1', name: 'Jane Admin' },
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-02T00:00:00Z',
  };
  const entity = createServiceUserEntity(serviceUser);
  expect(entity).toMatchObject({
    _key: 'sentinelone_user-id-1523456789012345678',
    name: 'JupiterOne collector',
    username: 'JupiterOne collector',
    serviceAccount: true,
    scope: 'account',
    apiTokenExpiresOn: Date.parse('2024-06-30T00:00:00Z'),
    lastActivationOn: Date.parse('2024-06-01T00:00:00Z'),
    createdBy: 'Jane Admin',
  });
  expect(entity.mfaEnabled).toBeUndefined();
  expect(entity).toMatchGraphObjectSchema({ _class: Entities.USER._class });
});

test('createRoleEntity: a predefined role is a system role', () => {
  const role: S1Role = {
    id: '900',
    name: 'IR Team',
    description: 'Incident response',
    predefinedRole: true,
    scope: 'tenant',
    usersInRoles: '4',
    creator: 'SentinelOne',
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
  };
  expect(createRoleEntity(role)).toMatchObject({
    _key: 'sentinelone_role-id-900',
    _class: Entities.ROLE._class,
    name: 'IR Team',
    predefinedRole: true,
    systemRole: true,
    scope: 'tenant',
    usersInRoles: 4,
  });
  expect(createRoleEntity(role)).toMatchGraphObjectSchema({
    _class: Entities.ROLE._class,
  });
});

test('createUserAssignedRoleRelationships: one per scope the role is held at', () => {
  const user = consoleUser();
  const relationships = createUserAssignedRoleRelationships(
    'sentinelone_user-id-225494730938493804',
    user.scope,
    user.scopeRoles,
  );
  expect(relationships).toHaveLength(2);
  expect(new Set(relationships.map((r) => r._key)).size).toBe(2);
  expect(relationships[0]).toMatchObject({
    _type: Relationships.USER_ASSIGNED_ROLE._type,
    _class: 'ASSIGNED',
    _fromEntityKey: 'sentinelone_user-id-225494730938493804',
    _toEntityKey: 'sentinelone_role-id-900',
    scopeLevel: 'site',
    scopeId: '11',
    scopeName: 'Paris office',
    accountName: 'Acme',
    roleName: 'IR Team',
  });
  expect(
    createUserAssignedRoleRelationships('u', 'tenant', [
      { name: 'Global', accountName: '', roleId: '900' },
      { name: 'Global', accountName: '', roleId: '' },
    ]),
  ).toMatchObject([{ _key: 'u|assigned|sentinelone_role-id-900|tenant' }]);
});
