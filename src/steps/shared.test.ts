import { createMockJobState } from '@jupiterone/integration-sdk-testing';
import { Entity } from '@jupiterone/integration-sdk-core';

import { PageWriter } from './shared';

const entity = (key: string): Entity => ({
  _key: key,
  _type: 'sentinelone_agent',
  _class: ['HostAgent'],
});

describe('PageWriter', () => {
  test('writes every page, in order, one write in flight', async () => {
    const jobState = createMockJobState();
    const order: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const addEntities = jobState.addEntities.bind(jobState);
    jobState.addEntities = async (entities) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(...entities.map((e) => e._key));
      inFlight--;
      return addEntities(entities);
    };
    const writer = new PageWriter(jobState);

    await writer.write([entity('sentinelone_agent-id-1')], []);
    // The first write is still in flight: the caller is free to convert.
    expect(order).toEqual([]);
    await writer.write([entity('sentinelone_agent-id-2')], []);
    await writer.flush();

    expect(order).toEqual(['sentinelone_agent-id-1', 'sentinelone_agent-id-2']);
    expect(maxInFlight).toBe(1);
    expect(jobState.collectedEntities).toHaveLength(2);
  });

  test('a failed write surfaces at the next write or at flush', async () => {
    const jobState = createMockJobState();
    const writer = new PageWriter(jobState);
    await writer.write([entity('sentinelone_agent-id-1')], []);
    await writer.write([entity('sentinelone_agent-id-1')], []);
    await expect(writer.flush()).rejects.toThrow(/Duplicate _key/);
  });
});
