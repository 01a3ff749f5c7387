import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { IntegrationConfig, validateConfig } from '../../config';
import { describeUnmatchedIds, runScope } from '../../scope';
import { readConsoleFacts } from '../../validateInvocation';
import { Entities, Steps } from '../constants';
import { StepContext, warnCustomer } from '../framework';
import { DAY_MS } from '../util';
import { createAccountEntity } from './converter';

/** Warn the customer this long before the API token expires. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;

export async function fetchAccount(context: StepContext): Promise<void> {
  const { instance, jobState, logger } = context;
  const { systemInfo, tokenExpiresOn } = await readConsoleFacts(context);
  warnIfTokenExpiresSoon(context, tokenExpiresOn);
  const scope = await runScope(context);
  const unmatchedIds = describeUnmatchedIds(scope);
  if (unmatchedIds) {
    warnCustomer(logger, 'warn_scope_ids_not_found', unmatchedIds);
  }
  await jobState.addEntity(
    createAccountEntity({
      instance,
      serverUrl: validateConfig(instance.config).serverUrl,
      systemInfo,
      tokenExpiresOn,
      accounts: scope.tokenLevel === 'site' ? undefined : scope.accounts,
      scope: scope.tokenLevel,
    }),
  );
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
