import type { HuikeDb } from '../../db/index.js';

/** A consistent copy of the live database (SQLite's online backup), taken between writes. */
export function backupDatabase(huikeDb: HuikeDb, target: string): Promise<void> {
  return huikeDb.writer.exclusive(async (sqlite) => {
    await sqlite.backup(target);
  });
}
