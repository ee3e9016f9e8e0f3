/**
 * Backups: a consistent copy of the live database (SQLite's online backup), taken between writes
 * so no import is half in it. The desktop app writes it where the save dialog says, the CLI where
 * its argument says, and the browser build into the stage folder, for the browser to download once.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { HuikeDb } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import type { BackupResult } from '../domain/results.js';
import type { FileStage } from './file-stage.js';

/** True when two paths name the same file (case-insensitively where file systems usually are). */
export function sameFile(a: string, b: string, platform: string = process.platform): boolean {
  const real = (p: string) => {
    const resolved = path.resolve(p);
    try {
      return realpathSync(resolved);
    } catch {
      return resolved;
    }
  };
  const [ra, rb] = [real(a), real(b)];
  return platform === 'win32' || platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

/** `汇客备份-20261120-160500.db`, in the user's local time (what they think "now" is). */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `汇客备份-${day}-${time}.db`;
}

/**
 * Writes a backup to `target`. An existing file is refused unless the user already agreed to
 * replace it (the desktop save dialog asks); the database in use is always refused.
 */
export async function backupDatabase(
  huikeDb: HuikeDb,
  target: string,
  options: { overwrite?: boolean } = {},
): Promise<{ path: string; size: number }> {
  if (huikeDb.filename !== ':memory:' && sameFile(target, huikeDb.filename))
    throw new UserError({ code: 'backup.sameFile', params: { file: target } });
  if (existsSync(target)) {
    if (!options.overwrite) throw new UserError({ code: 'backup.targetExists', params: { file: target } });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await huikeDb.writer.exclusive(async (sqlite) => {
    await sqlite.backup(target);
  });
  return { path: target, size: statSync(target).size };
}

/** The browser build's backup: written into the stage folder and handed out once as a download. */
export async function backupForDownload(
  deps: { huikeDb: HuikeDb; stage: FileStage; stageDir: string },
  now: Date,
): Promise<Extract<BackupResult, { kind: 'download' }>> {
  await mkdir(deps.stageDir, { recursive: true });
  const target = path.join(deps.stageDir, `backup-${randomUUID()}.db`);
  await backupDatabase(deps.huikeDb, target);
  const entry = await deps.stage.adopt(backupFileName(now), target);
  return { kind: 'download', fileId: entry.fileId, name: entry.name, size: entry.size };
}
