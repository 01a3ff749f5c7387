import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import { Entities, Relationships, Steps } from '../constants';

test('fetch-sites', async () => {
  const result = await runStep(Steps.SITES, __dirname);

  expectToMatchStepMetadata(result, Steps.SITES);
  const sites = result.collectedEntities.filter(
    (e) => e._type === Entities.SITE._type,
  );
  expect(sites).toHaveLength(result.totals.sites);
  expect(sites).toMatchGraphObjectSchema({ _class: Entities.SITE._class });
  for (const site of sites) {
    expect(JSON.stringify(site)).not.toMatch(/registrationToken/);
    expect(site.webLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  }
  const hasSite = result.collectedRelationships.filter(
    (r) => r._type === Relationships.ACCOUNT_HAS_SITE._type,
  );
  expect(hasSite).toHaveLength(result.totals.sites);
});
