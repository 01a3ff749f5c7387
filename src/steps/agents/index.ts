import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { S1Agent } from '../../client';
import { IntegrationConfig } from '../../config';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import { collectPages, getStepClient, StepContext } from '../framework';
import { groupKey } from '../keys';
import { relateKeys } from '../relationships';
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

/**
 * Every agent in scope, decommissioned ones too, which its group HAS and
 * which PROTECTS its device; in parallel streams of sites when there are
 * several.
 */
export async function fetchAgents(context: StepContext): Promise<void> {
  const { config, client, scope } = await getStepClient(context);
  const now = Date.now();
  const siteBuckets = splitSitesIntoStreams(
    scope.siteAgentCounts,
    client.maxConcurrentRequests,
  );

  await collectPages<S1Agent>({
    context,
    client,
    recordType: 'agent',
    writtenType: Entities.AGENT._type,
    iterate: (onPage) => client.iterateAgents(onPage, siteBuckets),
    toGraph: (agent, graph) => {
      const entity = createAgentEntity(agent, config.serverUrl, now);
      graph.entities.push(entity);
      graph.relationships.push(createAgentProtectsDeviceRelationship(entity));
      if (agent.groupId && scope.groups.has(agent.groupId)) {
        graph.relationships.push(
          relateKeys(
            Relationships.GROUP_HAS_AGENT,
            groupKey(agent.groupId),
            entity._key,
          ),
        );
      }
    },
  });
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
