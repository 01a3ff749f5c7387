/** Query parameters: lists, booleans, dates, id masks; cursors. */
import { hash32, parseIsoMicros } from '../random';
import { validation } from './errors';

export const PAGINATION_PARAMS = new Set([
  'limit',
  'cursor',
  'skip',
  'skipCount',
  'countOnly',
  'sortBy',
  'sortOrder',
]);

/** The items of a comma list, each one of `allowed` when it is given (an enum). */
export function commaList(
  name: string,
  value: string,
  allowed?: readonly string[],
): string[] {
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  if (!items.length) throw validation({ [name]: ['Must not be empty.'] });
  if (allowed && items.some((v) => !allowed.includes(v)))
    throw validation({ [name]: [`Must be one of: ${allowed.join(', ')}.`] });
  return items;
}

export function booleanParam(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw validation({ [name]: ['Not a valid boolean.'] });
}

export function dateParam(name: string, value: string): number {
  const micros = parseIsoMicros(value);
  if (Number.isNaN(micros))
    throw validation({ [name]: ['Not a valid datetime.'] });
  return micros;
}

/** 1 at the index of every listed id (unknown ids are ignored, like the API). */
export function idMask(
  name: string,
  value: string,
  ids: readonly string[],
  index: Map<string, number>,
): Uint8Array {
  const mask = new Uint8Array(ids.length);
  for (const id of commaList(name, value)) {
    const i = index.get(id);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}

export function canonicalFilterKey(filters: Record<string, string>): string {
  return Object.keys(filters)
    .sort()
    .map((k) => `${k}=${filters[k]}`)
    .join('&');
}

export function filterHash(source: string, filterKey: string): string {
  return hash32(source, filterKey).toString(16).padStart(8, '0');
}

/** Cursors: base64 of `<source>:<offset>:<page>:<filter hash>`. */
export function encodeCursor(
  source: string,
  offset: number,
  page: number,
  hash: string,
) {
  return Buffer.from(`${source}:${offset}:${page}:${hash}`).toString('base64');
}

export function decodeCursor(
  cursor: string,
): { source: string; offset: number; page: number; filterHash: string } | null {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^([a-z-]+):(\d{1,12}):(\d{1,9}):([0-9a-f]{8})$/.exec(text);
  if (!m) return null;
  return {
    source: m[1],
    offset: Number(m[2]),
    page: Number(m[3]),
    filterHash: m[4],
  };
}

/** What a list request asks of paging: `limit`, `cursor` or `skip`, `countOnly`, `skipCount`. */
export interface PageRequest {
  limit: number;
  countOnly: boolean;
  skipCount: boolean;
  offset: number;
  page: number;
  cursor: string | undefined;
}

/**
 * The paging parameters of a request to list `list` (`name` is the cursors'
 * prefix): a cursor must be one this list gave for the same filters (`hash`).
 */
export function pageRequest(
  list: { name: string; maxLimit: number },
  query: Record<string, string>,
  listSize: number,
  hash: string,
): PageRequest {
  let limit = 10;
  if (query.limit !== undefined) {
    if (!/^-?\d+$/.test(query.limit))
      throw validation({ limit: ['Not a valid integer.'] });
    limit = Number(query.limit);
    if (limit < 1 || limit > list.maxLimit) {
      throw validation({
        limit: [
          `Must be greater than or equal to 1 and less than or equal to ${list.maxLimit}.`,
        ],
      });
    }
  }
  const flag = (name: string) =>
    query[name] !== undefined && booleanParam(name, query[name]);
  const request: PageRequest = {
    limit,
    countOnly: flag('countOnly'),
    skipCount: flag('skipCount'),
    offset: 0,
    page: 0,
    cursor: query.cursor,
  };
  if (request.cursor !== undefined) {
    const decoded = decodeCursor(request.cursor);
    if (
      !decoded ||
      decoded.source !== list.name ||
      decoded.filterHash !== hash ||
      decoded.offset > listSize
    ) {
      throw validation({ cursor: ['Invalid cursor.'] });
    }
    request.offset = decoded.offset;
    request.page = decoded.page;
  } else if (query.skip !== undefined) {
    if (!/^\d+$/.test(query.skip) || Number(query.skip) > 1000) {
      throw validation({
        skip: [
          'Must be greater than or equal to 0 and less than or equal to 1000.',
        ],
      });
    }
    request.offset = Math.min(Number(query.skip), listSize);
  }
  return request;
}
