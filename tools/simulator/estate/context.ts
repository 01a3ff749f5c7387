/** What every part of an estate is built with: the seed, the clock, ids. */
import { isoMicros, Random } from '../random';
import { ID_TYPES, makeId, MISC_ID_RANGES } from './ids';
import { ResolvedEstateOptions } from './options';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const CONSOLE_URL = 'https://usea1-acme.sentinelone.net';

export interface EstateContext {
  options: ResolvedEstateOptions;
  seed: number;
  nowMs: number;
  /** A PRNG stream of its own per part of the estate. */
  rnd(stream: string): Random;
  /** ISO date with microseconds (the fraction drawn from `r`). */
  date(r: Random, ms: number): string;
  /** The console user who created sites, groups and tags. */
  creator: string;
  creatorId: string;
  /** Secret values the estate holds (tests grep outputs for them). */
  secrets: string[];
}

export function estateContext(options: ResolvedEstateOptions): EstateContext {
  const seed = options.seed;
  return {
    options,
    seed,
    nowMs: options.now.getTime(),
    rnd: (stream) => new Random(seed, stream),
    date: (r, ms) => isoMicros(ms, r.micros()),
    creator: 'Jane Admin',
    creatorId: makeId(seed, ID_TYPES.misc, 1, 10, MISC_ID_RANGES.user),
    secrets: [],
  };
}

/** `2024-02-27T04:49:26Z`: how some records write their dates. */
export function wholeSecond(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

export function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function hex2(n: number): string {
  return n < 16 ? `0${n.toString(16)}` : n.toString(16);
}
