import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import { groupKey } from '../groups/converter';
import {
  DataKeys,
  endStep,
  getData,
  getStepClient,
  PageWriter,
  RecordTally,
  relateKeys,
  slices,
  StepContext,
} from '../shared';
import {
  createAgentEntity,
  createAgentProtectsDeviceRelationship,
} from './converter';

/**
 * Above this many sites the agents come in one stream: the site filter of
 * each stream's requests would make URLs too long.
 */
export const MAX_SITES_TO_SPLIT = 300;

/**
 * Splits sites into `streams` buckets of about equal agent counts (largest
 * site first into the lightest bucket), for agents to be fetched in parallel
 * streams; no split for one site, or too many.
 */
export function splitSitesIntoStreams(
  agentCountsBySite: Map<string, number>,
  streams: number,
): string[][] {
  const sites = [...agentCountsBySite].sort(
    ([idA, countA], [idB, countB]) => countB - countA || idA.localeCompare(idB),
  );
  if (streams < 2 || sites.length < 2 || sites.length > MAX_SITES_TO_SPLIT) {
    return [];
  }
  const buckets = Array.from(
    { length: Math.min(streams, sites.length) },
    () => ({
      siteIds: [] as string[],
      agents: 0,
    }),
  );
  for (const [siteId, agents] of sites) {
    const lightest = buckets.reduce((a, b) => (b.agents < a.agents ? b : a));
    lightest.siteIds.push(siteId);
    lightest.agents += agents;
  }
  return buckets.map((bucket) => bucket.siteIds);
}

export async function fetchAgents(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState } = context;
  const { config, client } = await getStepClient(context);
  const groupIds = await getData(
    jobState,
    DataKeys.GROUP_IDS,
    new Set<string>(),
  );
  const tally = new RecordTally('agent');
  const writer = new PageWriter(jobState);
  const now = Date.now();

  const siteBuckets = splitSitesIntoStreams(
    await getData(
      jobState,
      DataKeys.SITE_AGENT_COUNTS,
      new Map<string, number>(),
    ),
    client.maxConcurrentRequests,
  );

  const summaries = await client.iterateAgents(async (page) => {
    for (const agents of slices(page)) {
      const entities: Entity[] = [];
      const relationships: Relationship[] = [];
      for (const agent of agents) {
        const entity = tally.convert(agent, (a) =>
          createAgentEntity(a, config.serverUrl, now),
        );
        if (!entity) continue;
        entities.push(entity);
        relationships.push(createAgentProtectsDeviceRelationship(entity));
        if (agent.groupId && groupIds.has(agent.groupId)) {
          relationships.push(
            relateKeys(
              Relationships.GROUP_HAS_AGENT,
              groupKey(agent.groupId),
              entity._key,
            ),
          );
        }
      }
      await writer.write(entities, relationships);
    }
  }, siteBuckets);

  await writer.flush();
  endStep(context, client, startedAt, summaries, tally, writer);
}

export const agentSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.AGENTS,
    name: 'Fetch Agents',
    entities: [Entities.AGENT],
    relationships: [Relationships.GROUP_HAS_AGENT],
    mappedRelationships: [MappedRelationships.AGENT_PROTECTS_DEVICE],
    dependsOn: [Steps.GROUPS],
    executionHandler: fetchAgents,
  },
];
