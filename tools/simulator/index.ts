/**
 * The project's SentinelOne Management API v2.1 simulator, used by the tests,
 * the demo and the benchmark. `server.ts` documents its behaviour, `cli.ts` its
 * command line.
 */
export {
  generateEstate,
  estateTotals,
  threatsInPolicy,
  countThreatsInPolicy,
  threatUpdatedMicros,
  inventoryRows,
  resolveEstateOptions,
  makeId,
  ID_TYPES,
  MISC_ID_RANGES,
} from './estate';
export type {
  Estate,
  EstateOptions,
  EstateTotals,
  EstateCompact,
  EstateApplication,
  EstateApplicationVersion,
  EstateCve,
  EstateInstall,
  EstateRisk,
  RecordScope,
  ResolvedEstateOptions,
  SimApplicationInstall,
  SimUser,
} from './estate';
export {
  startSimulator,
  errorBody,
  API_PREFIX,
  DEFAULT_TOKEN,
  STATS_PATH,
} from './server';
export type {
  FaultOptions,
  RunningSimulator,
  SimulatorOptions,
  SimulatorRequest,
} from './server';
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
