/**
 * The one writer. Every write to the database goes through `writer.transaction(work)`: works run
 * one after another, each inside its own BEGIN IMMEDIATE … COMMIT, and get a `WriteTx` that is the
 * only way to the write connection. The transaction may span awaits (a long import yields to the
 * event loop between slices), so a write that did not come through the queue could otherwise land
 * inside someone else's transaction and be rolled back with it — `tx.sqlite` refuses once its
 * transaction is over, and write helpers take a WriteTx, so no such write can exist.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface WriteTx {
  /** The write connection; throws if this transaction has ended. */
  readonly sqlite: BetterSqlite3.Database;
  /** Databases attached for this transaction (staging files), by the alias they were given. */
  readonly attached: readonly string[];
}

export interface Writer {
  /**
   * Runs `work` in a write transaction after every earlier one ended. `attach` (alias → file) is
   * attached before BEGIN and detached after the end: SQLite cannot attach inside a transaction.
   * Any error (a cancel too) rolls back: the work is written whole or not at all.
   */
  transaction<T>(
    work: (tx: WriteTx) => Promise<T>,
    options?: { attach?: Record<string, string> },
  ): Promise<T>;
  /**
   * Adds work that runs at the end of every write transaction, just before COMMIT, inside it:
   * derived tables kept exactly in step with whatever the transaction wrote (the profit facts).
   */
  beforeCommit(hook: (tx: WriteTx) => void | Promise<void>): void;
  /** Runs `work` between transactions, when no write is in progress (an online backup). */
  exclusive<T>(work: (sqlite: BetterSqlite3.Database) => Promise<T>): Promise<T>;
}

export function createWriter(sqlite: BetterSqlite3.Database): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const commitHooks: Array<(tx: WriteTx) => void | Promise<void>> = [];
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    transaction(work, options = {}) {
      return enqueue(async () => {
        const aliases = Object.keys(options.attach ?? {});
        for (const alias of aliases) {
          if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad attach alias ${alias}`);
          sqlite.prepare(`ATTACH DATABASE ? AS ${alias}`).run(options.attach![alias]);
          // Attached files are scratch (import stagings), deleted once the transaction ends,
          // whether it commits or rolls back: no journal, no fsync.
          sqlite.pragma(`${alias}.journal_mode = OFF`);
          sqlite.pragma(`${alias}.synchronous = OFF`);
        }
        let open = true;
        const tx: WriteTx = {
          get sqlite() {
            if (!open || !sqlite.inTransaction)
              throw new Error('write outside its transaction: every write must go through the writer');
            return sqlite;
          },
          attached: aliases,
        };
        try {
          sqlite.exec('BEGIN IMMEDIATE');
          try {
            const result = await work(tx);
            for (const hook of commitHooks) await hook(tx);
            sqlite.exec('COMMIT');
            return result;
          } catch (error) {
            if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
            throw error;
          }
        } finally {
          open = false;
          for (const alias of aliases) sqlite.exec(`DETACH DATABASE ${alias}`);
        }
      });
    },
    beforeCommit(hook) {
      commitHooks.push(hook);
    },
    exclusive(work) {
      return enqueue(() => work(sqlite));
    },
  };
}
