import { StepScope } from '../framework';
import { EffectivePolicies } from './inheritance';

const scope: StepScope = {
  run: {
    tokenLevel: 'account',
    configured: {},
    restrictedTo: 'token',
    accounts: [{ id: 'a1', name: 'Acme' }],
    sites: [],
  },
  siteScoped: false,
  accounts: new Map([['a1', 'Acme']]),
  sites: new Map([
    ['s1', { name: 'Paris', accountId: 'a1' }],
    ['s2', { name: 'Lyon', accountId: 'a1' }],
  ]),
  groups: new Map([
    ['g1', { name: 'Servers', siteId: 's1', inherits: true }],
    ['g2', { name: 'Kiosks', siteId: 's2', inherits: false }],
  ]),
  siteAgentCounts: new Map(),
};

test('each scope settles on its own policy, else its parent’s, from the top down', () => {
  const effective = new EffectivePolicies(scope);
  const own = { inheritedFrom: null };
  const inherits = (from: string) => ({ inheritedFrom: from });

  expect(effective.settle({ scope: { level: 'tenant' }, policy: own })).toBe(
    'sentinelone_policy-tenant',
  );
  expect(
    effective.settle({
      scope: { level: 'account', id: 'a1' },
      policy: inherits('global'),
    }),
  ).toBe('sentinelone_policy-tenant');
  expect(
    effective.settle({ scope: { level: 'site', id: 's1' }, policy: own }),
  ).toBe('sentinelone_policy-site-s1');
  expect(
    effective.settle({
      scope: { level: 'site', id: 's2' },
      policy: inherits('account'),
    }),
  ).toBe('sentinelone_policy-tenant');
  // A group that inherits is not requested: no policy, its site's is in force.
  expect(effective.settle({ scope: { level: 'group', id: 'g1' } })).toBe(
    'sentinelone_policy-site-s1',
  );
  expect(
    effective.settle({ scope: { level: 'group', id: 'g2' }, policy: own }),
  ).toBe('sentinelone_policy-group-g2');
});

test('nothing is in force below a scope whose policy could not be read', () => {
  const effective = new EffectivePolicies(scope);
  // A site-scoped token: the tenant and account policies are never read.
  expect(
    effective.settle({
      scope: { level: 'site', id: 's2' },
      policy: { inheritedFrom: 'account' },
    }),
  ).toBeUndefined();
  expect(
    effective.settle({ scope: { level: 'group', id: 'g1' } }),
  ).toBeUndefined();
});
