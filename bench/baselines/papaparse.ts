/** Baseline runner for papaparse-count.mjs: one plain Node process per measurement. */
import path from 'node:path';
import type { DataFile } from '../generate/index.js';
import { BENCH_DIR } from '../lib/paths.js';
import { runMeasured, type ProcessResult, type RunOptions } from '../lib/measure.js';

const SCRIPT = path.join(BENCH_DIR, 'baselines', 'papaparse-count.mjs');

export function papaparseCount(files: readonly DataFile[], options: RunOptions): Promise<ProcessResult> {
  const args = files.flatMap((f) => [f.encoding === 'gbk' ? 'gb18030' : 'utf-8', f.path]);
  return runMeasured([process.execPath, SCRIPT, ...args], options);
}

/** The row count the script printed; null when it printed none. */
export function papaparseRows(result: ProcessResult): number | null {
  try {
    const rows = (JSON.parse(result.stdout) as { rows?: unknown }).rows;
    return typeof rows === 'number' ? rows : null;
  } catch {
    return null;
  }
}
