import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';

test('fetch-vulnerabilities', async () => {
  const result = await runStep(Steps.VULNERABILITIES, __dirname);

  expectToMatchStepMetadata(result, Steps.VULNERABILITIES);
  const findings = result.collectedEntities.filter(
    (e) => e._type === Entities.FINDING._type,
  );
  expect(findings).toHaveLength(result.totals.risks);
  expect(findings).toMatchGraphObjectSchema({
    _class: Entities.FINDING._class,
  });

  const byType = (type: string) =>
    result.collectedRelationships.filter((r) => r._type === type);
  const isCve = byType(MappedRelationships.FINDING_IS_CVE._type);
  expect(isCve).toHaveLength(findings.length);
  for (const relationship of isCve) {
    const target = (relationship as any)._mapping.targetEntity;
    expect(target._key).toBe(target._key.toLowerCase());
    expect(target._key).toMatch(/^cve-\d{4}-\d+$/);
  }
  expect(
    byType(Relationships.AGENT_IDENTIFIED_FINDING._type).length,
  ).toBeGreaterThan(0);
});
