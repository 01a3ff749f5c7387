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
  [IngestionSources.POLICIES]: {
    title: 'SentinelOne protection policies',
    description:
      'The policy of every scope that edited its own (mitigation mode, anti-tamper, engines), and the policy each site and group uses. Needs the Policy.view permission.',
  },
  [IngestionSources.EXCLUSIONS]: {
    title: 'SentinelOne exclusions',
    description:
      'Path, hash, certificate, browser and file-type exclusions of every scope, with their mode. Needs the Exclusions.view permission.',
  },
  [IngestionSources.USERS]: {
    title: 'SentinelOne console users and roles',
    description:
      'Console users (2FA, sign-in source, last login), service users (API token expiry, never the token) and the roles they are assigned. Needs Users.view, Service Users.view and Roles.view.',
  },
};
