/**
 * Restoring a backup. The file is checked first (a SQLite database, with Huike's tables and
 * migration log, of a schema this version knows) on a private copy, which is then brought up to
 * this version's schema. Then, with no other write able to start (writer.exclusive): a safety copy
 * of the current data is written beside the database, and every table is replaced by the backup's
 * in one transaction.
 *
 * Replacing the rows, rather than the file, keeps the running app's connections valid: the writer
 * and the read connection the screens use see the restored data as soon as it commits, in the
 * desktop window, the browser build and the CLI alike, and a failure rolls back to the data as it
 * was.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createDb, type HuikeDb } from '../../db/index.js';
import { migrations } from '../../db/migrations/index.js';
import { openSqlite } from '../../db/open-sqlite.js';
import { UserError } from '../domain/errors.js';
import type { RestoreResult } from '../domain/results.js';
import type { JobContext } from './import/import-types.js';
import { createSlicer, throwIfCancelled } from './long-work.js';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Tables every Huike database has had since its first version. */
const HUIKE_TABLES = ['kysely_migration', 'shops', 'orders', 'operations', 'import_batches'];

export interface RestoreDeps {
  huikeDb: HuikeDb;
  stageDir: string;
}

async function refuseUnlessSqlite(file: string, shownAs: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const { bytesRead } = await handle.read(header, 0, 16, 0);
    if (bytesRead < 16 || header.toString('latin1') !== SQLITE_MAGIC)
      throw new UserError({ code: 'backup.notHuike', params: { file: shownAs } });
  } finally {
    await handle.close();
  }
}

/** Checks the copy is a sound Huike database of a schema this version can open. */
function inspect(copy: string, shownAs: string): void {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = openSqlite(copy, { fileMustExist: true });
  } catch {
    throw new UserError({ code: 'backup.notHuike', params: { file: shownAs } });
  }
  try {
    let check: string;
    try {
      check = String(sqlite.pragma('quick_check', { simple: true }));
    } catch (error) {
      throw new UserError({ code: 'backup.notHuike', params: { file: shownAs } }, { cause: String(error) });
    }
    if (check !== 'ok')
      throw new UserError({ code: 'backup.damaged', params: { file: shownAs, detail: check.slice(0, 200) } });
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!HUIKE_TABLES.every((t) => tables.has(t)))
      throw new UserError({ code: 'backup.notHuike', params: { file: shownAs } });
    const applied = (
      sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((r) => r.name);
    const unknown = applied.filter((name) => !Object.hasOwn(migrations, name));
    if (unknown.length > 0)
      throw new UserError({
        code: 'backup.newerSchema',
        params: { file: shownAs, version: unknown.at(-1)! },
      });
    if (applied.length === 0) throw new UserError({ code: 'backup.notHuike', params: { file: shownAs } });
  } finally {
    sqlite.close();
  }
}

/** `huike-before-restore-20261120-160500.db` beside the database (the stage folder for :memory:). */
export function safetyCopyPath(dbPath: string, stageDir: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const inMemory = dbPath === ':memory:';
  const dir = inMemory ? stageDir : path.dirname(path.resolve(dbPath));
  const base = inMemory ? 'huike' : path.basename(dbPath, path.extname(dbPath));
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}-before-restore-${stamp}${n === 1 ? '' : `-${n}`}.db`);
    if (!existsSync(candidate)) return candidate;
  }
}

interface DataTable {
  name: string;
  columns: string;
  /** A rowid table is copied a range of rowids at a time; a WITHOUT ROWID table whole. */
  hasRowid: boolean;
}

/** Huike's own tables, in the live database (the backup's were migrated to the same schema). */
function dataTables(sqlite: BetterSqlite3.Database): DataTable[] {
  const tables = sqlite
    .prepare(
      `SELECT name, sql FROM main.sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  return tables.map(({ name, sql }) => {
    const cols = sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
    return {
      name,
      columns: cols.map((c) => `"${c.name}"`).join(', '),
      hasRowid: !/WITHOUT\s+ROWID/i.test(sql),
    };
  });
}

/** Rows per statement: the desktop app's main process gets a turn between slices. */
const SLICE = 20_000;

/** Replaces every table's rows with the attached backup's, in one transaction. */
async function replaceData(sqlite: BetterSqlite3.Database, ctx: JobContext): Promise<void> {
  const tables = dataTables(sqlite);
  const count = (schema: string, t: DataTable) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${schema}."${t.name}"`).get() as { n: number }).n;
  const total = tables.reduce((n, t) => n + count('main', t) + count('restored', t), 0);
  const slicer = createSlicer();
  let done = 0;
  const step = async (rows: number) => {
    done += rows;
    ctx.progress?.('restoring', done, total);
    throwIfCancelled(ctx.signal);
    await slicer.maybeYield();
  };
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Rows arrive in any table order; their references are checked once all are in.
    sqlite.pragma('defer_foreign_keys = ON');
    for (const t of tables) {
      if (!t.hasRowid) {
        await step(sqlite.prepare(`DELETE FROM main."${t.name}"`).run().changes);
        continue;
      }
      const remove = sqlite.prepare(
        `DELETE FROM main."${t.name}" WHERE rowid IN (SELECT rowid FROM main."${t.name}" LIMIT ${SLICE})`,
      );
      for (let n = remove.run().changes; n > 0; n = remove.run().changes) await step(n);
    }
    for (const t of tables) {
      const copy = `INSERT INTO main."${t.name}" (${t.columns}) SELECT ${t.columns} FROM restored."${t.name}"`;
      if (!t.hasRowid) {
        await step(sqlite.prepare(copy).run().changes);
        continue;
      }
      const { first, last } = sqlite
        .prepare(`SELECT min(rowid) AS first, max(rowid) AS last FROM restored."${t.name}"`)
        .get() as { first: number | null; last: number | null };
      if (first === null || last === null) continue;
      const slice = sqlite.prepare(`${copy} WHERE rowid >= @lo AND rowid < @hi`);
      for (let lo = first; lo <= last; lo += SLICE) await step(slice.run({ lo, hi: lo + SLICE }).changes);
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

export async function restoreDatabase(
  deps: RestoreDeps,
  source: { path: string; shownAs: string },
  ctx: JobContext,
): Promise<RestoreResult> {
  await refuseUnlessSqlite(source.path, source.shownAs);
  await mkdir(deps.stageDir, { recursive: true });
  const copy = path.join(deps.stageDir, `restore-${randomUUID()}.db`);
  try {
    await copyFile(source.path, copy);
    inspect(copy, source.shownAs);
    // An older backup gets this version's later migrations, as the app does at start.
    const migrated = await createDb({ filename: copy });
    await migrated.close();

    const safetyCopy = safetyCopyPath(deps.huikeDb.filename, deps.stageDir, ctx.now());
    await deps.huikeDb.writer.exclusive(async (sqlite) => {
      ctx.progress?.('backingUp', 0, 1);
      await sqlite.backup(safetyCopy);
      sqlite.prepare('ATTACH DATABASE ? AS restored').run(copy);
      try {
        await replaceData(sqlite, ctx);
      } finally {
        sqlite.exec('DETACH DATABASE restored');
      }
    });
    const count = (table: string) =>
      (deps.huikeDb.readSqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { file: source.shownAs, safetyCopy, shops: count('shops'), orders: count('orders') };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${copy}${suffix}`, { force: true });
  }
}
