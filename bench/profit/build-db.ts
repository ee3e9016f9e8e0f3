/**
 * A Huike database of N generated orders for the profit benchmark, written in SQL (set-based, a
 * few seconds per million) into the real schema through the real writer: the triggers mark every
 * shop-day dirty and the commit computes the daily facts exactly as an import would.
 *
 * Six shops (two Tmall, JD, PDD, Douyin and a Shopify shop in USD) over two years; one or two
 * lines per order over 500 SKUs with costs (one SKU in 50 has none), fee rules with a rate change
 * half-way, shipping rules, ads every day, USD rates; 5 % of orders refunded in full (closed three
 * days later), 3 % in part; 400 000 buyer accounts. Values come from multiplicative hashes of the
 * order number, so a size and the same code give the same rows.
 */
import { openAppServices } from '../../main/services/app-services.js';

export const SHOPS = [
  { id: 1, platform: 'tmall', name: '天猫旗舰店', currency: 'CNY' },
  { id: 2, platform: 'tmall', name: '淘宝店', currency: 'CNY' },
  { id: 3, platform: 'jd', name: '京东店', currency: 'CNY' },
  { id: 4, platform: 'pdd', name: '拼多多店', currency: 'CNY' },
  { id: 5, platform: 'douyin', name: '抖店', currency: 'CNY' },
  { id: 6, platform: 'shopify', name: 'US Store', currency: 'USD' },
] as const;

const DAYS = 730;
const ACCOUNTS = 400_000;
const SKUS = 500;

export interface BuiltDb {
  orders: number;
  lines: number;
  /** Seconds to insert the rows, and to compute the facts at commit. */
  insertS: number;
  factsS: number;
}

