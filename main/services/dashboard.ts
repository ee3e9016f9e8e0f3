/** The overview numbers: paid orders, money, buyers, and their split by platform and month. */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { DashboardSummary, MoneyByKey } from '../domain/results.js';
import { paidOrderSql } from './import/order-columns.js';

const PAID = paidOrderSql('o');

/** Dashboard figures add up money of one currency only; amounts of others are listed apart. */
const MAIN_CURRENCY = 'CNY';

/**
 * `from`/`to` are calendar days (YYYY-MM-DD), both inclusive, compared with each order's day in
 * its own shop's time zone (orders.order_date, indexed).
 */
export async function dashboardSummary(
  db: Db,
  range: { from?: string; to?: string },
): Promise<DashboardSummary> {
  const where = sql.join(
    [
      sql.raw(PAID),
      sql`o.currency = ${MAIN_CURRENCY}`,
      range.from ? sql`o.order_date >= ${range.from}` : sql`1 = 1`,
      range.to ? sql`o.order_date <= ${range.to}` : sql`1 = 1`,
    ],
    sql` AND `,
  );
  const totals = await sql<{
    paidOrders: number;
    paidFen: number;
    refundFen: number;
    buyers: number;
    first: string | null;
    last: string | null;
  }>`SELECT count(*) AS paidOrders, coalesce(sum(paid_fen), 0) AS paidFen, coalesce(sum(refund_fen), 0) AS refundFen,
       count(DISTINCT buyer_account_id) AS buyers, min(ordered_at) AS first, max(ordered_at) AS last
     FROM orders o WHERE ${where}`.execute(db);
  const repeat = await sql<{ n: number }>`SELECT count(*) AS n FROM (
       SELECT buyer_account_id FROM orders o WHERE ${where} AND buyer_account_id IS NOT NULL
       GROUP BY buyer_account_id HAVING count(*) > 1)`.execute(db);
  const byPlatform = await sql<MoneyByKey>`SELECT s.platform AS key, count(*) AS orders,
       coalesce(sum(o.paid_fen), 0) AS paidFen, coalesce(sum(o.refund_fen), 0) AS refundFen
     FROM orders o JOIN shops s ON s.id = o.shop_id WHERE ${where} GROUP BY s.platform ORDER BY paidFen DESC`.execute(
    db,
  );
  const byMonth = await sql<MoneyByKey>`SELECT substr(o.order_date, 1, 7) AS key, count(*) AS orders,
       coalesce(sum(o.paid_fen), 0) AS paidFen, coalesce(sum(o.refund_fen), 0) AS refundFen
     FROM orders o WHERE ${where} AND o.order_date IS NOT NULL GROUP BY key ORDER BY key`.execute(db);
  const all = await sql<{ n: number }>`SELECT count(*) AS n FROM orders`.execute(db);
  const others = await sql<{
    currency: string;
    orders: number;
    paidFen: number;
  }>`SELECT currency, count(*) AS orders,
       coalesce(sum(paid_fen), 0) AS paidFen FROM orders o
     WHERE ${sql.raw(PAID)} AND currency <> ${MAIN_CURRENCY} GROUP BY currency ORDER BY currency`.execute(db);
  const customers = await sql<{ n: number }>`SELECT count(*) AS n FROM customers`.execute(db);
  const t = totals.rows[0]!;
  return {
    paidOrders: t.paidOrders,
    allOrders: all.rows[0]!.n,
    paidFen: t.paidFen,
    refundFen: t.refundFen,
    netFen: t.paidFen - t.refundFen,
    buyers: t.buyers,
    customers: customers.rows[0]!.n,
    repeatBuyers: repeat.rows[0]!.n,
    byPlatform: byPlatform.rows,
    byMonth: byMonth.rows,
    firstOrderAt: t.first,
    lastOrderAt: t.last,
    otherCurrencies: others.rows,
  };
}
