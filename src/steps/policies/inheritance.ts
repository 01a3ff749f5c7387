import { PolicyScope } from '../../client';
import { StepScope } from '../framework';
import { policyKey } from '../keys';
import { isOwnPolicy, PolicyRead } from './converter';

/**
 * The policy in force at each scope, settled from the top down: a scope's
 * own policy, else its parent's policy in force (none when the parent's
 * could not be read).
 */
export class EffectivePolicies {
  private readonly byScope = new Map<string, string | undefined>();

  constructor(private readonly scope: StepScope) {}

  /** Records what is in force at `read.scope` and returns its key. */
  settle(read: PolicyRead): string | undefined {
    const inForce =
      read.policy && isOwnPolicy(read.policy)
        ? policyKey(read.scope)
        : this.parentOf(read.scope);
    this.byScope.set(policyKey(read.scope), inForce);
    return inForce;
  }

  private parentOf(target: PolicyScope): string | undefined {
    const parent = this.parentScope(target);
    return parent && this.byScope.get(policyKey(parent));
  }

  private parentScope(target: PolicyScope): PolicyScope | undefined {
    switch (target.level) {
      case 'tenant':
        return undefined;
      case 'account':
        return { level: 'tenant' };
      case 'site': {
        const id = this.scope.sites.get(target.id)?.accountId;
        return id ? { level: 'account', id } : undefined;
      }
      case 'group': {
        const id = this.scope.groups.get(target.id)?.siteId;
        return id ? { level: 'site', id } : undefined;
      }
    }
  }
}
