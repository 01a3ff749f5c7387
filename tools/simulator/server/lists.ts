/**
 * List endpoints: filters, cursors and pages. Lists are filtered once per
 * distinct filter set (cached); pages are joined from each record's cached
 * JSON. `pagination.totalItems` is reported on the first page only (later
 * pages say 0, as real consoles do) when the estate has real-world variations.
 */
import { Estate } from '../estate';
import { hash32, hashString, hashUnit } from '../random';
import { ID_TYPES, makeId, MISC_ID_RANGES } from '../estate';
import { validation } from './errors';
import {
  CursorFault,
  cursorFault,
  FaultState,
  nullify,
  setPath,
} from './faults';
import { jsonBuffer, joinBuffers } from './json';
import {
  canonicalFilterKey,
  commaList,
  encodeCursor,
  filterHash,
  PAGINATION_PARAMS,
  pageRequest,
} from './params';
import { ScopeRules, visibleRecords, visibleSite } from './scope';
import { ListSource, Predicate } from './sources';

const SCOPE_FILTERS = new Set(['accountIds', 'siteIds', 'groupIds']);

export interface ListContext {
  estate: Estate;
  seed: number;
  scope: ScopeRules;
  /** The fault state now (replaced by setFaults). */
  faults(): FaultState;
  cache: Map<string, ResolvedList>;
}

/** A resolved (filtered, possibly augmented) list of records. */
export interface ResolvedList {
  size: number;
  /** Entry k: >= 0 a record index, < 0 a malformed extra -(j + 1); null: identity. */
  entries: Int32Array | null;
  rows?: Record<string, any>[];
  rowJson?: Buffer[];
}

export interface ListAnswer {
  body: Buffer;
  /** A fault for this page (requests with a cursor on a fault path only). */
  fault: CursorFault;
}

/**
 * The filters a request applies: its own (an empty value is no filter, as
 * the API treats it), then the source's defaults; single-id filters keep
 * their first id. Unknown parameters are a 400, like the API's.
 */
export function listFilters(
  source: ListSource,
  query: Record<string, string>,
): Record<string, string> {
  const filters: Record<string, string> = { ...(source.defaults ?? {}) };
  for (const [name, value] of Object.entries(query)) {
    if (PAGINATION_PARAMS.has(name)) continue;
    if (!source.filters[name]) throw validation({ [name]: ['Unknown field.'] });
    if (!value.trim()) continue;
    filters[name] =
      source.singleIdFilters && SCOPE_FILTERS.has(name)
        ? commaList(name, value)[0]
        : value;
  }
  const requiredError = source.required?.(filters);
  if (requiredError) throw validation(requiredError);
  // Validate every filter value now (also for cached lists).
  for (const [name, value] of Object.entries(filters))
    source.filters[name](value);
  return filters;
}

function filteredIndices(size: number, predicates: Predicate[]): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    if (predicates.every((p) => p(i))) out.push(i);
  }
  return Int32Array.from(out);
}

function baseList(
  ctx: ListContext,
  source: ListSource,
  filters: Record<string, string>,
): ResolvedList {
  if (source.rows) {
    const rows = source.rows(filters, visibleSite(ctx.scope));
    return {
      size: rows.length,
      entries: null,
      rows,
      rowJson: rows.map((r) => jsonBuffer(r)),
    };
  }
  const predicates = Object.entries(filters).map(([name, value]) =>
    source.filters[name](value),
  );
  const visible = visibleRecords(ctx.scope, source);
  if (visible) predicates.push(visible);
  if (!predicates.length) return { size: source.size(), entries: null };
  const entries = filteredIndices(source.size(), predicates);
  return { size: entries.length, entries };
}

/** Where malformed extra j sits: right after its template record. */
function malformedTemplate(total: number, count: number, j: number): number {
  return Math.min(total - 1, Math.floor(((j + 0.5) * total) / count));
}

function withMalformed(
  faults: FaultState,
  source: ListSource,
  cacheKey: string,
  base: ResolvedList,
): ResolvedList {
  const count = Math.max(0, Math.floor(faults.faults.malformedRecords ?? 0));
  if (!count || !source.dateFields || base.rows) return base;
  let augmented = faults.malformedCache.get(cacheKey);
  if (!augmented) {
    const total = source.size();
    const templates = new Map<number, number[]>();
    for (let j = 0; j < count && total > 0; j++) {
      const t = malformedTemplate(total, count, j);
      templates.set(t, [...(templates.get(t) ?? []), j]);
    }
    const out: number[] = [];
    for (let k = 0; k < base.size; k++) {
      const index = base.entries ? base.entries[k] : k;
      out.push(index);
      for (const j of templates.get(index) ?? []) out.push(-(j + 1));
    }
    augmented = Int32Array.from(out);
    faults.malformedCache.set(cacheKey, augmented);
  }
  return { size: augmented.length, entries: augmented };
}

