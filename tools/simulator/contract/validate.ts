/**
 * Validates answers against the vendor's specification, written in the
 * compact notation of `sentinelone-v2.1-schemas.json` (see its `_notation`):
 * field types, formats, enums, nullability, required fields, and no field the
 * specification does not declare. The real-world deviations of
 * `REAL_WORLD_DEVIATIONS` are allowed in the fields they name, nowhere else.
 */
import { REAL_WORLD_DEVIATIONS, RealWorldDeviation } from '../wire';
import spec from './sentinelone-v2.1-schemas.json';

export interface Violation {
  /** Where, as `<list>[].<field>` (the answer's `data` named after the list). */
  path: string;
  message: string;
}

type Schema = unknown;

interface Leaf {
  type: string;
  enum?: unknown[];
  format?: string;
  'x-nullable'?: boolean;
  minimum?: number;
  maximum?: number;
}

const LEAF_KEYS = new Set([
  'type',
  'enum',
  'format',
  'x-nullable',
  'minimum',
  'maximum',
  'default',
]);

interface SpecEntry {
  parameters?: { name: string; in: string }[];
  response200?: Schema;
}

/** The specification's entry for `GET /accounts`, `POST /users/api-token-details`... */
function specEntry(endpoint: string): SpecEntry {
  const [method, path] = endpoint.split(' ');
  const entry = (spec.paths as Record<string, SpecEntry>)[
    `${method} /web/api/v2.1${path}`
  ];
  if (!entry) throw new Error(`The specification has no ${endpoint}`);
  return entry;
}

/** The specification's 200 answer for `GET /accounts`, `POST /users/api-token-details`... */
export function responseSchema(endpoint: string): Schema {
  const schema = specEntry(endpoint).response200;
  if (!schema) throw new Error(`No 200 schema for ${endpoint}`);
  return schema;
}

/** The query parameters the specification declares for `endpoint`. */
export function specParameters(endpoint: string): string[] {
  return (specEntry(endpoint).parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
}

/** The schema node at a deviation path, e.g. `agents[].firewallEnabled` in GET /agents. */
export function schemaAt(root: Schema, path: string): Schema | undefined {
  let node: any = (root as any)?.data;
  for (const part of path.split('.').slice(1)) {
    if (Array.isArray(node)) node = node[0];
    node = node?.[part.replace(/\[\]$/, '')];
  }
  return Array.isArray(node) && path.endsWith('[]') ? node[0] : node;
}

function isLeaf(node: Schema): node is Leaf | string {
  if (typeof node === 'string') return true;
  return (
    !!node &&
    typeof node === 'object' &&
    typeof (node as Leaf).type === 'string' &&
    Object.keys(node).every((k) => LEAF_KEYS.has(k))
  );
}

/** `{}`, `"…"`, `{"$recursive": ...}`: the specification gives no type. */
function isUntyped(node: Schema): boolean {
  if (node === '\u2026') return true;
  if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  return keys.length === 0 || keys.includes('$recursive');
}

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function typeProblem(leaf: Leaf, value: unknown): string | null {
  switch (leaf.type) {
    case 'string':
      if (typeof value !== 'string') return 'expected a string';
      if (leaf.format === 'date-time' && !ISO_DATE.test(value))
        return `not an ISO 8601 date-time: ${JSON.stringify(value)}`;
      // The specification marks numeric ids with a minimum of 10^17.
      if (leaf.minimum !== undefined && !/^\d{18,19}$/.test(value))
        return `not an 18-19 digit id: ${JSON.stringify(value)}`;
      return null;
    case 'integer':
      return Number.isInteger(value) ? null : 'expected an integer';
    case 'number':
      return typeof value === 'number' ? null : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected a boolean';
    case 'array':
      return Array.isArray(value) ? null : 'expected an array';
    case 'object':
      return value && typeof value === 'object' ? null : 'expected an object';
    default:
      return `unknown type ${leaf.type}`;
  }
}

class Validator {
  readonly violations: Violation[] = [];
  /** Deviation paths the answers actually used. */
  readonly deviationsSeen = new Set<string>();

  constructor(
    private readonly deviations: Readonly<Record<string, RealWorldDeviation>>,
  ) {}

  private fail(path: string, message: string) {
    this.violations.push({ path, message });
  }

  /** Whether `value` is a deviation the list allows at `path`. */
  private allowed(path: string, value: unknown): boolean {
    const deviation = this.deviations[path];
    const ok =
      (deviation?.kind === 'null' && value === null) ||
      (deviation?.kind === 'stringBoolean' &&
        (value === 'True' || value === 'False'));
    if (ok) this.deviationsSeen.add(path);
    return ok;
  }

  private leaf(node: Leaf | string, value: unknown, path: string) {
    const leaf: Leaf = typeof node === 'string' ? { type: node } : node;
    if (value === null) {
      const nullable = leaf['x-nullable'] || leaf.enum?.includes(null);
      if (!nullable && !this.allowed(path, value))
        this.fail(path, 'null where the specification has no null');
      return;
    }
    if (this.allowed(path, value)) return;
    const problem = typeProblem(leaf, value);
    if (problem) this.fail(path, problem);
    else if (leaf.enum && !leaf.enum.includes(value))
      this.fail(path, `${JSON.stringify(value)} is not one of the enum`);
  }

  private object(node: Record<string, Schema>, value: unknown, path: string) {
    if (value === null) {
      if (!this.allowed(path, value)) this.fail(path, 'null object');
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, 'expected an object');
      return;
    }
    const record = value as Record<string, unknown>;
    const required = (node.__required as string[] | undefined) ?? [];
    const at = (field: string) => (path ? `${path}.${field}` : field);
    for (const field of required) {
      if (!(field in record)) this.fail(at(field), 'required, missing');
    }
    for (const [field, child] of Object.entries(record)) {
      if (field === '__required' || !(field in node)) {
        this.fail(at(field), 'not declared by the specification');
      } else if (child !== undefined) {
        this.check(node[field], child, at(field));
      }
    }
  }

  check(node: Schema, value: unknown, path: string): void {
    if (isUntyped(node)) return;
    if (Array.isArray(node)) {
      if (value === null) {
        if (!this.allowed(path, value)) this.fail(path, 'null array');
      } else if (!Array.isArray(value)) this.fail(path, 'expected an array');
      else value.forEach((item) => this.check(node[0], item, `${path}[]`));
      return;
    }
    if (isLeaf(node)) this.leaf(node, value, path);
    else this.object(node as Record<string, Schema>, value, path);
  }
}

export interface ValidationResult {
  violations: Violation[];
  deviationsSeen: Set<string>;
}

/**
 * Validates one answer of `endpoint` (e.g. `GET /agents`); its `data` is named
 * `list` in violation paths (`agents[].firewallEnabled`).
 */
export function validateAnswer(
  endpoint: string,
  list: string,
  answer: unknown,
  deviations: Readonly<
    Record<string, RealWorldDeviation>
  > = REAL_WORLD_DEVIATIONS,
): ValidationResult {
  const schema = responseSchema(endpoint) as Record<string, Schema>;
  const validator = new Validator(deviations);
  const { data, ...rest } = answer as Record<string, unknown>;
  const { data: dataSchema, ...restSchema } = schema;
  validator.check(restSchema, rest, '');
  validator.check(dataSchema, data, list);
  return {
    violations: validator.violations,
    deviationsSeen: validator.deviationsSeen,
  };
}
