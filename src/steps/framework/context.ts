import { IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';

import { runClient, SentinelOneClient } from '../../client';
import {
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
 * A client for this step over the run's one transport, and what the step
 * may read: its list requests take their filters from `scope.run`.
 */
export async function getStepClient(context: StepContext): Promise<StepClient> {
  return {
    config: validateConfig(context.instance.config),
    scope: await stepScope(context),
    client: runClient(context),
  };
}
