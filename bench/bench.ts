/**
 * `npm run bench`: the collector against the SDK's own floor.
 *
 *   npm run bench -- --agents 100000 --latency 50 --sites 20 --groups 200
 *   npm run bench -- --matrix            (10k, 50k, 100k × 0 ms, 50 ms)
 *
 * Each case starts the simulator in its own process, runs the real
 * `j1-integration collect --disable-schema-validation`, counts the API
 * requests, then runs the floor integration (bench/floor) writing the same
 * graph objects with no network, and prints both. `ratio` is collect over
 * the strict floor (pre-built objects: only the SDK's job state and disk
 * writes); the builder floor builds them with `createIntegrationEntity`.
 */
import path from 'path';

import {
  PROJECT_ROOT,
  readCollectedGraph,
  runCollectCli,
  SIMULATOR_TOKEN,
  startSimulatorProcess,
} from '../scripts/lib';

const FLOOR_PROJECT = path.join(PROJECT_ROOT, 'bench/floor');

interface Case {
  agents: number;
  latency: number;
  sites: number;
  groups: number;
}

interface Row {
  agents: number;
  latencyMs: number;
  wallS: number;
  agentsPerS: number;
  requests: number;
  requestBudget: number;
  rssMb: number;
  floorWallS: number;
  floorRssMb: number;
  ratio: number;
  /** The same objects built with the SDK's createIntegrationEntity. */
  builderFloorWallS: number;
  builderFloorRssMb: number;
  correct: string;
}

function parseArgs(argv: string[]): { cases: Case[] } {
  const value = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  const base: Case = {
    agents: value('--agents', 100_000),
    latency: value('--latency', 50),
    sites: value('--sites', 20),
    groups: value('--groups', 200),
  };
  if (!argv.includes('--matrix')) return { cases: [base] };
  const cases: Case[] = [];
  for (const latency of [0, 50]) {
    for (const agents of [10_000, 50_000, 100_000]) {
      cases.push({ ...base, agents, latency });
    }
  }
  return { cases };
}

async function runCase(c: Case): Promise<Row> {
  const simulator = await startSimulatorProcess([
    '--agents',
    String(c.agents),
    '--groups',
    String(c.groups),
    '--sites',
    String(c.sites),
    '--latency',
    String(c.latency),
    // The benchmark measures the core estate: no threats or applications.
    '--threats',
    '0',
    '--applications',
    '0',
  ]);
  let collect;
  let requests: { total: number; core: number };
  try {
    await untilWarm(simulator.url);
    collect = await runCollectCli(
      { SERVER_URL: simulator.url, API_TOKEN: SIMULATOR_TOKEN },
      ['--disable-schema-validation'],
    );
    requests = await simulatorRequestCounts(simulator.url);
  } finally {
    await simulator.stop();
  }
  const graph = readCollectedGraph();
  const entities = sum(graph.entities);
  const relationships = sum(graph.relationships);
  const agents = graph.entities.sentinelone_agent ?? 0;
  const failed = graph.steps.filter((s) => s.status !== 'success');
  const expectedAgents = Number(simulator.totals.agents);

  const runFloor = (builder: 'none' | 'sdk') =>
    runCollectCli(
      {
        FLOOR_ENTITIES: String(entities),
        FLOOR_RELATIONSHIPS: String(relationships),
        FLOOR_MAPPED_RELATIONSHIPS: String(graph.mappedRelationships),
        FLOOR_BUILDER: builder,
      },
      ['--disable-schema-validation'],
      { projectPath: FLOOR_PROJECT },
    );
  const floor = await runFloor('none');
  const sdkBuilderFloor = await runFloor('sdk');
  const floorFailures = readCollectedGraph(FLOOR_PROJECT).steps.filter(
    (s) => s.status !== 'success',
  );
  if (floorFailures.length) {
    throw new Error(
      `the floor integration failed: see ${FLOOR_PROJECT}/.j1-integration`,
    );
  }

  return {
    agents: c.agents,
    latencyMs: c.latency,
    wallS: round(collect.wallMs / 1000),
    agentsPerS: Math.round(agents / (collect.wallMs / 1000)),
    requests: requests.core,
    requestBudget: Math.ceil(c.agents / 1000) + 20,
    rssMb: collect.peakRssMb,
    floorWallS: round(floor.wallMs / 1000),
    floorRssMb: floor.peakRssMb,
    ratio: round(collect.wallMs / floor.wallMs, 2),
    builderFloorWallS: round(sdkBuilderFloor.wallMs / 1000),
    builderFloorRssMb: sdkBuilderFloor.peakRssMb,
    correct:
      failed.length === 0 && agents === expectedAgents
        ? `yes (${entities} entities, ${relationships} relationships)`
        : `NO: ${agents}/${expectedAgents} agents, failed: ${failed
            .map((s) => s.id)
            .join(',')}`,
  };
}

/** Requests the simulator served, in all and for the core estate. */
async function simulatorRequestCounts(
  url: string,
): Promise<{ total: number; core: number }> {
  const response = await fetchJson(`${url}/__simulator/stats`);
  const byPath: Record<string, number> = response.requestsByPath ?? {};
  const core = Object.entries(byPath)
    .filter(([p]) => /\/(accounts|sites|groups|agents)$/.test(p))
    .reduce((total, [, n]) => total + n, 0);
  return { total: response.requests ?? NaN, core };
}

/**
 * Waits for the simulator to have serialized every agent: a real console does
 * that work on its own machine, not on the one being measured.
 */
async function untilWarm(url: string): Promise<void> {
  while (!(await fetchJson(`${url}/__simulator/stats`)).warm) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function fetchJson(url: string): Promise<any> {
  const fetch = (await import('node-fetch')).default;
  const response = await fetch(url);
  return response.json();
}

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function main() {
  const { cases } = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  for (const c of cases) {
    console.log(`Running ${c.agents} agents, ${c.latency} ms latency…`);
    rows.push(await runCase(c));
    console.table(rows.slice(-1));
  }
  console.log('\nSummary');
  console.table(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
