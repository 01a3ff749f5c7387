import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';

import { instanceConfigFields, IntegrationConfig } from './config';
import { ingestionConfig } from './ingestionConfig';
import { accountSteps } from './steps/account';
import { agentSteps } from './steps/agents';
import { applicationSteps } from './steps/applications';
import { exclusionSteps } from './steps/exclusions';
import { groupSteps } from './steps/groups';
import { policySteps } from './steps/policies';
import { siteSteps } from './steps/sites';
import { threatSteps } from './steps/threats';
import { userSteps } from './steps/users';
import { vulnerabilitySteps } from './steps/vulnerabilities';
import { validateInvocation } from './validateInvocation';

export const invocationConfig: IntegrationInvocationConfig<IntegrationConfig> =
  {
    instanceConfigFields,
    validateInvocation,
    ingestionConfig,
    integrationSteps: [
      ...accountSteps,
      ...siteSteps,
      ...groupSteps,
      ...agentSteps,
      ...threatSteps,
      ...applicationSteps,
      ...vulnerabilitySteps,
      ...policySteps,
      ...exclusionSteps,
      ...userSteps,
    ],
  };
