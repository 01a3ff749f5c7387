import { IterationSummary, ListFilter, MAX_URL_BYTES } from '../client';
import { RunScope } from './types';

/**
 * How many bytes of a URL one id filter may take: the rest of the URL (origin,
 * path, paging cursor, the other filters) stays well within what is left.
 */
export const ID_FILTER_BUDGET_BYTES = MAX_URL_BYTES - 2048;

/** An id's share of an encoded, comma-joined filter (`%2C` between ids). */
function encodedBytes(id: string, isFirst: boolean): number {
  return encodeURIComponent(id).length + (isFirst ? 0 : 3);
}

/** `ids` in consecutive runs whose encoded filter fits `budget` bytes. */
export function chunkIds(
  ids: string[],
  budget = ID_FILTER_BUDGET_BYTES,
): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const id of ids) {
    const size = encodedBytes(id, current.length === 0);
    if (current.length && bytes + size > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(id);
    bytes += encodedBytes(id, current.length === 1);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Ids of the sites in scope (a site record without an id takes no part). */
function siteIdsInScope(scope: RunScope): string[] {
  return scope.sites
    .map((site) => site.id)
    .filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Ids of the accounts in scope. */
export function accountIdsInScope(scope: RunScope): string[] {
  return scope.accounts
    .map((account) => account.id)
    .filter((id): id is string => typeof id === 'string' && id !== '');
}

/** `ids` as filters of that level, each within the URL budget; none for no ids. */
export function idFilters(
  level: 'account' | 'site',
  ids: string[],
): ListFilter[] {
  return chunkIds(ids).map((chunk) => ({ level, ids: chunk }));
}

/**
 * The whole scope as list filters, one request (or cursor walk) each: the
 * token's view when nothing is configured, else the accounts or sites in
 * scope, split so that no URL outgrows the budget. None when nothing is in
 * scope: an empty filter would read everything the token may see.
 */
export function scopeFilters(scope: RunScope): ListFilter[] {
  switch (scope.restrictedTo) {
    case 'token':
      return [{ level: 'token' }];
    case 'account':
      return idFilters('account', accountIdsInScope(scope));
    case 'site':
      return idFilters('site', siteIdsInScope(scope));
  }
}

/**
 * One filter per account in scope, or per site where the scope is by site
 * (configured Site IDs, or a site-scoped token): Application Management
 * takes a single account or site id per request.
 */
export function singleIdFilters(scope: RunScope): ListFilter[] {
  const bySite =
    scope.restrictedTo === 'site' ||
    (scope.restrictedTo === 'token' && scope.tokenLevel === 'site');
  return bySite
    ? siteIdsInScope(scope).map((id) => ({ level: 'site', ids: [id] }))
    : accountIdsInScope(scope).map((id) => ({ level: 'account', ids: [id] }));
}

/**
 * Agent streams: the sites in scope in buckets of about equal agent counts
 * (largest site first into the lightest bucket), at least `streams` of them
 * when there are that many sites, and more when a bucket's site filter would
 * outgrow the URL budget. Every bucket holds at least one site. No split
 * (the whole scope's filters) for one site or one stream.
 */
export function agentStreams(
  scope: RunScope,
  agentCountsBySite: ReadonlyMap<string, number>,
  streams: number,
): ListFilter[] {
  const siteIds = siteIdsInScope(scope);
  if (streams < 2 || siteIds.length < 2) return scopeFilters(scope);
  const sites = siteIds
    .map((id) => ({ id, agents: agentCountsBySite.get(id) ?? 0 }))
    .sort((a, b) => b.agents - a.agents || a.id.localeCompare(b.id));
  const buckets = Array.from({ length: streams }, () => newBucket());
  for (const site of sites) {
    const size = (bucket: Bucket) =>
      encodedBytes(site.id, bucket.siteIds.length === 0);
    const open = buckets.filter(
      (bucket) => bucket.bytes + size(bucket) <= ID_FILTER_BUDGET_BYTES,
    );
    const bucket = open.length ? lightest(open) : newBucketIn(buckets);
    bucket.bytes += size(bucket);
    bucket.siteIds.push(site.id);
    bucket.agents += site.agents;
  }
  return buckets
    .filter((bucket) => bucket.siteIds.length)
    .map((bucket) => ({ level: 'site', ids: bucket.siteIds }));
}

interface Bucket {
  siteIds: string[];
  agents: number;
  bytes: number;
}

function newBucket(): Bucket {
  return { siteIds: [], agents: 0, bytes: 0 };
}

function newBucketIn(buckets: Bucket[]): Bucket {
  const bucket = newBucket();
  buckets.push(bucket);
  return bucket;
}

/** Fewest agents, then fewest sites: empty sites spread over empty buckets. */
function lightest(buckets: Bucket[]): Bucket {
  return buckets.reduce((a, b) =>
    b.agents < a.agents ||
    (b.agents === a.agents && b.siteIds.length < a.siteIds.length)
      ? b
      : a,
  );
}

/** Runs one iteration per filter, one after another. */
export async function iterateEach(
  filters: ListFilter[],
  iterate: (filter: ListFilter) => Promise<IterationSummary>,
): Promise<IterationSummary[]> {
  const summaries: IterationSummary[] = [];
  for (const filter of filters) summaries.push(await iterate(filter));
  return summaries;
}
