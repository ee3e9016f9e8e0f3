/**
 * Undoing an import (or the sample shop's load): put back the previous values of the rows it
 * updated (their before-images in the operation log), delete the rows it inserted (first_op_id),
 * and mark the operation undone. Set-based, in chunks with progress, inside one transaction, so a
 * cancel changes nothing.
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { UndoResult } from '../../domain/results.js';
import { createSlicer, throwIfCancelled } from '../long-work.js';
import { recomputeOrderDates } from '../shops/order-dates.js';
import {
  dropEmptyStaleCustomers,
  noteCustomersOfOperation,
  refreshStaleCustomers,
} from '../customers/stats.js';
import type { JobContext } from './import-types.js';
import { LINE_DATA_COLUMNS, ORDER_DATA_COLUMNS } from './order-columns.js';

/** Rows per statement: small enough to keep each slice short. */
const CHUNK = 4000;

/** The tables an import changes, and the columns its before-images hold. */
const RESTORABLE = {
  orders: ORDER_DATA_COLUMNS,
  order_lines: LINE_DATA_COLUMNS,
} as const;

/**
 * Later, still committed operations that built on this one: they changed a row this one changed or
 * inserted, or added lines to an order it inserted. Undoing underneath them would lose their work.
 * On an account, only a later change of its consent counts (a merge decision moves it between
 * customers, which putting the consent back leaves alone).
 */
const LATER_OPERATIONS_SQL = `
  SELECT DISTINCT c.op_id AS id FROM operation_changes c
  JOIN operations later ON later.id = c.op_id AND later.state = 'committed'
  WHERE c.op_id > @op AND (
    EXISTS (SELECT 1 FROM operation_changes m
            WHERE m.op_id = @op AND m.table_name = c.table_name AND m.row_id = c.row_id
              AND (c.table_name <> 'buyer_accounts'
                   OR json_type(c.before_json, '$.accepts_marketing') IS NOT NULL))
    OR (c.table_name = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.id = c.row_id AND o.first_op_id = @op))
    OR (c.table_name = 'order_lines'
        AND EXISTS (SELECT 1 FROM order_lines l WHERE l.id = c.row_id AND l.first_op_id = @op)))
  UNION
  SELECT DISTINCT l.first_op_id FROM order_lines l
  JOIN orders o ON o.id = l.order_id AND o.first_op_id = @op
  JOIN operations later ON later.id = l.first_op_id AND later.state = 'committed'
  WHERE l.first_op_id > @op
  ORDER BY 1`;

function refuseUnlessUndoable(tx: WriteTx, batchId: number): void {
  const op = tx.sqlite
    .prepare(`SELECT op.state FROM operations op JOIN import_batches b ON b.id = op.id WHERE op.id = ?`)
    .get(batchId) as { state: string } | undefined;
  // Batch ids are text in messages: "#12345", never "#12,345".
  const params = { batchId: String(batchId) };
  if (!op) throw new UserError({ code: 'undo.noBatch', params });
  if (op.state === 'undone') throw new UserError({ code: 'undo.alreadyUndone', params });
  const later = tx.sqlite.prepare(LATER_OPERATIONS_SQL).all({ op: batchId }) as Array<{ id: number }>;
  if (later.length > 0) {
    const ids = later.map((r) => `#${r.id}`).join(', ');
    throw new UserError(
      { code: 'undo.blocked', params: { ...params, later: ids } },
      { batchId, blockedBy: later.map((r) => r.id) },
    );
  }
}

/** Undoes an import batch; refused while a later committed operation builds on it. */
export function undoBatch(huikeDb: HuikeDb, batchId: number, ctx: JobContext): Promise<UndoResult> {
  return huikeDb.writer.transaction(async (tx) => {
    refuseUnlessUndoable(tx, batchId);
    return undoOperation(tx, batchId, ctx);
  });
}

