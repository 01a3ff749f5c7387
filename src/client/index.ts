export * from './SentinelOneClient';
export { apiErrorCodes } from './http';
export type { ClientLogger } from './http';
export type { IterationSummary, PageHandler, PageInfo } from './paginate';
export { DEFAULT_TUNING, tuningFromEnvironment } from './options';
export type { ClientTuning } from './options';
export * from './types';
