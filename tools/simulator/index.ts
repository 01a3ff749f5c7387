/**
 * The project's SentinelOne Management API v2.1 simulator, used by the tests,
 * the demo and the benchmark. `server/index.ts` documents its behaviour,
 * `cli.ts` its command line, `wire/` the records it serves (from the vendor's
 * specification) and `estate/variations.ts` the real-world variations.
 */
export {
  generateEstate,
  estateTotals,
  threatsInPolicy,
  threatUpdatedMicros,
  inventoryRows,
  resolveEstateOptions,
  makeId,
  ID_TYPES,
  MISC_ID_RANGES,
} from './estate';
export type {
  AgentVariation,
  Estate,
  EstateOptions,
  EstateTotals,
  EstateCompact,
  EstateApplication,
  EstateApplicationVersion,
  EstateCve,
  EstateInstall,
  EstateRisk,
  HostKind,
  RecordScope,
  ResolvedEstateOptions,
  SimApplicationInstall,
  SimUser,
  VariationCounts,
} from './estate';
export {
  startSimulator,
  errorBody,
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
export {
  generatePosture,
  isPosturePath,
  postureRouter,
  POSTURE_PERMISSIONS,
} from './posture';
export type {
  PostureAccess,
  PostureEstate,
  PosturePermission,
  PostureTotals,
} from './posture';
export {
  Random,
  mulberry32,
  hash32,
  hashUnit,
  isoMicros,
  parseIsoMicros,
} from './random';

/** Alias of `threatsInPolicy`, kept for existing callers. */
export { threatsInPolicy as countThreatsInPolicy } from './estate';
