import type BetterSqlite3 from 'better-sqlite3';
import { withWriteLock } from './transaction.js';

/** A consistent copy of the live database (SQLite's online backup), taken between writes. */
export function backupDatabase(sqlite: BetterSqlite3.Database, target: string): Promise<void> {
  return withWriteLock(async () => {
    await sqlite.backup(target);
  });
}
