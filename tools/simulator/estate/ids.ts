/** Ids: 19-digit numeric strings, unique across types, ordered by generation. */
import { hash32 } from '../random';

/** Id type digits: ids of different types never collide (first digit). */
export const ID_TYPES = {
  misc: 1,
  install: 2,
  risk: 3,
  account: 4,
  site: 5,
  group: 6,
  agent: 7,
  threat: 8,
} as const;

/** Sub-ranges of the `misc` id type. */
export const MISC_ID_RANGES = {
  user: 0,
  tag: 1,
  networkInterface: 2,
  filter: 3,
  malformed: 4,
} as const;

/**
 * Makes the `index`-th id of a type: a 19-digit numeric string, increasing with
 * `index` (so numeric order = string order = generation order), unique across
 * types, different per seed.
 */
export function makeId(
  seed: number,
  type: number,
  index: number,
  capacity: number,
  miscRange = 0,
): string {
  // 1 type digit + 3 seed digits + 15 digits of offset (misc: 1 range digit +
  // 14 digits). Offsets stay below 2^53, so plain numbers are exact.
  const span = type === ID_TYPES.misc ? 1e14 : 1e15;
  const stride = Math.max(1, Math.floor(span / (Math.max(capacity, 1) + 1)));
  const jitter = stride > 1 ? hash32(seed, type, miscRange, index) % stride : 0;
  const offset = index * stride + jitter;
  const seedPart = String((seed >>> 0) % 1000).padStart(3, '0');
  return type === ID_TYPES.misc
    ? `${type}${seedPart}${miscRange}${String(offset).padStart(14, '0')}`
    : `${type}${seedPart}${String(offset).padStart(15, '0')}`;
}
