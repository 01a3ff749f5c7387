import { JobState } from '@jupiterone/integration-sdk-core';

/** A collected site, as later steps need it. */
export interface CollectedSite {
  name?: string;
  accountId?: string;
}

/** A collected group, as later steps need it. */
export interface CollectedGroup {
  name?: string;
  siteId?: string;
  /** False when the group edited its own policy instead of using its site's. */
  inherits: boolean;
}

/**
 * What one step hands to the next through the job state: small id maps, so
 * that relationships are built from keys in memory instead of a graph lookup
 * per record.
 */
export interface JobData {
  /** Collected site id → its name and account. */
  sites: Map<string, CollectedSite>;
  /** Collected group id → its site and policy inheritance. */
  groups: Map<string, CollectedGroup>;
  /** Site id → agents its groups report: how to split agents into streams. */
  siteAgentCounts: Map<string, number>;
}

const JOB_DATA_KEYS: { [name in keyof JobData]: string } = {
  sites: 'sentinelone:sites',
  groups: 'sentinelone:groups',
  siteAgentCounts: 'sentinelone:siteAgentCounts',
};

/** What an earlier step stored under `name`, else `fallback`. */
export async function readJobData<Name extends keyof JobData>(
  jobState: JobState,
  name: Name,
  fallback: JobData[Name],
): Promise<JobData[Name]> {
  return (
    (await jobState.getData<JobData[Name]>(JOB_DATA_KEYS[name])) ?? fallback
  );
}

export function writeJobData<Name extends keyof JobData>(
  jobState: JobState,
  name: Name,
  value: JobData[Name],
): Promise<void> {
  return jobState.setData(JOB_DATA_KEYS[name], value);
}
