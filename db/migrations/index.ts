import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';

/**
 * The static, numbered list of migrations. A static list (not a folder scan) survives bundling
 * into the app archive. Append only; never edit or reorder a released entry.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};
