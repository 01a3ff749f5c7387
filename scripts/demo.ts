/**
 * `npm run demo`: collects the built-in simulator's estate with the real
 * `j1-integration collect` (schema validation on) and prints what it got.
 * Extra arguments go to the simulator, e.g. `npm run demo -- --agents 5000`.
 */
import {
  readCollectedGraph,
  runCollectCli,
  SIMULATOR_TOKEN,
  startSimulatorProcess,
} from './lib';

const DEFAULT_ESTATE = ['--sites', '3', '--groups', '12', '--agents', '600'];

async function main(): Promise<number> {
  const simulator = await startSimulatorProcess([
    ...DEFAULT_ESTATE,
    ...process.argv.slice(2),
  ]);
  console.log(`SentinelOne simulator at ${simulator.url}`);
  console.log(`Simulator totals: ${JSON.stringify(simulator.totals)}`);
  try {
    const run = await runCollectCli(
      { SERVER_URL: simulator.url, API_TOKEN: SIMULATOR_TOKEN },
      [],
      { quiet: !process.env.VERBOSE },
    );
    const graph = readCollectedGraph();
    console.log('\nEntities by _type');
    console.table(graph.entities);
    console.log('Relationships by _type');
    console.table(graph.relationships);
    console.log('Steps');
    console.table(graph.steps);
    console.log(
      `Collected in ${(run.wallMs / 1000).toFixed(1)} s (peak RSS ${
        run.peakRssMb
      } MB). ` + 'Browse it with `npm run graph`.',
    );
    const failed = graph.steps.filter((step) => step.status !== 'success');
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
