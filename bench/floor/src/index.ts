/**
 * The SDK floor: an integration that writes the same graph objects as the
 * real collection (entities of the same shape and rawData, direct and mapped
 * relationships in the same numbers) through the SDK's own builders, with no
 * network at all. What the SDK itself costs; no collector can beat it.
 *
 * FLOOR_ENTITIES, FLOOR_RELATIONSHIPS and FLOOR_MAPPED_RELATIONSHIPS set the
 * counts; the shapes come from one simulated agent run through the converter.
 * FLOOR_BUILDER=sdk builds each entity with `createIntegrationEntity` (the
 * SDK's builder); FLOOR_BUILDER=none writes copies of the template entity,
 * leaving only the job state, key tracking and disk writes: the strict floor.
 */
import {
  createDirectRelationship,
  createIntegrationEntity,
  createMappedRelationship,
  Entity,
  IntegrationInvocationConfig,
  Relationship,
  RelationshipClass,
} from '@jupiterone/integration-sdk-core';

import {
  createAgentEntity,
  createAgentProtectsDeviceRelationship,
} from '../../../src/steps/agents/converter';
import { S1Agent } from '../../../src/client/types';
import { generateEstate } from '../../../tools/simulator';

const PAGE = 1000;
// The simulator's agent as the collector receives it: parsed JSON.
const templateAgent = generateEstate({
  seed: 7,
  sites: 1,
  groups: 1,
  agents: 1,
}).agents[0] as S1Agent;
const templateEntity = createAgentEntity(
  templateAgent,
  'https://floor.example.com',
  Date.now(),
);
const { _rawData, _key, _class, ...templateProperties } = templateEntity;
const templateMapping =
  createAgentProtectsDeviceRelationship(templateEntity)._mapping;

function count(name: string): number {
  const value = Number(process.env[name] ?? 0);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number`);
  }
  return value;
}

/** Keys as long as the collection's: the SDK keeps every key in memory. */
const key = (i: number) => `floor_agent-id-7${String(i).padStart(18, '0')}`;

function buildEntity(i: number): Entity {
  const rawData = { ...templateAgent, id: String(i) } as Record<string, any>;
  const properties = {
    ...templateProperties,
    _key: key(i),
    _type: 'floor_agent',
    id: String(i),
  };
  if (process.env.FLOOR_BUILDER === 'none') {
    return {
      ...properties,
      _class: ['HostAgent'],
      _rawData: [{ name: 'default', rawData }],
    };
  }
  return createIntegrationEntity({
    entityData: {
      source: rawData,
      assign: { ...properties, _class: 'HostAgent' },
    },
  });
}

export const invocationConfig: IntegrationInvocationConfig = {
  instanceConfigFields: {},
  integrationSteps: [
    {
      id: 'write-floor',
      name: 'Write the collection graph objects without network',
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
        const mapped = count('FLOOR_MAPPED_RELATIONSHIPS');
        const direct = count('FLOOR_RELATIONSHIPS') - mapped;
        const total = Math.max(entities, direct, mapped);
        for (let start = 0; start < total; start += PAGE) {
          const batch: Entity[] = [];
          const edges: Relationship[] = [];
          for (let i = start; i < Math.min(start + PAGE, total); i++) {
            if (i < entities) batch.push(buildEntity(i));
            if (i < direct) {
              edges.push(
                createDirectRelationship({
                  _class: RelationshipClass.HAS,
                  // a different source on each lap keeps the generated keys unique
                  fromKey: key((i + 1 + Math.floor(i / entities)) % entities),
                  fromType: 'floor_agent',
                  toKey: key(i % entities),
                  toType: 'floor_agent',
                }),
              );
            }
            if (i < mapped) {
              edges.push(
                createMappedRelationship({
                  _key: `${key(i % entities)}|protects|user_endpoint`,
                  _class: RelationshipClass.PROTECTS,
                  _type: 'floor_agent_protects_device',
                  _mapping: {
                    ...templateMapping,
                    sourceEntityKey: key(i % entities),
                  },
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
