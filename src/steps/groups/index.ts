import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { S1Group } from '../../client';
import { IntegrationConfig } from '../../config';
import { iterateEach, scopeFilters } from '../../scope';
import { Entities, Relationships, Steps } from '../constants';
import {
  collectPages,
  CollectedGroup,
  getStepClient,
  StepContext,
  writeJobData,
} from '../framework';
import { accountKey, siteKey } from '../keys';
import { relateKeys } from '../relationships';
import { createGroupEntity } from './converter';

/**
 * Every group in scope, which the account HAS and its site HAS; and how many
 * agents each site's groups report, to split the agent listing by.
 */
export async function fetchGroups(context: StepContext): Promise<void> {
  const { config, client, scope } = await getStepClient(context);
  const account = accountKey(context.instance.id);
  const groups = new Map<string, CollectedGroup>();
  const siteAgentCounts = new Map<string, number>(
    [...scope.sites.keys()].map((siteId) => [siteId, 0]),
  );

  await collectPages<S1Group>({
    context,
    client,
    recordType: 'group',
    writtenType: Entities.GROUP._type,
    iterate: (onPage) =>
      iterateEach(scopeFilters(scope.run), (filter) =>
        client.iterateGroups(filter, onPage),
      ),
    toGraph: (group, graph) => {
      const entity = createGroupEntity(group, config.serverUrl);
      graph.entities.push(entity);
      graph.relationships.push(
        relateKeys(Relationships.ACCOUNT_HAS_GROUP, account, entity._key),
      );
      const siteId = group.siteId ?? undefined;
      groups.set(group.id, {
        name: entity.name as string,
        siteId,
        inherits: group.inherits !== false,
      });
      if (siteId && scope.sites.has(siteId)) {
        siteAgentCounts.set(
          siteId,
          siteAgentCounts.get(siteId)! + (group.totalAgents ?? 0),
        );
        graph.relationships.push(
          relateKeys(
            Relationships.SITE_HAS_GROUP,
            siteKey(siteId),
            entity._key,
          ),
        );
      }
    },
  });

  await writeJobData(context.jobState, 'groups', groups);
  await writeJobData(context.jobState, 'siteAgentCounts', siteAgentCounts);
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
