import { executeStepWithDependencies } from '@jupiterone/integration-sdk-testing';

import { invocationConfig } from '../src';
import { IntegrationConfig } from '../src/config';
import { SimulatorOptions, startSimulator } from '../tools/simulator';
import { setupSentinelOneRecording } from './recording';

export const SIMULATOR_TOKEN = 'simulator-api-token';

/** The small estate every step test records against. */
export const STEP_TEST_ESTATE: SimulatorOptions = {
  seed: 3,
  accounts: 1,
  sites: 2,
  groups: 5,
  agents: 30,
  threats: 12,
  applications: 5,
};

/**
 * Runs one step and the steps it depends on against the simulator, through a
 * Polly recording named after the step (replayed in CI).
 */
export async function runStep(
  stepId: string,
  directory: string,
  options: {
    recordingName?: string;
    simulator?: SimulatorOptions;
    config?: Partial<IntegrationConfig>;
  } = {},
) {
  const simulator = await startSimulator({
    ...STEP_TEST_ESTATE,
    ...options.simulator,
  });
  const recording = setupSentinelOneRecording(
    directory,
    options.recordingName ?? stepId,
  );
  try {
    const result = await executeStepWithDependencies({
      stepId,
      invocationConfig: invocationConfig as any,
      instanceConfig: {
        serverUrl: simulator.url,
        apiToken: SIMULATOR_TOKEN,
        ...options.config,
      },
    });
    return { ...result, totals: simulator.totals, estate: simulator.estate };
  } finally {
    await recording.stop();
    await simulator.close();
  }
}

type StepResult = Awaited<ReturnType<typeof runStep>>;

/**
 * `toMatchStepMetadata` in SDK 8 refuses steps with mapped relationships:
 * check the direct part against the metadata without them; tests assert the
 * mapped relationships themselves.
 */
export function expectToMatchStepMetadata(
  result: StepResult,
  stepId: string,
): void {
  const withoutMapped = {
    ...invocationConfig,
    integrationSteps: invocationConfig.integrationSteps.map((step) => ({
      ...step,
      mappedRelationships: undefined,
    })),
  };
  expect({
    ...result,
    collectedRelationships: result.collectedRelationships.filter(
      (r) => !r._mapping,
    ),
  }).toMatchStepMetadata({
    stepId,
    invocationConfig: withoutMapped as any,
    instanceConfig: {},
  });
}
