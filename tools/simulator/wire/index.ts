/**
 * The simulator's own wire types, written from the vendor's v2.1
 * specification: the simulator imports nothing from the collector.
 */
export * from './common';
export * from './deviations';
export * from './accounts';
export * from './sites';
export * from './groups';
export * from './agents';
export * from './threats';
export * from './applications';
export * from './system';
export * from './policies';
export * from './exclusions';
export * from './users';
