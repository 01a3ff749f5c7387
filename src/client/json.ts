/**
 * Response bodies above this size are parsed a list record at a time. V8
 * allocates a string this large outside its young generation: decoded whole,
 * every 1.8 MB page of 1,000 agents would go straight to the old generation
 * as garbage, and fresh memory pages cost a page fault each.
 */
export const LARGE_BODY_BYTES = 128 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Parses a JSON response body. A large SentinelOne list page
 * (`{"data": [...], "pagination": {...}}`) is cut at its records: each record
 * is decoded and parsed on its own (small strings that die young), then the
 * rest of the body with the list emptied. Every byte still goes through
 * `JSON.parse` (each record, the rest, and the list's own brackets and commas
 * are checked here), so exactly what `JSON.parse` accepts is accepted, and
 * the result is the same. Throws `SyntaxError` for anything else.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length < LARGE_BODY_BYTES) {
    return JSON.parse(bytes.toString('utf8'));
  }
  const list = findTopLevelDataArray(bytes);
  if (!list) {
    return JSON.parse(bytes.toString('utf8'));
  }
  const rest = JSON.parse(
    bytes.toString('utf8', 0, list.open) +
      '[]' +
      bytes.toString('utf8', list.close + 1),
  );
  rest.data = list.records.map(([start, end]) =>
    JSON.parse(bytes.toString('utf8', start, end)),
  );
  return rest;
}

interface DataArray {
  /** Offsets of the list's `[` and `]`. */
  open: number;
  close: number;
  /** [start, end) of each record's text. */
  records: [number, number][];
}

/**
 * Finds the `data` list of a top-level object by its structure (strings are
 * skipped whole, so brackets and commas inside them do not count), or
 * undefined when there is none to cut, or more than one.
 */
function findTopLevelDataArray(bytes: Buffer): DataArray | undefined {
  let depth = 0;
  let lastString: [number, number] | undefined;
  let key: string | undefined;
  let found: DataArray | undefined;
  let inList = false;
  let recordStart = 0;

  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end < 0) throw new SyntaxError('Unterminated string in JSON');
      if (depth === 1) lastString = [i + 1, end];
      i = end;
    } else if (byte === COLON && depth === 1 && lastString) {
      key = bytes.toString('latin1', lastString[0], lastString[1]);
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (byte === OPEN_BRACKET && depth === 2 && key === 'data') {
        // A second `data` key: JSON.parse keeps the last; do not guess.
        if (found) return undefined;
        found = { open: i, close: -1, records: [] };
        inList = true;
        recordStart = i + 1;
      }
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      if (inList && depth === 2 && found) {
        if (byte !== CLOSE_BRACKET) {
          throw new SyntaxError('Unexpected token } in JSON list');
        }
        addRecord(bytes, found, recordStart, i, true);
        found.close = i;
        inList = false;
      }
      depth--;
    } else if (byte === COMMA && inList && depth === 2 && found) {
      addRecord(bytes, found, recordStart, i, false);
      recordStart = i + 1;
    }
  }
  if (inList) throw new SyntaxError('Unexpected end of JSON input');
  return found;
}

/** The offset of the quote closing the string opened at `open`, or -1. */
function closingQuote(bytes: Buffer, open: number): number {
  let end = bytes.indexOf(QUOTE, open + 1);
  while (end > 0) {
    let backslashes = 0;
    for (let k = end - 1; bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = bytes.indexOf(QUOTE, end + 1);
  }
  return -1;
}

function addRecord(
  bytes: Buffer,
  list: DataArray,
  start: number,
  end: number,
  closing: boolean,
): void {
  if (isBlank(bytes, start, end)) {
    // Only `[]` (or `[ ]`) has a blank between its brackets.
    if (closing && list.records.length === 0 && start === list.open + 1) {
      return;
    }
    throw new SyntaxError('Unexpected token in JSON list');
  }
  list.records.push([start, end]);
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) {
      return false;
    }
  }
  return true;
}
