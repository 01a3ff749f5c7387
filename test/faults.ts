/**
 * The fault matrix's estate, runner and completeness check. The scenarios
 * are spread over several test files so that jest runs them on every worker.
 */
import { Entities, Relationships } from '../src/steps/constants';
import {
  FaultOptions,
  RunningSimulator,
  startSimulator,
} from '../tools/simulator';
import { collect, Collection, countByType, FAST_CLIENT_ENV } from './collect';

export const FAULT_ESTATE = { seed: 42, sites: 5, groups: 50, agents: 5000 };

export interface FaultMatrix {
  /** The file's simulator, started before its tests and closed after. */
  simulator(): RunningSimulator;
  /** Collects from the simulator with only these faults and a fresh request log. */
  runWith(
    faults: FaultOptions,
    env?: Record<string, string>,
  ): Promise<Collection>;
}

/** Serves the fault estate to the calling test file's tests. */
export function useFaultMatrix(): FaultMatrix {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator(FAULT_ESTATE);
  });
  afterAll(() => simulator.close());
  return {
    simulator: () => simulator,
    runWith(faults, env = FAST_CLIENT_ENV) {
      simulator.setFaults(faults);
      simulator.resetRequestLog();
      return collect(
        { serverUrl: simulator.url, apiToken: 'simulator-api-token' },
        env,
      );
    },
  };
}

/** The whole core estate, each object once, every step successful. */
export function expectCompleteCoreEstate(collection: Collection) {
  const entities = countByType(collection.entities);
  const relationships = countByType(collection.relationships);
  expect(entities[Entities.AGENT._type]).toBe(FAULT_ESTATE.agents);
  expect(entities[Entities.GROUP._type]).toBe(FAULT_ESTATE.groups);
  expect(entities[Entities.SITE._type]).toBe(FAULT_ESTATE.sites);
  expect(entities[Entities.ACCOUNT._type]).toBe(1);
  expect(relationships[Relationships.ACCOUNT_HAS_GROUP._type]).toBe(
    FAULT_ESTATE.groups,
  );
  expect(relationships[Relationships.GROUP_HAS_AGENT._type]).toBe(
    FAULT_ESTATE.agents,
  );
  // Each once: the graph store keys by _key, so count distinct ids too.
  const agentIds = collection.entities
    .filter((e) => e._type === Entities.AGENT._type)
    .map((e) => e.id);
  expect(new Set(agentIds).size).toBe(FAULT_ESTATE.agents);
  expect(collection.partialTypes).toEqual([]);
  for (const status of Object.values(collection.stepStatus)) {
    expect(status).toBe('success');
  }
}
