/**
 * Exclusions (`GET /exclusions`) and blocklist entries (`GET /restrictions`),
 * each at one scope: tenant, account, site or group.
 */
import { Random } from '../random';
import { daysAgo, POSTURE_ID_KINDS, postureId } from './ids';
import { PostureInput, ScopeLevel, ScopeTree } from './scopes';
import {
  ExclusionMode,
  ExclusionSource,
  ExclusionType,
  EXCLUSION_MODES,
  EXCLUSION_SOURCES,
  EXCLUSION_TYPES,
  WireOsType,
  PATH_EXCLUSION_TYPES,
  PathExclusionType,
  WireExclusion,
  WireRestriction,
  WireScopedRule,
} from '../wire';

/** A rule with the key of the scope it belongs to. */
export interface ScopedRecord<T> {
  scopeKey: string;
  record: T;
}

const LEVELS: readonly ScopeLevel[] = ['tenant', 'account', 'site', 'group'];

const PATHS: Record<WireOsType, Record<PathExclusionType, string[]>> = {
  windows: {
    file: [
      'C:\\Program Files\\Veeam\\Backup\\VeeamAgent.exe',
      'C:\\Tools\\sqlbackup.exe',
    ],
    folder: ['C:\\ProgramData\\Splunk\\var\\', 'D:\\SQLData\\'],
    subfolders: ['C:\\Program Files\\Tanium\\', 'E:\\Exchange\\Mailbox\\'],
  },
  windows_legacy: {
    file: ['C:\\Legacy\\pos.exe'],
    folder: ['C:\\Legacy\\Data\\'],
    subfolders: ['C:\\Program Files (x86)\\OldERP\\'],
  },
  linux: {
    file: ['/usr/bin/clamscan', '/opt/backup/bin/agent'],
    folder: ['/var/lib/docker/', '/opt/splunk/var/'],
    subfolders: ['/var/lib/postgresql/', '/srv/builds/'],
  },
  macos: {
    file: ['/Applications/Docker.app/Contents/MacOS/Docker'],
    folder: ['/Library/Application Support/JAMF/'],
    subfolders: ['/Users/Shared/Builds/'],
  },
};
const VALUES: Record<Exclude<ExclusionType, 'path'>, string[]> = {
  certificate: ['Veeam Software Group GmbH', 'Splunk Inc.', 'Docker Inc'],
  browser: ['Chrome', 'Edge', 'Firefox'],
  file_type: ['MDB', 'LDF', 'PST', 'VHDX'],
  white_hash: [],
  dv_exclusions: [
    'C:\\Program Files\\Tanium\\TaniumClient.exe',
    '/opt/splunk/bin/splunkd',
  ],
};
/** Paths SentinelOne flags as too broad to exclude. */
const BROAD_PATHS: Partial<Record<WireOsType, string>> = {
  windows: 'C:\\',
  linux: '/',
};

function levelOf(rng: Random, index: number): ScopeLevel {
  if (index < LEVELS.length) return LEVELS[index];
  return rng.weighted<ScopeLevel>([
    ['tenant', 10],
    ['account', 20],
    ['site', 45],
    ['group', 25],
  ]);
}

function scopeFields(tree: ScopeTree, key: string) {
  const node = tree.node(key);
  const ids = (level: ScopeLevel) =>
    node.level === level && node.id ? [node.id] : [];
  return {
    scope: {
      tenant: node.level === 'tenant',
      accountIds: ids('account'),
      siteIds: ids('site'),
      groupIds: ids('group'),
    },
    scopeName: node.name,
    scopePath: node.path,
  };
}

/** A random scope of a level (the tenant has one). */
function scopeAt(rng: Random, tree: ScopeTree, level: ScopeLevel): string {
  return level === 'tenant' ? 'tenant' : rng.pick(tree.keysOf(level));
}

/**
 * The first exclusions cover every mode (as path exclusions) and every other
 * type, the first eight every source; then types, modes and sources are drawn
 * with realistic weights (most exclusions are paths written by users).
 */
function exclusionKind(
  rng: Random,
  index: number,
): { type: ExclusionType; mode: ExclusionMode | null } {
  const others = EXCLUSION_TYPES.filter((t) => t !== 'path');
  let type: ExclusionType;
  if (index < EXCLUSION_MODES.length) type = 'path';
  else if (index < EXCLUSION_MODES.length + others.length)
    type = others[index - EXCLUSION_MODES.length];
  else {
    type = rng.weighted<ExclusionType>([
      ['path', 55],
      ['white_hash', 20],
      ['certificate', 10],
      ['file_type', 5],
      ['browser', 5],
      ['dv_exclusions', 5],
    ]);
  }
  if (type !== 'path') return { type, mode: null };
  if (index < EXCLUSION_MODES.length)
    return { type, mode: EXCLUSION_MODES[index] };
  const mode = rng.weighted<ExclusionMode>([
    ['suppress', 45],
    ['suppress_dynamic_only', 10],
    ['suppress_dfi_only', 5],
    ['disable_in_process_monitor', 15],
    ['disable_in_process_monitor_deep', 5],
    ['disable_all_monitors', 8],
    ['disable_all_monitors_deep', 4],
    ['suppress_app_control', 8],
  ]);
  return { type, mode };
}

