/**
 * Undoing an import batch: put back the previous values of the rows it updated, delete the rows it
 * inserted. In slices with progress, inside one transaction, so a cancel changes nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import type { UndoResult } from '../../domain/results.js';
import { createSlicer, inTransaction, throwIfCancelled } from '../transaction.js';
import type { JobContext } from './import-types.js';
import { LINE_DATA_COLUMNS, ORDER_DATA_COLUMNS } from './order-columns.js';

interface ChangeRow {
  seq: number;
  table_name: 'orders' | 'order_lines';
  before_json: string;
}

/** Rows per statement or page: small enough to keep each slice short. */
const PAGE = 2000;

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

function refuseUnlessUndoable(sqlite: BetterSqlite3.Database, batchId: number): void {
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
}

/** Undoes a batch; refused while a later committed batch builds on it (LATER_BATCHES_SQL). */
export async function undoBatch(
  sqlite: BetterSqlite3.Database,
  batchId: number,
  ctx: JobContext,
): Promise<UndoResult> {
  return inTransaction(sqlite, async () => {
    refuseUnlessUndoable(sqlite, batchId);
    const slicer = createSlicer();
    const count = (sql: string) => (sqlite.prepare(sql).get(batchId) as { n: number }).n;
    const total =
      count('SELECT count(*) AS n FROM batch_changes WHERE batch_id = ?') +
      count('SELECT count(*) AS n FROM orders WHERE first_batch_id = ?') +
      count('SELECT count(*) AS n FROM order_lines WHERE first_batch_id = ?');
    const result: UndoResult = {
      batchId,
      ordersDeleted: 0,
      ordersRestored: 0,
      linesDeleted: 0,
      linesRestored: 0,
    };
    let done = 0;
    const step = async (rows: number) => {
      done += rows;
      ctx.progress?.('undoing', done, total);
      throwIfCancelled(ctx.signal);
      await slicer.maybeYield();
    };

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
      `SELECT seq, table_name, before_json FROM batch_changes WHERE batch_id = ? AND seq < ? ORDER BY seq DESC LIMIT ${PAGE}`,
    );
    for (let below = Number.MAX_SAFE_INTEGER; ;) {
      const changes = page.all(batchId, below) as ChangeRow[];
      if (changes.length === 0) break;
      for (const change of changes) {
        restore[change.table_name].run(JSON.parse(change.before_json) as Record<string, unknown>);
        if (change.table_name === 'orders') result.ordersRestored++;
        else result.linesRestored++;
      }
      below = changes[changes.length - 1]!.seq;
      await step(changes.length);
    }

    for (const table of ['order_lines', 'orders'] as const) {
      const remove = sqlite.prepare(
        `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE first_batch_id = ? LIMIT ${PAGE})`,
      );
      for (let removed = remove.run(batchId).changes; removed > 0; removed = remove.run(batchId).changes) {
        if (table === 'orders') result.ordersDeleted += removed;
        else result.linesDeleted += removed;
        await step(removed);
      }
    }
    // An account first seen in this batch goes with it, unless another batch's order uses it.
    sqlite
      .prepare(
        `DELETE FROM buyer_accounts WHERE first_batch_id = ?
         AND NOT EXISTS (SELECT 1 FROM orders WHERE buyer_account_id = buyer_accounts.id)`,
      )
      .run(batchId);
    sqlite
      .prepare("UPDATE import_batches SET state = 'undone', undone_at = ? WHERE id = ?")
      .run(ctx.now().toISOString(), batchId);
    return result;
  });
}
