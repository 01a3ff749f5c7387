import { S1Account, S1Site } from '../client';
import { ConfiguredScope } from '../config';

/** The level SentinelOne granted the API token's user. */
export type TokenLevel = 'global' | 'account' | 'site';

/**
 * What this run may read, resolved once: the customer's Site IDs / Account
 * IDs, the token's level, and the accounts and sites that result. Every list
 * request of every step takes its filter from here (see `filters.ts`), and
 * none is wider than this scope.
 */
export interface RunScope {
  tokenLevel: TokenLevel;
  configured: ConfiguredScope;
  /**
   * What list filters name: nothing (`token`: nothing configured, so the
   * scope is what the token may see), the accounts in scope, or the sites in
   * scope (Site IDs configured, or Account IDs with a site-scoped token,
   * which the API refuses account filters).
   */
  restrictedTo: 'token' | 'account' | 'site';
  /** Accounts in scope; none for a site-scoped token, which may not list them. */
  accounts: S1Account[];
  /** Sites in scope, as `/sites` lists them. */
  sites: S1Site[];
}
