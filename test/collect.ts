import {
  Entity,
  IntegrationEvent,
  IntegrationStep,
  Relationship,
} from '@jupiterone/integration-sdk-core';
import {
  createIntegrationLogger,
  executeIntegrationInstance,
  FileSystemGraphObjectStore,
  GraphObjectStore,
  InMemoryGraphObjectStore,
} from '@jupiterone/integration-sdk-runtime';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { IntegrationConfig } from '../src/config';
import { invocationConfig } from '../src';
import {
  DEFAULT_TOKEN,
  RunningSimulator,
  SimulatorOptions,
  startSimulator,
} from '../tools/simulator';

/** The SDK's in-memory store, with the flush the runtime calls after each step. */
class MemoryStore extends InMemoryGraphObjectStore {
  flush(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Short retry delays so fault scenarios run in seconds, not minutes. The
 * request timeout stays long: the simulator runs in the test's own process and
 * builds each page synchronously, so on a busy machine a tight timeout fires
 * on answers that are merely late, and each such retry costs the wait and the
 * page again.
 */
export const FAST_CLIENT_ENV: Record<string, string> = {
  SENTINELONE_REQUEST_TIMEOUT_MS: '10000',
  SENTINELONE_RETRY_BASE_DELAY_MS: '50',
  SENTINELONE_RETRY_MAX_DELAY_MS: '1500',
  SENTINELONE_MAX_ATTEMPTS: '10',
};

/**
 * For runs with a request that never answers (which only the timeout ends):
 * each one costs a timeout. Not shorter: at
 * 1.5 s a busy machine saw late pages time out, and each retry builds the page
 * again, loading the machine further.
 */
export const SHORT_TIMEOUT_ENV: Record<string, string> = {
  ...FAST_CLIENT_ENV,
  SENTINELONE_REQUEST_TIMEOUT_MS: '3000',
};

export interface Collection {
  entities: Entity[];
  relationships: Relationship[];
  /** Step id → status, e.g. 'success' or 'failure'. */
  stepStatus: Record<string, string>;
  partialTypes: string[];
  events: IntegrationEvent[];
  /** Everything the run printed (logs included), for leak checks. */
  output: string;
}

/**
 * Runs the whole integration the way the CLI does (validation, every step,
 * schema validation on), keeping the graph in memory unless a
 * `storageDirectory` is given.
 *
 * The runtime deletes its storage directory before it runs, and that defaults
 * to `./.j1-integration`: a test run must never wipe the collection a user
 * keeps in the project, so an in-memory run still gets a scratch directory.
 */
export async function collect(
  config: IntegrationConfig,
  env: Record<string, string> = FAST_CLIENT_ENV,
  { storageDirectory }: { storageDirectory?: string } = {},
): Promise<Collection> {
  const memory = new MemoryStore();
  const events: IntegrationEvent[] = [];
  const directory =
    storageDirectory ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'sentinelone-collect-'));
  const restoreEnv = setEnv({
    ...env,
    JUPITERONE_INTEGRATION_STORAGE_DIRECTORY: directory,
  });
  const store: GraphObjectStore = storageDirectory
    ? new FileSystemGraphObjectStore({
        integrationSteps:
          invocationConfig.integrationSteps as IntegrationStep[],
      })
    : memory;
  const capture = captureOutput();
  try {
    const logger = createIntegrationLogger({
      name: 'graph-sentinelone-test',
      invocationConfig,
    });
    logger.on('event', (event) => events.push(event));
    const result = await executeIntegrationInstance(
      logger,
      {
        id: 'test-instance-id',
        name: 'SentinelOne test',
        accountId: 'j1-account',
        integrationDefinitionId: 'sentinelone',
        config,
      },
      invocationConfig,
      { current: { startedOn: Date.now() } },
      { enableSchemaValidation: true, graphObjectStore: store },
    );
    const written = storageDirectory
      ? readGraphFiles(storageDirectory)
      : {
          entities: memory.collectEntities(),
          relationships: memory.collectRelationships(),
        };
    return {
      ...written,
      stepStatus: Object.fromEntries(
        result.integrationStepResults.map((step) => [step.id, step.status]),
      ),
      partialTypes: result.metadata.partialDatasets.types,
      events,
      output: capture.text(),
    };
  } finally {
    capture.restore();
    restoreEnv();
    if (!storageDirectory)
      fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** The messages of the WARN lines (bunyan level 40) a run logged. */
export function warnLogLines(output: string): string[] {
  const WARN = 40;
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level?: number; msg?: string })
    .filter((record) => record.level === WARN)
    .map((record) => record.msg ?? '');
}

/** Counts graph objects by `_type`. */
export function countByType(
  objects: { _type: string }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { _type } of objects) counts[_type] = (counts[_type] ?? 0) + 1;
  return counts;
}

function setEnv(env: Record<string, string>): () => void {
  const previous = Object.fromEntries(
    Object.keys(env).map((name) => [name, process.env[name]]),
  );
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

function captureOutput() {
  const chunks: string[] = [];
  const originals = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : String(chunk));
    return true;
  };
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = originals.stdout;
      process.stderr.write = originals.stderr;
    },
  };
}

function readGraphFiles(directory: string): {
  entities: Entity[];
  relationships: Relationship[];
} {
  const entities: Entity[] = [];
  const relationships: Relationship[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (
        full.includes(`${path.sep}graph${path.sep}`) &&
        full.endsWith('.json')
      ) {
        const content = JSON.parse(fs.readFileSync(full, 'utf8'));
        entities.push(...(content.entities ?? []));
        relationships.push(...(content.relationships ?? []));
      }
    }
  };
  visit(directory);
  return { entities, relationships };
}

/**
 * Collects a simulated estate with `config` on top of the simulator's URL and
 * token, and hands back the simulator (closed) for its totals and requests.
 */
export async function collectEstate(
  options: SimulatorOptions,
  config: Partial<IntegrationConfig> = {},
): Promise<{ simulator: RunningSimulator; collection: Collection }> {
  const simulator = await startSimulator(options);
  try {
    const collection = await collect({
      serverUrl: simulator.url,
      apiToken: DEFAULT_TOKEN,
      ...config,
    });
    return { simulator, collection };
  } finally {
    await simulator.close();
  }
}
