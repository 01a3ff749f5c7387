/**
 * The project's SentinelOne Management API v2.1 simulator, used by the tests,
 * the demo and the benchmark: what they use, and nothing else. `server/index.ts`
 * documents its behaviour, `cli.ts` its command line, `wire/` the records it
 * serves (from the vendor's specification) and `estate/variations.ts` the
 * real-world variations.
 */
export {
  generateEstate,
  estateTotals,
  threatsInPolicy,
  threatUpdatedMicros,
} from './estate';
export type {
  Estate,
  EstateOptions,
  EstateTotals,
  VariationCounts,
} from './estate';
export {
  startSimulator,
  API_PREFIX,
  DEFAULT_TOKEN,
  MAX_URL_BYTES,
  STATS_PATH,
} from './server';
export type {
  FaultOptions,
  RunningSimulator,
  SimulatorOptions,
  SimulatorRequest,
  TokenScope,
} from './server';
export { REAL_WORLD_DEVIATIONS } from './wire';
export type { PosturePermission } from './posture';
