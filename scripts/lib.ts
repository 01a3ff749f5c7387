/**
 * What the demo and the benchmark share: a simulator in its own process, the
 * real `j1-integration collect` CLI, and a reader of what the CLI wrote.
 */
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import readline from 'readline';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
const TS_NODE = path.join(PROJECT_ROOT, 'node_modules/.bin/ts-node');
const J1_CLI = path.join(PROJECT_ROOT, 'node_modules/.bin/j1-integration');
export const SIMULATOR_TOKEN = 'simulator-api-token';

export interface SimulatorProcess {
  url: string;
  totals: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Starts `tools/simulator/cli.ts` and waits for it to print its URL. */
export async function startSimulatorProcess(
  args: string[],
): Promise<SimulatorProcess> {
  const child = spawn(
    TS_NODE,
    ['--transpile-only', 'tools/simulator/cli.ts', ...args],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  let url: string | undefined;
  let totals: Record<string, unknown> = {};
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(
        new Error(`the simulator exited with code ${code} before listening`),
      ),
    );
    lines.on('line', (line) => {
      const match = /^SIMULATOR_URL=(\S+)/.exec(line);
      if (match) url = match[1];
      else if (line.startsWith('{')) {
        try {
          totals = JSON.parse(line);
        } catch {
          // a log line that happens to start with a brace
        }
      }
      if (url && Object.keys(totals).length) resolve();
    });
  });
  child.removeAllListeners('exit');
  return { url: url!, totals, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface CliRun {
  wallMs: number;
  peakRssMb: number;
  exitCode: number | null;
}

/** Runs the CLI as a customer would, measuring its wall time and peak RSS. */
export async function runCollectCli(
  env: Record<string, string>,
  extraArgs: string[] = [],
  { quiet = true, projectPath = PROJECT_ROOT } = {},
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(
    J1_CLI,
    ['collect', '--project-path', projectPath, ...extraArgs],
    {
      cwd: projectPath,
      env: { ...process.env, ...env },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  );
  const rss = watchPeakRss(child.pid);
  const exitCode = await new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { wallMs: Date.now() - started, peakRssMb: rss.stop(), exitCode };
}

/**
 * Follows a process's peak RSS (VmHWM, a high-water mark kept by Linux) until
 * it exits; NaN where /proc is not available.
 */
function watchPeakRss(pid: number | undefined): { stop(): number } {
  let peakKb = NaN;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peakKb = Math.max(Number(match[1]), peakKb || 0);
    } catch {
      // exited, or not Linux
    }
  };
  const timer = setInterval(read, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}

export interface GraphSummary {
  entities: Record<string, number>;
  relationships: Record<string, number>;
  mappedRelationships: number;
  steps: { id: string; status: string }[];
  partialTypes: string[];
}

/** Reads `.j1-integration/` as the CLI left it. */
export function readCollectedGraph(projectPath = PROJECT_ROOT): GraphSummary {
  const root = path.join(projectPath, '.j1-integration');
  const summary = JSON.parse(
    fs.readFileSync(path.join(root, 'summary.json'), 'utf8'),
  );
  const entities: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  let mappedRelationships = 0;
  for (const file of walk(path.join(root, 'graph'))) {
    if (!file.endsWith('.json')) continue;
    const content = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entity of content.entities ?? []) {
      entities[entity._type] = (entities[entity._type] ?? 0) + 1;
    }
    for (const relationship of content.relationships ?? []) {
      relationships[relationship._type] =
        (relationships[relationship._type] ?? 0) + 1;
      if (relationship._mapping) mappedRelationships++;
    }
  }
  return {
    entities,
    relationships,
    mappedRelationships,
    steps: summary.integrationStepResults.map((s: any) => ({
      id: s.id,
      status: s.status,
    })),
    partialTypes: summary.metadata?.partialDatasets?.types ?? [],
  };
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
