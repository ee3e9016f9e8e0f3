/** A fresh, migrated in-memory database per test, and a fixed clock. */
import { createDb, type HuikeDb } from '../../db/index.js';

export const FIXED_NOW = new Date('2026-11-20T08:00:00.000Z');
export const fixedClock = () => FIXED_NOW;

export function freshDb(): Promise<HuikeDb> {
  return createDb({ filename: ':memory:' });
}
