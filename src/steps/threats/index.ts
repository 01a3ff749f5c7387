import { IntegrationStep } from '@jupiterone/integration-sdk-core';

import { S1Threat, ThreatFilter } from '../../client';
import { IntegrationConfig } from '../../config';
import { iterateEach, scopeFilters } from '../../scope';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import { collectPages, getStepClient, StepContext } from '../framework';
import { relateFromCollectedAgent } from '../relationships';
import { DAY_MS } from '../util';
import { createThreatEntity } from './converter';

/**
 * Every threat still open, and the resolved ones updated within the
 * look-back window: recent history without the whole archive.
 */
export function threatFilters(
  lookbackDays: number,
  now: number,
): ThreatFilter[] {
  return [
    { incidentStatuses: ['unresolved', 'in_progress'] },
    {
      incidentStatuses: ['resolved'],
      updatedAfter: new Date(now - lookbackDays * DAY_MS),
    },
  ];
}

/**
 * Open threats and recently resolved ones, each related to the agent that
 * IDENTIFIED it when that agent was collected. A threat resolved while the
 * collection runs can answer both queries: the second is dropped.
 */
export async function fetchThreats(context: StepContext): Promise<void> {
  const { config, client, scope } = await getStepClient(context);
  const filters = threatFilters(config.resolvedThreatsLookbackDays, Date.now());

  await collectPages<S1Threat>({
    context,
    client,
    recordType: 'threat',
    writtenType: Entities.THREAT._type,
    iterate: async (onPage) => {
      const iterations = [];
      for (const filter of filters) {
        iterations.push(
          ...(await iterateEach(scopeFilters(scope.run), (scoped) =>
            client.iterateThreats(scoped, filter, onPage),
          )),
        );
      }
      return iterations;
    },
    toGraph: async (threat, graph) => {
      const entity = createThreatEntity(threat, config.serverUrl);
      graph.entities.push(entity);
      graph.relationships.push(
        ...(await relateFromCollectedAgent(
          context.jobState,
          Relationships.AGENT_IDENTIFIED_THREAT,
          threat.agentRealtimeInfo?.agentId,
          entity._key,
        )),
      );
    },
  });
}

export const threatSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.THREATS,
    name: 'Fetch Threats',
    entities: [Entities.THREAT],
    relationships: [Relationships.AGENT_IDENTIFIED_THREAT],
    dependsOn: [Steps.AGENTS],
    ingestionSourceId: IngestionSources.THREATS,
    executionHandler: fetchThreats,
  },
];