export async function buildProfitDb(file: string, orders: number, stageDir: string): Promise<BuiltDb> {
  const services = await openAppServices({
    dbPath: file,
    stageDir,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const { huikeDb } = services;
  let insertS = 0;
  const started = performance.now();
  try {
    await huikeDb.writer.transaction(async (tx) => {
      const db = tx.sqlite;
      const now = '2026-01-01T00:00:00.000Z';
      db.prepare("INSERT INTO operations (id, kind, created_at) VALUES (1, 'import', ?)").run(now);
      const shop = db.prepare(
        'INSERT INTO shops (id, platform, name, currency, created_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const s of SHOPS) shop.run(s.id, s.platform, s.name, s.currency, now);
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ACCOUNTS})
        INSERT INTO buyer_accounts (id, platform, key_kind, account_key, first_op_id, created_at)
        SELECT i, 'tmall', 'member_name', 'buyer' || i, 1, '${now}' FROM n`);
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${orders}),
        o AS (SELECT i, 1 + (i * 7919) % 6 AS shop, (i * 104729) % ${DAYS} AS d, 1000 + (i * 48271) % 50000 AS paid FROM n)
        INSERT INTO orders (id, shop_id, platform_order_id, buyer_account_id, status, ordered_at, order_date, paid_at,
          closed_at, currency, paid_fen, discount_fen, refund_fen, receiver_province, first_op_id, last_op_id)
        SELECT i, shop, 'B' || i, 1 + (i * 15485863) % ${ACCOUNTS},
          CASE WHEN i % 20 = 0 THEN 'closed' ELSE 'completed' END,
          date('2024-01-01', '+' || d || ' days') || 'T04:00:00.000Z', date('2024-01-01', '+' || d || ' days'),
          date('2024-01-01', '+' || d || ' days') || 'T04:01:00.000Z',
          CASE WHEN i % 20 = 0 THEN date('2024-01-01', '+' || (d + 3) || ' days') || 'T06:00:00.000Z' END,
          CASE WHEN shop = 6 THEN 'USD' ELSE 'CNY' END, paid,
          CASE WHEN i % 5 = 0 THEN paid / 10 ELSE 0 END,
          CASE WHEN i % 20 = 0 THEN paid WHEN i % 33 = 0 THEN paid / 4 ELSE 0 END,
          CASE i % 4 WHEN 0 THEN '浙江省' WHEN 1 THEN '新疆维吾尔自治区' WHEN 2 THEN '广东省' ELSE '北京市' END,
          1, 1
        FROM o`);
      db.exec(`INSERT INTO order_lines (order_id, line_key, sku, quantity, paid_fen, refund_fen, first_op_id, last_op_id)
        SELECT id, 'a', 'SKU-' || ((id * 31) % ${SKUS}), 1 + id % 3,
          CASE WHEN id % 3 = 0 THEN paid_fen * 2 / 3 ELSE paid_fen END,
          CASE WHEN refund_fen = paid_fen THEN CASE WHEN id % 3 = 0 THEN paid_fen * 2 / 3 ELSE paid_fen END ELSE 0 END,
          1, 1 FROM orders`);
      db.exec(`INSERT INTO order_lines (order_id, line_key, sku, quantity, paid_fen, refund_fen, first_op_id, last_op_id)
        SELECT id, 'b', 'SKU-' || ((id * 37) % ${SKUS}), 1, paid_fen - paid_fen * 2 / 3,
          CASE WHEN refund_fen = paid_fen THEN paid_fen - paid_fen * 2 / 3 ELSE 0 END, 1, 1
        FROM orders WHERE id % 3 = 0`);
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${SKUS - 1})
        INSERT INTO sku_costs (sku, effective_from, unit_cost_fen, category, op_id)
        SELECT 'SKU-' || i, '0000-01-01', 500 + (i * 97) % 9000, CASE WHEN i % 7 = 0 THEN '电器' END, 1 FROM n WHERE i % 50 <> 49`);
      db.exec(`INSERT INTO sku_costs (sku, effective_from, unit_cost_fen, category, op_id)
        SELECT sku, '2025-01-01', unit_cost_fen + 100, category, 1 FROM sku_costs WHERE effective_from = '0000-01-01'`);
      const rule =
        db.prepare(`INSERT INTO fee_rules (shop_id, effective_from, commission_bp, category_bp_json, payment_bp,
        points_bp, per_order_fen, monthly_fen, op_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`);
      for (const s of SHOPS) {
        const shopify = s.platform === 'shopify';
        rule.run(
          s.id,
          '2024-01-01',
          shopify ? 0 : 500,
          '{"电器":300}',
          shopify ? 290 : 60,
          s.platform === 'tmall' ? 50 : 0,
          shopify ? 30 : 0,
          100_000,
        );
        rule.run(
          s.id,
          '2025-01-01',
          shopify ? 0 : 600,
          '{"电器":300}',
          shopify ? 270 : 60,
          s.platform === 'tmall' ? 50 : 0,
          shopify ? 30 : 0,
          100_000,
        );
      }
      db.exec(`INSERT INTO shipping_rules (shop_id, effective_from, province, per_order_fen, packaging_fen, op_id)
        SELECT id, '2024-01-01', '', 600, 100, 1 FROM shops UNION ALL SELECT id, '2024-01-01', '新疆', 2000, 100, 1 FROM shops`);
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${DAYS - 1})
        INSERT INTO ad_spend (shop_id, day, channel, amount_fen, op_id)
        SELECT s.id, date('2024-01-01', '+' || i || ' days'), '', 20000 + (i * s.id * 7) % 10000, 1 FROM n, shops s`);
      db.exec(`WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 23)
        INSERT INTO currency_rates (currency, month, cny_ppm, op_id)
        SELECT 'USD', strftime('%Y-%m', date('2024-01-01', '+' || i || ' months')), 7100000 + i * 1000, 1 FROM m`);
      insertS = (performance.now() - started) / 1000;
    });
    const factsS = (performance.now() - started) / 1000 - insertS;
    const counts = huikeDb.readSqlite
      .prepare('SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines')
      .get() as { orders: number; lines: number };
    return { ...counts, insertS, factsS };
  } finally {
    await services.close();
  }
}
