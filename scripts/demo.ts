/**
 * `npm run demo`: collects the built-in simulator's estate with the real
 * `j1-integration collect` (schema validation on) and prints what it got.
 * Extra arguments go to the simulator, e.g. `npm run demo -- --agents 5000`.
 */
import {
  Entities,
  MappedRelationships,
  MappedTargets,
} from '../src/steps/constants';
import {
  collectedGraphObjects,
  GraphObject,
  readCollectedGraph,
  runCollectCli,
  SIMULATOR_TOKEN,
  startSimulatorProcess,
} from './lib';

/**
 * A small estate with what real consoles send (the simulator's variations are
 * on by default), and an API token 10 days from expiry, so that the demo
 * shows the warning a customer gets before the collection stops working.
 */
const DEFAULT_ESTATE = [
  '--sites',
  '3',
  '--groups',
  '12',
  '--agents',
  '600',
  '--token-expires-in-days',
  '10',
];

/**
 * What identifies an agent's machine, on the agent and on the device it maps
 * to. `null` where the device does not carry the property.
 */
const IDENTITY_PROPERTIES: [agent: string, device: string | null][] = [
  ['hostname', 'hostname'],
  ['serial', 'serial'],
  ['macAddress', 'macAddress'],
  ['ipAddress', null],
  ['ipv6Address', null],
  ['make', 'make'],
  ['model', 'model'],
  ['domain', null],
  ['adComputerDistinguishedName', null],
  ['adLastUserPrincipalName', null],
  ['cloudProvider', null],
  ['cloudInstanceId', null],
];

function hasValue(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    !(Array.isArray(value) && value.length === 0)
  );
}

interface IdentitySummary {
  agents: GraphObject[];
  devices: Map<string, GraphObject>;
}

/** The agents and, by agent `_key`, the mapped relationship to their device. */
function readIdentities(): IdentitySummary {
  const agents: GraphObject[] = [];
  const devices = new Map<string, GraphObject>();
  for (const content of collectedGraphObjects()) {
    for (const entity of content.entities) {
      if (entity._type === Entities.AGENT._type) agents.push(entity);
    }
    for (const relationship of content.relationships) {
      if (
        relationship._type === MappedRelationships.AGENT_PROTECTS_DEVICE._type
      ) {
        devices.set(relationship._mapping.sourceEntityKey, relationship);
      }
    }
  }
  return { agents, devices };
}

/**
 * How many agents, and devices, carry each identity property (a blank cell
 * where the device has no such property).
 */
function identityCoverage({ agents, devices }: IdentitySummary) {
  const targets = [...devices.values()].map((r) => r._mapping.targetEntity);
  const count = (objects: GraphObject[], property: string) =>
    objects.filter((o) => hasValue(o[property])).length;
  return Object.fromEntries(
    IDENTITY_PROPERTIES.map(([agentProperty, deviceProperty]) => [
      agentProperty,
      deviceProperty
        ? {
            agents: count(agents, agentProperty),
            devices: count(targets, deviceProperty),
          }
        : { agents: count(agents, agentProperty) },
    ]),
  );
}

/**
 * How many devices are matched on each key (an agent may use several), and
 * the agents whose host name the device is not matched on, being generic.
 */
