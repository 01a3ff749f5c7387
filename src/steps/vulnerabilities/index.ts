import {
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { IterationSummary } from '../../client';
import { IntegrationConfig } from '../../config';
import {
  Entities,
  IngestionSources,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import {
  endStep,
  getApplicationManagementClient,
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
  const { config, client } = await getApplicationManagementClient(context);
  const tally = new RecordTally('CVE finding');
  const writer = new PageWriter(jobState);
  const summaries: IterationSummary[] = [];

  await unlessUnlicensed(context, 'CVE findings', async () => {
    const summary = await client.iterateRisks(async (risks) => {
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
    await writer.flush();
    summaries.push(summary);
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
