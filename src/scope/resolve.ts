import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

import {
  apiErrorCodes,
  ClientLogger,
  ListFilter,
  PageHandler,
  runClient,
  S1Account,
  S1Site,
  SentinelOneClient,
} from '../client';
import { ConfiguredScope, IntegrationConfig, validateConfig } from '../config';
import { idFilters } from './filters';
import { RunScope, TokenLevel } from './types';

/** SentinelOne's code for "action not allowed to site users". */
const SITE_USER_REFUSED_CODE = 4030010;

interface RunContext {
  instance: { config: IntegrationConfig };
  logger: ClientLogger;
}

const scopeByRun = new WeakMap<IntegrationConfig, Promise<RunScope>>();

/**
 * The run's scope, resolved by the first caller and shared by every other:
 * the runtime hands `validateInvocation` and every step the same config
 * object. A failed resolution is not kept, so that a later caller tries again.
 */
export function runScope(context: RunContext): Promise<RunScope> {
  const { config } = context.instance;
  let scope = scopeByRun.get(config);
  if (!scope) {
    scope = resolveScope(
      runClient(context),
      validateConfig(config).configuredScope,
      context.logger,
    );
    scopeByRun.set(config, scope);
    scope.catch(() => scopeByRun.delete(config));
  }
  return scope;
}

/**
 * Reads what the configured scope holds, asking no more than it allows:
 * configured Site IDs are listed by site id, then their accounts by account
 * id; configured Account IDs by account id, then their sites; with neither,
 * whatever the token may see. A site-scoped token is refused `/accounts`
 * (403, code 4030010) and is collected at site level.
 */
async function resolveScope(
  client: SentinelOneClient,
  configured: ConfiguredScope,
  logger: ClientLogger,
): Promise<RunScope> {
  const scope = configured.siteIds
    ? await resolveBySite(client, configured)
    : configured.accountIds
    ? await resolveByAccount(client, configured)
    : await resolveByToken(client);
  assertSomeIdsMatch(scope);
  logger.info(
    {
      tokenLevel: scope.tokenLevel,
      restrictedTo: scope.restrictedTo,
      accounts: scope.accounts.length,
      sites: scope.sites.length,
    },
    `Collecting ${scope.sites.length} site(s) in ${scope.accounts.length} account(s) (token level: ${scope.tokenLevel})`,
  );
  return scope;
}

async function resolveBySite(
  client: SentinelOneClient,
  configured: ConfiguredScope,
): Promise<RunScope> {
  const siteIds = new Set(configured.siteIds);
  const accountIds = configured.accountIds && new Set(configured.accountIds);
  const sites = (
    await listSitesOrRefuse(client, idFilters('site', [...siteIds]))
  ).filter(
    (site) =>
      siteIds.has(site.id) && (!accountIds || accountIds.has(site.accountId!)),
  );
  const ownerIds = unique(sites.map((site) => site.accountId ?? ''));
  const accounts = ownerIds.length
    ? await listAccountsUnlessSiteUser(client, idFilters('account', ownerIds))
    : undefined;
  return {
    tokenLevel: tokenLevelOf(accounts),
    configured,
    restrictedTo: 'site',
    accounts: (accounts ?? []).filter((a) => ownerIds.includes(a.id)),
    sites,
  };
}

async function resolveByAccount(
  client: SentinelOneClient,
  configured: ConfiguredScope,
): Promise<RunScope> {
  const accountIds = configured.accountIds!;
  const listed = await listAccountsUnlessSiteUser(
    client,
    idFilters('account', accountIds),
  );
  if (!listed) {
    throw new IntegrationValidationError(
      `accountIds cannot apply: SentinelOne refused to list accounts ${accountIds
        .slice(0, 10)
        .join(
          ', ',
        )} (403, code 4030010). Either the API token is site-scoped (site users may not filter by account: set siteIds to the sites to collect instead) or its user has no access to these accounts`,
    );
  }
  const accounts = listed.filter((account) => accountIds.includes(account.id));
  const found = accounts.map((account) => account.id);
  const sites = found.length
    ? (await listSites(client, idFilters('account', found))).filter((site) =>
        found.includes(site.accountId ?? ''),
      )
    : [];
  return {
    tokenLevel: tokenLevelOf(listed),
    configured,
    restrictedTo: 'account',
    accounts,
    sites,
  };
}

