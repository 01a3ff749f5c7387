/**
 * Cursor-paged lists for the posture endpoints, on the paging rules of the
 * simulator's other lists (`../server/params`): `limit` 1..1000 (default 10),
 * cursors bound to the endpoint and its filters, unknown parameters refused
 * with 400 `Unknown field.`, records in id order (`sortBy`/`sortOrder`
 * accepted, ignored). Every page reports `totalItems`.
 */
import { parseIsoMicros } from '../random';
import { validation } from '../server/errors';
import {
  booleanParam,
  canonicalFilterKey,
  commaList,
  dateParam,
  encodeCursor,
  filterHash,
  PAGINATION_PARAMS,
  pageRequest,
} from '../server/params';

/** A query parameter's value → a record predicate (throws a validation error on a bad value). */
export type FilterFactory<T> = (
  value: string,
  name: string,
) => (record: T) => boolean;

const MAX_LIMIT = 1000;

type Getter<T, V> = (record: T) => V;

/** Filter factories, each for one kind of spec parameter. */
export const filterOn = {
  /** Comma list; the record's value is one of them. */
  oneOf:
    <T>(
      get: Getter<T, string | null | undefined>,
      allowed?: readonly string[],
    ): FilterFactory<T> =>
    (value, name) => {
      const wanted = new Set(commaList(name, value, allowed));
      return (record) => wanted.has(get(record) ?? '');
    },
  /** Comma list; one of the record's values is one of them. */
  anyOf:
    <T>(get: Getter<T, string[]>): FilterFactory<T> =>
    (value, name) => {
      const wanted = new Set(commaList(name, value));
      return (record) => get(record).some((v) => wanted.has(v));
    },
  /** Exact value, case-insensitive. */
  equals:
    <T>(get: Getter<T, string | null | undefined>): FilterFactory<T> =>
    (value) =>
    (record) =>
      (get(record) ?? '').toLowerCase() === value.toLowerCase(),
  /** Comma list of substrings, case-insensitive; any of them. */
  containsAny:
    <T>(get: Getter<T, string | null | undefined>): FilterFactory<T> =>
    (value, name) => {
      const parts = commaList(name, value).map((v) => v.toLowerCase());
      return (record) =>
        parts.some((p) => (get(record) ?? '').toLowerCase().includes(p));
    },
  boolean:
    <T>(get: Getter<T, boolean>): FilterFactory<T> =>
    (value, name) => {
      const wanted = booleanParam(name, value);
      return (record) => get(record) === wanted;
    },
  /** `field__gt|gte|lt|lte`: a record without the date never matches. */
  date:
    <T>(
      get: Getter<T, string | undefined>,
      op: 'gt' | 'gte' | 'lt' | 'lte',
    ): FilterFactory<T> =>
    (value, name) => {
      const bound = dateParam(name, value);
      return (record) => {
        const raw = get(record);
        if (!raw) return false;
        const at = parseIsoMicros(raw);
        if (op === 'gt') return at > bound;
        if (op === 'gte') return at >= bound;
        if (op === 'lt') return at < bound;
        return at <= bound;
      };
    },
};

/** The four `<field>__gt|gte|lt|lte` filters of a date field. */
export function dateRange<T>(
  field: string,
  get: Getter<T, string | undefined>,
): Record<string, FilterFactory<T>> {
  const out: Record<string, FilterFactory<T>> = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const)
    out[`${field}__${op}`] = filterOn.date(get, op);
  return out;
}

export interface ListSpec<T> {
  /** Names the cursor (a cursor of another endpoint is refused). */
  endpoint: string;
  filters: Record<string, FilterFactory<T>>;
  /** Parameters the route already applied (scope selection). */
  handled?: readonly string[];
  toWire: (record: T) => unknown;
}

/** Every query parameter a list answers (paging, filters, scope). */
export function listSpecParameters<T>(spec: ListSpec<T>): string[] {
  return [
    ...PAGINATION_PARAMS,
    ...Object.keys(spec.filters),
    ...(spec.handled ?? []),
  ];
}

/** One page of `records` (already scoped) after the query's filters. */
export function listPage<T>(
  spec: ListSpec<T>,
  records: readonly T[],
  query: Record<string, string>,
) {
  const filters: Record<string, string> = {};
  const predicates: ((record: T) => boolean)[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (PAGINATION_PARAMS.has(name)) continue;
    filters[name] = value;
    if (spec.handled?.includes(name)) continue;
    const factory = spec.filters[name];
    if (!factory) throw validation({ [name]: ['Unknown field.'] });
    predicates.push(factory(value, name));
  }
  const matching = records.filter((r) => predicates.every((p) => p(r)));
  const hash = filterHash(spec.endpoint, canonicalFilterKey(filters));
  const list = { name: spec.endpoint, maxLimit: MAX_LIMIT };
  const page = pageRequest(list, query, matching.length, hash);
  const end = Math.min(matching.length, page.offset + page.limit);
  return {
    data: page.countOnly
      ? []
      : matching.slice(page.offset, end).map(spec.toWire),
    pagination: {
      totalItems: page.skipCount ? null : matching.length,
      nextCursor:
        !page.countOnly && end < matching.length
          ? encodeCursor(spec.endpoint, end, page.page + 1, hash)
          : null,
    },
  };
}
