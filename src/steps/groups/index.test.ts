import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import { Entities, Relationships, Steps } from '../constants';

test('fetch-groups', async () => {
  const result = await runStep(Steps.GROUPS, __dirname);

  expectToMatchStepMetadata(result, Steps.GROUPS);
  const groups = result.collectedEntities.filter(
    (e) => e._type === Entities.GROUP._type,
  );
  expect(groups).toHaveLength(result.totals.groups);
  expect(groups).toMatchGraphObjectSchema({ _class: Entities.GROUP._class });
  expect(groups.map((g) => g._key)).toContain(
    `sentinelone_group-id-${groups[0].id}`,
  );
  expect(JSON.stringify(groups)).not.toMatch(/registrationToken/);

  const count = (type: string) =>
    result.collectedRelationships.filter((r) => r._type === type).length;
  expect(count(Relationships.ACCOUNT_HAS_GROUP._type)).toBe(
    result.totals.groups,
  );
  expect(count(Relationships.SITE_HAS_GROUP._type)).toBe(result.totals.groups);
});
