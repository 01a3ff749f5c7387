import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';

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
