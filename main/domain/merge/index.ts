/**
 * The buyer merge's pure part (design: ../shared/design/identity.md §5): identity records per
 * account, field comparisons with levels and weights in bits, blocking keys, pair scores with
 * zones, and the constrained clustering. The service (services/merge) reads and writes the database.
 */
export * from './records.js';
export * from './params.js';
export * from './compare.js';
export * from './blocking.js';
export * from './score.js';
export * from './cluster.js';
export * from './stable-ids.js';
export * from './login.js';
export * from './shared-phones.js';
export * from './name-lengths.js';
