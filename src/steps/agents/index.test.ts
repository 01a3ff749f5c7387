import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';
import { MAX_SITES_TO_SPLIT, splitSitesIntoStreams } from '.';

test('fetch-agents', async () => {
  const result = await runStep(Steps.AGENTS, __dirname);

  expectToMatchStepMetadata(result, Steps.AGENTS);
  const agents = result.collectedEntities.filter(
    (e) => e._type === Entities.AGENT._type,
  );
  expect(agents).toHaveLength(result.totals.agents);
  expect(agents).toMatchGraphObjectSchema({ _class: Entities.AGENT._class });

  // Decommissioned agents are collected too, inactive.
  const decommissioned = agents.filter((a) => a.isDecommissioned);
  expect(decommissioned).toHaveLength(result.totals.decommissionedAgents);
  expect(decommissioned.length).toBeGreaterThan(0);
  expect(decommissioned.every((a) => a.active === false)).toBe(true);

  for (const agent of agents) {
    expect(agent._key).toBe(`sentinelone_agent-id-${agent.id}`);
    expect(agent.registered).toBe(true);
    expect(JSON.stringify(agent)).not.toMatch(/licenseKey/);
    for (const mac of (agent.macAddress as string[] | undefined) ?? []) {
      expect(mac).not.toBe('00:00:00:00:00:00');
    }
  }

  const byType = (type: string) =>
    result.collectedRelationships.filter((r) => r._type === type);
  expect(byType(Relationships.GROUP_HAS_AGENT._type)).toHaveLength(
    result.totals.agents,
  );
  const protects = byType(MappedRelationships.AGENT_PROTECTS_DEVICE._type);
  expect(protects).toHaveLength(result.totals.agents);
  expect(protects[0]).toMatchObject({
    _mapping: { targetEntity: { _class: 'Device', _type: 'user_endpoint' } },
  });
});

describe('splitSitesIntoStreams', () => {
  const counts = (entries: [string, number][]) => new Map(entries);

  test('balances agent counts, largest site first into the lightest stream', () => {
    expect(
      splitSitesIntoStreams(
        counts([
          ['1', 100],
          ['2', 60],
          ['3', 50],
          ['4', 40],
          ['5', 10],
        ]),
        3,
      ),
    ).toEqual([['1'], ['2', '5'], ['3', '4']]);
  });

  test('every site lands in exactly one stream', () => {
    const sites = counts(
      Array.from({ length: 20 }, (_, i) => [String(i), (i * 7) % 13]),
    );
    const buckets = splitSitesIntoStreams(sites, 3);
    expect(buckets).toHaveLength(3);
    expect(buckets.flat().sort()).toEqual([...sites.keys()].sort());
  });

  test('no split for one site, one stream, or more sites than a URL can carry', () => {
    expect(splitSitesIntoStreams(counts([['1', 5]]), 3)).toEqual([]);
    expect(
      splitSitesIntoStreams(
        counts([
          ['1', 5],
          ['2', 5],
        ]),
        1,
      ),
    ).toEqual([]);
    const many = counts(
      Array.from({ length: MAX_SITES_TO_SPLIT + 1 }, (_, i) => [String(i), 1]),
    );
    expect(splitSitesIntoStreams(many, 3)).toEqual([]);
  });
});
