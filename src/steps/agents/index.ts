import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config';
import { agentStreams } from '../../scope';
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

export async function fetchAgents(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState } = context;
  const { config, client, scope } = await getStepClient(context);
  const groupIds = await getData(
    jobState,
    DataKeys.GROUP_IDS,
    new Set<string>(),
  );
  const tally = new RecordTally('agent');
  const writer = new PageWriter(jobState);
  const now = Date.now();

  const streams = agentStreams(
    scope,
    await getData(
      jobState,
      DataKeys.SITE_AGENT_COUNTS,
      new Map<string, number>(),
    ),
    client.maxConcurrentRequests,
  );

  const summaries = await client.iterateAgents(streams, async (page) => {
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
  });

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
