/**
 * Whether the per-customer summary the Customers list reads is right after a change: it must equal
 * (1) what the orders say, aggregated here from scratch with SQL of the test's own, and (2) what a
 * full recompute of every customer gives. And every account has a customer, every customer an
 * account and a summary.
 */
import { expect } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { refreshCustomerStats } from '../../../main/services/customers/stats.js';

type Rows = Record<string, unknown>[];

function snapshot(h: HuikeDb): { stats: Rows; spend: Rows; search: Rows } {
  const all = (sql: string) => h.readSqlite.prepare(sql).all() as Rows;
  return {
    stats: all('SELECT * FROM customer_stats ORDER BY customer_id'),
    spend: all('SELECT * FROM customer_spend ORDER BY customer_id, currency'),
    search: all('SELECT * FROM customer_search ORDER BY customer_id'),
  };
}

/** The figures the orders give, per customer, computed without the summary's code. */
function fromOrders(h: HuikeDb): { stats: Rows; spend: Rows } {
  const paid = `(o.paid_at IS NOT NULL OR o.status IN ('paid', 'shipped', 'completed')
    OR (o.status = 'closed' AND o.refund_fen > 0) OR (o.status IS NULL AND o.paid_fen > 0))`;
  const stats = h.readSqlite
    .prepare(
      `SELECT c.id AS customer_id,
         (SELECT count(*) FROM buyer_accounts a WHERE a.customer_id = c.id) AS accounts,
         (SELECT count(*) FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id WHERE a.customer_id = c.id) AS orders,
         (SELECT count(*) FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
           WHERE a.customer_id = c.id AND ${paid}) AS paid_orders,
         (SELECT min(o.ordered_at) FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id WHERE a.customer_id = c.id) AS first_order_at,
         (SELECT max(o.ordered_at) FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id WHERE a.customer_id = c.id) AS last_order_at,
         (SELECT group_concat(DISTINCT a.platform) FROM buyer_accounts a WHERE a.customer_id = c.id) AS platform_set,
         (SELECT group_concat(DISTINCT o.shop_id) FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id WHERE a.customer_id = c.id) AS shop_set
       FROM customers c ORDER BY c.id`,
    )
    .all() as Rows;
  const spend = h.readSqlite
    .prepare(
      `SELECT a.customer_id, o.currency, count(*) AS paid_orders, sum(coalesce(o.paid_fen, 0)) AS paid_fen,
         sum(coalesce(o.refund_fen, 0)) AS refund_fen
       FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE ${paid} GROUP BY a.customer_id, o.currency ORDER BY a.customer_id, o.currency`,
    )
    .all() as Rows;
  return { stats, spend };
}

const sortedList = (value: unknown) =>
  String(value ?? '')
    .split(',')
    .filter(Boolean)
    .sort()
    .join(',');

export async function expectSummariesFresh(h: HuikeDb): Promise<void> {
  const one = (sql: string) => (h.readSqlite.prepare(sql).get() as { n: number }).n;
  expect(
    one('SELECT count(*) AS n FROM buyer_accounts WHERE customer_id IS NULL OR customer_via IS NULL'),
  ).toBe(0);
  expect(
    one(
      'SELECT count(*) AS n FROM customers c WHERE NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = c.id)',
    ),
  ).toBe(0);
  expect(one('SELECT count(*) AS n FROM customers')).toBe(one('SELECT count(*) AS n FROM customer_stats'));

  const kept = snapshot(h);
  const truth = fromOrders(h);
  expect(
    kept.stats.map((s) => ({
      customer_id: s.customer_id,
      accounts: s.accounts,
      orders: s.orders,
      paid_orders: s.paid_orders,
      first_order_at: s.first_order_at,
      last_order_at: s.last_order_at,
      platform_set: sortedList(s.platforms),
      shop_set: sortedList(s.shop_ids),
    })),
  ).toEqual(
    truth.stats.map((t) => ({
      ...t,
      platform_set: sortedList(t.platform_set),
      shop_set: sortedList(t.shop_set),
    })),
  );
  expect(kept.spend.map(({ net_fen: _net, ...s }) => s)).toEqual(truth.spend);
  expect(kept.spend.every((s) => s.net_fen === Number(s.paid_fen) - Number(s.refund_fen))).toBe(true);

  await h.writer.transaction((tx) => refreshCustomerStats(tx, 'SELECT id FROM customers'));
  expect(snapshot(h)).toEqual(kept);
}
