import { expectToMatchStepMetadata, runStep } from '../../../test/steps';
import { Entities, Steps } from '../constants';

test('fetch-account', async () => {
  const result = await runStep(Steps.ACCOUNT, __dirname);

  expectToMatchStepMetadata(result, Steps.ACCOUNT);
  expect(result.collectedEntities).toHaveLength(1);
  const [account] = result.collectedEntities;
  expect(account).toMatchGraphObjectSchema({ _class: Entities.ACCOUNT._class });
  expect(account).toMatchObject({
    _key: 'sentinelone_account-local-integration-instance',
    vendor: 'SentinelOne',
    scope: 'account',
  });
  expect(typeof account.version).toBe('string');
  expect(typeof account.tokenExpiresOn).toBe('number');
});
