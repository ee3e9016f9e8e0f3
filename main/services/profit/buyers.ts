/**
 * Buyers and new buyers per period: distinct counts, which cannot be added up from days. So they
 * are kept per scope — a shop ('shop:3'), a platform ('platform:jd'), everything ('all') — and per
 * calendar period — a day ('D:2026-03-05'), a week ('W:' and its Monday), a month ('M:2026-03') and
 * all time ('A') — in `profit_buyers`, next to each buyer account's first paid day in each scope
 * (`buyer_scopes`: "new" means the first paid order in that scope falls in the period).
 *
 * The orders triggers mark the buyers and the (shop, day) pairs a write touched; before the
 * commit, the scopes and periods those reach are counted again from the orders, through a partial
 * index that holds only paid orders' (day, shop, buyer). A report over whole periods then reads
 * counts; a range that cuts a period counts that part from the index.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteTx } from '../../../db/index.js';
import { addDays } from '../../domain/reports/periods.js';
import { PAID_SQL } from '../figures.js';

/** The scope's filter on `orders o`, and its parameter. */
export type BuyerScope =
  { kind: 'shop'; shopId: number } | { kind: 'platform'; platform: string } | { kind: 'all' };

export function scopeKey(scope: BuyerScope): string {
  return scope.kind === 'shop'
    ? `shop:${scope.shopId}`
    : scope.kind === 'platform'
      ? `platform:${scope.platform}`
      : 'all';
}

