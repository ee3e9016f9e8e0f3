/**
 * The privacy log: showing buyers' data in full (an unmasked print or export) and deleting it on
 * request are recorded in the operation log like every other change — who (the computer's user
 * and the front door), what, when — so the owner can show what was done with personal data.
 */
import os from 'node:os';
import type { HuikeDb } from '../../../db/index.js';
import { newOperation } from '../operation-log.js';

export type FrontDoor = 'app' | 'cli';

/** The computer's user name, as far as the system says. */
export function whoIsAsking(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface UnmaskRecord {
  what: 'print' | 'export';
  front: FrontDoor;
  /** The segment's name, or null for an unsaved filter. */
  segment: string | null;
  filter: object;
  rows: number;
  format?: string;
  columns: readonly string[];
}

export function logUnmask(huikeDb: HuikeDb, record: UnmaskRecord, now: string): Promise<number> {
  return huikeDb.writer.transaction(async (tx) =>
    newOperation(tx, 'unmask', now, { ...record, who: whoIsAsking() }),
  );
}
