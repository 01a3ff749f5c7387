/**
 * Cursor-paged lists for the posture endpoints, with the same rules as the
 * simulator's other lists: `limit` 1..1000 (default 10), opaque cursors bound
 * to the endpoint and its filters, unknown parameters refused with 400
 * `Unknown field.`, records in id order (`sortBy`/`sortOrder` accepted, ignored).
 */
import { hash32, parseIsoMicros } from '../random';

export class PostureHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly title: string,
    readonly detail: string | Record<string, string[]> | null,
  ) {
    super(title);
  }
}

export const validationError = (detail: string | Record<string, string[]>) =>
  new PostureHttpError(400, 4000010, 'Validation Error', detail);

/** A query parameter's value → a record predicate (throws a validation error on a bad value). */
export type FilterFactory<T> = (
  value: string,
  name: string,
) => (record: T) => boolean;

const MAX_LIMIT = 1000;
const PAGINATION_PARAMS = [
  'limit',
  'cursor',
  'skip',
  'skipCount',
  'countOnly',
  'sortBy',
  'sortOrder',
];

function csv(
  name: string,
  value: string,
  allowed?: readonly string[],
): string[] {
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!items.length) throw validationError({ [name]: ['Must not be empty.'] });
  const bad = allowed ? items.filter((v) => !allowed.includes(v)) : [];
  if (bad.length)
    throw validationError({
      [name]: [`Must be one of: ${allowed!.join(', ')}.`],
    });
  return items;
}

export function booleanParam(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw validationError({ [name]: ['Not a valid boolean.'] });
}

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
      const wanted = new Set(csv(name, value, allowed));
      return (record) => wanted.has(get(record) ?? '');
    },
  /** Comma list; one of the record's values is one of them. */
  anyOf:
    <T>(get: Getter<T, string[]>): FilterFactory<T> =>
    (value, name) => {
      const wanted = new Set(csv(name, value));
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
      const parts = csv(name, value).map((v) => v.toLowerCase());
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
      const bound = parseIsoMicros(value);
      if (Number.isNaN(bound))
        throw validationError({ [name]: ['Not a valid datetime.'] });
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

function intParam(
  name: string,
  value: string,
  min: number,
  max: number,
): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw validationError({
      [name]: [
        `Must be greater than or equal to ${min} and less than or equal to ${max}.`,
      ],
    });
  }
  return Number(value);
}

function cursorFor(
  endpoint: string,
  offset: number,
  filterHash: string,
): string {
  return Buffer.from(`posture:${endpoint}:${offset}:${filterHash}`).toString(
    'base64',
  );
}

function cursorOffset(
  cursor: string,
  endpoint: string,
  filterHash: string,
  size: number,
): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^posture:([a-z-]+):(\d{1,9}):([0-9a-f]{8})$/.exec(text);
  if (!m || m[1] !== endpoint || m[3] !== filterHash || Number(m[2]) > size) {
    throw validationError({ cursor: ['Invalid cursor.'] });
  }
  return Number(m[2]);
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
  const predicates: ((record: T) => boolean)[] = [];
  const filterKey: string[] = [];
  for (const name of Object.keys(query).sort()) {
    if (PAGINATION_PARAMS.includes(name)) continue;
    filterKey.push(`${name}=${query[name]}`);
    if (spec.handled?.includes(name)) continue;
    const factory = spec.filters[name];
    if (!factory) throw validationError({ [name]: ['Unknown field.'] });
    predicates.push(factory(query[name], name));
  }
  const limit =
    query.limit === undefined
      ? 10
      : intParam('limit', query.limit, 1, MAX_LIMIT);
  const countOnly =
    query.countOnly !== undefined && booleanParam('countOnly', query.countOnly);
  const skipCount =
    query.skipCount !== undefined && booleanParam('skipCount', query.skipCount);
  const matching = records.filter((r) => predicates.every((p) => p(r)));
  const filterHash = hash32(spec.endpoint, filterKey.join('&'))
    .toString(16)
    .padStart(8, '0');
  let offset = 0;
  if (query.cursor !== undefined)
    offset = cursorOffset(
      query.cursor,
      spec.endpoint,
      filterHash,
      matching.length,
    );
  else if (query.skip !== undefined)
    offset = Math.min(intParam('skip', query.skip, 0, 1000), matching.length);
  const end = Math.min(matching.length, offset + limit);
  return {
    data: countOnly ? [] : matching.slice(offset, end).map(spec.toWire),
    pagination: {
      totalItems: skipCount ? null : matching.length,
      nextCursor:
        !countOnly && end < matching.length
          ? cursorFor(spec.endpoint, end, filterHash)
          : null,
    },
  };
}
