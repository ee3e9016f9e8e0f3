/** Import batches: creating one, listing the history, and undoing one. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { ImportFormat, RowProblem } from '../../domain/orders/types.js';
import type { ImportCounts } from './import-types.js';
import { LINE_DATA_COLUMNS, ORDER_DATA_COLUMNS } from './order-columns.js';
import { inTransaction } from '../transaction.js';

export interface BatchStats {
  orders: ImportCounts;
  lines: ImportCounts;
  money: { paidFen: number; refundFen: number };
  currency: string;
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
  rows: number,
  stats: BatchStats,
  problems: RowProblem[],
): void {
  sqlite
    .prepare('UPDATE import_batches SET rows = ?, stats_json = ?, skipped_json = ? WHERE id = ?')
    .run(rows, JSON.stringify(stats), JSON.stringify(problems.slice(0, MAX_STORED_PROBLEMS)), batchId);
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

export interface UndoCounts {
  batchId: number;
  ordersDeleted: number;
  ordersRestored: number;
  linesDeleted: number;
  linesRestored: number;
}

interface ChangeRow {
  seq: number;
  table_name: 'orders' | 'order_lines';
  before_json: string;
}

/**
 * Later, still committed batches that built on this one: they changed a row this batch changed or
 * inserted, or added lines to an order it inserted. Undoing underneath them would lose their work.
 */
const LATER_BATCHES_SQL = `
  SELECT DISTINCT c.batch_id AS id FROM batch_changes c
  JOIN import_batches b ON b.id = c.batch_id AND b.state = 'committed'
  WHERE c.batch_id > @batch AND (
    EXISTS (SELECT 1 FROM batch_changes m
            WHERE m.batch_id = @batch AND m.table_name = c.table_name AND m.row_id = c.row_id)
    OR (c.table_name = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.id = c.row_id AND o.first_batch_id = @batch))
    OR (c.table_name = 'order_lines'
        AND EXISTS (SELECT 1 FROM order_lines l WHERE l.id = c.row_id AND l.first_batch_id = @batch)))
  UNION
  SELECT DISTINCT l.first_batch_id FROM order_lines l
  JOIN orders o ON o.id = l.order_id AND o.first_batch_id = @batch
  JOIN import_batches b ON b.id = l.first_batch_id AND b.state = 'committed'
  WHERE l.first_batch_id > @batch
  ORDER BY 1`;

/**
 * Undoes a batch: puts back the previous values of the rows it updated and deletes the rows it
 * inserted. Refused while a later committed batch builds on it (LATER_BATCHES_SQL).
 */
export async function undoBatch(
  sqlite: BetterSqlite3.Database,
  batchId: number,
  now: string,
): Promise<UndoCounts> {
  return inTransaction(sqlite, async () => {
    const batch = sqlite.prepare('SELECT state FROM import_batches WHERE id = ?').get(batchId) as
      { state: string } | undefined;
    if (!batch) throw new UserError(`导入批次 #${batchId} 不存在 (no import batch ${batchId})`);
    if (batch.state === 'undone') throw new UserError(`导入批次 #${batchId} 已经撤销过了 (already undone)`);

    const later = sqlite.prepare(LATER_BATCHES_SQL).all({ batch: batchId }) as Array<{ id: number }>;
    if (later.length > 0) {
      const ids = later.map((r) => `#${r.id}`).join('、');
      throw new UserError(
        `不能撤销批次 #${batchId}：之后的批次 ${ids} 修改了同样的订单。请先撤销 ${ids}，再撤销 #${batchId}。` +
          ` (Batch ${batchId} cannot be undone while later batches ${ids} that changed the same orders are in place; undo them first.)`,
        { batchId, blockedBy: later.map((r) => r.id) },
      );
    }

    const restore = {
      orders: sqlite.prepare(
        `UPDATE orders SET last_batch_id = @last_batch_id, ${ORDER_DATA_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}
         WHERE id = @id`,
      ),
      order_lines: sqlite.prepare(
        `UPDATE order_lines SET last_batch_id = @last_batch_id, ${LINE_DATA_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}
         WHERE id = @id`,
      ),
    };
    // Newest first, a page at a time: a connection cannot write while it iterates, and a batch that
    // updated a million orders must not load all their old values at once.
    const page = sqlite.prepare(
      'SELECT seq, table_name, before_json FROM batch_changes WHERE batch_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1000',
    );
    const counts: UndoCounts = {
      batchId,
      ordersDeleted: 0,
      ordersRestored: 0,
      linesDeleted: 0,
      linesRestored: 0,
    };
    for (let below = Number.MAX_SAFE_INTEGER; ;) {
      const changes = page.all(batchId, below) as ChangeRow[];
      if (changes.length === 0) break;
      for (const change of changes) {
        restore[change.table_name].run(JSON.parse(change.before_json) as Record<string, unknown>);
        if (change.table_name === 'orders') counts.ordersRestored++;
        else counts.linesRestored++;
      }
      below = changes[changes.length - 1]!.seq;
    }
    counts.linesDeleted = sqlite
      .prepare('DELETE FROM order_lines WHERE first_batch_id = ?')
      .run(batchId).changes;
    counts.ordersDeleted = sqlite.prepare('DELETE FROM orders WHERE first_batch_id = ?').run(batchId).changes;
    // An account first seen in this batch goes with it, unless another batch's order uses it.
    sqlite
      .prepare(
        `DELETE FROM buyer_accounts WHERE first_batch_id = ?
         AND NOT EXISTS (SELECT 1 FROM orders WHERE buyer_account_id = buyer_accounts.id)`,
      )
      .run(batchId);
    sqlite
      .prepare("UPDATE import_batches SET state = 'undone', undone_at = ? WHERE id = ?")
      .run(now, batchId);
    return counts;
  });
}
