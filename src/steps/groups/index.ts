import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from '../../config';
import { iterateEach, scopeFilters } from '../../scope';
import { Entities, Relationships, Steps } from '../constants';
import { accountKey } from '../account/converter';
import { siteKey } from '../sites/converter';
import {
  DataKeys,
  endStep,
  getData,
  getStepClient,
  PageWriter,
  RecordTally,
  relateKeys,
  StepContext,
} from '../shared';
import { createGroupEntity } from './converter';

export async function fetchGroups(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState, instance } = context;
  const { config, client, scope } = await getStepClient(context);
  const accountEntityKey = accountKey(instance.id);
  const siteIds = await getData(jobState, DataKeys.SITE_IDS, new Set<string>());
  const groupIds = new Set<string>();
  const siteAgentCounts = new Map<string, number>(
    [...siteIds].map((siteId) => [siteId, 0]),
  );
  const tally = new RecordTally('group');
  const writer = new PageWriter(jobState);

  const summaries = await iterateEach(scopeFilters(scope), (filter) =>
    client.iterateGroups(filter, async (groups) => {
      const entities: Entity[] = [];
      const relationships: Relationship[] = [];
      for (const group of groups) {
        const entity = tally.convert(group, (g) =>
          createGroupEntity(g, config.serverUrl),
        );
        if (!entity) continue;
        groupIds.add(group.id);
        entities.push(entity);
        relationships.push(
          relateKeys(
            Relationships.ACCOUNT_HAS_GROUP,
            accountEntityKey,
            entity._key,
          ),
        );
        if (group.siteId && siteIds.has(group.siteId)) {
          siteAgentCounts.set(
            group.siteId,
            siteAgentCounts.get(group.siteId)! + (group.totalAgents ?? 0),
          );
          relationships.push(
            relateKeys(
              Relationships.SITE_HAS_GROUP,
              siteKey(group.siteId),
              entity._key,
            ),
          );
        }
      }
      await writer.write(entities, relationships);
    }),
  );

  await writer.flush();
  await jobState.setData(DataKeys.GROUP_IDS, groupIds);
  await jobState.setData(DataKeys.SITE_AGENT_COUNTS, siteAgentCounts);
  endStep(context, client, startedAt, summaries, tally, writer);
}

export const groupSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.GROUPS,
    name: 'Fetch Groups',
    entities: [Entities.GROUP],
    relationships: [
      Relationships.ACCOUNT_HAS_GROUP,
      Relationships.SITE_HAS_GROUP,
    ],
    dependsOn: [Steps.ACCOUNT, Steps.SITES],
    executionHandler: fetchGroups,
  },
];
