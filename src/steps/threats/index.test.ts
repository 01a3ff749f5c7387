import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import { Entities, Relationships, Steps } from '../constants';
import { threatFilters } from '.';

test('fetch-threats collects open threats and recently resolved ones', async () => {
  const result = await runStep(Steps.THREATS, __dirname);

  expectToMatchStepMetadata(result, Steps.THREATS);
  const threats = result.collectedEntities.filter(
    (e) => e._type === Entities.THREAT._type,
  );
  expect(threats.length).toBeGreaterThan(0);
  expect(threats).toMatchGraphObjectSchema({ _class: Entities.THREAT._class });
  expect(new Set(threats.map((t) => t._key)).size).toBe(threats.length);
  expect(threats.some((t) => t.open === false)).toBe(true);
  expect(threats.some((t) => t.open === true)).toBe(true);

  // IDENTIFIED only from collected agents: no dangling relationship.
  const agentKeys = new Set(
    result.estate.agents.map((agent) => `sentinelone_agent-id-${agent.id}`),
  );
  const identified = result.collectedRelationships.filter(
    (r) => r._type === Relationships.AGENT_IDENTIFIED_THREAT._type,
  );
  expect(identified.length).toBeGreaterThan(0);
  for (const relationship of identified) {
    expect(agentKeys.has(relationship._fromEntityKey as string)).toBe(true);
  }
  const orphans = threats.filter(
    (t) => !identified.some((r) => r._toEntityKey === t._key),
  );
  for (const orphan of orphans) expect(orphan.agentId).toBeTruthy();
});

test('threat filters: open ones, and resolved ones updated within the look-back', () => {
  const now = Date.parse('2026-03-31T00:00:00Z');
  expect(threatFilters(30, now)).toEqual([
    { incidentStatuses: ['unresolved', 'in_progress'] },
    {
      incidentStatuses: ['resolved'],
      updatedAfter: new Date('2026-03-01T00:00:00Z'),
    },
  ]);
});
