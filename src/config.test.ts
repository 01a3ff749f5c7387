import { IntegrationValidationError } from '@jupiterone/integration-sdk-core';

import {
  DEFAULT_RESOLVED_THREATS_LOOKBACK_DAYS,
  normalizeServerUrl,
  parseIdList,
  validateConfig,
} from './config';

describe('normalizeServerUrl', () => {
  test.each([
    ['usea1-acme.sentinelone.net', 'https://usea1-acme.sentinelone.net'],
    [
      '  https://usea1-acme.sentinelone.net/  ',
      'https://usea1-acme.sentinelone.net',
    ],
    [
      'https://usea1-acme.sentinelone.net/dashboard',
      'https://usea1-acme.sentinelone.net',
    ],
    [
      'https://usea1-acme.sentinelone.net/console/',
      'https://usea1-acme.sentinelone.net',
    ],
    [
      'https://usea1-acme.sentinelone.net/web/api/v2.1',
      'https://usea1-acme.sentinelone.net',
    ],
    [
      'https://usea1-acme.sentinelone.net/incidents/threats?filter=1#x',
      'https://usea1-acme.sentinelone.net',
    ],
    ['HTTPS://S1.Example.COM:8443/', 'https://s1.example.com:8443'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
    ['http://localhost:9000/web/api/v2.1/', 'http://localhost:9000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  test.each([
    [
      'http://usea1-acme.sentinelone.net',
      /must use https:\/\/ \(got http:\/\/\).*e\.g\. https:\/\/usea1-acme/,
    ],
    ['ftp://usea1-acme.sentinelone.net', /must use https:\/\//],
    ['https://user:pass@usea1-acme.sentinelone.net', /without credentials/],
    ['https://', /is not a URL/],
  ])('rejects %s', (input, message) => {
    expect(() => normalizeServerUrl(input)).toThrow(IntegrationValidationError);
    expect(() => normalizeServerUrl(input)).toThrow(message);
  });
});

describe('parseIdList', () => {
  test('splits, trims, drops blanks and duplicates', () => {
    expect(
      parseIdList(
        ' 225494730938493804, 225494730938493805,,225494730938493804 ',
        'siteIds',
      ),
    ).toEqual(['225494730938493804', '225494730938493805']);
  });

  test('blank means no filter', () => {
    expect(parseIdList('  ', 'siteIds')).toBeUndefined();
    expect(parseIdList(undefined, 'siteIds')).toBeUndefined();
  });

  test('names the field and the values that are not ids', () => {
    expect(() => parseIdList('123, Default site', 'siteIds')).toThrow(
      "siteIds must be comma-separated numeric SentinelOne ids; not ids: 'Default site'",
    );
  });
});

describe('validateConfig', () => {
  const valid = {
    serverUrl: 'usea1-acme.sentinelone.net/dashboard',
    apiToken: ' token-value ',
  };

  test('normalizes the config steps use', () => {
    expect(
      validateConfig({
        ...valid,
        siteIds: '1,2',
        resolvedThreatsLookbackDays: '7',
      }),
    ).toEqual({
      serverUrl: 'https://usea1-acme.sentinelone.net',
      apiToken: 'token-value',
      configuredScope: { siteIds: ['1', '2'], accountIds: undefined },
      resolvedThreatsLookbackDays: 7,
    });
    expect(validateConfig(valid).resolvedThreatsLookbackDays).toBe(
      DEFAULT_RESOLVED_THREATS_LOOKBACK_DAYS,
    );
  });

  test.each(['serverUrl', 'apiToken'] as const)(
    'names a missing or blank %s',
    (field) => {
      expect(() => validateConfig({ ...valid, [field]: '   ' })).toThrow(
        new RegExp(`Config requires ${field}`),
      );
      expect(() =>
        validateConfig({ ...valid, [field]: undefined } as any),
      ).toThrow(IntegrationValidationError);
    },
  );

  test('rejects a look-back that is not a whole number of days', () => {
    expect(() =>
      validateConfig({ ...valid, resolvedThreatsLookbackDays: 'a month' }),
    ).toThrow(/resolvedThreatsLookbackDays must be a whole number of days/);
  });
});
