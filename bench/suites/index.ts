/** The suites `npm run bench` knows, in the order they run. A new suite: one file, one line here. */
import { clvSuite } from './clv.js';
import { importSuite } from './import.js';
import { mergeSuite } from './merge.js';
import { valueSuite } from './value.js';
import { profitSuite } from './profit.js';
import type { Suite } from './types.js';

export const SUITES: readonly Suite[] = [importSuite, mergeSuite, clvSuite, valueSuite, profitSuite];
