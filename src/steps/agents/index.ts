import {
  createDirectRelationship,
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
  getData,
  getStepClient,
  logStepSummary,
  RecordTally,
  StepContext,
} from '../shared';
import {
  createAgentEntity,
  createAgentProtectsDeviceRelationship,
} from './converter';

export async function fetchAgents(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState } = context;
  const { config, client } = await getStepClient(context);
  const groupIds = await getData(
    jobState,
    DataKeys.GROUP_IDS,
    new Set<string>(),
  );
  const agentIds = new Set<string>();
  const tally = new RecordTally('agent');
  const now = Date.now();

  const summary = await client.iterateAgents(async (agents) => {
    const entities: Entity[] = [];
    const relationships: Relationship[] = [];
    for (const agent of agents) {
      const entity = tally.convert(agent, (a) =>
        createAgentEntity(a, config.serverUrl, now),
      );
      if (!entity) continue;
      agentIds.add(agent.id);
      entities.push(entity);
      const protects = createAgentProtectsDeviceRelationship(
        agent,
        entity._key,
      );
      if (protects) relationships.push(protects);
      if (agent.groupId && groupIds.has(agent.groupId)) {
        relationships.push(
          createDirectRelationship({
            _class: Relationships.GROUP_HAS_AGENT._class,
            fromKey: groupKey(agent.groupId),
            fromType: Entities.GROUP._type,
            toKey: entity._key,
            toType: Entities.AGENT._type,
          }),
        );
      }
    }
    await jobState.addEntities(entities);
    await jobState.addRelationships(relationships);
  });

  await jobState.setData(DataKeys.AGENT_IDS, agentIds);
  tally.report(context.logger);
  logStepSummary(context, client, startedAt, [summary], tally);
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
