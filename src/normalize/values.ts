/**
 * Field values as real consoles send them, whatever the specification says:
 * booleans as `"True"`, numbers as `"3930"`, blank strings for "nothing",
 * placeholders such as `"unknown"` for names, dates with or without
 * fractions. Every converter reads the API's fields through these, so that
 * the graph holds booleans, numbers, epoch ms and meaningful text only.
 *
 * All of them take `unknown` (a field may hold anything) and answer
 * `undefined` for "no value": entity properties are never null or blank.
 */

const BOOLEANS_BY_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  // How a policy states each of its engines.
  ['on', true],
  ['off', false],
]);

/**
 * `true`/`false`, or `"True"`, `"false"`, `"1"`, `"0"`, `"on"`, `"off"` (any
 * case); else `undefined`.
 */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    return BOOLEANS_BY_TEXT.get(value.trim().toLowerCase());
  }
  return undefined;
}

/**
 * A string trimmed, `undefined` when blank; a finite number as its decimal
 * text (loosely typed fields); anything else `undefined`.
 */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (startsAndEndsPrintable(value)) {
      return value;
    }
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

/** ASCII `!` to `~`: not white space, so nothing to trim on that side. */
function isPrintableAscii(charCode: number): boolean {
  return charCode > 32 && charCode < 127;
}

/**
 * Most values need no trim: telling so from their first and last characters
 * saves a scan of every field of every record (about 40 an agent).
 */
function startsAndEndsPrintable(text: string): boolean {
  return (
    text.length > 0 &&
    isPrintableAscii(text.charCodeAt(0)) &&
    isPrintableAscii(text.charCodeAt(text.length - 1))
  );
}

/**
 * Values consoles put in name fields when they know no name: `domain:
 * "unknown"`, and the placeholders firmware leaves in model names and serial
 * numbers (SMBIOS defaults such as "To Be Filled By O.E.M.", which thousands
 * of machines share). Compared lower case.
 */
const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  'unknown',
  'n/a',
  'none',
  'null',
  'undefined',
  '-',
  'default string',
  'not applicable',
  'not specified',
  'to be filled by o.e.m.',
  'system manufacturer',
  'system product name',
  'system serial number',
  'chassis serial number',
  '0',
  '0123456789',
]);

/** Longer texts are no placeholder: no need to lower-case them to tell. */
const LONGEST_PLACEHOLDER = Math.max(
  ...Array.from(PLACEHOLDER_NAMES, (placeholder) => placeholder.length),
);

/** {@link toText}, but `undefined` for a placeholder such as `"unknown"` or `"N/A"`. */
export function toName(value: unknown): string | undefined {
  const text = toText(value);
  return text === undefined ||
    (text.length <= LONGEST_PLACEHOLDER &&
      PLACEHOLDER_NAMES.has(text.toLowerCase()))
    ? undefined
    : text;
}

/** A finite number from a number or a numeric string (`"3930"`), else `undefined`. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * The non-blank texts of a list, trimmed; `undefined` when none is left (a
 * property is never an empty list).
 */
export function toTextList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const texts: string[] = [];
  for (const item of value) {
    const text = toText(item);
    if (text !== undefined && !texts.includes(text)) {
      texts.push(text);
    }
  }
  return texts.length > 0 ? texts : undefined;
}

/** `null`, `undefined` or a blank string: the API's ways of saying "none". */
export function isAbsent(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

/** ISO 8601 date, optionally followed by a time: what SentinelOne answers. */
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
/** A time zone designator at the end of a date-time: `z`, `+02:00`, `-0500`. */
const TIME_ZONE_SUFFIX = /(?:Z|[+-]\d{2}:?\d{2})$/i;
/** `YYYY-MM-DD`: a date without time, which ECMAScript already reads as UTC. */
const DATE_ONLY_LENGTH = 10;

/**
 * Epoch milliseconds of an ISO 8601 date (`2024-07-01`,
 * `2024-07-01T11:58:12Z`, `2024-07-01T11:58:12.345678Z`, ...) or of a number
 * already in epoch ms; `undefined` when the value is not a date.
 *
 * A date-time without time zone is read as UTC, as SentinelOne means it:
 * JavaScript would read it in the collector's local time zone.
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  const text = typeof value === 'string' ? toText(value) : undefined;
  if (text === undefined) {
    return undefined;
  }
  const utcTime = utcDateTimeEpochMs(text);
  if (utcTime !== undefined) {
    return utcTime;
  }
  if (!ISO_DATE_PREFIX.test(text)) {
    return undefined;
  }
  const zoned =
    text.length === DATE_ONLY_LENGTH ||
    text.endsWith('Z') ||
    TIME_ZONE_SUFFIX.test(text);
  // `Date.parse` rather than the SDK's `parseTimePropertyValue`, which reads
  // the same text only after trying it as a number, and builds a `Date` per
  // value: at five dates an agent, a hot spot of the conversion.
  const time = Date.parse(zoned ? text : `${text}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** Character codes of what a SentinelOne date-time is made of. */
const ZERO = 48;
const DASH = 45;
const COLON = 58;
const PERIOD = 46;
const LETTER_T = 84;
const LETTER_Z = 90;
/** `YYYY-MM-DDTHH:MM:SS` */
const UTC_DATE_TIME_LENGTH = 19;

/** The digit at `index`, or -1 when there is none there. */
function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** The two-digit number at `index`, or -1. */
function twoDigitsAt(text: string, index: number): number {
  const tens = digitAt(text, index);
  const units = digitAt(text, index + 1);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
}

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM:SS`, optionally with a fraction, then `Z` or
 * nothing (UTC either way): how SentinelOne writes every date-time. Read by
 * character code because `Date.parse` costs about 200 ns a date, five dates
 * an agent; `undefined` for any other text, which `Date.parse` then reads.
 *
 * Gives what `Date.parse` gives: days past the month's end roll over as
 * `Date.UTC` rolls them (so does `Date.parse`), a fraction is truncated to
 * milliseconds. What `Date.UTC` reads differently (years before 100, hour
 * 24) is left to `Date.parse`.
 */
function utcDateTimeEpochMs(text: string): number | undefined {
  const { length } = text;
  if (
    length < UTC_DATE_TIME_LENGTH ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== LETTER_T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  const century = twoDigitsAt(text, 0);
  const yearOfCentury = twoDigitsAt(text, 2);
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  const second = twoDigitsAt(text, 17);
  if (
    century < 1 ||
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  let index = UTC_DATE_TIME_LENGTH;
  let milliseconds = 0;
  if (text.charCodeAt(index) === PERIOD) {
    index++;
    const fractionStart = index;
    for (let digit = digitAt(text, index); digit >= 0; ) {
      if (index - fractionStart < 3) {
        milliseconds = milliseconds * 10 + digit;
      }
      digit = digitAt(text, ++index);
    }
    const fractionDigits = index - fractionStart;
    if (fractionDigits === 0) {
      return undefined;
    }
    for (let shown = fractionDigits; shown < 3; shown++) {
      milliseconds *= 10;
    }
  }
  if (text.charCodeAt(index) === LETTER_Z) {
    index++;
  }
  if (index !== length) {
    return undefined;
  }
  return Date.UTC(
    century * 100 + yearOfCentury,
    month - 1,
    day,
    hour,
    minute,
    second,
    milliseconds,
  );
}
