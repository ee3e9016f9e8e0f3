/**
 * Where stagings live and when one can be reused. A staging is keyed by the file (its path, size,
 * modification time and inode: a changed file is another key) and by every option that changes what
 * is read (format, encoding, mapping, currency, shop), so a commit after a preview finds the preview's
 * staging and does not parse again. Inside, the staging records the file's SHA-256 (computed while
 * it was read), which is what the import history and "already imported" use.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../../db/open-sqlite.js';
import type { ColumnMapping, TextEncoding } from '../../domain/import/index.js';
import type { ImportFormat } from '../../domain/orders/types.js';
import type { ParsedFileMeta } from './parse-file.js';
import {
  PROBLEM_COLUMNS,
  readStagingMeta,
  STAGING_VERSION,
  toRowProblem,
  type StagedSummary,
  type StoredProblem,
} from './staging.js';

/** A complete staging: what reading the file learnt, and what its rows add up to. */
export interface StagedFileMeta extends ParsedFileMeta {
  summary: StagedSummary;
}

export interface StagingOptions {
  format?: ImportFormat;
  encoding?: TextEncoding;
  mapping?: ColumnMapping;
  currency?: string;
  shopName?: string;
  shopHint?: string;
}

/**
 * How long a staging is kept after it was last used (a preview never committed, or a committed file
 * that may be imported again), and how much disk all of them may take: the oldest go first.
 */
const KEEP_MS = 7 * 24 * 3600_000;
const KEEP_BYTES = 2 * 1024 ** 3;

export function stagingPathFor(stagingDir: string, filePath: string, options: StagingOptions): string {
  const info = statSync(filePath);
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        file: path.resolve(filePath),
        size: info.size,
        mtime: info.mtimeMs,
        ino: info.ino,
        options,
        version: STAGING_VERSION,
      }),
    )
    .digest('hex')
    .slice(0, 32);
  mkdirSync(stagingDir, { recursive: true });
  return path.join(stagingDir, `${key}.db`);
}

/** The meta of a complete staging at `file`, or null. */
export function readStagedFile(file: string): StagedFileMeta | null {
  let sqlite;
  try {
    sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    const meta = readStagingMeta(sqlite);
    return meta ? (meta.file as StagedFileMeta) : null;
  } finally {
    sqlite.close();
  }
}

/** The first refused rows of a staging, for the preview. */
export function readStagedProblems(file: string, limit: number) {
  const sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return (
      sqlite
        .prepare(`SELECT ${PROBLEM_COLUMNS} FROM st_problems ORDER BY seq LIMIT ?`)
        .all(limit) as StoredProblem[]
    ).map(toRowProblem);
  } finally {
    sqlite.close();
  }
}

export function removeStaging(file: string): void {
  rmSync(file, { force: true });
}

/** Marks a staging as just used, so the sweep keeps it longest. */
export function keepStaging(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Already gone: nothing to keep.
  }
}

/** Deletes stagings unused for a week, then the least recently used until all fit the size bound. */
export function sweepStagings(stagingDir: string, now = Date.now(), maxBytes = KEEP_BYTES): void {
  let names: string[];
  try {
    names = readdirSync(stagingDir);
  } catch {
    return;
  }
  const kept: Array<{ file: string; used: number; size: number }> = [];
  for (const name of names) {
    const file = path.join(stagingDir, name);
    try {
      const info = statSync(file);
      if (now - info.mtimeMs > KEEP_MS) rmSync(file, { force: true });
      else kept.push({ file, used: info.mtimeMs, size: info.size });
    } catch {
      // Gone already, or in use by another instance: leave it.
    }
  }
  let total = kept.reduce((sum, k) => sum + k.size, 0);
  for (const k of kept.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    try {
      rmSync(k.file, { force: true });
      total -= k.size;
    } catch {
      // In use by another instance: leave it.
    }
  }
}
