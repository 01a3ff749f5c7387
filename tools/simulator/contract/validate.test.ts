/** The contract validator catches what it must: it can fail. */
import { generateEstate } from '../estate';
import { REAL_WORLD_DEVIATIONS } from '../wire';
import { generatePosture } from '../posture';
import {
  responseSchema,
  schemaAt,
  specParameters,
  validateAnswer,
} from './validate';

const agent = generateEstate({ seed: 5, agents: 3, variations: false })
  .agents[0];

function agentsAnswer(record: object, pagination?: object) {
  return {
    data: [record],
    pagination: pagination ?? { totalItems: 1, nextCursor: null },
  };
}

const problems = (record: object, pagination?: object) =>
  validateAnswer('GET /agents', 'agents', agentsAnswer(record, pagination))
    .violations;

test('a record as the specification declares it passes', () => {
  expect(problems(agent)).toEqual([]);
});

test.each([
  [{ favouriteColour: 'blue' }, 'agents[].favouriteColour', 'not declared'],
  [{ coreCount: '8' }, 'agents[].coreCount', 'integer'],
  [{ isActive: 'True' }, 'agents[].isActive', 'boolean'],
  [{ domain: null }, 'agents[].domain', 'null'],
  [{ machineType: 'mainframe' }, 'agents[].machineType', 'enum'],
  [{ lastActiveDate: '2024-13' }, 'agents[].lastActiveDate', 'date-time'],
  [{ groupId: 'group-7' }, 'agents[].groupId', 'id'],
  [{ networkInterfaces: {} }, 'agents[].networkInterfaces', 'array'],
  [
    { networkInterfaces: [{ name: 'eth0', speed: 1000 }] },
    'agents[].networkInterfaces[].speed',
    'not declared',
  ],
  [
    { tags: { sentinelone: [{ key: 1 }] } },
    'agents[].tags.sentinelone[].key',
    'string',
  ],
])('a bad agent field fails: %j', (change, path, message) => {
  const found = problems({ ...agent, ...change });
  expect(found).toHaveLength(1);
  expect(found[0].path).toBe(path);
  expect(found[0].message).toContain(message);
});

test('pagination must carry totalItems and nothing undeclared', () => {
  expect(problems(agent, { nextCursor: null })).toEqual([
    { path: 'pagination.totalItems', message: 'required, missing' },
  ]);
  expect(
    problems(agent, { totalItems: 1, nextCursor: null, page: 2 })[0].path,
  ).toBe('pagination.page');
});

test('a deviation passes only in the field that names it', () => {
  const bent = agentsAnswer({
    ...agent,
    firewallEnabled: 'True',
    lastSuccessfulScanDate: null,
  });
  const bentFields = [
    'agents[].firewallEnabled',
    'agents[].lastSuccessfulScanDate',
  ];
  const allowed = validateAnswer('GET /agents', 'agents', bent);
  expect(allowed.violations).toEqual([]);
  expect([...allowed.deviationsSeen].sort()).toEqual(bentFields);
  // The same values with no deviation allowed are violations.
  const strict = validateAnswer('GET /agents', 'agents', bent, {});
  expect(strict.violations.map((v) => v.path).sort()).toEqual(bentFields);
});

test('every named deviation is a field the specification declares, of the type it bends', () => {
  const endpoints: Record<string, string> = {
    agents: 'GET /agents',
    groups: 'GET /groups',
    threats: 'GET /threats',
  };
  for (const [path, deviation] of Object.entries(REAL_WORLD_DEVIATIONS)) {
    const node: any = schemaAt(
      responseSchema(endpoints[path.split('[]')[0]]),
      path,
    );
    const type = typeof node === 'string' ? node : node?.type;
    expect({ path, declared: type !== undefined }).toEqual({
      path,
      declared: true,
    });
    if (deviation.kind === 'stringBoolean') expect(type).toBe('boolean');
    else expect(node?.['x-nullable']).toBeFalsy();
  }
});

test('a posture answer is held to its schema too: enum, type, undeclared field', () => {
  const exclusion = generatePosture({
    seed: 5,
    now: new Date('2026-11-01T12:00:00.000Z'),
    accounts: [{ id: '400000000000000001', name: 'Acme' }],
    sites: [
      { id: '500000000000000001', name: 'HQ', accountId: '400000000000000001' },
    ],
    groups: [
      {
        id: '600000000000000001',
        name: 'Servers',
        siteId: '500000000000000001',
      },
    ],
  }).exclusions[0].record;
  const answer = (record: object) => ({
    data: [record],
    pagination: { totalItems: 1, nextCursor: null },
  });
  const check = (record: object) =>
    validateAnswer('GET /exclusions', 'exclusions', answer(record)).violations;
  expect(check(exclusion)).toEqual([]);
  expect(
    check({ ...exclusion, mode: 'off', imported: 'no', secret: 1 }).map(
      (v) => v.path,
    ),
  ).toEqual([
    'exclusions[].mode',
    'exclusions[].imported',
    'exclusions[].secret',
  ]);
});

test('the query parameters of an endpoint are those the specification declares', () => {
  expect(specParameters('GET /exclusions')).toEqual(
    expect.arrayContaining(['tenant', 'accountIds', 'types', 'cursor']),
  );
  // Path parameters are not query parameters.
  expect(specParameters('GET /sites/{site_id}/policy')).toEqual([]);
  expect(() => specParameters('GET /exclusion')).toThrow(
    'The specification has no GET /exclusion',
  );
});
