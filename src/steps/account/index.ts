import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { apiErrorCodes, S1Account, Scope } from '../../client';
import {
  createClient,
  IntegrationConfig,
  readConsoleFacts,
  validateConfig,
} from '../../config';
import { Entities, Steps } from '../constants';
import { StepContext, warnCustomer, writeJobData } from '../framework';
import { createAccountEntity } from './converter';

/** Warn the customer this long before the API token expires. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** SentinelOne's code for "action not allowed to site users". */
export const SITE_USER_REFUSED_CODE = 4030010;

export async function fetchAccount(context: StepContext): Promise<void> {
  const { instance, jobState, logger } = context;
  const config = validateConfig(instance.config);
  const client = createClient(config, logger);

  const { systemInfo, tokenExpiresOn } = await readConsoleFacts(
    instance.config,
    client,
    logger,
  );
  warnIfTokenExpiresSoon(context, tokenExpiresOn);

  const accounts = await fetchAccountsUnlessSiteScoped(context, client);
  const siteScoped = accounts === undefined;
  const scope: Scope = siteScoped
    ? { siteIds: config.scope.siteIds }
    : config.scope;
  if (siteScoped && config.scope.accountIds?.length) {
    logger.warn(
      'The API token is site-scoped: the accountIds filter cannot apply and is ignored; use siteIds',
    );
  }

  await writeJobData(jobState, 'filters', scope);
  await writeJobData(jobState, 'siteScoped', siteScoped);
  await writeJobData(
    jobState,
    'accounts',
    new Map(
      (accounts ?? []).map((account) => [
        account.id,
        account.name ?? undefined,
      ]),
    ),
  );
  await jobState.addEntity(
    createAccountEntity({
      instance,
      serverUrl: config.serverUrl,
      systemInfo,
      tokenExpiresOn,
      accounts,
      scope: siteScoped
        ? 'site'
        : (accounts?.length ?? 0) > 1
        ? 'global'
        : 'account',
    }),
  );
}

/**
 * The accounts the token sees, or undefined for a site-scoped token, which
 * the API refuses account-level data (403, code 4030010): the collection then
 * carries on at site scope rather than failing.
 */
async function fetchAccountsUnlessSiteScoped(
  context: StepContext,
  client: ReturnType<typeof createClient>,
): Promise<S1Account[] | undefined> {
  const accounts: S1Account[] = [];
  try {
    await client.iterateAccounts((page) => {
      accounts.push(...page.filter((account) => account?.id));
    });
    return accounts;
  } catch (err) {
    if (!apiErrorCodes(err).includes(SITE_USER_REFUSED_CODE)) throw err;
    context.logger.info(
      'The API token is site-scoped (accounts refused with 4030010): collecting at site scope',
    );
    return undefined;
  }
}

function warnIfTokenExpiresSoon(
  context: StepContext,
  tokenExpiresOn: number | undefined,
): void {
  if (tokenExpiresOn === undefined) return;
  const daysLeft = (tokenExpiresOn - Date.now()) / DAY_MS;
  if (daysLeft > TOKEN_EXPIRY_WARNING_DAYS) return;
  warnCustomer(
    context.logger,
    'warn_api_token_expiring',
    `The SentinelOne API token expires on ${new Date(
      tokenExpiresOn,
    ).toISOString()} (in ${Math.max(
      0,
      Math.floor(daysLeft),
    )} day(s)). Generate a new one in the SentinelOne console (Settings > Users > Service Users > Actions > Generate API Token) and update this integration before then, or collection will stop.`,
  );
}

export const accountSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.ACCOUNT,
    name: 'Fetch Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    dependsOn: [],
    executionHandler: fetchAccount,
  },
];
