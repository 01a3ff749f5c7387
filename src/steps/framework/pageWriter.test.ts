import { createMockJobState } from '@jupiterone/integration-sdk-testing';
import { Entity } from '@jupiterone/integration-sdk-core';

import { CONVERT_SLICE, PageWriter, slices } from './pageWriter';

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
    jobState.addEntities = () => Promise.reject(new Error('disk full'));

    const nextWrite = new PageWriter(jobState);
    await nextWrite.write([entity('sentinelone_agent-id-1')], []);
    await expect(
      nextWrite.write([entity('sentinelone_agent-id-2')], []),
    ).rejects.toThrow('disk full');

    const atFlush = new PageWriter(jobState);
    await atFlush.write([entity('sentinelone_agent-id-1')], []);
    await expect(atFlush.flush()).rejects.toThrow('disk full');
  });
});

describe('PageWriter drops what the job already holds', () => {
  const relationship = (key: string) => ({
    _key: key,
    _type: 'sentinelone_group_has_agent',
    _class: 'HAS',
    _fromEntityKey: 'sentinelone_group-id-1',
    _toEntityKey: key,
  });

  test('a record repeated pages apart, or within a page, is written once and counted', async () => {
    const jobState = createMockJobState();
    const writer = new PageWriter(jobState);
    await writer.write(
      [entity('sentinelone_agent-id-1'), entity('sentinelone_agent-id-2')],
      [relationship('g|has|1'), relationship('g|has|2')],
    );
    await writer.write([entity('sentinelone_agent-id-3')], []);
    await writer.write(
      [
        entity('sentinelone_agent-id-1'),
        entity('sentinelone_agent-id-4'),
        entity('sentinelone_agent-id-4'),
      ],
      [relationship('g|has|1'), relationship('g|has|4')],
    );
    await writer.flush();

    expect(jobState.collectedEntities.map((e) => e._key)).toEqual([
      'sentinelone_agent-id-1',
      'sentinelone_agent-id-2',
      'sentinelone_agent-id-3',
      'sentinelone_agent-id-4',
    ]);
    expect(jobState.collectedRelationships.map((r) => r._key)).toEqual([
      'g|has|1',
      'g|has|2',
      'g|has|4',
    ]);
    expect(writer.countOf('sentinelone_agent')).toEqual({
      written: 4,
      duplicates: 2,
    });
    expect(writer.countOf('sentinelone_group_has_agent')).toEqual({
      written: 3,
      duplicates: 1,
    });
    expect(writer.countOf('sentinelone_site')).toEqual({
      written: 0,
      duplicates: 0,
    });
  });
});

describe('slices', () => {
  test('consecutive slices of the given size, the last one shorter', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(slices([], 2)).toEqual([]);
    const page = Array.from({ length: 1000 }, (_, i) => i);
    const defaultSlices = slices(page);
    expect(defaultSlices).toHaveLength(Math.ceil(1000 / CONVERT_SLICE));
    expect(defaultSlices.flat()).toEqual(page);
  });
});