function sourceOf(rng: Random, index: number): ExclusionSource {
  if (index < 8)
    return EXCLUSION_SOURCES[(index + 1) % EXCLUSION_SOURCES.length];
  return rng.weighted<ExclusionSource>([
    ['user', 60],
    ['action_from_threat', 20],
    ['cloud', 10],
    ['catalog', 10],
  ]);
}

function osTypeOf(rng: Random, type: ExclusionType): WireOsType {
  if (type === 'browser' || type === 'file_type') return 'windows';
  if (type === 'certificate') return rng.pick<WireOsType>(['windows', 'macos']);
  return rng.weighted<WireOsType>([
    ['windows', 60],
    ['linux', 20],
    ['macos', 15],
    ['windows_legacy', 5],
  ]);
}

interface Authors {
  admin: { id: string; name: string };
  system: { id: string; name: string };
}

/**
 * Days since creation: half the threat actions are from the last weeks (the
 * first always, the second never, so both cases exist).
 */
function createdDays(
  rng: Random,
  source: ExclusionSource,
  threatOrdinal: number,
): number {
  const recent =
    source === 'action_from_threat' &&
    threatOrdinal !== 1 &&
    (threatOrdinal === 0 || rng.chance(0.5));
  return recent ? rng.int(0, 28) : rng.int(31, 900);
}

function ruleBase(
  rng: Random,
  nowMs: number,
  tree: ScopeTree,
  key: string,
  source: ExclusionSource,
  authors: Authors,
  threatOrdinal: number,
): Omit<
  WireScopedRule,
  'id' | 'type' | 'value' | 'osType' | 'description' | 'notRecommended'
> {
  const author =
    source === 'cloud' || source === 'catalog' ? authors.system : authors.admin;
  const created = createdDays(rng, source, threatOrdinal);
  return {
    source,
    userId: author.id,
    userName: author.name,
    ...scopeFields(tree, key),
    imported: source === 'user' && rng.chance(0.05),
    includeChildren: false,
    includeParents: false,
    createdAt: daysAgo(rng, nowMs, created),
    updatedAt: daysAgo(rng, nowMs, rng.int(0, created)),
  };
}

function exclusionValue(
  rng: Random,
  type: ExclusionType,
  osType: WireOsType,
  pathType: PathExclusionType | null,
) {
  if (type === 'white_hash') return rng.hex(40);
  if (type !== 'path') return rng.pick(VALUES[type]);
  const broad = BROAD_PATHS[osType];
  if (broad && pathType === 'subfolders' && rng.chance(0.05)) return broad;
  return rng.pick(PATHS[osType][pathType ?? 'folder']);
}

export function generateExclusions(
  input: PostureInput,
  tree: ScopeTree,
  authors: Authors,
): ScopedRecord<WireExclusion>[] {
  const rng = new Random(input.seed, 'posture-exclusions');
  const nowMs = input.now.getTime();
  const count =
    10 + input.sites.length * 4 + Math.floor(input.groups.length / 5);
  const out: ScopedRecord<WireExclusion>[] = [];
  let threatActions = 0;
  for (let i = 0; i < count; i++) {
    const { type, mode } = exclusionKind(rng, i);
    const source = sourceOf(rng, i);
    const key = scopeAt(rng, tree, levelOf(rng, i));
    const osType = osTypeOf(rng, type);
    const pathExclusionType =
      type === 'path'
        ? PATH_EXCLUSION_TYPES[i % PATH_EXCLUSION_TYPES.length]
        : null;
    const value = exclusionValue(rng, type, osType, pathExclusionType);
    const base = ruleBase(
      rng,
      nowMs,
      tree,
      key,
      source,
      authors,
      source === 'action_from_threat' ? threatActions++ : -1,
    );
    const risky =
      mode === 'disable_all_monitors' ||
      mode === 'disable_all_monitors_deep' ||
      value === BROAD_PATHS[osType];
    out.push({
      scopeKey: key,
      record: {
        id: postureId(input.seed, POSTURE_ID_KINDS.exclusion, i),
        type,
        value,
        mode,
        pathExclusionType,
        osType,
        description:
          source === 'action_from_threat'
            ? 'Added from a threat marked as benign'
            : `Interoperability: ${value}`,
        notRecommended: risky ? 'Not recommended' : 'NONE',
        applicationName: null,
        inAppInventory: false,
        ...base,
      },
    });
  }
  return out;
}

/** Blocklist: SHA1 hashes, mostly added from threats. */
export function generateRestrictions(
  input: PostureInput,
  tree: ScopeTree,
  authors: Authors,
): ScopedRecord<WireRestriction>[] {
  const rng = new Random(input.seed, 'posture-restrictions');
  const nowMs = input.now.getTime();
  const count = 5 + input.sites.length * 2;
  const out: ScopedRecord<WireRestriction>[] = [];
  for (let i = 0; i < count; i++) {
    const source: ExclusionSource = rng.chance(0.6)
      ? 'action_from_threat'
      : 'user';
    const key = scopeAt(rng, tree, levelOf(rng, i));
    out.push({
      scopeKey: key,
      record: {
        id: postureId(input.seed, POSTURE_ID_KINDS.restriction, i),
        type: 'black_hash',
        value: rng.hex(40),
        osType: rng.pick<WireOsType>(['windows', 'windows', 'macos', 'linux']),
        description:
          source === 'action_from_threat'
            ? 'Blocked from a malicious threat'
            : 'Known bad tool',
        notRecommended: 'NONE',
        ...ruleBase(rng, nowMs, tree, key, source, authors, -1),
      },
    });
  }
  return out;
}
