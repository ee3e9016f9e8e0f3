import Database from 'better-sqlite3';
import { profitReport } from '../../main/services/profit/report.ts';
const db = new Database(process.argv[2], { readonly: true });
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const r = profitReport(db, { by: 'platform', period: 'month' });
  console.log((performance.now() - t).toFixed(1), 'ms', r.rows.length, r.totals.buyers);
}
const t = performance.now();
const rows = db.prepare(`SELECT s.platform AS g, substr(o.order_date,1,7) AS p, count(DISTINCT o.buyer_account_id) AS n FROM orders o INDEXED BY orders_paid_buyers JOIN shops s ON s.id = o.shop_id WHERE o.buyer_account_id IS NOT NULL AND (o.paid_at IS NOT NULL OR o.status IN ('paid', 'shipped', 'completed')
    OR (o.status = 'closed' AND o.refund_fen > 0)
    OR (o.status IS NULL AND o.paid_fen > 0)) AND o.order_date >= '2024-01-01' AND o.order_date <= '2026-12-31' GROUP BY g, p`).all();
console.log('buyers only', (performance.now() - t).toFixed(1), rows.length);
