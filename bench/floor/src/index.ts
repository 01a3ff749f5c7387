/**
 * The SDK floor: an integration that writes as many entities and
 * relationships as the real collection did, with realistic agent rawData and
 * no network at all. What the SDK itself costs; no collector can beat it.
 *
 * FLOOR_ENTITIES and FLOOR_RELATIONSHIPS set the counts; FLOOR_PAGE the batch.
 */
import {
  createDirectRelationship,
  createIntegrationEntity,
  Entity,
  IntegrationInvocationConfig,
  Relationship,
  RelationshipClass,
} from '@jupiterone/integration-sdk-core';

import { generateEstate } from '../../../tools/simulator';

const template = generateEstate({ seed: 7, sites: 1, groups: 1, agents: 1 })
  .agents[0];

function count(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be set to a whole number`);
  }
  return value;
}

export const invocationConfig: IntegrationInvocationConfig = {
  instanceConfigFields: {},
  integrationSteps: [
    {
      id: 'write-floor',
      name: 'Write entities and relationships without network',
      entities: [
        { resourceName: 'Agent', _type: 'floor_agent', _class: 'HostAgent' },
      ],
      relationships: [
        {
          _type: 'floor_agent_has_agent',
          sourceType: 'floor_agent',
          _class: RelationshipClass.HAS,
          targetType: 'floor_agent',
        },
      ],
      async executionHandler({ jobState }) {
        const entities = count('FLOOR_ENTITIES');
        const relationships = count('FLOOR_RELATIONSHIPS');
        const page = Number(process.env.FLOOR_PAGE || 1000);
        const key = (i: number) => `floor_agent-id-${i % entities}`;
        for (
          let start = 0;
          start < Math.max(entities, relationships);
          start += page
        ) {
          const batch: Entity[] = [];
          const edges: Relationship[] = [];
          for (let i = start; i < start + page; i++) {
            if (i < entities) {
              batch.push(
                createIntegrationEntity({
                  entityData: {
                    source: {
                      ...template,
                      id: String(i),
                    } as unknown as Record<string, string>,
                    assign: {
                      _key: key(i),
                      _type: 'floor_agent',
                      _class: 'HostAgent',
                      name: `${template.computerName}-${i}`,
                      function: ['anti-malware'],
                    },
                  },
                }),
              );
            }
            if (i < relationships) {
              edges.push(
                createDirectRelationship({
                  _class: RelationshipClass.HAS,
                  fromKey: `floor_agent-id-${(i + 1) % entities}`,
                  fromType: 'floor_agent',
                  toKey: key(i),
                  toType: 'floor_agent',
                  properties: { _key: `floor-edge-${i}` },
                }),
              );
            }
          }
          await jobState.addEntities(batch);
          await jobState.addRelationships(edges);
        }
      },
    },
  ],
};
