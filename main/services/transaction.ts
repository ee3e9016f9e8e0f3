/**
 * One write transaction that may span awaits (a streamed import reads the file between writes),
 * with a lock so that no other write (an undo, a second import) runs inside it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CancelledError } from '../domain/errors.js';

let tail: Promise<unknown> = Promise.resolve();

/** Runs `work` after every earlier write finished: writes never interleave. */
export function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

/**
 * BEGIN IMMEDIATE … COMMIT around async work; any error (including a cancel) rolls back, so a
 * batch is written whole or not at all.
 */
export async function inTransaction<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  return withWriteLock(async () => {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  });
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Lets the event loop breathe (progress events, IPC, HTTP) during long synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Long work runs in slices: `maybeYield()` gives the event loop a turn once the current slice has
 * run `sliceMs`. In Electron this work runs in the main process, where a long slice would hold up
 * menus, IPC and the progress events the window shows.
 */
export function createSlicer(sliceMs = 20): { maybeYield(): Promise<void> } {
  let sliceStart = performance.now();
  return {
    async maybeYield() {
      if (performance.now() - sliceStart < sliceMs) return;
      await yieldToEventLoop();
      sliceStart = performance.now();
    },
  };
}
