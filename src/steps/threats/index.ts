import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IterationSummary, ThreatFilter } from '../../client';
import { IntegrationConfig } from '../../config';
import { iterateEach, scopeFilters } from '../../scope';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  endStep,
  getStepClient,
  PageWriter,
  RecordTally,
  relateFromCollectedAgent,
  StepContext,
} from '../shared';
import { createThreatEntity } from './converter';

const DAY_MS = 24 * 60 * 60 * 1000;

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

export async function fetchThreats(context: StepContext): Promise<void> {
  const startedAt = Date.now();
  const { jobState } = context;
  const { config, client, scope } = await getStepClient(context);
  const tally = new RecordTally('threat');
  // A threat resolved while the collection runs can answer both queries:
  // the writer drops the second.
  const writer = new PageWriter(jobState);
  const summaries: IterationSummary[] = [];

  for (const threatFilter of threatFilters(
    config.resolvedThreatsLookbackDays,
    startedAt,
  )) {
    summaries.push(
      ...(await iterateEach(scopeFilters(scope), (filter) =>
        client.iterateThreats(filter, threatFilter, async (threats) => {
          const entities: Entity[] = [];
          const relationships: Relationship[] = [];
          for (const threat of threats) {
            const entity = tally.convert(threat, (t) =>
              createThreatEntity(t, config.serverUrl),
            );
            if (!entity) continue;
            entities.push(entity);
            relationships.push(
              ...(await relateFromCollectedAgent(
                jobState,
                Relationships.AGENT_IDENTIFIED_THREAT,
                threat.agentRealtimeInfo?.agentId,
                entity._key,
              )),
            );
          }
          await writer.write(entities, relationships);
        }),
      )),
    );
  }

  await writer.flush();
  endStep(context, client, startedAt, summaries, tally, writer);
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
