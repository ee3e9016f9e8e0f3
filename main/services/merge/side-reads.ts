/**
 * The two reads of an incremental merge run that cost the most at 500k accounts, made on the shared
 * worker thread beside the writing one (a second, read-only connection sees the last committed
 * data, as the run does: it has not committed). The earlier accounts that share a new account's
 * blocking keys are looked up there while the writing thread writes those keys; the block
 * partners' records are read half there, half here. The month's run after an import at 500k
 * accounts: 3.1–3.3 s before, 2.4–2.8 s after, on 2 cores.
 *
 * The SQL is here once, for both threads. `SideReads` is how the plan reaches the worker; without
 * it (an in-memory database) everything is read on the writing thread.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { blockCap } from '../../domain/merge/index.js';
import { recordRowsOf, type RecordRows } from './load.js';

type Sqlite = BetterSqlite3.Database;

/** (key, account) rows, as two columns: they cross to the worker thread without a per-row array. */
export interface KeyRows {
  keys: string[];
  accounts: number[];
}

/** What the worker thread reads for a merge run (import/worker-jobs.ts mergeReadInWorker). */
export type SideRead = { what: 'key-rows'; keys: string[]; cap: number } | { what: 'records'; ids: number[] };

export interface SideReads {
  /** Fewer items than this are read on one thread: the worker's round trip would cost more. */
  splitFrom: number;
  keyRows(keys: string[], cap: number): Promise<KeyRows>;
  recordRows(ids: number[]): Promise<RecordRows>;
}

/**
 * The merge_keys rows of these keys, of present accounts (the keys of accounts an undone import
 * removed point nowhere). A block whose cap is below the run's (a login name's:
 * blocking.ts blockCap) pairs nobody past it, so only its first cap + 1 present accounts are read:
 * a common name's hundreds are not. All keys of one cap go to SQLite in one statement (per-key
 * statements cost twice as much at 80k keys).
 */
export function keyRowsOf(sqlite: Sqlite, keys: readonly string[], cap: number): KeyRows {
  const byCap = new Map<number, string[]>();
  for (const key of keys) {
    const c = blockCap(key, cap);
    const list = byCap.get(c);
    if (list) list.push(key);
    else byCap.set(c, [key]);
  }
  const all = sqlite
    .prepare(
      `SELECT k.key, k.account_id FROM json_each(?) j JOIN merge_keys k ON k.key = j.value
       JOIN buyer_accounts a ON a.id = k.account_id`,
    )
    .raw();
  const firstOfEach = sqlite
    .prepare(
      `SELECT key, account_id FROM (
         SELECT k.key, k.account_id, row_number() OVER (PARTITION BY k.key ORDER BY k.account_id) AS n
         FROM json_each(?) j JOIN merge_keys k ON k.key = j.value
         JOIN buyer_accounts a ON a.id = k.account_id)
       WHERE n <= ?`,
    )
    .raw();
  const rows: KeyRows = { keys: [], accounts: [] };
  for (const [c, list] of byCap) {
    const json = JSON.stringify(list);
    const found = (c >= cap ? all.iterate(json) : firstOfEach.iterate(json, c + 1)) as IterableIterator<
      [string, number]
    >;
    for (const [key, id] of found) {
      rows.keys.push(key);
      rows.accounts.push(id);
    }
  }
  return rows;
}

/** Runs a side read on a read-only connection of its own (the worker thread's). */
export function runSideRead(sqlite: Sqlite, read: SideRead): KeyRows | RecordRows {
  return read.what === 'key-rows' ? keyRowsOf(sqlite, read.keys, read.cap) : recordRowsOf(sqlite, read.ids);
}
