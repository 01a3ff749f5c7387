import { Scope } from '../../client';
import { validateConfig } from '../../config';
import { JobData, readJobData } from './jobData';
import { StepContext } from './context';

/**
 * What a step may read, settled once by earlier steps: the filters of its
 * list requests and the accounts, sites and groups collected, for requests
 * made per scope. Steps take their filters from here and nowhere else.
 */
export type StepScope = JobData;

export async function stepScope(context: StepContext): Promise<StepScope> {
  const { jobState, instance } = context;
  return {
    filters: await readJobData(
      jobState,
      'filters',
      validateConfig(instance.config).scope,
    ),
    siteScoped: await readJobData(jobState, 'siteScoped', false),
    accountIds: await readJobData(jobState, 'accountIds', []),
    sites: await readJobData(jobState, 'sites', new Map()),
    groups: await readJobData(jobState, 'groups', new Map()),
    siteAgentCounts: await readJobData(jobState, 'siteAgentCounts', new Map()),
  };
}

/**
 * Application Management wants an account or site filter on every request:
 * the configured scope, else the accounts (or, for a site-scoped token, the
 * sites) that earlier steps collected.
 */
export function applicationManagementFilters(scope: StepScope): Scope {
  const { filters } = scope;
  if (filters.accountIds?.length || filters.siteIds?.length) return filters;
  return scope.siteScoped
    ? { siteIds: [...scope.sites.keys()] }
    : { accountIds: scope.accountIds };
}