/** The days of a period key ('A': null, every day). */
export function periodDays(period: string): { from: string; to: string } | null {
  const kind = period.slice(0, 2);
  const value = period.slice(2);
  if (kind === 'D:') return { from: value, to: value };
  if (kind === 'W:') return { from: value, to: addDays(value, 6) };
  if (kind === 'M:') {
    const [y, m] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}` };
  }
  return null;
}

/** The period keys of a day, as SQL over a day expression. */
const PERIODS_OF_DAY = (day: string) => [
  `'D:' || ${day}`,
  `'W:' || date(${day}, 'weekday 0', '-6 days')`,
  `'M:' || substr(${day}, 1, 7)`,
  `'A'`,
];

function scopeFilter(scope: BuyerScope): { sql: string; params: Array<string | number> } {
  if (scope.kind === 'shop') return { sql: 'o.shop_id = ?', params: [scope.shopId] };
  if (scope.kind === 'platform')
    return { sql: 'o.shop_id IN (SELECT id FROM shops WHERE platform = ?)', params: [scope.platform] };
  return { sql: '1 = 1', params: [] };
}

/** Distinct buyers with a paid order in the scope between two days, from the partial index. */
export function countBuyersLive(
  sqlite: BetterSqlite3.Database,
  scope: BuyerScope,
  from: string,
  to: string,
): number {
  const f = scopeFilter(scope);
  return (
    sqlite
      .prepare(
        `SELECT count(DISTINCT o.buyer_account_id) AS n FROM orders o INDEXED BY orders_paid_buyers
         WHERE o.buyer_account_id IS NOT NULL AND ${PAID_SQL} AND o.order_date >= ? AND o.order_date <= ? AND ${f.sql}`,
      )
      .get(from, to, ...f.params) as { n: number }
  ).n;
}

/** Buyers whose first paid order in the scope falls between two days. */
export function countNewBuyersLive(
  sqlite: BetterSqlite3.Database,
  scope: BuyerScope,
  from: string,
  to: string,
): number {
  return (
    sqlite
      .prepare('SELECT count(*) AS n FROM buyer_scopes WHERE scope = ? AND first_day >= ? AND first_day <= ?')
      .get(scopeKey(scope), from, to) as { n: number }
  ).n;
}

/** Buyer accounts whose scopes are rebuilt per slice of the work. */
const BUYERS_PER_SLICE = 5000;

/** Recounts what the dirty buyers and (shop, day) pairs reach, in the write's transaction. */
export async function refreshBuyerCounts(
  tx: WriteTx,
  slicer: { maybeYield(): Promise<void> },
): Promise<void> {
  const sqlite = tx.sqlite;
  const dirty = sqlite
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM profit_dirty_buyers) OR EXISTS (SELECT 1 FROM profit_dirty_buyer_days) AS any',
    )
    .get() as { any: number };
  if (!dirty.any) return;
  sqlite.exec('DROP TABLE IF EXISTS temp.pb_keys');
  sqlite.exec(
    'CREATE TEMP TABLE pb_keys (scope TEXT NOT NULL, period TEXT NOT NULL, PRIMARY KEY (scope, period))',
  );
  const periodCase = (day: string) =>
    `CASE kinds.k ${PERIODS_OF_DAY(day)
      .map((p, i) => `WHEN ${i} THEN ${p}`)
      .join(' ')} END`;
  const kinds = '(SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) kinds';
  // The dirty buyers' first days, before and after: their periods' new-buyer counts change.
  const markFirsts = `INSERT OR IGNORE INTO temp.pb_keys (scope, period)
    SELECT f.scope, ${periodCase('f.first_day')} FROM (
      SELECT DISTINCT f.scope, f.first_day FROM profit_dirty_buyers b
      JOIN buyer_scopes f ON f.buyer_account_id = b.buyer_account_id) f
    CROSS JOIN ${kinds}`;
  sqlite.exec(markFirsts);
  // The dirty buyers' rows per scope, rebuilt from their paid orders a slice of buyers at a time.
  sqlite.exec('DROP TABLE IF EXISTS temp.pb_slice');
  sqlite.exec('CREATE TEMP TABLE pb_slice (buyer_account_id INTEGER PRIMARY KEY)');
  const nextSlice = sqlite.prepare(`INSERT INTO temp.pb_slice SELECT buyer_account_id FROM profit_dirty_buyers
    WHERE buyer_account_id > ? ORDER BY buyer_account_id LIMIT ${BUYERS_PER_SLICE}`);
  for (let after = -1; ;) {
    sqlite.exec('DELETE FROM temp.pb_slice');
    if (nextSlice.run(after).changes === 0) break;
    after = (sqlite.prepare('SELECT max(buyer_account_id) AS m FROM temp.pb_slice').get() as { m: number }).m;
    sqlite.exec(
      'DELETE FROM buyer_scopes WHERE buyer_account_id IN (SELECT buyer_account_id FROM temp.pb_slice)',
    );
    // One pass over the slice's paid orders gives each buyer a row per scope.
    sqlite.exec(`INSERT INTO buyer_scopes (scope, buyer_account_id, first_day)
      SELECT CASE k.n WHEN 0 THEN 'shop:' || o.shop_id WHEN 1 THEN 'platform:' || s.platform ELSE 'all' END AS scope,
        o.buyer_account_id AS buyer, min(o.order_date)
      FROM temp.pb_slice b JOIN orders o ON o.buyer_account_id = b.buyer_account_id
      JOIN shops s ON s.id = o.shop_id CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) k
      WHERE o.order_date IS NOT NULL AND ${PAID_SQL}
      GROUP BY scope, buyer`);
    await slicer.maybeYield();
  }
  sqlite.exec('DROP TABLE temp.pb_slice');
  sqlite.exec(markFirsts);
  // The days orders changed on: their periods' buyer counts, in the shop, its platform and all.
  sqlite.exec(`INSERT OR IGNORE INTO temp.pb_keys (scope, period)
    SELECT sc.scope, ${periodCase('d.day')} FROM profit_dirty_buyer_days d
    JOIN (SELECT id AS shop_id, 'shop:' || id AS scope FROM shops
          UNION ALL SELECT id, 'platform:' || platform FROM shops
          UNION ALL SELECT id, 'all' FROM shops) sc ON sc.shop_id = d.shop_id
    CROSS JOIN ${kinds}`);
  // Days of a shop deleted since (the sample data removed, a shop merged away): its platform is
  // gone with it, so every platform's counts of those periods are taken again, and 'all'.
  sqlite.exec(`INSERT OR IGNORE INTO temp.pb_keys (scope, period)
    SELECT sc.scope, ${periodCase('d.day')} FROM profit_dirty_buyer_days d
    JOIN (SELECT 'all' AS scope UNION SELECT DISTINCT scope FROM profit_buyers WHERE scope LIKE 'platform:%') sc
    CROSS JOIN ${kinds}
    WHERE NOT EXISTS (SELECT 1 FROM shops s WHERE s.id = d.shop_id)`);

  countKeys(tx);
  sqlite.exec('DELETE FROM profit_dirty_buyers');
  sqlite.exec('DELETE FROM profit_dirty_buyer_days');
  sqlite.exec('DROP TABLE temp.pb_keys');
}

const PERIOD_KINDS: Array<[string, (day: string) => string]> = [
  ['D', (d) => `'D:' || ${d}`],
  ['W', (d) => `'W:' || date(${d}, 'weekday 0', '-6 days')`],
  ['M', (d) => `'M:' || substr(${d}, 1, 7)`],
];

/**
 * Counts every key of temp.pb_keys set-based: per period kind, one grouped pass over the paid
 * orders of the days the keys span (per scope kind) and one over the first days; then the keys'
 * rows are replaced (a count of zero leaves none).
 */
function countKeys(tx: WriteTx): void {
  const sqlite = tx.sqlite;
  sqlite.exec('DROP TABLE IF EXISTS temp.pb_counts');
  sqlite.exec(`CREATE TEMP TABLE pb_counts (scope TEXT NOT NULL, period TEXT NOT NULL, buyers INTEGER NOT NULL,
    new_buyers INTEGER NOT NULL, PRIMARY KEY (scope, period))`);
  for (const [kind, periodOf] of PERIOD_KINDS) {
    const span = sqlite
      .prepare(
        `SELECT min(period) AS lo, max(period) AS hi FROM temp.pb_keys WHERE period >= ? AND period < ?`,
      )
      .get(`${kind}:`, `${kind};`) as { lo: string | null; hi: string | null };
    if (!span.lo || !span.hi) continue;
    const lo = periodDays(span.lo)!.from;
    const hi = periodDays(span.hi)!.to;
    for (const scope of ["'shop:' || o.shop_id", "'platform:' || s.platform", "'all'"]) {
      sqlite
        .prepare(
          `INSERT INTO temp.pb_counts (scope, period, buyers, new_buyers)
           SELECT ${scope} AS sc, ${periodOf('o.order_date')} AS pe, count(DISTINCT o.buyer_account_id), 0
           FROM orders o INDEXED BY orders_paid_buyers JOIN shops s ON s.id = o.shop_id
           WHERE o.buyer_account_id IS NOT NULL AND ${PAID_SQL} AND o.order_date >= ? AND o.order_date <= ?
           GROUP BY sc, pe`,
        )
        .run(lo, hi);
    }
    sqlite
      .prepare(
        `INSERT INTO temp.pb_counts (scope, period, buyers, new_buyers)
         SELECT scope, ${periodOf('first_day')} AS pe, 0, count(*) FROM buyer_scopes
         WHERE first_day >= ? AND first_day <= ? GROUP BY scope, pe
         ON CONFLICT (scope, period) DO UPDATE SET new_buyers = excluded.new_buyers`,
      )
      .run(lo, hi);
  }
  sqlite.exec(`INSERT INTO temp.pb_counts (scope, period, buyers, new_buyers)
    SELECT scope, 'A', count(*), count(*) FROM buyer_scopes
    WHERE scope IN (SELECT scope FROM temp.pb_keys WHERE period = 'A') GROUP BY scope`);
  sqlite.exec(`DELETE FROM profit_buyers
    WHERE EXISTS (SELECT 1 FROM temp.pb_keys k WHERE k.scope = profit_buyers.scope AND k.period = profit_buyers.period)`);
  sqlite.exec(`INSERT INTO profit_buyers (scope, period, buyers, new_buyers)
    SELECT c.scope, c.period, c.buyers, c.new_buyers FROM temp.pb_counts c
    JOIN temp.pb_keys k ON k.scope = c.scope AND k.period = c.period
    WHERE c.buyers > 0 OR c.new_buyers > 0`);
  sqlite.exec('DROP TABLE temp.pb_counts');
}
