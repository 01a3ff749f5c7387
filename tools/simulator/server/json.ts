/** Serialized records: cached per record, joined into pages without copies of strings. */

export function jsonBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

const COMMA = Buffer.from(',');

/** `head` + items joined by commas + `tail`, in one allocation. */
export function joinBuffers(
  head: string,
  items: Buffer[],
  tail: string,
): Buffer {
  const parts: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(items[i]);
  }
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

/** Record i's JSON, built once. */
export function cachedJson(
  size: number,
  build: (i: number) => unknown,
): (i: number) => Buffer {
  // Preallocated, so that filling it out of order keeps fast elements.
  const cache: (Buffer | undefined)[] = new Array(size).fill(undefined);
  return (i: number) => {
    let json = cache[i];
    if (json === undefined) {
      json = jsonBuffer(build(i));
      cache[i] = json;
    }
    return json;
  };
}
