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
  /** The WARN lines of the CLI's log, without colours and timestamps. */
  warnings: string[];
}

/**
 * The SDK runtime loads aws-sdk v2 (for Lambda invocations this integration
 * never makes), which prints its end-of-support notice unless told not to.
 */
const QUIET_DEPENDENCIES_ENV = {
  AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
};

/**
 * Runs the CLI as a customer would, measuring its wall time and peak RSS and
 * keeping its WARN lines, which a quiet run would otherwise hide.
 */
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
      env: { ...process.env, ...QUIET_DEPENDENCIES_ENV, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const rss = watchPeakRss(child.pid);
  const warnings: string[] = [];
  const log = readline.createInterface({ input: child.stdout! });
  log.on('line', (line) => {
    if (!quiet) console.log(line);
    const warning = warnLogMessage(line);
    if (warning !== undefined) warnings.push(warning);
  });
  const [exit] = await Promise.all([
    new Promise<{ exitCode: number | null; wallMs: number }>((resolve) =>
      child.once('exit', (exitCode) =>
        resolve({ exitCode, wallMs: Date.now() - started }),
      ),
    ),
    new Promise((resolve) => log.once('close', resolve)),
  ]);
  return { ...exit, peakRssMb: rss.stop(), warnings };
}

/**
 * The colours of the CLI's pretty log (bunyan-format writes them even to a
 * pipe): SGR sequences only.
 */
// eslint-disable-next-line no-control-regex -- ESC starts every colour code
const COLOURS = /\u001b\[[0-9;]*m/g;

/**
 * The message of a WARN line of the CLI's pretty log
 * (`06:49:07.542Z  WARN Local: <message> (<fields>)`), else undefined.
 */
function warnLogMessage(line: string): string | undefined {
  return /^\S+\s+WARN\s+[^:]+:\s(.*)$/.exec(line.replace(COLOURS, ''))?.[1];
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

const collectedDir = (projectPath: string) =>
  path.join(projectPath, '.j1-integration');

/** A graph object as the CLI wrote it to `.j1-integration/graph/`. */
export type GraphObject = Record<string, any> & { _type: string };

/** The entities and relationships the CLI wrote, file by file. */
export function* collectedGraphObjects(projectPath = PROJECT_ROOT): Generator<{
  entities: GraphObject[];
  relationships: GraphObject[];
}> {
  for (const file of walk(path.join(collectedDir(projectPath), 'graph'))) {
    if (!file.endsWith('.json')) continue;
    const content = JSON.parse(fs.readFileSync(file, 'utf8'));
    yield {
      entities: content.entities ?? [],
      relationships: content.relationships ?? [],
    };
  }
}

/** Reads `.j1-integration/` as the CLI left it. */
export function readCollectedGraph(projectPath = PROJECT_ROOT): GraphSummary {
  const summary = JSON.parse(
    fs.readFileSync(
      path.join(collectedDir(projectPath), 'summary.json'),
      'utf8',
    ),
  );
  const entities: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  let mappedRelationships = 0;
  for (const content of collectedGraphObjects(projectPath)) {
    for (const entity of content.entities) {
      entities[entity._type] = (entities[entity._type] ?? 0) + 1;
    }
    for (const relationship of content.relationships) {
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
