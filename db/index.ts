import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { applyPragmas, applyReaderPragmas } from './pragmas.js';
import { openSqlite } from './open-sqlite.js';
import type { Database } from './schema.js';
import { createWriter, type Writer, type WriteTx } from './writer.js';

export type Db = Kysely<Database>;
export type * from './schema.js';
export type { Writer, WriteTx };

export interface HuikeDb {
  /** The only way to write: one queue, one transaction at a time (writer.ts). */
  writer: Writer;
  /**
   * A second, read-only connection for screens and reports. A long import keeps its transaction
   * open across awaits on the write connection; reads here see the last committed state (WAL), so
   * a dashboard refreshed mid-import never shows half a batch. In-memory databases (tests) have a
   * single connection, so there it is the write connection.
   */
  reader: Db;
  /** The same read connection, raw, for the few hot reads where prepared statements matter. */
  readSqlite: BetterSqlite3.Database;
  filename: string;
  close(): Promise<void>;
}

/** Opens (or creates) the database file, sets the pragmas and runs every pending migration. */
export async function createDb(options: { filename: string }): Promise<HuikeDb> {
  const inMemory = options.filename === ':memory:';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(options.filename)), { recursive: true });
  const sqlite = openSqlite(options.filename);
  applyPragmas(sqlite, inMemory);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  let reader = db;
  let readSqlite = sqlite;
  if (!inMemory) {
    readSqlite = openSqlite(options.filename, { readonly: true });
    applyReaderPragmas(readSqlite);
    reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: readSqlite }) });
  }
  return {
    writer: createWriter(sqlite),
    reader,
    readSqlite,
    filename: options.filename,
    async close() {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
