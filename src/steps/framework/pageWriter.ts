import {
  Entity,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';

/**
 * How many records are converted and then written at a time: the SDK's own
 * write buffer holds 500 entities. A page of 1,000 agents converted whole
 * before its write lives through two or three young-generation collections,
 * and V8 moves what survives two into the old generation, whose growth sets
 * the peak RSS: at 100,000 agents 850 MB were promoted. By slices of 500 it
 * was 500 MB (250: 470 MB, but more, smaller writes), and peak RSS fell by
 * about 80 MB.
 */
export const CONVERT_SLICE = 500;

/** `records` in consecutive slices of `size`. */
export function slices<T>(records: T[], size = CONVERT_SLICE): T[][] {
  if (records.length <= size) return records.length ? [records] : [];
  const result: T[][] = [];
  for (let start = 0; start < records.length; start += size) {
    result.push(records.slice(start, start + size));
  }
  return result;
}

/** Graph objects of one `_type` the writer wrote, and dropped as duplicates. */
export interface WriteCount {
  written: number;
  duplicates: number;
}

/**
 * Writes each page's graph objects while the next page is being converted:
 * the SDK's writes wait on disk, and that wait is time to convert in. One
 * write is in flight at a time, so memory holds at most one page more than
 * a write-then-convert loop would; a failed write surfaces at the next
 * `write` or at `flush`.
 *
 * It also drops what the job already holds. A record can come twice however
 * far apart (an agent moved to a site another stream walks, a threat
 * resolved between the two threat queries), and the SDK fails a step on a
 * duplicate key. Since writes run one at a time, every earlier page is in
 * the job state when a page is written, and the SDK's own key tracker
 * answers at no memory cost: no set of every id seen is kept beside it.
 */
export class PageWriter {
  private inFlight: Promise<void> = Promise.resolve();
  /** By `_type`: what was written and what was dropped as a duplicate. */
  readonly counts = new Map<string, WriteCount>();

  constructor(private readonly jobState: JobState) {}

  async write(
    entities: Entity[],
    relationships: Relationship[],
  ): Promise<void> {
    await this.inFlight;
    const writing = this.writeNow(entities, relationships);
    // Handled here so that a failure waits for the next call instead of
    // crashing the process as an unhandled rejection.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  flush(): Promise<void> {
    return this.inFlight;
  }

  /** What was written and dropped of this `_type` so far. */
  countOf(type: string): WriteCount {
    return this.counts.get(type) ?? { written: 0, duplicates: 0 };
  }

  private async writeNow(
    entities: Entity[],
    relationships: Relationship[],
  ): Promise<void> {
    await this.jobState.addEntities(await this.unwritten(entities));
    await this.jobState.addRelationships(await this.unwritten(relationships));
  }

  private async unwritten<T extends { _key: string; _type: string }>(
    objects: T[],
  ): Promise<T[]> {
    const keys = new Set<string>();
    const fresh: T[] = [];
    for (const object of objects) {
      const held = keys.has(object._key) || this.jobState.hasKey(object._key);
      // Most runtimes answer synchronously: await only a promise.
      const duplicate = held === true || (held !== false && (await held));
      this.count(object._type, duplicate);
      if (duplicate) continue;
      keys.add(object._key);
      fresh.push(object);
    }
    return fresh;
  }

  private count(type: string, duplicate: boolean): void {
    let count = this.counts.get(type);
    if (!count) {
      count = { written: 0, duplicates: 0 };
      this.counts.set(type, count);
    }
    if (duplicate) count.duplicates++;
    else count.written++;
  }
}
