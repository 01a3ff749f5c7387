import { IntegrationStep } from '@jupiterone/integration-sdk-core';
import pMap from 'p-map';

import { S1Risk } from '../../client';
import { IntegrationConfig } from '../../config';
import { singleIdFilters } from '../../scope';
import {
  Entities,
  IngestionSources,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import { collectPages, getStepClient, StepContext } from '../framework';
import { OptionalSources } from '../permissions';
import { relateFromCollectedAgent } from '../relationships';
import {
  createFindingEntity,
  createFindingIsCveRelationship,
} from './converter';

/**
 * One finding per endpoint and CVE from Application Management, which IS
 * the CVE and which the agent IDENTIFIED when that agent was collected.
 */
export async function fetchVulnerabilities(
  context: StepContext,
): Promise<void> {
  const { client, scope } = await getStepClient(context);

  await collectPages<S1Risk>({
    context,
    client,
    recordType: 'CVE finding',
    writtenType: Entities.FINDING._type,
    optional: OptionalSources.applicationManagement('CVE findings'),
    // One account (or site) per request: the API reads a single id.
    iterate: (onPage) =>
      pMap(
        singleIdFilters(scope.run),
        (filter) => client.iterateRisks(filter, onPage),
        { concurrency: client.maxConcurrentRequests },
      ),
    toGraph: async (risk, graph) => {
      const entity = createFindingEntity(risk);
      graph.entities.push(entity);
      graph.relationships.push(
        createFindingIsCveRelationship(risk, entity._key),
        ...(await relateFromCollectedAgent(
          context.jobState,
          Relationships.AGENT_IDENTIFIED_FINDING,
          risk.endpointId,
          entity._key,
        )),
      );
    },
  });
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
