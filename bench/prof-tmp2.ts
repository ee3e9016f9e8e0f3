import { existsSync } from 'node:fs';
import { buildDatabase } from './suites/value.js';
import { refreshValueFit } from '../main/services/value/fit-refresh.js';
import { readValueSnapshot } from '../main/services/value/value-snapshot.js';
import { computeValue, forgetComputedValue, valueReport } from '../main/services/value/value-report.js';
import { createDb } from '../db/index.js';
const file = process.argv[2]!; const n = Number(process.argv[3]);
if (!existsSync(file)) { const b = await buildDatabase(file, n, 1); await refreshValueFit(b.huikeDb, { now: () => new Date() }); await b.huikeDb.close(); }
const db = await createDb({ filename: file });
const t = <T,>(l: string, f: () => T): T => { const s = performance.now(); const r = f(); console.log(l, (performance.now() - s).toFixed(0), 'ms'); return r; };
for (let k = 0; k < 3; k++) {
  t('snapshot', () => readValueSnapshot(db));
  forgetComputedValue(db.readSqlite);
  t('computeValue', () => computeValue(db));
  forgetComputedValue(db.readSqlite);
  t('valueReport', () => valueReport(db, {}, 'fresh'));
}
await db.close();
