/**
 * How the import suite reads in latest.md: one table row per case, and the targets marked
 * pass / miss. A missed target is information, never an error: speed depends on the machine.
 */
import { fmtInt, fmtMB, fmtMs, fmtRatio, fmtSeconds, MB, sizeLabel } from '../lib/units.js';
import type { ImportCase } from './import.js';
import type { TargetCheck } from './types.js';

const COLUMNS = [
  'format',
  'size',
  'rows',
  'file MB',
  'import s',
  'rows/s',
  'MB/s',
  'peak MB',
  'event-loop p99 ms',
  're-import s',
  'preview s',
  'commit after preview s',
  'sqlite3 .import s',
  'papaparse s',
  'import / sqlite3',
  'import / papaparse',
  're-import / import',
  'commit / import',
];

export function importTable(cases: readonly ImportCase[]): { columns: string[]; rows: string[][] } {
  return {
    columns: COLUMNS,
    rows: cases.map((c) => [
      c.format === 'all' ? `all (${c.files.length} files)` : c.format,
      sizeLabel(c.size),
      fmtInt(c.rows),
      fmtMB(c.bytes),
      fmtSeconds(c.import?.wallS),
      fmtInt(c.import?.rowsPerS),
      c.import ? c.import.mbPerS.toFixed(1) : '–',
      fmtMB(c.import?.peakRssBytes, 0),
      fmtMs(c.import?.cli.eventLoopP99Ms),
      fmtSeconds(c.reimport?.wallS),
      fmtSeconds(c.preview?.wallS),
      fmtSeconds(c.commitAfterPreview?.wallS),
      fmtSeconds(c.sqliteImport?.wallS),
      fmtSeconds(c.papaparse?.wallS),
      fmtRatio(c.ratios.importToSqlite),
      fmtRatio(c.ratios.importToPapaparse),
      fmtRatio(c.ratios.reimportToImport),
      fmtRatio(c.ratios.commitAfterPreviewToImport),
    ]),
  };
}

/** The headline sizes of the issue. */
const SPEED_SIZES = [100_000, 1_000_000];
const MEMORY_SIZE = 1_000_000;
const SPEED_LIMIT = 2.5;
const MEMORY_LIMIT_BYTES = 600 * MB;

const status = (value: number | null | undefined, pass: (v: number) => boolean): TargetCheck['status'] =>
  value == null ? 'not measured' : pass(value) ? 'pass' : 'miss';

export function importTargets(cases: readonly ImportCase[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const label = (c: ImportCase) => `${c.format} ${sizeLabel(c.size)}`;

  const speed = `Tmall 订单报表 import ≤ ${SPEED_LIMIT}× sqlite3 .import (at 100k and 1m)`;
  const tmall = cases.filter((c) => c.format === 'tmall' && SPEED_SIZES.includes(c.size));
  for (const c of tmall) {
    const r = c.ratios.importToSqlite;
    checks.push({
      target: speed,
      case: label(c),
      value: fmtRatio(r),
      status: status(r, (v) => v <= SPEED_LIMIT),
    });
  }
  if (tmall.length === 0) {
    checks.push({
      target: speed,
      case: 'run with --formats tmall --sizes 100k,1m',
      value: '–',
      status: 'not measured',
    });
  }

  const memory = `peak memory < ${MEMORY_LIMIT_BYTES / MB} MB (at 1m)`;
  const big = cases.filter((c) => c.format !== 'all' && c.size === MEMORY_SIZE);
  for (const c of big) {
    const peak = c.import?.peakRssBytes;
    checks.push({
      target: memory,
      case: label(c),
      value: peak == null ? '–' : `${fmtMB(peak, 0)} MB`,
      status: status(peak, (v) => v < MEMORY_LIMIT_BYTES),
    });
  }
  if (big.length === 0) {
    checks.push({ target: memory, case: 'run with --sizes 1m', value: '–', status: 'not measured' });
  }

  for (const c of cases) {
    const r = c.ratios.reimportToImport;
    checks.push({
      target: 're-import ≤ import',
      case: label(c),
      value: fmtRatio(r),
      status: status(r, (v) => v <= 1),
    });
  }
  return checks;
}
