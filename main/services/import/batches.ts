/** Import batches: recording one in the operation log, the history, and a batch's refused rows. */
import type { Db, WriteTx } from '../../../db/index.js';
import type { ImportFormat, RowProblem } from '../../domain/orders/types.js';
import type { BatchSummary, ImportCounts } from '../../domain/results.js';
import { toRowProblem } from './staging.js';

export interface NewBatch {
  shopId: number;
  format: ImportFormat;
  source: 'file' | 'demo';
  fileName: string;
  sha256: string;
  size: number;
  encoding: string;
  variants: string[];
  currency: string;
  now: string;
}

export interface BatchCounts {
  rows: number;
  rowsImported: number;
  rowsRefused: number;
  orders: ImportCounts;
  lines: ImportCounts;
  money: { paidFen: number; refundFen: number };
}

/** A new operation of kind 'import' (or 'demo') and its batch row; counts come at the end. */
export function createBatch(tx: WriteTx, b: NewBatch): number {
  const sqlite = tx.sqlite;
  const opId = Number(
    sqlite
      .prepare('INSERT INTO operations (kind, created_at) VALUES (?, ?)')
      .run(b.source === 'demo' ? 'demo' : 'import', b.now).lastInsertRowid,
  );
  sqlite
    .prepare(
      `INSERT INTO import_batches (id, shop_id, format, source, file_name, file_sha256, file_size, encoding,
         variants_json, currency, rows, rows_imported, rows_refused, orders_inserted, orders_updated,
         orders_unchanged, lines_inserted, lines_updated, lines_unchanged, paid_fen, refund_fen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
    )
    .run(
      opId,
      b.shopId,
      b.format,
      b.source,
      b.fileName,
      b.sha256,
      b.size,
      b.encoding,
      JSON.stringify(b.variants),
      b.currency,
    );
  return opId;
}

export function finishBatch(tx: WriteTx, batchId: number, c: BatchCounts): void {
  tx.sqlite
    .prepare(
      `UPDATE import_batches SET rows = ?, rows_imported = ?, rows_refused = ?, orders_inserted = ?,
         orders_updated = ?, orders_unchanged = ?, lines_inserted = ?, lines_updated = ?, lines_unchanged = ?,
         paid_fen = ?, refund_fen = ? WHERE id = ?`,
    )
    .run(
      c.rows,
      c.rowsImported,
      c.rowsRefused,
      c.orders.inserted,
      c.orders.updated,
      c.orders.unchanged,
      c.lines.inserted,
      c.lines.updated,
      c.lines.unchanged,
      c.money.paidFen,
      c.money.refundFen,
      batchId,
    );
  tx.sqlite
    .prepare('UPDATE operations SET summary_json = ? WHERE id = ?')
    .run(JSON.stringify({ orders: c.orders, lines: c.lines, rows: c.rows }), batchId);
}

/** Copies a staging's refused rows into the batch (all of them: the screen pages through them). */
export function storeProblems(tx: WriteTx, batchId: number, staging: string): void {
  tx.sqlite
    .prepare(
      `INSERT INTO batch_problems (batch_id, seq, row, sheet, column_name, code, params_json)
       SELECT ?, seq, row, sheet, column_name, code, params_json FROM ${staging}.st_problems`,
    )
    .run(batchId);
}

export async function listBatches(db: Db): Promise<BatchSummary[]> {
  const rows = await db
    .selectFrom('import_batches as b')
    .innerJoin('operations as op', 'op.id', 'b.id')
    .innerJoin('shops as s', 's.id', 'b.shop_id')
    .selectAll('b')
    .select(['s.name as shop', 'op.state', 'op.created_at', 'op.undone_at'])
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    file: r.file_name,
    platform: r.format as ImportFormat,
    shop: r.shop,
    encoding: r.encoding,
    rows: r.rows,
    rowsImported: r.rows_imported,
    rowsRefused: r.rows_refused,
    orders: { inserted: r.orders_inserted, updated: r.orders_updated, unchanged: r.orders_unchanged },
    lines: { inserted: r.lines_inserted, updated: r.lines_updated, unchanged: r.lines_unchanged },
    currency: r.currency,
    money: { paidFen: r.paid_fen, refundFen: r.refund_fen },
    createdAt: r.created_at,
    state: r.state as 'committed' | 'undone',
    undoneAt: r.undone_at,
    source: r.source as 'file' | 'demo',
  }));
}

/** A page of a batch's refused rows, in file order. */
export async function batchProblems(
  db: Db,
  batchId: number,
  page: { offset: number; limit: number },
): Promise<{ total: number; problems: RowProblem[] }> {
  const total = await db
    .selectFrom('batch_problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('batch_problems')
    .select(['row', 'sheet', 'column_name as column', 'code', 'params_json'])
    .where('batch_id', '=', batchId)
    .orderBy('seq')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), problems: rows.map(toRowProblem) };
}
