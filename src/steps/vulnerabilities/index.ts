import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import pMap from 'p-map';

import { IterationSummary, oneAtATime, S1Risk } from '../../client';
import { IntegrationConfig } from '../../config';
import { singleIdFilters } from '../../scope';
import {
  Entities,
  IngestionSources,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import {
  endStep,
  getStepClient,
  PageWriter,
  RecordTally,
  relateFromCollectedAgent,
  StepContext,
  unlessUnlicensed,
} from '../shared';
import {
  createFindingEntity,
  createFindingIsCveRelationship,
} from './converter';

export async function fetchVulnerabilities(
  context: StepContext,
): Promise<void> {
  const startedAt = Date.now();
  const { jobState } = context;
  const { config, client, scope } = await getStepClient(context);
  const tally = new RecordTally('CVE finding');
  const writer = new PageWriter(jobState);
  const summaries: IterationSummary[] = [];

  await unlessUnlicensed(context, 'CVE findings', async () => {
    // One account (or site) per request: the API reads a single id.
    const writeRisks = oneAtATime<S1Risk>(async (risks) => {
      const entities: Entity[] = [];
      const relationships: Relationship[] = [];
      for (const risk of risks) {
        const entity = tally.convert(risk, (r) =>
          createFindingEntity(r, config.serverUrl),
        );
        if (!entity) continue;
        entities.push(entity);
        relationships.push(createFindingIsCveRelationship(risk, entity._key));
        relationships.push(
          ...(await relateFromCollectedAgent(
            jobState,
            Relationships.AGENT_IDENTIFIED_FINDING,
            risk.endpointId,
            entity._key,
          )),
        );
      }
      await writer.write(entities, relationships);
    });
    summaries.push(
      ...(await pMap(
        singleIdFilters(scope),
        (filter) => client.iterateRisks(filter, writeRisks),
        { concurrency: client.maxConcurrentRequests },
      )),
    );
    await writer.flush();
  });
  endStep(context, client, startedAt, summaries, tally, writer);
}

export const vulnerabilitySteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.VULNERABILITIES,
    name: 'Fetch CVE Findings',
    entities: [Entities.FINDING],
    relationships: [Relationships.AGENT_IDENTIFIED_FINDING],
    mappedRelationships: [MappedRelationships.FINDING_IS_CVE],
    dependsOn: [Steps.AGENTS],
    ingestionSourceId: IngestionSources.VULNERABILITIES,
    executionHandler: fetchVulnerabilities,
  },
];
