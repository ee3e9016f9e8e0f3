/**
 * Baseline: the sqlite3 shell's `.import` of the same CSV into a bare table of a fresh database —
 * the cost of reading the bytes and storing the rows, with no decoding, validation or model. The
 * shell takes GBK bytes as they are, which is fine for this purpose. Several files (the "all
 * formats" case) are imported by one shell process, one table each.
 */
import { runMeasured, type ProcessResult, type RunOptions } from '../lib/measure.js';

export const SQLITE3 = process.env.HUIKE_BENCH_SQLITE3 || 'sqlite3';

/** `3.40.1 2022-12-28 …` → `3.40.1`; null when the shell is not installed. */
export async function sqliteVersion(): Promise<string | null> {
  const r = await runMeasured([SQLITE3, '--version'], { timeoutS: 30 });
  if (r.exitCode !== 0) return null;
  return r.stdout.trim().split(/\s+/)[0] ?? null;
}

/** A dot-command argument: double-quoted, with the shell's backslash escapes. */
function quoteArg(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Timed: `sqlite3 -bail DB ".mode csv" ".import FILE t1" …`. */
export function sqliteImport(
  db: string,
  files: readonly string[],
  options: RunOptions,
): Promise<ProcessResult> {
  const imports = files.map((file, i) => `.import ${quoteArg(file)} t${i + 1}`);
  return runMeasured([SQLITE3, '-bail', db, '.mode csv', ...imports], options);
}

/**
 * Not timed: the rows the shell stored (its first line of each file became the column names), to
 * check the generated CSV is what it claims to be. null when the count cannot be read.
 */
export async function sqliteRowCount(db: string, tables: number): Promise<number | null> {
  const parts = Array.from({ length: tables }, (_, i) => `(SELECT count(*) FROM t${i + 1})`);
  const r = await runMeasured([SQLITE3, db, `SELECT ${parts.join(' + ')};`], { timeoutS: 300 });
  const n = Number(r.stdout.trim());
  return r.exitCode === 0 && Number.isInteger(n) ? n : null;
}
