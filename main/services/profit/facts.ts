/**
 * The daily profit facts (`profit_daily`): per shop and shop-local day, everything the profit report
 * adds up, computed per order with exact integer arithmetic and kept in step with every write.
 *
 * Any write that can change a figure marks (shop, day) pairs in `profit_dirty`: triggers on orders
 * and order lines (so imports, undo, shop edits and merges, the sample shop all do, whoever wrote
 * them), and the profit input services for costs, fee and shipping rules, actual fees. Just before
 * the write transaction commits, `refreshProfitFacts` recomputes exactly those days, set-based, in
 * the same transaction (db/writer.ts `beforeCommit`): a reader never sees orders and facts disagree.
 *
 * The per-order rules (README "Profit", main/shared/profit-math.ts has the arithmetic):
 * - only paid orders count (PAID_SQL, the one definition); GMV = paid + discounts;
 * - goods cost: each line's quantity × the unit cost of its SKU (or the SKU an alias names) in force
 *   on the order's day; a line without one is counted as missing, never costed at zero silently;
 * - returned goods: every line of an order refunded in full, else each line refunded in full;
 * - fees: the platform's own figures when a settlement file or the order file gave them, else the
 *   shop's fee rule in force on the order's day; each fee of each order is rounded half-up to the
 *   fen once: commission and points on (paid − refund) (platforms return them on refunds), the
 *   payment fee on what was paid (not returned), plus the per-order fixed fee;
 * - shipping: the order's actual cost when imported, else its shop's rule (province, else flat)
 *   plus packaging;
 * - a refund is kept on the order's day and on the refund's day (closed_at in the shop's zone, or
 *   the order's day when the file gave no close time), so the refund policy is chosen when reading.
 */
import type { WriteTx } from '../../../db/index.js';
import { localDateOf } from '../../domain/import/date-time.js';
import { addDays } from '../../domain/reports/periods.js';
import { PAID_SQL } from '../figures.js';
import { createSlicer } from '../long-work.js';
import { refreshBuyerCounts } from './buyers.js';

const TEMP_TABLES = ['pf_refund', 'pf_set', 'pf_line_rows', 'pf_lines', 'pf_orders'];

/** Shop-days recomputed per slice: a slice stays short, so the event loop gets its turns. */
const DAYS_PER_SLICE = 40;

/**
 * Recomputes the facts of the dirty (shop, day) pairs, and the buyer counts orders changes reach,
 * in slices of shop-days (each slice complete in itself: its days' order-day and refund-day
 * figures), giving the event loop a turn between slices — a million orders take about a minute.
 */
