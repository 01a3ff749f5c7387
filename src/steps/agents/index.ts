import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { S1Agent } from '../../client';
import { IntegrationConfig } from '../../config';
import { agentStreams } from '../../scope';
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
 * Every agent in scope, decommissioned ones too, which its group HAS and
 * which PROTECTS its device; in parallel streams of sites when there are
 * several.
 */
export async function fetchAgents(context: StepContext): Promise<void> {
  const { config, client, scope } = await getStepClient(context);
  const now = Date.now();
  const streams = agentStreams(
    scope.run,
    scope.siteAgentCounts,
    client.maxConcurrentRequests,
  );

  await collectPages<S1Agent>({
    context,
    client,
    recordType: 'agent',
    writtenType: Entities.AGENT._type,
    iterate: (onPage) => client.iterateAgents(streams, onPage),
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
