export * from './collectPages';
export * from './context';
export * from './jobData';
export * from './pageWriter';
export * from './report';
export * from './scope';
export * from './tally';
export * from './warnings';
