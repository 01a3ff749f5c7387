/**
 * The scope tree the posture endpoints answer on (tenant → account → site →
 * group), from plain input data, and what a token may see of it.
 */

export type ScopeLevel = 'tenant' | 'account' | 'site' | 'group';

export interface PostureInput {
  seed: number;
  /** Reference clock of every generated date. */
  now: Date;
  accounts: { id: string; name: string }[];
  sites: { id: string; name: string; accountId: string }[];
  groups: { id: string; name: string; siteId: string }[];
}

/** A scope as a string key: `tenant`, `account:<id>`, `site:<id>`, `group:<id>`. */
export function scopeKey(level: ScopeLevel, id: string | null): string {
  return level === 'tenant' ? 'tenant' : `${level}:${id}`;
}

export interface ScopeNode {
  level: ScopeLevel;
  /** null for the tenant. */
  id: string | null;
  name: string;
  /** `Global / Account / Site / Group`, as exclusions show it. */
  path: string;
  accountName: string;
  parentKey: string | null;
}

export const TENANT_NAME = 'Global';

/** Every scope of the estate by key, with parent links. */
export class ScopeTree {
  readonly nodes = new Map<string, ScopeNode>();
  readonly childKeys = new Map<string, string[]>();

  constructor(input: PostureInput) {
    this.add({
      level: 'tenant',
      id: null,
      name: TENANT_NAME,
      path: TENANT_NAME,
      accountName: TENANT_NAME,
      parentKey: null,
    });
    for (const account of input.accounts) {
      this.addChild('tenant', 'account', account);
    }
    for (const site of input.sites) {
      this.addChild(scopeKey('account', site.accountId), 'site', site);
    }
    for (const group of input.groups) {
      this.addChild(scopeKey('site', group.siteId), 'group', group);
    }
  }

  node(key: string): ScopeNode {
    const node = this.nodes.get(key);
    if (!node) throw new Error(`posture: unknown scope ${key}`);
    return node;
  }

  has(level: ScopeLevel, id: string | null): boolean {
    return this.nodes.has(scopeKey(level, id));
  }

  keysOf(level: ScopeLevel): string[] {
    return [...this.nodes.values()]
      .filter((n) => n.level === level)
      .map((n) => scopeKey(n.level, n.id));
  }

  /** The key and every ancestor's key, nearest first. */
  lineage(key: string): string[] {
    const out: string[] = [];
    for (let k: string | null = key; k; k = this.node(k).parentKey) out.push(k);
    return out;
  }

  descendants(key: string): string[] {
    const out: string[] = [];
    for (const child of this.childKeys.get(key) ?? []) {
      out.push(child, ...this.descendants(child));
    }
    return out;
  }

  private add(node: ScopeNode) {
    this.nodes.set(scopeKey(node.level, node.id), node);
  }

  private addChild(
    parentKey: string,
    level: ScopeLevel,
    { id, name }: { id: string; name: string },
  ) {
    const parent = this.nodes.get(parentKey);
    // Input from the estate is consistent; a dangling parent is a caller bug.
    if (!parent)
      throw new Error(`posture: ${level} ${id} has no parent ${parentKey}`);
    const key = scopeKey(level, id);
    this.add({
      level,
      id,
      name,
      path: `${parent.path} / ${name}`,
      accountName: level === 'account' ? name : parent.accountName,
      parentKey,
    });
    const siblings = this.childKeys.get(parentKey) ?? [];
    siblings.push(key);
    this.childKeys.set(parentKey, siblings);
  }
}

/**
 * What an API token may see: the whole tenant, some accounts (and everything
 * under them) or some sites (and their groups).
 */
export type TokenScope =
  | { level: 'tenant' }
  | { level: 'account'; accountIds: readonly string[] }
  | { level: 'site'; siteIds: readonly string[] };

/** Whether a token of `scope` may read records of scope `key`. */
export function scopeVisible(
  tree: ScopeTree,
  scope: TokenScope,
  key: string,
): boolean {
  if (scope.level === 'tenant') return true;
  const allowed =
    scope.level === 'account'
      ? scope.accountIds.map((id) => scopeKey('account', id))
      : scope.siteIds.map((id) => scopeKey('site', id));
  const lineage = tree.nodes.has(key) ? tree.lineage(key) : [];
  return allowed.some((k) => lineage.includes(k));
}
