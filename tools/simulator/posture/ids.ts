import { isoMicros, Random } from '../random';

/** Kinds of posture record ids (the digit after the seed). */
export const POSTURE_ID_KINDS = {
  role: 1,
  consoleUser: 2,
  serviceUser: 3,
  exclusion: 4,
  restriction: 5,
} as const;

/**
 * The `index`-th id of a kind: 19 digits starting with 9, a digit the estate's
 * own ids never start with, so posture ids never collide with them; increasing
 * with `index`, so id order is generation order.
 */
export function postureId(
  seed: number,
  kind: (typeof POSTURE_ID_KINDS)[keyof typeof POSTURE_ID_KINDS],
  index: number,
): string {
  const seedPart = String((seed >>> 0) % 1000).padStart(3, '0');
  return `9${seedPart}${kind}${String(index).padStart(14, '0')}`;
}

export const DAY_MS = 86_400_000;

/** An API date (microseconds, `Z`) `days` days before `nowMs`, with a random time of day. */
export function daysAgo(rng: Random, nowMs: number, days: number): string {
  const ms = nowMs - days * DAY_MS - rng.int(0, DAY_MS / 2);
  return isoMicros(ms, rng.micros());
}
