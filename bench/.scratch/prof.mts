import Database from 'better-sqlite3';
import { profitReport } from '../../main/services/profit/report.ts';
const db = new Database(process.argv[2], { readonly: true });
for (let i = 0; i < 3; i++) profitReport(db, { by: 'platform', period: 'month' });
const t = performance.now();
for (let i = 0; i < 10; i++) profitReport(db, { by: 'platform', period: 'month' });
console.log(((performance.now() - t) / 10).toFixed(1), 'ms');
