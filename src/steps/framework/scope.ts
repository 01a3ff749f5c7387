import { ExclusionFilter, PolicyScope, Scope } from '../../client';
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
    accounts: await readJobData(jobState, 'accounts', new Map()),
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
    : { accountIds: [...scope.accounts.keys()] };
}

/**
 * The accounts in scope: with Site IDs configured, only those holding a
 * collected site (another account of the console may be another customer's).
 */
function accountsInScope(scope: StepScope): string[] {
  if (!scope.filters.siteIds?.length) return [...scope.accounts.keys()];
  const ids = new Set<string>();
  for (const site of scope.sites.values()) {
    if (site.accountId) ids.add(site.accountId);
  }
  return [...ids];
}

/**
 * The scopes whose policy is read, level by level from the top: the tenant
 * and the accounts (not for a site-scoped token, which the API refuses
 * them), every site, and the groups that edited their own policy (a group
 * that inherits uses its site's: no request).
 */
export function policyScopes(scope: StepScope): PolicyScope[][] {
  const levels: PolicyScope[][] = [];
  if (!scope.siteScoped) {
    levels.push([{ level: 'tenant' }]);
    levels.push(accountsInScope(scope).map((id) => ({ level: 'account', id })));
  }
  levels.push([...scope.sites.keys()].map((id) => ({ level: 'site', id })));
  levels.push(
    [...scope.groups]
      .filter(([, group]) => !group.inherits)
      .map(([id]) => ({ level: 'group', id })),
  );
  return levels;
}

/**
 * The exclusion lists to read: tenant-scope ones (not for a site-scoped
 * token), then those of the accounts, sites and groups in scope.
 */
export function exclusionFilters(scope: StepScope): ExclusionFilter[] {
  const filters: ExclusionFilter[] = [];
  if (!scope.siteScoped) filters.push({ tenant: true });
  const accountIds = scope.siteScoped ? [] : accountsInScope(scope);
  if (accountIds.length) filters.push({ accountIds });
  if (scope.sites.size) filters.push({ siteIds: [...scope.sites.keys()] });
  if (scope.groups.size) filters.push({ groupIds: [...scope.groups.keys()] });
  return filters;
}
