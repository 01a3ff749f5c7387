import { createMockJobState } from '@jupiterone/integration-sdk-testing';
import {
  createDirectRelationship,
  Entity,
} from '@jupiterone/integration-sdk-core';

import { Relationships } from './constants';
import {
  collectedAgentKey,
  relateFromCollectedAgent,
  relateKeys,
} from './relationships';

const entity = (key: string): Entity => ({
  _key: key,
  _type: 'sentinelone_agent',
  _class: ['HostAgent'],
});

describe('relateKeys', () => {
  test.each(Object.entries(Relationships))(
    '%s is exactly what the SDK builder makes, with the shared _type string',
    (_name, metadata) => {
      const relationship = relateKeys(metadata, 'from-key', 'to-key');
      expect(relationship).toEqual(
        createDirectRelationship({
          _class: metadata._class,
          fromKey: 'from-key',
          fromType: metadata.sourceType,
          toKey: 'to-key',
          toType: metadata.targetType,
        }),
      );
      expect(relationship._type).toBe(metadata._type);
    },
  );
});

describe('collectedAgentKey', () => {
  test('the agent key when that agent was written, else undefined', async () => {
    const jobState = createMockJobState();
    await jobState.addEntities([entity('sentinelone_agent-id-1')]);
    expect(await collectedAgentKey(jobState, '1')).toBe(
      'sentinelone_agent-id-1',
    );
    expect(await collectedAgentKey(jobState, '2')).toBeUndefined();
    expect(await collectedAgentKey(jobState, undefined)).toBeUndefined();
    expect(await collectedAgentKey(jobState, '')).toBeUndefined();
  });

  test('relateFromCollectedAgent: an edge from a collected agent, none from another', async () => {
    const jobState = createMockJobState();
    await jobState.addEntities([entity('sentinelone_agent-id-1')]);
    const identified = Relationships.AGENT_IDENTIFIED_THREAT;
    expect(
      await relateFromCollectedAgent(jobState, identified, '1', 'threat-key'),
    ).toEqual([relateKeys(identified, 'sentinelone_agent-id-1', 'threat-key')]);
    expect(
      await relateFromCollectedAgent(jobState, identified, '2', 'threat-key'),
    ).toEqual([]);
  });
});
