/**
 * `npm run bench`: the collector against the SDK's own floor.
 *
 *   npm run bench -- --agents 100000 --latency 50 --sites 20 --groups 200
 *   npm run bench -- --matrix            (10k, 50k, 100k × 0 ms, 50 ms)
 *   npm run bench -- --repeat 3          (medians of 3 runs each)
 *
 * Each case starts the simulator in its own process, runs the real
 * `j1-integration collect --disable-schema-validation`, counts the API
 * requests, then runs the floor integration (bench/floor) writing the same
 * graph objects with no network, and prints both. `ratio` is collect over
 * the strict floor (pre-built objects: only the SDK's job state and disk
 * writes); the builder floor builds them with `createIntegrationEntity`.
 *
 * With --repeat, collect and floor runs alternate (so that a slow spell of
 * the machine hits both) and the row shows medians, with the range of the
 * per-pair ratio and RSS difference: peak RSS in particular depends on when
 * V8's collections happen to fall, and moves by tens of MB between runs.
 */
import path from 'path';

import {
  CliRun,
  GraphSummary,
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
  runs: number;
  wallS: number;
  agentsPerS: number;
  requests: number;
  requestBudget: number;
  rssMb: number;
  floorWallS: number;
  floorRssMb: number;
  ratio: number;
  /** Min–max of collect/floor over the run pairs. */
  ratioRange: string;
  /** Collect RSS minus floor RSS, median (min–max) over the run pairs. */
  rssOverFloorMb: string;
  /** The same objects built with the SDK's createIntegrationEntity. */
  builderFloorWallS: number;
  builderFloorRssMb: number;
  correct: string;
}

function parseArgs(argv: string[]): { cases: Case[]; repeat: number } {
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
  const repeat = value('--repeat', 1);
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new Error('--repeat must be a positive whole number');
  }
  if (!argv.includes('--matrix')) return { cases: [base], repeat };
  const cases: Case[] = [];
  for (const latency of [0, 50]) {
    for (const agents of [10_000, 50_000, 100_000]) {
      cases.push({ ...base, agents, latency });
    }
  }
  return { cases, repeat };
}

async function runCase(c: Case, repeat: number): Promise<Row> {
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
  const collects: CliRun[] = [];
  const floors: CliRun[] = [];
  const problems: string[] = [];
  let requests = 0;
  let graph: GraphSummary | undefined;
  const runFloor = (builder: 'none' | 'sdk', graph: GraphSummary) =>
    runCollectCli(
      {
        FLOOR_ENTITIES: String(sum(graph.entities)),
        FLOOR_RELATIONSHIPS: String(sum(graph.relationships)),
        FLOOR_MAPPED_RELATIONSHIPS: String(graph.mappedRelationships),
        FLOOR_BUILDER: builder,
      },
      ['--disable-schema-validation'],
      { projectPath: FLOOR_PROJECT },
    );
  const expectFloorSuccess = () => {
    const failures = readCollectedGraph(FLOOR_PROJECT).steps.filter(
      (s) => s.status !== 'success',
    );
    if (failures.length) {
      throw new Error(
        `the floor integration failed: see ${FLOOR_PROJECT}/.j1-integration`,
      );
    }
  };
  try {
    await untilWarm(simulator.url);
    for (let run = 0; run < repeat; run++) {
      const before = await simulatorRequestCounts(simulator.url);
      collects.push(
        await runCollectCli(
          { SERVER_URL: simulator.url, API_TOKEN: SIMULATOR_TOKEN },
          ['--disable-schema-validation'],
        ),
      );
      const after = await simulatorRequestCounts(simulator.url);
      requests = Math.max(requests, after.core - before.core);
      graph = readCollectedGraph();
      const agents = graph.entities.sentinelone_agent ?? 0;
      const failed = graph.steps.filter((s) => s.status !== 'success');
      if (failed.length || agents !== Number(simulator.totals.agents)) {
        problems.push(
          `run ${run + 1}: ${agents}/${
            simulator.totals.agents
          } agents, failed: ${failed.map((s) => s.id).join(',') || 'none'}`,
        );
      }
      // The simulator idles meanwhile: its memory is not the floor's.
      floors.push(await runFloor('none', graph));
      expectFloorSuccess();
    }
  } finally {
    await simulator.stop();
  }
  if (!graph) throw new Error('no collection ran');
  const builderFloor = await runFloor('sdk', graph);
  expectFloorSuccess();

  const entities = sum(graph.entities);
  const relationships = sum(graph.relationships);
  const wallMs = median(collects.map((r) => r.wallMs));
  const ratios = collects.map((r, i) => r.wallMs / floors[i].wallMs);
  const rssOver = collects.map((r, i) => r.peakRssMb - floors[i].peakRssMb);
  return {
    agents: c.agents,
    latencyMs: c.latency,
    runs: repeat,
    wallS: round(wallMs / 1000),
    agentsPerS: Math.round(
      (graph.entities.sentinelone_agent ?? 0) / (wallMs / 1000),
    ),
    requests,
    requestBudget: Math.ceil(c.agents / 1000) + 20,
    rssMb: median(collects.map((r) => r.peakRssMb)),
    floorWallS: round(median(floors.map((r) => r.wallMs)) / 1000),
    floorRssMb: median(floors.map((r) => r.peakRssMb)),
    ratio: round(median(ratios), 2),
    ratioRange: `${round(Math.min(...ratios), 2)}–${round(
      Math.max(...ratios),
      2,
    )}`,
    rssOverFloorMb: `${median(rssOver)} (${Math.min(...rssOver)}–${Math.max(
      ...rssOver,
    )})`,
    builderFloorWallS: round(builderFloor.wallMs / 1000),
    builderFloorRssMb: builderFloor.peakRssMb,
    correct:
      problems.length === 0
        ? `yes (${entities} entities, ${relationships} relationships)`
        : `NO: ${problems.join('; ')}`,
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
/** The middle value (the lower middle one of an even count). */
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function main() {
  const { cases, repeat } = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  for (const c of cases) {
    console.log(`Running ${c.agents} agents, ${c.latency} ms latency…`);
    rows.push(await runCase(c, repeat));
    console.table(rows.slice(-1));
  }
  console.log('\nSummary');
  console.table(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
