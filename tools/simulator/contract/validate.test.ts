/** The contract validator catches what it must: it can fail. */
import { generateEstate } from '../estate';
import { REAL_WORLD_DEVIATIONS } from '../wire';
import { responseSchema, schemaAt, validateAnswer } from './validate';

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
