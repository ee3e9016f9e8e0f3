/**
 * Merging two shops that are one (the same Tmall shop imported once as "天猫/淘宝店铺" and once
 * under the name its 订单报表 gives): every order and import batch of `from` moves to `into`, and
 * `from` is deleted. Buyers' accounts belong to the platform, not the shop, so they come along
 * with the orders. Refused across platforms or currencies, and for the sample shop (kept apart).
 *
 * Monthly exports overlap, so both shops often hold the same order: the copy with the later data
 * (the higher last_op_id) is kept and the other dropped. One write, one 'shop_merge' operation
 * with the before-image of every row it moved or dropped.
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { ShopMergeResult } from '../../domain/results.js';
import { newOperation, recordRows, setSummary } from '../operation-log.js';
import { readShopSummary } from '../shops.js';
import { readShopRow } from './edit-shop.js';
import { forOrderIdRanges } from './id-chunks.js';
import { recomputeOrderDates } from './order-dates.js';
import { noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';

function refuseUnlessMergeable(from: ReturnType<typeof readShopRow>, into: ReturnType<typeof readShopRow>) {
  if (from.id === into.id) throw new UserError({ code: 'shops.mergeSame' });
  const sample = [from, into].find((s) => s.is_sample === 1);
  if (sample) throw new UserError({ code: 'shops.mergeSample', params: { name: sample.name } });
  const names = { from: from.name, into: into.name };
  if (from.platform !== into.platform)
    throw new UserError({ code: 'shops.mergePlatformDiffers', params: names });
  if (from.currency !== into.currency)
    throw new UserError({
      code: 'shops.mergeCurrencyDiffers',
      params: { ...names, fromCurrency: from.currency, intoCurrency: into.currency },
    });
}

/** Drops the older copy of every order both shops hold; returns how many were dropped. */
async function dropDuplicateOrders(
  tx: WriteTx,
  opId: number,
  fromId: number,
  intoId: number,
): Promise<number> {
  const sqlite = tx.sqlite;
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS merge_dropped (id INTEGER PRIMARY KEY)');
  sqlite.exec('DELETE FROM temp.merge_dropped');
  const find = sqlite.prepare(
    `INSERT INTO temp.merge_dropped (id)
     SELECT CASE WHEN f.last_op_id > i.last_op_id THEN i.id ELSE f.id END
     FROM orders f JOIN orders i ON i.shop_id = @into AND i.platform_order_id = f.platform_order_id
     WHERE +f.shop_id = @from AND f.id >= @lo AND f.id < @hi`,
  );
  let dropped = 0;
  await forOrderIdRanges(tx, fromId, (range) => {
    dropped += find.run({ from: fromId, into: intoId, ...range }).changes;
  });
  if (dropped === 0) return 0;
  recordRows(tx, opId, {
    table: 'order_lines',
    action: 'delete',
    where: 't.order_id IN (SELECT id FROM temp.merge_dropped)',
  });
  recordRows(tx, opId, {
    table: 'orders',
    action: 'delete',
    where: 't.id IN (SELECT id FROM temp.merge_dropped)',
  });
  sqlite.exec('DELETE FROM order_lines WHERE order_id IN (SELECT id FROM temp.merge_dropped)');
  sqlite.exec('DELETE FROM orders WHERE id IN (SELECT id FROM temp.merge_dropped)');
  sqlite.exec('DELETE FROM temp.merge_dropped');
  return dropped;
}

export function mergeShops(
  huikeDb: HuikeDb,
  fromId: number,
  intoId: number,
  now: string,
): Promise<ShopMergeResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const from = readShopRow(tx, fromId);
    const into = readShopRow(tx, intoId);
    refuseUnlessMergeable(from, into);
    const sqlite = tx.sqlite;
    const opId = newOperation(tx, 'shop_merge', now, { shopIds: [fromId, intoId] });
    const params = { from: fromId, into: intoId };
    // The customers of the orders that move or go: their shops and counts are summed up again.
    noteStaleCustomers(
      tx,
      `SELECT a.customer_id FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE o.shop_id = @from
       UNION ALL
       SELECT a.customer_id FROM orders f JOIN orders i ON i.shop_id = @into AND i.platform_order_id = f.platform_order_id
       JOIN buyer_accounts a ON a.id = i.buyer_account_id WHERE f.shop_id = @from`,
      params,
    );

    const duplicateOrders = await dropDuplicateOrders(tx, opId, fromId, intoId);
    const move = sqlite.prepare(
      'UPDATE orders SET shop_id = @into WHERE +shop_id = @from AND id >= @lo AND id < @hi',
    );
    let ordersMoved = 0;
    await forOrderIdRanges(tx, fromId, (range) => {
      recordRows(tx, opId, {
        table: 'orders',
        action: 'update',
        columns: ['shop_id', 'order_date'],
        where: '+t.shop_id = @from AND t.id >= @lo AND t.id < @hi',
        params: { ...params, ...range },
      });
      ordersMoved += move.run({ ...params, ...range }).changes;
    });
    // The moved orders' days were counted in the old shop's zone.
    const ordersRedated =
      from.timezone === into.timezone
        ? 0
        : await recomputeOrderDates(tx, { shopId: intoId, timezone: into.timezone });
    recordRows(tx, opId, {
      table: 'import_batches',
      action: 'update',
      columns: ['shop_id'],
      where: 't.shop_id = @from',
      params,
    });
    const batchesMoved = sqlite
      .prepare('UPDATE import_batches SET shop_id = @into WHERE shop_id = @from')
      .run(params).changes;
    recordRows(tx, opId, { table: 'shops', action: 'delete', where: 't.id = @from', params });
    sqlite.prepare('DELETE FROM shops WHERE id = ?').run(fromId);
    await refreshStaleCustomers(tx);

    const result: ShopMergeResult = {
      operationId: opId,
      from: { id: from.id, name: from.name },
      into: readShopSummary(sqlite, intoId)!,
      ordersMoved,
      duplicateOrders,
      batchesMoved,
      ordersRedated,
    };
    setSummary(tx, opId, {
      shopIds: [fromId, intoId],
      from: result.from,
      into: { id: into.id, name: into.name },
      ordersMoved,
      duplicateOrders,
      batchesMoved,
      ordersRedated,
    });
    return result;
  });
}
