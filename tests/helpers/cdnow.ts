/**
 * The CDNOW reference data (../shared/datasets/cdnow, outside the repository: read by path, never
 * copied): the transaction files and the published per-customer summaries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CDNOW_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/datasets/cdnow',
);

export const cdnowPath = (name: string) => path.join(CDNOW_DIR, name);

/** `cdnow_customers_summary_with_transactions.csv`: ID, x, t_x, T (weeks), zbar, to 2 decimals. */
export interface CdnowSummaryRow {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

export function readCdnowSummary(): CdnowSummaryRow[] {
  return readFileSync(cdnowPath('cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',').map(Number) as [number, number, number, number, number];
      return { id, x, tx, T, zbar };
    });
}

/** `cdnow_customers_summary.csv` (ID, frequency, recency, T): the file the published BG/NBD fit uses. */
export function readCdnowBgNbdData(): {
  ids: number[];
  frequency: number[];
  recency: number[];
  age: number[];
} {
  const rows = readFileSync(cdnowPath('cdnow_customers_summary.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number) as [number, number, number, number]);
  return {
    ids: rows.map((r) => r[0]),
    frequency: rows.map((r) => r[1]),
    recency: rows.map((r) => r[2]),
    age: rows.map((r) => r[3]),
  };
}
