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

export function commaList(name: string, value: string): string[] {
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  if (!items.length) throw validation({ [name]: ['Must not be empty.'] });
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