/** Puts back what operation `opId` changed, in its transaction (an import, the sample shop). */
export async function undoOperation(tx: WriteTx, opId: number, ctx: JobContext): Promise<UndoResult> {
  const sqlite = tx.sqlite;
  const slicer = createSlicer();
  const count = (sql: string) => (sqlite.prepare(sql).get(opId) as { n: number }).n;
  const total =
    count('SELECT count(*) AS n FROM operation_changes WHERE op_id = ?') +
    count('SELECT count(*) AS n FROM orders WHERE first_op_id = ?') +
    count('SELECT count(*) AS n FROM order_lines WHERE first_op_id = ?');
  const result: UndoResult = {
    batchId: opId,
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

  // The customers of every order this puts back or removes, noted before anything changes.
  noteCustomersOfOperation(tx, opId);
  const lastSeq = count('SELECT coalesce(max(seq), 0) AS n FROM operation_changes WHERE op_id = ?');
  for (const [table, columns] of Object.entries(RESTORABLE)) {
    const restore = sqlite.prepare(
      `UPDATE ${table} SET ${[...columns, 'last_op_id']
        .map((c) => `${c} = json_extract(c.before_json, '$.${c}')`)
        .join(', ')}
       FROM operation_changes c
       WHERE c.op_id = @op AND c.table_name = '${table}' AND c.action = 'update' AND ${table}.id = c.row_id
         AND c.seq > @lo AND c.seq <= @hi`,
    );
    for (let lo = 0; lo < lastSeq; lo += CHUNK) {
      const restored = restore.run({ op: opId, lo, hi: lo + CHUNK }).changes;
      if (table === 'orders') result.ordersRestored += restored;
      else result.linesRestored += restored;
      await step(restored);
    }
  }

  // The marketing consent the import changed on accounts that were there before it (apply-staging).
  const consentRestored = sqlite
    .prepare(
      `UPDATE buyer_accounts SET accepts_marketing = json_extract(c.before_json, '$.accepts_marketing')
       FROM operation_changes c
       WHERE c.op_id = ? AND c.table_name = 'buyer_accounts' AND c.action = 'update'
         AND json_type(c.before_json, '$.accepts_marketing') IS NOT NULL AND buyer_accounts.id = c.row_id`,
    )
    .run(opId).changes;
  await step(consentRestored);

  // A before-image holds the day counted in the shop's zone of that time; the zone may have been
  // changed since (a shop edit keeps no day per order), so restored days are counted again.
  const restoredShops = sqlite
    .prepare(
      `SELECT DISTINCT s.id, s.timezone FROM operation_changes c
       JOIN orders o ON o.id = c.row_id JOIN shops s ON s.id = o.shop_id
       WHERE c.op_id = ? AND c.table_name = 'orders' AND c.action = 'update'`,
    )
    .all(opId) as Array<{ id: number; timezone: string }>;
  for (const shop of restoredShops)
    await recomputeOrderDates(tx, { shopId: shop.id, timezone: shop.timezone, restoredBy: opId });

  for (const table of ['order_lines', 'orders'] as const) {
    const remove = sqlite.prepare(
      `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE first_op_id = ? LIMIT ${CHUNK})`,
    );
    for (let removed = remove.run(opId).changes; removed > 0; removed = remove.run(opId).changes) {
      if (table === 'orders') result.ordersDeleted += removed;
      else result.linesDeleted += removed;
      await step(removed);
    }
  }
  // An account first seen in this operation goes with it, unless another batch's order uses it.
  sqlite
    .prepare(
      `DELETE FROM buyer_accounts WHERE first_op_id = ?
       AND NOT EXISTS (SELECT 1 FROM orders WHERE buyer_account_id = buyer_accounts.id)`,
    )
    .run(opId);
  // A customer left without accounts goes too — one this operation made for them, or one a later
  // merge or split moved them into; the others are summed up again.
  dropEmptyStaleCustomers(tx);
  await refreshStaleCustomers(tx);
  sqlite
    .prepare("UPDATE operations SET state = 'undone', undone_at = ? WHERE id = ?")
    .run(ctx.now().toISOString(), opId);
  return result;
}
