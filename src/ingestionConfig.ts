import { IntegrationIngestionConfigFieldMap } from '@jupiterone/integration-sdk-core';

import { IngestionSources } from './steps/constants';

/**
 * Sources a customer can switch off in JupiterOne. Accounts, sites, groups
 * and agents are the integration's core and cannot be disabled.
 */
export const ingestionConfig: IntegrationIngestionConfigFieldMap = {
  [IngestionSources.THREATS]: {
    title: 'SentinelOne threats',
    description:
      'Open threats, and resolved threats updated within the look-back window, with the agents that identified them.',
  },
  [IngestionSources.VULNERABILITIES]: {
    title: 'SentinelOne CVE findings',
    description:
      'One finding per endpoint and CVE from Application Management (Singularity Vulnerability Management licence), mapped to the CVE.',
  },
  [IngestionSources.APPLICATIONS]: {
    title: 'SentinelOne installed applications',
    description:
      'Application versions and one INSTALLED relationship per agent and version. Disabled by default: installs are endpoints times applications, often millions of relationships.',
    defaultsToDisabled: true,
  },
};
