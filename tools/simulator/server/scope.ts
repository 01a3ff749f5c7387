/**
 * What the token may read. A token restricted by `tokenScope` sees only the
 * records of its sites (and of its accounts' sites): every list is cut to
 * them, and naming an account, site or group outside them answers 403
 * 4030010, which is how the API refuses a site user account-level data. Ids
 * the console does not know are ignored, as the API ignores them.
 */
import { outsideScope } from './errors';
import { SimulatorOptions } from './options';
import { commaList } from './params';
import { EstateLookup, ListSource, Predicate } from './sources';

export interface ScopeRules {
  /** `/accounts` and `accountIds` answer 403 4030010. */
  siteUser: boolean;
  /** What `GET /user` says of the token's user. */
  userScope: 'tenant' | 'account' | 'site';
  /** null: the token sees every site / account. */
  visibleSites: Uint8Array | null;
  visibleAccounts: Uint8Array | null;
}

function maskOf(
  what: string,
  ids: string[] | undefined,
  index: Map<string, number>,
  size: number,
): Uint8Array {
  const mask = new Uint8Array(size);
  for (const id of ids ?? []) {
    const i = index.get(id);
    if (i === undefined) {
      throw new RangeError(`tokenScope.${what}: ${id} is not in the estate`);
    }
    mask[i] = 1;
  }
  return mask;
}

export function scopeRules(
  options: SimulatorOptions,
  lookup: EstateLookup,
): ScopeRules {
  const scope = options.tokenScope;
  const accountLevel = (scope?.accountIds?.length ?? 0) > 0;
  const siteUser = !!options.siteScoped || (!!scope && !accountLevel);
  const userScope = siteUser ? 'site' : accountLevel ? 'account' : 'tenant';
  if (!scope) {
    return { siteUser, userScope, visibleSites: null, visibleAccounts: null };
  }
  const { siteAccount } = lookup.estate.compact;
  const visibleAccounts = maskOf(
    'accountIds',
    scope.accountIds,
    lookup.accountIndex,
    lookup.accountIds.length,
  );
  const visibleSites = maskOf(
    'siteIds',
    scope.siteIds,
    lookup.siteIndex,
    lookup.siteIds.length,
  );
  siteAccount.forEach((a, s) => {
    if (visibleAccounts[a]) visibleSites[s] = 1;
  });
  return { siteUser, userScope, visibleSites, visibleAccounts };
}

/** Records of `source` the token may see; null: all of them. */
export function visibleRecords(
  rules: ScopeRules,
  source: ListSource,
): Predicate | null {
  const mask =
    source.scope.level === 'account'
      ? rules.visibleAccounts
      : rules.visibleSites;
  if (!mask) return null;
  const of = source.scope.of;
  return (i) => {
    const k = of(i);
    return k >= 0 && mask[k] === 1;
  };
}

/** Sites the token may see, as a predicate on site indices; null: all. */
export function visibleSite(rules: ScopeRules): Predicate | null {
  const mask = rules.visibleSites;
  return mask ? (s) => mask[s] === 1 : null;
}

/** Throws 403 4030010 when the request reaches outside the token's scope. */
export function checkScope(
  rules: ScopeRules,
  lookup: EstateLookup,
  apiPath: string,
  query: Record<string, string>,
): void {
  if (
    rules.siteUser &&
    (apiPath.startsWith('/accounts') || query.accountIds !== undefined)
  ) {
    throw outsideScope();
  }
  const { visibleSites, visibleAccounts } = rules;
  if (!visibleSites || !visibleAccounts) return;
  const { groupSite } = lookup.estate.compact;
  const outside = (
    name: string,
    index: Map<string, number>,
    visible: (i: number) => boolean,
  ) =>
    query[name]?.trim() &&
    commaList(name, query[name]).some((id) => {
      const i = index.get(id);
      return i !== undefined && !visible(i);
    });
  if (
    outside(
      'accountIds',
      lookup.accountIndex,
      (a) => visibleAccounts[a] === 1,
    ) ||
    outside('siteIds', lookup.siteIndex, (s) => visibleSites[s] === 1) ||
    outside(
      'groupIds',
      lookup.groupIndex,
      (g) => visibleSites[groupSite[g]] === 1,
    )
  ) {
    throw outsideScope();
  }
}
