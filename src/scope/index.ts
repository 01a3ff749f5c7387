export * from './types';
export {
  accountIdsInScope,
  agentStreams,
  chunkIds,
  ID_FILTER_BUDGET_BYTES,
  iterateEach,
  scopeFilters,
  singleIdFilters,
  siteIdsInScope,
} from './filters';
export {
  describeUnmatchedIds,
  resolveScope,
  runScope,
  SITE_USER_REFUSED_CODE,
} from './resolve';
