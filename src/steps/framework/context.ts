import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';

import { Scope, SentinelOneClient } from '../../client';
import {
  createClient,
  IntegrationConfig,
  validateConfig,
  ValidatedConfig,
} from '../../config';
import { stepScope, StepScope } from './scope';

export type StepContext = IntegrationStepExecutionContext<IntegrationConfig>;

export interface StepClient {
  config: ValidatedConfig;
  scope: StepScope;
  client: SentinelOneClient;
}

/**
 * A client for this step whose list requests carry the filters earlier steps
 * settled on (or those `filtersOf` derives from the scope).
 */
export async function getStepClient(
  context: StepContext,
  filtersOf: (scope: StepScope) => Scope = (scope) => scope.filters,
): Promise<StepClient> {
  const config = validateConfig(context.instance.config);
  const scope = await stepScope(context);
  return {
    config,
    scope,
    client: createClient(config, context.logger, filtersOf(scope)),
  };
}
