import { ExclusionFilter, PolicyScope } from '../../client';
import { accountIdsInScope, chunkIds, RunScope, runScope } from '../../scope';
import { JobData, readJobData } from './jobData';
import { StepContext } from './context';

/**
 * What a step may read: the run's scope, which every list filter comes from
 * (`src/scope`), and what earlier steps collected within it.
 */
export interface StepScope extends JobData {
  run: RunScope;
  /** True when the token was refused account-level data (site-scoped user). */
  siteScoped: boolean;
  /**
   * SentinelOne account id → name: the accounts in scope (with Site IDs,
   * only those holding a configured site; none for a site-scoped token).
   */
  accounts: Map<string, string | undefined>;
}

export async function stepScope(context: StepContext): Promise<StepScope> {
  const { jobState } = context;
  const run = await runScope(context);
  return {
    run,
    siteScoped: run.tokenLevel === 'site',
    accounts: new Map(
      run.accounts.map((account) => [account.id, account.name ?? undefined]),
    ),
    sites: await readJobData(jobState, 'sites', new Map()),
    groups: await readJobData(jobState, 'groups', new Map()),
    siteAgentCounts: await readJobData(jobState, 'siteAgentCounts', new Map()),
  };
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
    levels.push(
      accountIdsInScope(scope.run).map((id) => ({ level: 'account', id })),
    );
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
 * token), then those of the accounts, sites and groups in scope, with id
 * lists split to fit a URL.
 */
export function exclusionFilters(scope: StepScope): ExclusionFilter[] {
  const filters: ExclusionFilter[] = [];
  if (!scope.siteScoped) filters.push({ tenant: true });
  const accountIds = scope.siteScoped ? [] : accountIdsInScope(scope.run);
  for (const chunk of chunkIds(accountIds)) filters.push({ accountIds: chunk });
  for (const chunk of chunkIds([...scope.sites.keys()])) {
    filters.push({ siteIds: chunk });
  }
  for (const chunk of chunkIds([...scope.groups.keys()])) {
    filters.push({ groupIds: chunk });
  }
  return filters;
}
