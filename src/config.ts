import {
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

export const DEFAULT_RESOLVED_THREATS_LOOKBACK_DAYS = 30;

export const instanceConfigFields: IntegrationInstanceConfigFieldMap<IntegrationConfig> =
  {
    serverUrl: { type: 'string' },
    apiToken: { type: 'string', mask: true },
    siteIds: { type: 'string', optional: true },
    accountIds: { type: 'string', optional: true },
    resolvedThreatsLookbackDays: { type: 'string', optional: true },
  };

export interface IntegrationConfig extends IntegrationInstanceConfig {
  /** Console URL, e.g. https://usea1-acme.sentinelone.net (normalized). */
  serverUrl: string;
  /** API token of a read-only console or service user. */
  apiToken: string;
  /** Comma-separated site ids: collect only these sites. */
  siteIds?: string;
  /** Comma-separated account ids: collect only these accounts. */
  accountIds?: string;
  /** Resolved threats updated within this many days are collected too. */
  resolvedThreatsLookbackDays?: string;
}

/**
 * The Site IDs / Account IDs the customer restricted the collection to, each
 * undefined when not set. `src/scope` resolves what they hold.
 */
export interface ConfiguredScope {
  siteIds?: string[];
  accountIds?: string[];
}

/** The config after validation: what steps work with. */
export interface ValidatedConfig {
  serverUrl: string;
  apiToken: string;
  configuredScope: ConfiguredScope;
  resolvedThreatsLookbackDays: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Turns what a customer pastes (a bare host, a console page such as
 * `/dashboard`, the API base URL, a query string) into the console's origin:
 * the API always lives at `<origin>/web/api/v2.1`. Rejects anything that would send the token
 * in the clear, except to loopback (the project's simulator).
 */
export function normalizeServerUrl(input: string): string {
  const expected =
    'expected the console URL, e.g. https://usea1-acme.sentinelone.net';
  let value = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = `https://${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IntegrationValidationError(
      `serverUrl '${input.trim().slice(0, 100)}' is not a URL: ${expected}`,
    );
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new IntegrationValidationError(
      `serverUrl must use https:// (got ${url.protocol.replace(
        ':',
        '',
      )}://): ${expected}`,
    );
  }
  if (!url.hostname || url.username || url.password) {
    throw new IntegrationValidationError(
      `serverUrl must be a host without credentials: ${expected}`,
    );
  }
  return url.origin;
}

/** `"1, 2,,3"` → `['1','2','3']`; ids are numeric strings. */
export function parseIdList(
  value: string | undefined,
  field: string,
): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const invalid = ids.filter((id) => !/^\d+$/.test(id));
  if (invalid.length) {
    throw new IntegrationValidationError(
      `${field} must be comma-separated numeric SentinelOne ids; not ids: ${invalid
        .slice(0, 5)
        .map((id) => `'${id.slice(0, 30)}'`)
        .join(', ')}`,
    );
  }
  return [...new Set(ids)];
}

function parseLookbackDays(value: string | undefined): number {
  if (value === undefined || String(value).trim() === '') {
    return DEFAULT_RESOLVED_THREATS_LOOKBACK_DAYS;
  }
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new IntegrationValidationError(
      `resolvedThreatsLookbackDays must be a whole number of days from 0 to 3650, got '${String(
        value,
      ).slice(0, 20)}'`,
    );
  }
  return days;
}

/** Checks the config's shape without calling the API. */
export function validateConfig(config: IntegrationConfig): ValidatedConfig {
  for (const field of ['serverUrl', 'apiToken'] as const) {
    const value = config[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new IntegrationValidationError(
        `Config requires ${field} (${
          field === 'serverUrl' ? 'SERVER_URL' : 'API_TOKEN'
        }): ${
          field === 'serverUrl'
            ? 'the SentinelOne console URL, e.g. https://usea1-acme.sentinelone.net'
            : 'an API token of a read-only SentinelOne user'
        }`,
      );
    }
  }
  const siteIds = parseIdList(config.siteIds, 'siteIds');
  const accountIds = parseIdList(config.accountIds, 'accountIds');
  return {
    serverUrl: normalizeServerUrl(config.serverUrl),
    apiToken: config.apiToken.trim(),
    configuredScope: { siteIds, accountIds },
    resolvedThreatsLookbackDays: parseLookbackDays(
      config.resolvedThreatsLookbackDays,
    ),
  };
}
