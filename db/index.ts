import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIGRATION_TABLE, Kysely, Migrator, SqliteDialect } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { DatabaseOpenError, databaseProblemOf } from './open-errors.js';
import { applyPragmas, applyReaderPragmas } from './pragmas.js';
import { openSqlite } from './open-sqlite.js';
import type { Database } from './schema.js';
import { createWriter, type Writer, type WriteTx } from './writer.js';

export type Db = Kysely<Database>;
export type * from './schema.js';
export type { Writer, WriteTx };
export { DatabaseOpenError, databaseProblemOf, type DatabaseProblem } from './open-errors.js';

const MIGRATION_TABLE = DEFAULT_MIGRATION_TABLE;

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
  /** True when this call created the file (the CLI says so: a mistyped --db is then visible). */
  created: boolean;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  filename: string;
  /** False: a missing file is an error (a command that only reads must not create one). */
  create?: boolean;
}

/**
 * Opens (or creates) the database file, checks it is Huike's, sets the pragmas and runs every
 * pending migration. Anything in the way — no file, not a database, another program's database, a
 * newer Huike's, a read-only folder, a full disk — is a DatabaseOpenError naming the file.
 */
export async function createDb(options: CreateDbOptions): Promise<HuikeDb> {
  if (options.filename === ':memory:') return openDb(options.filename, { created: false, inMemory: true });
  const file = path.resolve(options.filename);
  const existing = statOrNull(file);
  if (existing?.isDirectory()) throw new DatabaseOpenError('is-folder', file);
  if (!existing && options.create === false) throw new DatabaseOpenError('not-found', file);
  if (!existing) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      throw classified(error, 'create', file);
    }
  }
  return openDb(options.filename, { created: !existing, inMemory: false });
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function classified(error: unknown, step: 'create' | 'open' | 'use', file: string): unknown {
  const problem = databaseProblemOf(error, step);
  return problem ? new DatabaseOpenError(problem, file, undefined, { cause: error }) : error;
}

async function openDb(filename: string, how: { created: boolean; inMemory: boolean }): Promise<HuikeDb> {
  const file = how.inMemory ? filename : path.resolve(filename);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = openSqlite(filename);
  } catch (error) {
    throw classified(error, how.created ? 'create' : 'open', file);
  }
  let readSqlite: BetterSqlite3.Database | null = null;
  try {
    // Before the pragmas: WAL mode is written into the file, and another program's is left alone.
    checkIsHuikeDatabase(sqlite, file);
    applyPragmas(sqlite, how.inMemory);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db);
    let reader = db;
    readSqlite = sqlite;
    if (!how.inMemory) {
      readSqlite = openSqlite(filename, { readonly: true });
      applyReaderPragmas(readSqlite);
      reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: readSqlite }) });
    }
    return {
      writer: createWriter(sqlite),
      reader,
      readSqlite,
      filename,
      created: how.created,
      async close() {
        if (reader !== db) await reader.destroy();
        await db.destroy();
      },
    };
  } catch (error) {
    if (readSqlite && readSqlite !== sqlite) readSqlite.close();
    sqlite.close();
    if (error instanceof DatabaseOpenError) throw error;
    // A failed migration wraps the SQLite error that says why (read-only, disk full).
    const sqliteError = error instanceof Error && error.cause ? error.cause : error;
    const problem = databaseProblemOf(sqliteError, 'use');
    throw problem ? new DatabaseOpenError(problem, file, undefined, { cause: error }) : error;
  }
}

/**
 * A file with tables but not our migration log is another program's database; one whose log names
 * migrations this build does not have was written by a newer Huike. Neither is touched: migrating
 * them would write our tables into someone else's file, or an old schema over a newer one.
 */
function checkIsHuikeDatabase(sqlite: BetterSqlite3.Database, file: string): void {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length === 0) return;
  if (!tables.includes(MIGRATION_TABLE)) throw new DatabaseOpenError('not-huike', file);
  const applied = sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all() as string[];
  const unknown = applied.filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length === 0) return;
  // Our migrations are numbered (0001-initial); anything else came from another Kysely app.
  if (unknown.every((name) => /^\d{4}-/.test(name))) {
    throw new DatabaseOpenError('newer-schema', file, unknown.sort().at(-1));
  }
  throw new DatabaseOpenError('not-huike', file);
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
