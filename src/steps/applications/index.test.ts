import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import { Entities, Relationships, Steps } from '../constants';

test('fetch-applications', async () => {
  const result = await runStep(Steps.APPLICATIONS, __dirname);

  expectToMatchStepMetadata(result, Steps.APPLICATIONS);
  const applications = result.collectedEntities.filter(
    (e) => e._type === Entities.APPLICATION._type,
  );
  expect(applications).toHaveLength(result.totals.applicationVersions);
  expect(applications).toMatchGraphObjectSchema({
    _class: Entities.APPLICATION._class,
  });
  const installed = result.collectedRelationships.filter(
    (r) => r._type === Relationships.AGENT_INSTALLED_APPLICATION._type,
  );
  expect(installed.length).toBeGreaterThan(0);
  expect(installed.length).toBeLessThanOrEqual(result.totals.installs);
});

test('fetch-applications without the licence ends with a warning, not a failure', async () => {
  const result = await runStep(Steps.APPLICATIONS, __dirname, {
    recordingName: 'fetch-applications-unlicensed',
    simulator: { applicationManagementLicensed: false },
  });
  expect(
    result.collectedEntities.filter(
      (e) => e._type === Entities.APPLICATION._type,
    ),
  ).toHaveLength(0);
});
