import { validateEntityWithSchema } from '@jupiterone/data-model';
import { Entity } from '@jupiterone/integration-sdk-core';

import { isAbsent, toEpochMs, toText } from '../normalize/values';

/**
 * Helpers shared by the converters. Everything here is pure: no I/O, no clock.
 */

/**
 * A record the API returned that cannot become a graph object (no id, a date
 * that is not a date). Converters throw it; steps catch it, skip the record and
 * count it, so that one bad record never fails a whole step.
 */
export class MalformedRecordError extends Error {
  /** The kind of record, e.g. `agent`, `threat`. */
  readonly recordType: string;
  /** The offending field, when one is known. */
  readonly field?: string;

  constructor(message: string, recordType: string, field?: string) {
    super(message);
    this.name = 'MalformedRecordError';
    this.recordType = recordType;
    this.field = field;
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Longest excerpt of an offending value quoted in an error message. */
const MAX_QUOTED_VALUE_LENGTH = 60;

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown =
    text === undefined
      ? String(value)
      : text.length > MAX_QUOTED_VALUE_LENGTH
      ? `${text.slice(0, MAX_QUOTED_VALUE_LENGTH)}…`
      : text;
  return `'${shown}'`;
}

/** `agent 123` -> `agent`: the record type of a record label. */
function recordTypeOf(recordLabel: string): string {
  return recordLabel.split(' ')[0] || recordLabel;
}

/**
 * A SentinelOne date (ISO 8601, with or without fractions) as epoch
 * milliseconds: see {@link toEpochMs}.
 *
 * @param value the field value; `null`, `undefined` and blank strings mean "no date"
 * @param field the field name, for the error message
 * @param recordLabel the record, for the error message, e.g. `agent 123`
 * @returns epoch ms, or `undefined` when there is no date
 * @throws MalformedRecordError when the value is present but not a date
 */
export function parseDate(
  value: unknown,
  field: string,
  recordLabel: string,
): number | undefined {
  const time = toEpochMs(value);
  if (time !== undefined || isAbsent(value)) {
    return time;
  }
  throw new MalformedRecordError(
    `${recordLabel}: ${field} ${quote(value)} is not a date`,
    recordTypeOf(recordLabel),
    field,
  );
}

/**
 * The record's id as text (see {@link toText}): trimmed, a numeric id as its
 * decimal text.
 *
 * @param recordType the kind of record, e.g. `agent`
 * @throws MalformedRecordError when the record has no id or a blank one
 */
export function requireId(
  record: { id?: unknown } | null | undefined,
  recordType: string,
): string {
  const text = toText(record?.id);
  if (text !== undefined) {
    return text;
  }
  const id = record?.id;
  throw new MalformedRecordError(
    id === undefined || id === null || id === ''
      ? `${recordType} record without id`
      : `${recordType} record with invalid id ${quote(id)}`,
    recordType,
    'id',
  );
}

/**
 * The record as an entity's rawData, its secrets blanked out.
 *
 * In place, not copied: a converter consumes its record (the page it came in
 * is dropped once converted), and at 100,000 agents a copy per record cost
 * about 3 s of a 17 s collection. The keys are set to `undefined` rather than
 * deleted, which keeps the record a fast-mode object and leaves nothing of
 * the secret in the JSON that is written.
 */
export function stripSecrets<T extends object, K extends keyof T>(
  record: T,
  secretFields: readonly K[],
): Omit<T, K> {
  for (const field of secretFields) {
    if (field in record) {
      (record as Record<K, unknown>)[field] = undefined;
    }
  }
  return record;
}

/**
 * Key text as one flat string. The SDK keeps every `_key` for the whole run,
 * and a key built with `+` or a template literal is a V8 rope that keeps a
 * node per concatenation alive beside the text: about 100 bytes an agent over
 * its three keys, 10 MB of live heap at 100,000 agents. `join` allocates the
 * text alone.
 */
function flatKey(...parts: string[]): string {
  return parts.join('');
}

/** The `_key` scheme of every entity with a SentinelOne id: `<_type>-id-<id>`. */
export function idKey(entityType: string, id: string): string {
  return flatKey(entityType, '-id-', id);
}

/**
 * A relationship `_key` as the SDK builds it,
 * `<fromKey>|<relationship class, lower case>|<toKey>`, as a flat string.
 */
export function relationshipKey(
  fromKey: string,
  relationshipClass: string,
  toKey: string,
): string {
  return flatKey(fromKey, '|', relationshipClass.toLowerCase(), '|', toKey);
}

export type EntityInput = Omit<Entity, '_class' | 'displayName'> & {
  _class: string | string[];
  name: string;
  displayName?: string;
};

/**
 * The entity `createIntegrationEntity` would build from explicit properties,
 * with the same checks (rawData under `default`, `displayName` falling back
 * to `name`, schema validation whenever the runtime enables it).
 *
 * Why not the SDK builder: it copies the provider's fields it recognizes,
 * re-spreads every property and `delete`s `tags`, which makes each entity a
 * dictionary-mode object; at 100,000 agents that tripled the collection's
 * time, most of it in garbage collection. Converters here assign every
 * property themselves, so nothing of the builder's copying is needed.
 */
export function createEntity(rawData: object, properties: EntityInput): Entity {
  const entity = properties as unknown as Entity & { _class: string[] };
  entity._class = Array.isArray(properties._class)
    ? properties._class
    : [properties._class];
  entity.displayName = properties.displayName || properties.name;
  entity._rawData = hasProperties(rawData)
    ? [{ name: 'default', rawData }]
    : [];
  if (process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION) {
    validateEntityWithSchema(entity);
  }
  return entity;
}

/** Without listing the keys: a record has dozens, and this runs per record. */
function hasProperties(record: object): boolean {
  for (const key in record) {
    if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  }
  return false;
}
