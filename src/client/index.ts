export * from './SentinelOneClient';
export { runClient } from './runClient';
export { apiErrorCodes, MAX_URL_BYTES } from './transport';
export type { ClientLogger, RequestCounters } from './transport';
export type { IterationSummary, PageHandler, PageInfo } from './paginate';
export { DEFAULT_TUNING, tuningFromEnvironment } from './options';
export type { ClientTuning } from './options';
export * from './types';
