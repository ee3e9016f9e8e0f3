/** The overview numbers: paid orders, money, buyers, and their split by platform and month. */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { DashboardSummary, MoneyByKey } from '../domain/results.js';
import { PAID_ORDER_SQL } from './import/order-columns.js';

/**
 * Business months are counted in China time. Asia/Shanghai is UTC+8 all year (no daylight saving
 * since 1991), so a fixed offset is exact; shops in other zones come with the profit reports.
 */
const CHINA_OFFSET = '+8 hours';

/** Dashboard figures add up money of one currency only; amounts of others are listed apart. */
const MAIN_CURRENCY = 'CNY';

/** `from`/`to` are calendar days (YYYY-MM-DD) in China time, both inclusive. */
export async function dashboardSummary(
  db: Db,
  range: { from?: string; to?: string },
): Promise<DashboardSummary> {
  const where = sql.join(
    [
      sql.raw(PAID_ORDER_SQL),
      sql`o.currency = ${MAIN_CURRENCY}`,
      range.from ? sql`date(o.created_at, ${CHINA_OFFSET}) >= ${range.from}` : sql`1 = 1`,
      range.to ? sql`date(o.created_at, ${CHINA_OFFSET}) <= ${range.to}` : sql`1 = 1`,
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
       count(DISTINCT buyer_account_id) AS buyers, min(created_at) AS first, max(created_at) AS last
     FROM orders o WHERE ${where}`.execute(db);
  const repeat = await sql<{ n: number }>`SELECT count(*) AS n FROM (
       SELECT buyer_account_id FROM orders o WHERE ${where} AND buyer_account_id IS NOT NULL
       GROUP BY buyer_account_id HAVING count(*) > 1)`.execute(db);
  const byPlatform = await sql<MoneyByKey>`SELECT s.platform AS key, count(*) AS orders,
       coalesce(sum(o.paid_fen), 0) AS paidFen, coalesce(sum(o.refund_fen), 0) AS refundFen
     FROM orders o JOIN shops s ON s.id = o.shop_id WHERE ${where} GROUP BY s.platform ORDER BY paidFen DESC`.execute(
    db,
  );
  const byMonth =
    await sql<MoneyByKey>`SELECT strftime('%Y-%m', o.created_at, ${CHINA_OFFSET}) AS key, count(*) AS orders,
       coalesce(sum(o.paid_fen), 0) AS paidFen, coalesce(sum(o.refund_fen), 0) AS refundFen
     FROM orders o WHERE ${where} AND o.created_at IS NOT NULL GROUP BY key ORDER BY key`.execute(db);
  const all = await sql<{ n: number }>`SELECT count(*) AS n FROM orders`.execute(db);
  const others = await sql<{
    currency: string;
    orders: number;
    paidFen: number;
  }>`SELECT currency, count(*) AS orders,
       coalesce(sum(paid_fen), 0) AS paidFen FROM orders o
     WHERE ${sql.raw(PAID_ORDER_SQL)} AND currency <> ${MAIN_CURRENCY} GROUP BY currency ORDER BY currency`.execute(
    db,
  );
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
