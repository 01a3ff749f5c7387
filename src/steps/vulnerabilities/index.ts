import {
  createDirectRelationship,
  Entity,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';

import { createClient, IntegrationConfig } from '../../config';
import {
  Entities,
  IngestionSources,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import { agentKey } from '../agents/converter';
import {
  applicationScope,
  DataKeys,
  getData,
  getStepClient,
  logStepSummary,
  RecordTally,
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
  const { config, scope } = await getStepClient(context);
  const client = createClient(
    config,
    context.logger,
    await applicationScope(jobState, scope),
  );
  const agentIds = await getData(
    jobState,
    DataKeys.AGENT_IDS,
    new Set<string>(),
  );
  const tally = new RecordTally('CVE finding');

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
        const isCve = createFindingIsCveRelationship(risk, entity._key);
        if (isCve) relationships.push(isCve);
        if (risk.endpointId && agentIds.has(risk.endpointId)) {
          relationships.push(
            createDirectRelationship({
              _class: Relationships.AGENT_IDENTIFIED_FINDING._class,
              fromKey: agentKey(risk.endpointId),
              fromType: Entities.AGENT._type,
              toKey: entity._key,
              toType: Entities.FINDING._type,
            }),
          );
        }
      }
      await jobState.addEntities(entities);
      await jobState.addRelationships(relationships);
    });
    logStepSummary(context, client, startedAt, [summary], tally);
  });
  tally.report(context.logger);
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