export async function refreshProfitFacts(tx: WriteTx): Promise<void> {
  const sqlite = tx.sqlite;
  const anyDirty = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM profit_dirty) OR EXISTS (SELECT 1 FROM profit_dirty_buyers)
         OR EXISTS (SELECT 1 FROM profit_dirty_buyer_days) AS dirty`,
    )
    .get() as { dirty: number };
  if (!anyDirty.dirty) return;
  const slicer = createSlicer();
  await refreshBuyerCounts(tx, slicer);
  const pending = (sqlite.prepare('SELECT count(*) AS n FROM profit_dirty').get() as { n: number }).n;
  if (pending === 0) return;
  if (pending <= DAYS_PER_SLICE) {
    refreshDirtyDays(tx);
    return;
  }
  // The days wait in a holding table and come back into profit_dirty a slice at a time.
  sqlite.exec('DROP TABLE IF EXISTS temp.pf_pending');
  sqlite.exec('CREATE TEMP TABLE pf_pending AS SELECT shop_id, day FROM profit_dirty ORDER BY shop_id, day');
  sqlite.exec('DELETE FROM profit_dirty');
  const take = sqlite.prepare(
    `INSERT INTO profit_dirty (shop_id, day) SELECT shop_id, day FROM temp.pf_pending WHERE rowid IN (
       SELECT rowid FROM temp.pf_pending ORDER BY rowid LIMIT ${DAYS_PER_SLICE})`,
  );
  const drop = sqlite.prepare(
    `DELETE FROM temp.pf_pending WHERE rowid IN (SELECT rowid FROM temp.pf_pending ORDER BY rowid LIMIT ${DAYS_PER_SLICE})`,
  );
  while (take.run().changes > 0) {
    drop.run();
    refreshDirtyDays(tx);
    await slicer.maybeYield();
  }
  sqlite.exec('DROP TABLE temp.pf_pending');
}

/** One slice: the facts of the (shop, day) pairs now in profit_dirty, which it empties. */
function refreshDirtyDays(tx: WriteTx): void {
  const sqlite = tx.sqlite;
  const span = sqlite.prepare('SELECT min(day) AS lo, max(day) AS hi FROM profit_dirty').get() as {
    lo: string | null;
    hi: string | null;
  };
  if (!span.lo || !span.hi) return;
  buildOrderFacts(tx, span.lo, span.hi);
  sqlite.exec(`DELETE FROM profit_missing_costs
    WHERE EXISTS (SELECT 1 FROM profit_dirty d WHERE d.shop_id = profit_missing_costs.shop_id AND d.day = profit_missing_costs.day)`);
  sqlite.exec(`INSERT INTO profit_missing_costs (shop_id, day, sku, title, lines, quantity)
    SELECT shop_id, order_date, coalesce(sku, ''), max(title), count(*), sum(quantity) FROM temp.pf_line_rows r
    WHERE unit_cost IS NULL AND EXISTS (SELECT 1 FROM profit_dirty d WHERE d.shop_id = r.shop_id AND d.day = r.order_date)
    GROUP BY shop_id, order_date, coalesce(sku, '')`);

  const platformFee = PLATFORM_FEE_SQL;
  const paymentFee = PAYMENT_FEE_SQL;
  const isActual = ACTUAL_FEES_SQL;
  const inDirty = (day: string) =>
    `EXISTS (SELECT 1 FROM profit_dirty d WHERE d.shop_id = p.shop_id AND d.day = ${day})`;
  sqlite.exec(`DELETE FROM profit_daily
    WHERE EXISTS (SELECT 1 FROM profit_dirty d WHERE d.shop_id = profit_daily.shop_id AND d.day = profit_daily.day)`);
  sqlite.exec(`INSERT INTO profit_daily (shop_id, day, orders, gmv_fen, discount_fen, refund_fen, refund_on_day_fen,
      cogs_fen, returned_cogs_fen, returned_cogs_on_day_fen, platform_fee_fen, payment_fee_fen, shipping_fen,
      lines, missing_cost_lines, no_fee_orders, actual_fee_orders, actual_fee_fen, rule_fee_on_actual_fen)
    SELECT shop_id, day, sum(orders), sum(gmv), sum(discount), sum(refund), sum(refund_on_day), sum(cogs),
      sum(returned_cogs), sum(returned_on_day), sum(platform_fee), sum(payment_fee), sum(shipping), sum(lines),
      sum(missing), sum(no_fee), sum(actual_orders), sum(actual_fee), sum(rule_on_actual)
    FROM (
      SELECT p.shop_id, p.order_date AS day, 1 AS orders, p.paid + p.discount AS gmv, p.discount, p.refund,
        0 AS refund_on_day, p.cogs, p.returned_cogs, 0 AS returned_on_day,
        ${platformFee} AS platform_fee, ${paymentFee} AS payment_fee, p.shipping, p.lines, p.missing,
        (p.rule_id IS NULL AND NOT ${isActual}) AS no_fee, ${isActual} AS actual_orders,
        CASE WHEN ${isActual} THEN ${platformFee} + ${paymentFee} ELSE 0 END AS actual_fee,
        CASE WHEN ${isActual} THEN rule_platform + rule_payment ELSE 0 END AS rule_on_actual
      FROM temp.pf_orders p WHERE ${inDirty('p.order_date')}
      UNION ALL
      SELECT p.shop_id, p.refund_day, 0, 0, 0, 0, p.refund, 0, 0, p.returned_cogs, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM temp.pf_orders p WHERE p.refund > 0 AND p.refund_day IS NOT NULL AND ${inDirty('p.refund_day')})
    GROUP BY shop_id, day`);
  sqlite.exec('DELETE FROM profit_dirty');
  for (const t of TEMP_TABLES) sqlite.exec(`DROP TABLE temp.${t}`);
}

/**
 * temp.pf_orders: one row per paid order dated on a dirty day, or refunded on one, with what it
 * adds (GMV, goods cost, returned goods, fees by the rule and by the platform, shipping). Also
 * temp.pf_line_rows, the lines with their costs. The bench reads the same rows for DuckDB.
 */
export function buildOrderFacts(tx: WriteTx, lo: string, hi: string): void {
  const sqlite = tx.sqlite;
  for (const t of TEMP_TABLES) sqlite.exec(`DROP TABLE IF EXISTS temp.${t}`);
  markRefundDays(tx, lo, hi);
  // The orders of the dirty days (through the index on shop and day), and those refunded on one.
  sqlite.exec(`CREATE TEMP TABLE pf_set AS
    SELECT o.id, o.shop_id, o.order_date, o.platform_order_id, o.receiver_province, o.platform_fee_fen,
      coalesce(o.paid_fen, 0) AS paid, coalesce(o.discount_fen, 0) AS discount,
      coalesce(o.refund_fen, 0) AS refund,
      CASE WHEN coalesce(o.refund_fen, 0) > 0 THEN coalesce(r.day, CASE WHEN o.closed_at IS NULL THEN o.order_date END) END AS refund_day,
      (SELECT fr.id FROM fee_rules fr WHERE fr.shop_id = o.shop_id AND fr.effective_from <= o.order_date
        ORDER BY fr.effective_from DESC LIMIT 1) AS rule_id
    FROM (SELECT o.id FROM profit_dirty d JOIN orders o ON o.shop_id = d.shop_id AND o.order_date = d.day
          UNION SELECT order_id FROM temp.pf_refund) ids
    JOIN orders o ON o.id = ids.id
    LEFT JOIN temp.pf_refund r ON r.order_id = o.id
    WHERE ${PAID_SQL} AND o.order_date IS NOT NULL`);
  sqlite.exec('CREATE INDEX temp.pf_set_id ON pf_set (id)');

  // Per line: its cost in force on the order's day (through an alias), and its category's rate.
  sqlite.exec(`CREATE TEMP TABLE pf_line_rows AS
    SELECT l.order_id, s.shop_id, s.order_date, l.sku, l.title, l.quantity, c.unit_cost_fen AS unit_cost,
      (s.paid > 0 AND s.refund >= s.paid) AS whole_refund,
      (coalesce(l.refund_fen, 0) > 0 AND l.refund_fen >= coalesce(l.paid_fen, l.unit_price_fen * l.quantity, 0)) AS line_refunded,
      -- A line's own paid amount, else its price × quantity (Tmall's 宝贝报表 states no paid amount).
      max(coalesce(l.paid_fen, l.unit_price_fen * l.quantity, 0) - coalesce(l.refund_fen, 0), 0) AS base,
      CAST(json_extract(fr.category_bp_json, '$."' || replace(c.category, '"', '') || '"') AS INTEGER) AS cat_bp
    FROM temp.pf_set s JOIN order_lines l ON l.order_id = s.id
    LEFT JOIN fee_rules fr ON fr.id = s.rule_id
    LEFT JOIN sku_costs c ON c.id = (
      SELECT c2.id FROM sku_costs c2
      WHERE c2.sku = coalesce((SELECT a.sku FROM sku_aliases a WHERE a.alias = l.sku), l.sku)
        AND c2.effective_from <= s.order_date
      ORDER BY c2.effective_from DESC LIMIT 1)`);
  sqlite.exec(`CREATE TEMP TABLE pf_lines AS
    SELECT order_id, count(*) AS lines, sum(unit_cost IS NULL) AS missing,
      sum(quantity * coalesce(unit_cost, 0)) AS cogs,
      sum(CASE WHEN whole_refund OR line_refunded THEN quantity * coalesce(unit_cost, 0) ELSE 0 END) AS returned_cogs,
      coalesce(sum(CASE WHEN cat_bp IS NOT NULL THEN base END), 0) AS cat_base,
      coalesce(sum(CASE WHEN cat_bp IS NOT NULL THEN base * cat_bp END), 0) AS cat_num
    FROM temp.pf_line_rows GROUP BY order_id`);
  sqlite.exec('CREATE INDEX temp.pf_lines_order ON pf_lines (order_id)');

  sqlite.exec(`CREATE TEMP TABLE pf_orders AS
    SELECT s.id, s.shop_id, s.order_date, s.refund_day, s.paid, s.discount, s.refund,
      coalesce(l.lines, 0) AS lines, coalesce(l.missing, 0) AS missing,
      coalesce(l.cogs, 0) AS cogs, coalesce(l.returned_cogs, 0) AS returned_cogs,
      s.rule_id, s.platform_fee_fen AS file_fee,
      f.fee_rows, f.actual_platform, f.actual_payment,
      CASE WHEN s.rule_id IS NULL THEN 0 ELSE
        (coalesce(l.cat_num, 0) + max(max(s.paid - s.refund, 0) - coalesce(l.cat_base, 0), 0) * fr.commission_bp + 5000) / 10000
        + (max(s.paid - s.refund, 0) * fr.points_bp + 5000) / 10000 END AS rule_platform,
      CASE WHEN s.rule_id IS NULL THEN 0 ELSE (s.paid * fr.payment_bp + 5000) / 10000 + fr.per_order_fen END AS rule_payment,
      coalesce(sc.cost_fen, (
        SELECT sr.per_order_fen + sr.packaging_fen FROM shipping_rules sr
        WHERE sr.shop_id = s.shop_id AND sr.effective_from = (
            SELECT max(x.effective_from) FROM shipping_rules x WHERE x.shop_id = s.shop_id AND x.effective_from <= s.order_date)
          AND (sr.province = '' OR s.receiver_province LIKE sr.province || '%')
        ORDER BY sr.province <> '' DESC LIMIT 1), 0) AS shipping
    FROM temp.pf_set s
    LEFT JOIN temp.pf_lines l ON l.order_id = s.id
    LEFT JOIN fee_rules fr ON fr.id = s.rule_id
    LEFT JOIN shipping_costs sc ON sc.shop_id = s.shop_id AND sc.platform_order_id = s.platform_order_id
    LEFT JOIN (
      SELECT of.shop_id, of.platform_order_id, count(*) AS fee_rows,
        sum(CASE WHEN of.kind <> 'payment' THEN of.amount_fen ELSE 0 END) AS actual_platform,
        sum(CASE WHEN of.kind = 'payment' THEN of.amount_fen ELSE 0 END) AS actual_payment
      FROM order_fees of JOIN temp.pf_set x ON x.shop_id = of.shop_id AND x.platform_order_id = of.platform_order_id
      GROUP BY of.shop_id, of.platform_order_id) f
      ON f.shop_id = s.shop_id AND f.platform_order_id = s.platform_order_id`);
}

// Which fees apply: a settlement file's, else the order file's seller fee (when it names one),
// else the rule's. "Actual" orders feed the reconciliation (rule estimate against actual).
export const PLATFORM_FEE_SQL = `CASE WHEN fee_rows > 0 THEN actual_platform WHEN file_fee > 0 THEN file_fee ELSE rule_platform END`;
export const PAYMENT_FEE_SQL = `CASE WHEN fee_rows > 0 THEN actual_payment ELSE rule_payment END`;
export const ACTUAL_FEES_SQL = `(coalesce(fee_rows, 0) > 0 OR coalesce(file_fee, 0) > 0)`;

/**
 * The refunded orders whose refund falls on a dirty day: the shop-local day of closed_at, which is
 * within a day of its UTC date, so the index on closed_at finds the few candidates.
 */
function markRefundDays(tx: WriteTx, lo: string, hi: string): void {
  const sqlite = tx.sqlite;
  sqlite.exec('CREATE TEMP TABLE pf_refund (order_id INTEGER PRIMARY KEY, day TEXT NOT NULL)');
  const candidates = sqlite
    .prepare(
      `SELECT o.id, o.shop_id AS shopId, o.closed_at AS closedAt, s.timezone FROM orders o JOIN shops s ON s.id = o.shop_id
       WHERE o.refund_fen > 0 AND o.closed_at >= ? AND o.closed_at < ?`,
    )
    .all(addDays(lo, -1), addDays(hi, 2)) as Array<{
    id: number;
    shopId: number;
    closedAt: string;
    timezone: string;
  }>;
  if (candidates.length === 0) return;
  const dirty = new Set(
    (
      sqlite.prepare('SELECT shop_id AS shopId, day FROM profit_dirty').all() as Array<{
        shopId: number;
        day: string;
      }>
    ).map((d) => `${d.shopId}|${d.day}`),
  );
  const insert = sqlite.prepare('INSERT INTO temp.pf_refund (order_id, day) VALUES (?, ?)');
  for (const c of candidates) {
    const day = localDateOf(c.closedAt, c.timezone);
    if (dirty.has(`${c.shopId}|${day}`)) insert.run(c.id, day);
  }
}

/**
 * Marks every (shop, day) and every buyer dirty, so the next refresh recomputes all facts from the
 * orders: the check that incremental upkeep never drifts (tests), and a repair if it ever did.
 */
export function markAllProfitFactsDirty(tx: WriteTx): void {
  const sqlite = tx.sqlite;
  sqlite.exec(`INSERT OR IGNORE INTO profit_dirty (shop_id, day)
    SELECT DISTINCT shop_id, order_date FROM orders WHERE order_date IS NOT NULL
    UNION SELECT shop_id, day FROM profit_daily
    UNION SELECT o.shop_id, date(o.closed_at, d.shift) FROM orders o
      JOIN (SELECT '-1 day' AS shift UNION ALL SELECT '+0 day' UNION ALL SELECT '+1 day') d
      WHERE o.refund_fen > 0 AND o.closed_at IS NOT NULL`);
  sqlite.exec(`INSERT OR IGNORE INTO profit_dirty_buyers (buyer_account_id)
    SELECT DISTINCT buyer_account_id FROM orders WHERE buyer_account_id IS NOT NULL
    UNION SELECT buyer_account_id FROM buyer_scopes`);
  sqlite.exec(`INSERT OR IGNORE INTO profit_dirty_buyer_days (shop_id, day)
    SELECT DISTINCT shop_id, order_date FROM orders WHERE order_date IS NOT NULL`);
  // Counts of scopes and periods no order is left in go too.
  sqlite.exec('DELETE FROM profit_buyers');
}
