/**
 * `orders.order_date` is the shop-local calendar day of `ordered_at`. When a shop's time zone
 * changes, or orders move into a shop of another zone, their days are computed again here, in one
 * set-based UPDATE: the zone becomes a small table of constant-offset spans (zone-spans.ts) and
 * each order takes the date of its instant plus the offset of its span.
 */
import type { WriteTx } from '../../../db/index.js';
import { zoneSpans } from '../../domain/shops/zone-spans.js';
import { forOrderIdRanges } from './id-chunks.js';

export interface OrderDateScope {
  shopId: number;
  timezone: string;
  /** Only the orders this operation restored (an undo), not the whole shop. */
  restoredBy?: number;
}

/** Recomputes the shop-local days of the orders in scope; returns how many days changed. */
export async function recomputeOrderDates(tx: WriteTx, scope: OrderDateScope): Promise<number> {
  const sqlite = tx.sqlite;
  const only =
    scope.restoredBy === undefined
      ? ''
      : `AND id IN (SELECT row_id FROM operation_changes
                    WHERE op_id = @op AND table_name = 'orders' AND action = 'update')`;
  const params = { shop: scope.shopId, ...(scope.restoredBy === undefined ? {} : { op: scope.restoredBy }) };
  const range = sqlite
    .prepare(
      `SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders
       WHERE shop_id = @shop AND ordered_at IS NOT NULL ${only}`,
    )
    .get(params) as { first: string | null; last: string | null };
  if (range.first === null || range.last === null) return 0;

  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS zone_spans (from_iso TEXT NOT NULL, to_iso TEXT NOT NULL, offset_seconds INTEGER NOT NULL)`,
  );
  sqlite.exec('DELETE FROM temp.zone_spans');
  const insert = sqlite.prepare('INSERT INTO temp.zone_spans VALUES (?, ?, ?)');
  for (const span of zoneSpans(Date.parse(range.first), Date.parse(range.last), scope.timezone))
    insert.run(span.fromIso, span.toIso, span.offsetSeconds);

  const localDay = `(SELECT date(substr(orders.ordered_at, 1, 19), printf('%+d seconds', z.offset_seconds))
                     FROM temp.zone_spans z
                     WHERE orders.ordered_at >= z.from_iso AND orders.ordered_at < z.to_iso)`;
  const update = sqlite.prepare(
    `UPDATE orders SET order_date = ${localDay}
     WHERE +shop_id = @shop AND id >= @lo AND id < @hi AND ordered_at IS NOT NULL
       AND order_date IS NOT ${localDay} ${only}`,
  );
  let changed = 0;
  await forOrderIdRanges(tx, scope.shopId, (range) => {
    changed += update.run({ ...params, ...range }).changes;
  });
  sqlite.exec('DELETE FROM temp.zone_spans');
  return changed;
}