async function resolveByToken(client: SentinelOneClient): Promise<RunScope> {
  const token: ListFilter[] = [{ level: 'token' }];
  const accounts = await listAccountsUnlessSiteUser(client, token);
  return {
    tokenLevel: tokenLevelOf(accounts),
    configured: {},
    restrictedTo: 'token',
    accounts: accounts ?? [],
    sites: await listSites(client, token),
  };
}

/**
 * The accounts the filters name, or undefined for a site-scoped token, which
 * the API refuses account-level data (403, code 4030010).
 */
async function listAccountsUnlessSiteUser(
  client: SentinelOneClient,
  filters: ListFilter[],
): Promise<S1Account[] | undefined> {
  try {
    return await listAll(filters, (filter, onPage) =>
      client.iterateAccounts(filter, onPage),
    );
  } catch (err) {
    if (!apiErrorCodes(err).includes(SITE_USER_REFUSED_CODE)) throw err;
    return undefined;
  }
}

function tokenLevelOf(accounts: S1Account[] | undefined): TokenLevel {
  if (!accounts) return 'site';
  return accounts.length > 1 ? 'global' : 'account';
}

/** Sites the customer named: a refusal means the config names sites the token may not read. */
async function listSitesOrRefuse(
  client: SentinelOneClient,
  filters: ListFilter[],
): Promise<S1Site[]> {
  try {
    return await listSites(client, filters);
  } catch (err) {
    if (!apiErrorCodes(err).includes(SITE_USER_REFUSED_CODE)) throw err;
    throw new IntegrationValidationError(
      "siteIds names sites the API token may not read: SentinelOne refused them (403, code 4030010). Check that every id is a site the token's user has access to",
    );
  }
}

function listSites(
  client: SentinelOneClient,
  filters: ListFilter[],
): Promise<S1Site[]> {
  return listAll(filters, (filter, onPage) =>
    client.iterateSites(filter, onPage),
  );
}

/**
 * Every record the filters list, once each (a record can come twice across
 * pages of a list that changes while it is read). Records without an id are
 * kept for the steps to count as malformed: no filter names them.
 */
async function listAll<T extends { id: string }>(
  filters: ListFilter[],
  iterate: (filter: ListFilter, onPage: PageHandler<T>) => Promise<unknown>,
): Promise<T[]> {
  const byId = new Map<string, T>();
  const withoutId: T[] = [];
  for (const filter of filters) {
    await iterate(filter, (records) => {
      for (const record of records) {
        if (typeof record?.id === 'string' && record.id) {
          byId.set(record.id, record);
        } else {
          withoutId.push(record);
        }
      }
    });
  }
  return [...byId.values(), ...withoutId];
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.filter(Boolean))];
}

/** The configured ids of the field that sets the scope. */
function idsSettingScope(scope: RunScope) {
  const field =
    scope.restrictedTo === 'site'
      ? ('siteIds' as const)
      : ('accountIds' as const);
  const records = scope.restrictedTo === 'site' ? scope.sites : scope.accounts;
  const found = new Set(records.map((record) => record.id));
  const configured = scope.configured[field] ?? [];
  return {
    field,
    what: field === 'siteIds' ? 'site' : 'account',
    configured,
    missing: configured.filter((id) => !found.has(id)),
  };
}

/**
 * Configured ids that name nothing the token may read (a typo, a deleted
 * site, a token of another scope): none at all is a broken config.
 */
function assertSomeIdsMatch(scope: RunScope): void {
  const { field, what, configured, missing } = idsSettingScope(scope);
  if (!configured.length || missing.length < configured.length) return;
  throw new IntegrationValidationError(
    `${field}: none of ${missing
      .slice(0, 10)
      .join(', ')} is a ${what} this API token can read${
      scope.configured.siteIds && scope.configured.accountIds
        ? ' within the configured accountIds'
        : ''
    }: check the ids in the SentinelOne console, and that the token's user has access to them`,
  );
}

/**
 * The customer's warning when some configured ids name nothing the token
 * may read; the rest is collected. Undefined when every id matched.
 */
export function describeUnmatchedIds(scope: RunScope): string | undefined {
  const { field, what, configured, missing } = idsSettingScope(scope);
  if (!missing.length) return undefined;
  return `${field}: ${missing.length} configured ${what} id(s) (${missing
    .slice(0, 10)
    .join(', ')}) name no ${what} this API token can read; the other ${
    configured.length - missing.length
  } are collected. Check the ids in the SentinelOne console.`;
}
