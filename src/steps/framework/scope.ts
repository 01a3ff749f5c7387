import { RunScope, runScope } from '../../scope';
import { JobData, readJobData } from './jobData';
import { StepContext } from './context';

/**
 * What a step may read: the run's scope, which every list filter comes from
 * (`src/scope`), and what earlier steps collected within it.
 */
export interface StepScope extends JobData {
  run: RunScope;
}

export async function stepScope(context: StepContext): Promise<StepScope> {
  const { jobState } = context;
  return {
    run: await runScope(context),
    sites: await readJobData(jobState, 'sites', new Map()),
    groups: await readJobData(jobState, 'groups', new Map()),
    siteAgentCounts: await readJobData(jobState, 'siteAgentCounts', new Map()),
  };
}
