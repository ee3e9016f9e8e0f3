/** Import batches: creating one, listing the history, and undoing one. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../../db/index.js';
import type { ImportFormat, RowProblem } from '../../domain/orders/types.js';
import type { ImportCounts } from './import-types.js';

export interface BatchStats {
  orders: ImportCounts;
  lines: ImportCounts;
  money: { paidFen: number; refundFen: number };
  currency: string;
  /** Data rows imported and refused: they add up to the batch's rows. */
  rowsImported: number;
  rowsRefused: number;
  /** Total refused rows; skipped_json keeps at most MAX_STORED_PROBLEMS of them. */
  skippedCount: number;
}

export const MAX_STORED_PROBLEMS = 1000;

export interface NewBatch {
  shopId: number;
  format: ImportFormat;
  fileName: string;
  sha256: string;
  size: number;
  encoding: string;
  source: 'file' | 'demo';
  now: string;
}

export function insertBatch(sqlite: BetterSqlite3.Database, b: NewBatch): number {
  const info = sqlite
    .prepare(
      `INSERT INTO import_batches (shop_id, format, file_name, file_sha256, file_size, encoding, rows, state,
         created_at, stats_json, skipped_json, source)
       VALUES (?, ?, ?, ?, ?, ?, 0, 'committed', ?, '{}', '[]', ?)`,
    )
    .run(b.shopId, b.format, b.fileName, b.sha256, b.size, b.encoding, b.now, b.source);
  return Number(info.lastInsertRowid);
}

export function finishBatch(
  sqlite: BetterSqlite3.Database,
  batchId: number,
  done: { format: ImportFormat; encoding: string; rows: number; stats: BatchStats; problems: RowProblem[] },
): void {
  sqlite
    .prepare(
      `UPDATE import_batches SET format = ?, encoding = ?, rows = ?, stats_json = ?, skipped_json = ?
       WHERE id = ?`,
    )
    .run(
      done.format,
      done.encoding,
      done.rows,
      JSON.stringify(done.stats),
      JSON.stringify(done.problems.slice(0, MAX_STORED_PROBLEMS)),
      batchId,
    );
}

export interface BatchRecord {
  id: number;
  shopId: number;
  shop: string;
  platform: string;
  format: ImportFormat;
  file: string;
  sha256: string;
  encoding: string;
  rows: number;
  state: 'committed' | 'undone';
  createdAt: string;
  undoneAt: string | null;
  source: 'file' | 'demo';
  stats: BatchStats;
  skipped: RowProblem[];
}

export async function listBatches(db: Db): Promise<BatchRecord[]> {
  const rows = await db
    .selectFrom('import_batches as b')
    .innerJoin('shops as s', 's.id', 'b.shop_id')
    .select([
      'b.id',
      'b.shop_id',
      's.name as shop',
      's.platform',
      'b.format',
      'b.file_name',
      'b.file_sha256',
      'b.encoding',
      'b.rows',
      'b.state',
      'b.created_at',
      'b.undone_at',
      'b.source',
      'b.stats_json',
      'b.skipped_json',
    ])
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    shopId: r.shop_id,
    shop: r.shop,
    platform: r.platform,
    format: r.format as ImportFormat,
    file: r.file_name,
    sha256: r.file_sha256,
    encoding: r.encoding,
    rows: r.rows,
    state: r.state as 'committed' | 'undone',
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    source: r.source as 'file' | 'demo',
    stats: JSON.parse(r.stats_json) as BatchStats,
    skipped: JSON.parse(r.skipped_json) as RowProblem[],
  }));
}