function resolveList(
  ctx: ListContext,
  source: ListSource,
  filters: Record<string, string>,
  filterKey: string,
): ResolvedList {
  const cacheKey = `${source.name}?${filterKey}`;
  let base = ctx.cache.get(cacheKey);
  if (!base) {
    base = baseList(ctx, source, filters);
    if (ctx.cache.size > 2000) ctx.cache.clear();
    ctx.cache.set(cacheKey, base);
  }
  return withMalformed(ctx.faults(), source, cacheKey, base);
}

/**
 * Malformed extra j: a copy of its template, even ones without `id`, odd ones
 * with a new id and unparseable dates.
 */
function malformedRecord(
  ctx: ListContext,
  source: ListSource,
  j: number,
): Record<string, any> {
  const faults = ctx.faults().faults;
  const count = Math.max(1, Math.floor(faults.malformedRecords ?? 1));
  const record = source.record(malformedTemplate(source.size(), count, j));
  if (j % 2 === 0) {
    delete record.id;
    return record;
  }
  const id = makeId(
    ctx.seed,
    ID_TYPES.misc,
    (hashString(source.name) % 1000) * 10_000 + j,
    10_000_000,
    MISC_ID_RANGES.malformed,
  );
  record.id = id;
  for (const path of source.idAliases ?? []) setPath(record, path, id);
  for (const path of source.dateFields ?? [])
    setPath(record, path, 'not-a-date');
  return record;
}

function entryJson(
  ctx: ListContext,
  source: ListSource,
  list: ResolvedList,
  k: number,
): Buffer {
  const faults = ctx.faults();
  const rate = faults.faults.nullFieldRate ?? 0;
  const salt = (index: number) => hash32(ctx.seed, source.name, index);
  if (list.rows) {
    if (rate <= 0) return list.rowJson![k];
    return jsonBuffer(
      nullify(list.rows[k], rate, salt(k), source.keep, source.nested),
    );
  }
  const index = list.entries ? list.entries[k] : k;
  if (index >= 0 && rate <= 0) return source.json(index);
  const cacheKey = `${source.name}:${index}`;
  const cached = faults.nullCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let record =
    index >= 0
      ? source.record(index)
      : malformedRecord(ctx, source, -index - 1);
  if (rate > 0) {
    record = nullify(record, rate, salt(index), source.keep, source.nested);
  }
  const json = jsonBuffer(record);
  faults.nullCache.set(cacheKey, json);
  return json;
}

/** `data: {allSites, sites}`: licence totals of the listed sites. */
function sitesHead(estate: Estate, list: ResolvedList): string {
  let activeLicenses = 0;
  let totalLicenses = 0;
  for (let k = 0; k < list.size; k++) {
    const index = list.entries ? list.entries[k] : k;
    if (index < 0) continue;
    activeLicenses += estate.sites[index].activeLicenses ?? 0;
    totalLicenses += estate.sites[index].totalLicenses ?? 0;
  }
  const allSites = JSON.stringify({ activeLicenses, totalLicenses });
  return `{"data":{"allSites":${allSites},"sites":[`;
}

/** Answers one page of a list (or refuses it with an HttpError). */
export function answerList(
  ctx: ListContext,
  source: ListSource,
  query: Record<string, string>,
  eligible: boolean,
): ListAnswer {
  const filters = listFilters(source, query);
  const filterKey = canonicalFilterKey(filters);
  const hash = filterHash(source.name, filterKey);
  const list = resolveList(ctx, source, filters, filterKey);
  const page = pageRequest(source, query, list.size, hash);
  const faults = ctx.faults().faults;
  const withCursor = eligible && page.cursor !== undefined;
  const items: Buffer[] = [];
  let nextCursor: string | null = null;
  if (!page.countOnly) {
    const end = Math.min(list.size, page.offset + page.limit);
    const repeatRate = faults.repeatRecordRate ?? 0;
    if (
      withCursor &&
      page.offset > 0 &&
      repeatRate > 0 &&
      hashUnit(ctx.seed, 'repeat', source.name, filterKey, page.offset) <
        repeatRate
    ) {
      items.push(entryJson(ctx, source, list, page.offset - 1));
    }
    for (let k = page.offset; k < end; k++)
      items.push(entryJson(ctx, source, list, k));
    if (end < list.size)
      nextCursor = encodeCursor(source.name, end, page.page + 1, hash);
    if (withCursor && faults.repeatedCursor && page.page === 2) {
      nextCursor = page.cursor!;
    }
  }
  const laterPage = page.cursor !== undefined && ctx.estate.options.variations;
  const pagination = JSON.stringify({
    totalItems: page.skipCount ? null : laterPage ? 0 : list.size,
    nextCursor,
  });
  const body = source.sitesShape
    ? joinBuffers(
        sitesHead(ctx.estate, list),
        items,
        `]},"pagination":${pagination}}`,
      )
    : joinBuffers('{"data":[', items, `],"pagination":${pagination}}`);
  return { body, fault: withCursor ? cursorFault(ctx.faults()) : null };
}
