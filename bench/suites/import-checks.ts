/**
 * Sanity checks of the import suite. Generated files are valid by construction, so every row must
 * be accounted for and imported, and a second import of the same file must change nothing. A
 * failed check means a broken importer or a broken generator — either way the numbers beside it
 * are not worth reading, and `bench:smoke` fails.
 */
import path from 'node:path';
import type { DataFile } from '../generate/index.js';
import type { ImportBatch } from '../lib/huike-cli.js';

export interface CheckSink {
  failure(message: string): void;
  note(message: string): void;
}

/** What the checks need to know of a generated file (the identity benchmark's files too). */
export type CheckedFile = Pick<DataFile, 'path' | 'format' | 'rows' | 'orders'>;

/** The batch of one file: matched by file name when the CLI reports it, else by position. */
function batchFor(
  batches: readonly ImportBatch[],
  file: CheckedFile,
  index: number,
): ImportBatch | undefined {
  const name = path.basename(file.path);
  return batches.find((b) => b.file != null && path.basename(b.file) === name) ?? batches[index];
}

/**
 * `fresh`: an import into a database that has none of these orders. `again`: the same files into
 * the database that already holds them: 0 inserted and 0 updated, orders and lines alike.
 */
export function checkImport(
  step: string,
  files: readonly CheckedFile[],
  batches: readonly ImportBatch[],
  mode: 'fresh' | 'again',
  sink: CheckSink,
): void {
  if (batches.length !== files.length) {
    sink.failure(`${step}: ${batches.length} batches reported for ${files.length} files`);
  }
  files.forEach((file, i) => {
    const b = batchFor(batches, file, i);
    const name = path.basename(file.path);
    if (!b) return;
    if (b.platform != null && b.platform !== file.format) {
      sink.failure(`${step}: ${name} was read as ${b.platform}, not ${file.format}`);
    }
    if (b.rows !== file.rows) sink.failure(`${step}: ${name}: ${b.rows} rows read, ${file.rows} generated`);
    if (b.rowsImported + b.rowsRefused !== b.rows) {
      sink.failure(
        `${step}: ${name}: ${b.rowsImported} imported + ${b.rowsRefused} refused ≠ ${b.rows} rows read`,
      );
    }
    if (b.rowsRefused !== 0) {
      const why = (b.problems ?? b.skipped ?? [])
        .slice(0, 3)
        .map((s) => `row ${s.row ?? '?'} ${s.column ?? ''}: ${s.reason ?? ''}`)
        .join('; ');
      sink.failure(
        `${step}: ${name}: ${b.rowsRefused} of ${b.rows} generated rows refused${why ? ` (${why})` : ''}`,
      );
    }
    if (mode === 'fresh' && b.orders.inserted !== file.orders) {
      // Counting conventions may differ (a line file's orders); worth a look, not a failure.
      sink.note(`${step}: ${name}: ${b.orders.inserted} orders inserted, ${file.orders} generated`);
    }
    if (mode === 'again') {
      const changed = b.orders.inserted + b.orders.updated + b.lines.inserted + b.lines.updated;
      if (changed !== 0) {
        sink.failure(
          `${step}: ${name}: importing the same file again changed data (orders +${b.orders.inserted} ~${b.orders.updated}, lines +${b.lines.inserted} ~${b.lines.updated})`,
        );
      }
    }
  });
}

/** Sums over batches, for the results. */
export function totals(batches: readonly ImportBatch[]) {
  const sum = (pick: (b: ImportBatch) => number) => batches.reduce((n, b) => n + pick(b), 0);
  return {
    rows: sum((b) => b.rows),
    rowsImported: sum((b) => b.rowsImported),
    rowsRefused: sum((b) => b.rowsRefused),
    orders: {
      inserted: sum((b) => b.orders.inserted),
      updated: sum((b) => b.orders.updated),
      unchanged: sum((b) => b.orders.unchanged),
    },
    lines: {
      inserted: sum((b) => b.lines.inserted),
      updated: sum((b) => b.lines.updated),
      unchanged: sum((b) => b.lines.unchanged),
    },
  };
}
