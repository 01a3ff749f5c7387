/**
 * Seeded pseudo-random helpers for the SentinelOne simulator.
 *
 * Everything the simulator generates derives from these, so an estate (and the
 * fault decisions taken on it) is reproducible for a given seed.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes any number of integers (or strings) into one unsigned 32-bit hash. */
export function hash32(...parts: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const v = typeof part === 'string' ? hashString(part) : part | 0;
    h ^= v;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A hash mapped to [0, 1). */
export function hashUnit(...parts: (number | string)[]): number {
  return hash32(...parts) / 4294967296;
}

/** mulberry32: a tiny, fast, good-enough 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
const ALNUM_UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class Random {
  private readonly next: () => number;

  constructor(seed: number, stream: string | number = '') {
    this.next = mulberry32(hash32(seed, stream));
  }

  /** Float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += HEX[(this.next() * 16) | 0];
    return out;
  }

  alnumUpper(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += ALNUM_UPPER[(this.next() * ALNUM_UPPER.length) | 0];
    }
    return out;
  }

  /** Six decimal digits: the fraction of a second of an ISO date. */
  micros(): string {
    return String(Math.floor(this.next() * 1_000_000)).padStart(6, '0');
  }
}

/**
 * ISO 8601 date with microseconds and `Z`, as the SentinelOne API writes them:
 * `2024-02-27T04:49:26.257525Z`. The second comes from `epochMs`, the fraction
 * from `micros` (six digits).
 */
export function isoMicros(epochMs: number, micros: string): string {
  const iso = new Date(Math.floor(epochMs)).toISOString(); // 2024-02-27T04:49:26.257Z
  return `${iso.slice(0, 19)}.${micros}Z`;
}

/**
 * Parses an ISO date (with up to microsecond precision) into microseconds since
 * the epoch; NaN when unparseable.
 */
export function parseIsoMicros(value: string): number {
  const m =
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (!m) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? NaN : ms * 1000;
  }
  const zone = m[3] ?? 'Z';
  const seconds = Date.parse(m[1] + zone);
  if (Number.isNaN(seconds)) return NaN;
  const fraction = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return seconds * 1000 + Number(fraction);
}
