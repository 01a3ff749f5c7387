export * from './types';
export {
  accountIdsInScope,
  agentStreams,
  chunkIds,
  iterateEach,
  scopeFilters,
  singleIdFilters,
} from './filters';
export { describeUnmatchedIds, runScope } from './resolve';
