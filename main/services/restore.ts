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
import { throwIfCancelled, yieldToEventLoop } from './long-work.js';

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

/** Huike's own tables, in the live database (the backup's were migrated to the same schema). */
function dataTables(sqlite: BetterSqlite3.Database): Array<{ name: string; columns: string }> {
  const names = sqlite
    .prepare(
      `SELECT name FROM main.sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all() as { name: string }[];
  return names.map(({ name }) => {
    const cols = sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
    return { name, columns: cols.map((c) => `"${c.name}"`).join(', ') };
  });
}

/** Replaces every table's rows with the attached backup's, in one transaction. */
async function replaceData(sqlite: BetterSqlite3.Database, ctx: JobContext): Promise<void> {
  const tables = dataTables(sqlite);
  const total = tables.reduce(
    (n, t) => n + (sqlite.prepare(`SELECT count(*) AS n FROM restored."${t.name}"`).get() as { n: number }).n,
    0,
  );
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Rows arrive in any table order; their references are checked once all are in.
    sqlite.pragma('defer_foreign_keys = ON');
    for (const t of tables) sqlite.exec(`DELETE FROM main."${t.name}"`);
    let done = 0;
    for (const t of tables) {
      done += sqlite
        .prepare(`INSERT INTO main."${t.name}" (${t.columns}) SELECT ${t.columns} FROM restored."${t.name}"`)
        .run().changes;
      ctx.progress?.('restoring', done, total);
      throwIfCancelled(ctx.signal);
      await yieldToEventLoop();
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
