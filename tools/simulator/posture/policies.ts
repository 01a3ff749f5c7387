/**
 * Protection policies at every scope. The tenant always has its own policy;
 * a few accounts, some sites and a few groups edited theirs; every other scope
 * inherits, and `GET …/policy` then answers the effective values of its parent
 * scope with `inheritedFrom` naming that parent's level (group → `site`,
 * site → `account`, account → `global`). `isDefault` is true only for the
 * tenant's own policy.
 */
import { Random } from '../random';
import { daysAgo } from './ids';
import { PostureInput, ScopeLevel, scopeKey, ScopeTree } from './scopes';
import {
  EngineName,
  ENGINE_NAMES,
  EngineState,
  PolicyInheritedFrom,
  WirePolicy,
} from '../wire';

export interface ScopePolicy {
  level: ScopeLevel;
  /** null for the tenant. */
  scopeId: string | null;
  /** Key of the scope whose own policy is in force here (itself when it edited its own). */
  effectiveFrom: string;
  /** What `GET …/policy` answers for this scope. */
  policy: WirePolicy;
}

/** The level a scope inherits from: its parent's (the tenant inherits from nothing). */
const INHERITED_FROM: Record<ScopeLevel, PolicyInheritedFrom | null> = {
  tenant: null,
  account: 'global',
  site: 'account',
  group: 'site',
};

const MITIGATION_ACTIONS = [
  'mitigation.quarantineThreat',
  'mitigation.killThreat',
  'mitigation.remediateThreat',
];

/** Engines a console turns off by default. */
const ENGINES_OFF_BY_DEFAULT: readonly EngineName[] = [
  'applicationControl',
  'remoteShell',
];

function engines(
  rng: Random,
  tenant: boolean,
): Record<EngineName, EngineState> {
  const out = {} as Record<EngineName, EngineState>;
  for (const engine of ENGINE_NAMES) {
    const offByDefault = ENGINES_OFF_BY_DEFAULT.includes(engine);
    const flipped = !tenant && rng.chance(offByDefault ? 0.3 : 0.08);
    out[engine] = offByDefault !== flipped ? 'off' : 'on';
  }
  return out;
}

function ownPolicy(
  rng: Random,
  nowMs: number,
  tenant: boolean,
  editor: { id: string; name: string },
): WirePolicy {
  const decommission = tenant || rng.chance(0.5);
  return {
    mitigationMode: !tenant && rng.chance(0.2) ? 'detect' : 'protect',
    mitigationModeSuspicious: tenant || rng.chance(0.5) ? 'detect' : 'protect',
    autoMitigationAction: tenant
      ? MITIGATION_ACTIONS[0]
      : rng.pick(MITIGATION_ACTIONS),
    antiTamperingOn: tenant || !rng.chance(0.15),
    engines: engines(rng, tenant),
    snapshotsOn: tenant || rng.chance(0.8),
    scanNewAgents: tenant || rng.chance(0.7),
    networkQuarantineOn: !tenant && rng.chance(0.1),
    allowRemoteShell: !tenant && rng.chance(0.3),
    autoDecommissionOn: decommission,
    autoDecommissionDays: decommission ? rng.int(7, 60) : 21,
    agentLoggingOn: true,
    agentUiOn: tenant || rng.chance(0.9),
    monitorOnWrite: true,
    monitorOnExecute: true,
    removeMacros: !tenant && rng.chance(0.2),
    iocSupported: true,
    isDefault: tenant,
    inheritedFrom: null,
    createdAt: daysAgo(rng, nowMs, rng.int(400, 1500)),
    updatedAt: daysAgo(rng, nowMs, rng.int(1, 300)),
    userId: editor.id,
    userFullName: editor.name,
  };
}

/** Marks ids as edited with `rate`, then at least `minimum` (by a seeded pick). */
function chooseEdited(
  rng: Random,
  ids: string[],
  rate: number,
  minimum: number,
): Set<string> {
  const edited = new Set(ids.filter(() => rng.chance(rate)));
  while (edited.size < Math.min(minimum, ids.length)) edited.add(rng.pick(ids));
  return edited;
}

/** Scope keys that edited their own policy (the tenant included). */
function editedScopes(input: PostureInput, rng: Random): string[] {
  const accounts = chooseEdited(
    rng,
    input.accounts.map((a) => a.id),
    0.25,
    input.accounts.length >= 3 ? 1 : 0,
  );
  const sites = chooseEdited(
    rng,
    input.sites.map((s) => s.id),
    0.3,
    1,
  );
  const groups = chooseEdited(
    rng,
    input.groups.map((g) => g.id),
    0.15,
    1,
  );
  return [
    'tenant',
    ...[...accounts].map((id) => scopeKey('account', id)),
    ...[...sites].map((id) => scopeKey('site', id)),
    ...[...groups].map((id) => scopeKey('group', id)),
  ];
}

/**
 * Own policies by scope key. So that every estate shows the cases a posture
 * review looks for, the first edited site is detect-only and the last edited
 * group has anti-tamper off when chance gave neither.
 */
function ownPolicies(
  input: PostureInput,
  editor: { id: string; name: string },
): Map<string, WirePolicy> {
  const rng = new Random(input.seed, 'posture-policies');
  const nowMs = input.now.getTime();
  const own = new Map<string, WirePolicy>();
  for (const key of editedScopes(input, rng)) {
    own.set(
      key,
      ownPolicy(
        new Random(input.seed, `policy:${key}`),
        nowMs,
        key === 'tenant',
        editor,
      ),
    );
  }
  const edited = [...own.entries()].filter(([key]) => key !== 'tenant');
  if (!edited.some(([, p]) => p.mitigationMode === 'detect')) {
    const site = edited.find(([key]) => key.startsWith('site:'));
    if (site) site[1].mitigationMode = 'detect';
  }
  if (!edited.some(([, p]) => !p.antiTamperingOn)) {
    const group = edited.filter(([key]) => key.startsWith('group:')).pop();
    if (group) group[1].antiTamperingOn = false;
  }
  return own;
}

/** The policy every scope answers, by scope key, parents before children. */
export function generatePolicies(
  input: PostureInput,
  tree: ScopeTree,
  editor: { id: string; name: string },
): Map<string, ScopePolicy> {
  const own = ownPolicies(input, editor);
  const out = new Map<string, ScopePolicy>();
  // Map iteration follows insertion: the tree adds parents before children.
  for (const [key, node] of tree.nodes) {
    const mine = own.get(key);
    // The tenant is always among the edited scopes, so only scopes below it inherit.
    if (mine) {
      out.set(key, {
        level: node.level,
        scopeId: node.id,
        effectiveFrom: key,
        policy: mine,
      });
      continue;
    }
    const parent = out.get(node.parentKey!)!;
    out.set(key, {
      level: node.level,
      scopeId: node.id,
      effectiveFrom: parent.effectiveFrom,
      policy: {
        ...parent.policy,
        isDefault: false,
        inheritedFrom: INHERITED_FROM[node.level],
      },
    });
  }
  return out;
}
