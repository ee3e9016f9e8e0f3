import Database from 'better-sqlite3';
import { missingCostSkus } from '../../main/services/profit/report.ts';
const db = new Database(process.argv[2], { readonly: true });
let t = performance.now();
db.prepare('SELECT * FROM profit_daily').all();
console.log('facts', (performance.now() - t).toFixed(1));
t = performance.now();
missingCostSkus(db, {}, undefined, 10);
console.log('missing', (performance.now() - t).toFixed(1));
t = performance.now();
const rows = db.prepare(`SELECT 'total' AS g, 'all' AS p, count(DISTINCT o.buyer_account_id) AS n FROM orders o INDEXED BY orders_paid_buyers JOIN shops s ON s.id = o.shop_id WHERE o.buyer_account_id IS NOT NULL AND (o.paid_at IS NOT NULL OR o.status IN ('paid', 'shipped', 'completed')
    OR (o.status = 'closed' AND o.refund_fen > 0)
    OR (o.status IS NULL AND o.paid_fen > 0)) AND o.order_date >= '2024-01-01' AND o.order_date <= '2026-12-31' GROUP BY g, p`).all();
console.log('total buyers', (performance.now() - t).toFixed(1));
