import { Entity } from '@jupiterone/integration-sdk-core';

import { S1Account, S1SystemInfo } from '../../client/types';
import { TokenLevel } from '../../scope';
import { Entities } from '../constants';
import { toText } from '../../normalize/values';
import { accountKey } from '../keys';
import { createEntity } from '../util';
import { accountWebLink } from '../webLinks';

export interface AccountEntityInput {
  /** The JupiterOne integration instance (only these fields are read). */
  instance: { id: string; name: string; description?: string };
  /** Normalized console URL. */
  serverUrl: string;
  systemInfo?: S1SystemInfo;
  /** Epoch ms. */
  tokenExpiresOn?: number;
  /** Epoch ms. */
  tokenCreatedOn?: number;
  /** SentinelOne accounts the token sees (absent for site-scoped tokens). */
  accounts?: S1Account[];
  scope: TokenLevel;
}

const DEFAULT_ACCOUNT_NAME = 'SentinelOne';

/**
 * The one `sentinelone_account` entity of an integration instance: the
 * SentinelOne console as the instance sees it. It carries no SentinelOne record
 * as rawData (it is built from the instance, system info and token details).
 */
export function createAccountEntity(input: AccountEntityInput): Entity {
  const { instance, serverUrl, systemInfo, accounts, scope } = input;
  const name = toText(instance.name) ?? DEFAULT_ACCOUNT_NAME;

  const accountProperties = accounts
    ? {
        accountIds: accounts
          .map((account) => toText(account.id))
          .filter((id): id is string => id !== undefined),
        accountNames: accounts
          .map((account) => toText(account.name))
          .filter((accountName): accountName is string => !!accountName),
      }
    : {};

  return createEntity(
    {},
    {
      _key: accountKey(instance.id),
      _type: Entities.ACCOUNT._type,
      _class: Entities.ACCOUNT._class,
      name,
      displayName: name,
      description: toText(instance.description),
      vendor: 'SentinelOne',
      webLink: accountWebLink(serverUrl),
      accessURL: accountWebLink(serverUrl),
      build: toText(systemInfo?.build),
      version: toText(systemInfo?.version),
      release: toText(systemInfo?.release),
      patch: toText(systemInfo?.patch),
      latestAgentVersion: toText(systemInfo?.latestAgentVersion),
      tokenExpiresOn: input.tokenExpiresOn,
      tokenCreatedOn: input.tokenCreatedOn,
      scope,
      ...accountProperties,
    },
  );
}