function deviceMatching({ agents, devices }: IdentitySummary): string {
  const counts: Record<string, number> = {};
  for (const relationship of devices.values()) {
    for (const [, key] of relationship._mapping.targetFilterKeys) {
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const keys = Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
  const generic = agents.filter(
    (agent) =>
      hasValue(agent.hostname) &&
      !hasValue(devices.get(agent._key)?._mapping.targetEntity.hostname),
  );
  return generic.length === 0
    ? keys
    : `${keys} (not the generic host names of ${generic.length} agents, ` +
        `e.g. ${JSON.stringify(generic[0].hostname)})`;
}

/**
 * The agent with the most identity properties, the richest example; of
 * those, the first by `_key`, so that every run shows the same one (agents
 * are written in whatever order the parallel streams deliver them).
 */
function exampleAgent({ agents }: IdentitySummary): GraphObject | undefined {
  const filled = (agent: GraphObject) =>
    IDENTITY_PROPERTIES.filter(([property]) => hasValue(agent[property]))
      .length;
  const richer = (a: GraphObject, b: GraphObject) =>
    filled(a) - filled(b) || (a._key < b._key ? 1 : -1);
  return agents.reduce<GraphObject | undefined>(
    (best, agent) => (!best || richer(agent, best) > 0 ? agent : best),
    undefined,
  );
}

function printExampleAgent(identities: IdentitySummary): void {
  const agent = exampleAgent(identities);
  if (!agent) return;
  console.log(`Example agent ${agent._key}`);
  for (const [property] of IDENTITY_PROPERTIES) {
    if (hasValue(agent[property])) {
      console.log(
        `  ${property.padEnd(28)} ${JSON.stringify(agent[property])}`,
      );
    }
  }
  const device = identities.devices.get(agent._key)?._mapping;
  if (device) {
    const keys = device.targetFilterKeys.map(
      ([, key]: string[]) =>
        `${key}=${JSON.stringify(device.targetEntity[key])}`,
    );
    console.log(
      `  PROTECTS ${MappedTargets.DEVICE._type} matched on ${keys.join(
        ' or ',
      )}`,
    );
  }
}

/** The counts in the order of their keys, for a stable, scannable table. */
function byKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** `{ dockerHosts: 13 }` as `docker hosts 13`. */
function countsInWords(counts: unknown): string {
  return Object.entries((counts ?? {}) as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'number')
    .map(
      ([key, value]) =>
        `${key.replace(/[A-Z]/g, ' $&').toLowerCase()} ${value}`,
    )
    .join(', ');
}

/** The simulator's totals (one large JSON object) in three lines. */
function printEstate(totals: Record<string, any>): void {
  const posture = totals.posture ?? {};
  console.log(
    `Simulated estate: ${totals.accounts} account(s), ${totals.sites} sites, ` +
      `${totals.groups} groups, ${totals.agents} agents ` +
      `(${totals.decommissionedAgents} decommissioned), ${totals.threats} threats ` +
      `(${totals.threatsInPolicyCount} open or resolved in the last ` +
      `${totals.resolvedLookbackDays} days), ${totals.applicationVersions} ` +
      `application versions (${totals.installs} installs), ${totals.risks} ` +
      `CVE rows (${totals.distinctCves} CVEs)`,
  );
  console.log(
    `  posture: ${posture.ownPolicies} policies, ${posture.exclusions} exclusions, ` +
      `${posture.users} users (${posture.usersWithout2fa} without 2FA), ` +
      `${posture.serviceUsers} service users, ${posture.roles} roles`,
  );
  console.log(`  real-world variations: ${countsInWords(totals.variations)}`);
}

async function main(): Promise<number> {
  const simulator = await startSimulatorProcess([
    ...DEFAULT_ESTATE,
    ...process.argv.slice(2),
  ]);
  printEstate(simulator.totals);
  try {
    const run = await runCollectCli(
      { SERVER_URL: simulator.url, API_TOKEN: SIMULATOR_TOKEN },
      [],
      { quiet: !process.env.VERBOSE },
    );
    const graph = readCollectedGraph();
    console.log('\nEntities by _type');
    console.table(byKey(graph.entities));
    console.log('Relationships by _type');
    console.table(byKey(graph.relationships));
    const identities = readIdentities();
    console.log('Agents and the devices they protect: identity properties');
    console.table(identityCoverage(identities));
    console.log(`Devices matched on: ${deviceMatching(identities)}`);
    printExampleAgent(identities);
    console.log(`\nWarnings the collector logged: ${run.warnings.length}`);
    for (const warning of run.warnings) console.log(`  WARN ${warning}`);
    const failed = graph.steps.filter((step) => step.status !== 'success');
    console.log(
      `\nSteps: ${graph.steps.length - failed.length} of ${
        graph.steps.length
      } succeeded`,
    );
    if (failed.length) console.table(failed);
    console.log(
      `Collected in ${(run.wallMs / 1000).toFixed(1)} s (peak RSS ${
        run.peakRssMb
      } MB). ` + 'Browse it with `npm run graph`.',
    );
    if (run.exitCode !== 0 || failed.length) {
      console.error(
        `Collection did not fully succeed: exit ${run.exitCode}, steps ${failed
          .map((s) => `${s.id}=${s.status}`)
          .join(', ')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await simulator.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
