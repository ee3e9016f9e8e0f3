/**
 * VIP levels across every platform: each customer's net spend (or paid orders) over the window,
 * placed in the owner's tiers, computed set-based in one statement into `customer_vip`.
 *
 * Kept fresh without hooks in every writer: `computed_key` names what the stored levels were
 * computed from — the day (the window moves), the settings and the operation log's state (every
 * change to orders or customers is an operation, or undoes one). A read that finds another key
 * computes again first, in the one writer's transaction. Each computation also records the levels
 * as this month's snapshot (`vip_snapshots`, the month's latest), which the movement report
 * compares against the last earlier month.
 */
import { sql } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db, HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { DEFAULT_VIP_CONFIG, MAX_VIP_LEVELS, type VipConfig } from '../../shared/vip.js';
import type { VipLevelCount, VipMovements } from '../../domain/vip/views.js';
import { maskPersonName } from '../../domain/orders/privacy.js';
import { PAID_SQL } from '../figures.js';

/** The shop-local day in China (Asia/Shanghai): levels count calendar days as the owner does. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The first day counted: `windowMonths` before today, plus a day (12 months up to today); null for all time. */
export function windowStart(day: string, windowMonths: number): string | null {
  if (windowMonths === 0) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // The same day N months back (31 March → 28 February: the month's last day), then the day after.
  const lastDay = new Date(Date.UTC(y, m - 1 - windowMonths + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(y, m - 1 - windowMonths, Math.min(d, lastDay) + 1));
  return start.toISOString().slice(0, 10);
}

type Sqlite = BetterSqlite3.Database;

interface ConfigRow {
  basis: 'spend' | 'orders';
  window_months: number;
  currency: string;
  levels_json: string;
  updated_at: string;
  computed_key: string | null;
}

function readConfigRow(sqlite: Sqlite): ConfigRow | null {
  const row = sqlite
    .prepare(
      `SELECT basis, window_months, currency, levels_json, updated_at, computed_key
      FROM vip_config WHERE id = 1`,
    )
    .get() as ConfigRow | undefined;
  return row ?? null;
}

function configOf(row: ConfigRow | null): VipConfig {
  if (!row) return DEFAULT_VIP_CONFIG;
  return {
    basis: row.basis,
    windowMonths: row.window_months,
    currency: row.currency,
    levels: JSON.parse(row.levels_json) as VipConfig['levels'],
  };
}

export function readVipConfig(sqlite: Sqlite): VipConfig {
  return configOf(readConfigRow(sqlite));
}

/** Names unique and non-empty, the first min 0, mins strictly increasing. */
export function checkVipConfig(config: VipConfig): void {
  const { levels } = config;
  const bad = (reason: string) => new UserError({ code: 'vip.badLevels', params: { reason } });
  if (levels.length < 1 || levels.length > MAX_VIP_LEVELS + 1) throw bad('count');
  if (levels[0]!.min !== 0) throw bad('firstMin');
  const names = new Set(levels.map((l) => l.name.trim()));
  if (names.size !== levels.length || names.has('')) throw bad('names');
  for (let i = 1; i < levels.length; i++) if (levels[i]!.min <= levels[i - 1]!.min) throw bad('order');
}

export async function saveVipConfig(huikeDb: HuikeDb, config: VipConfig, now: string): Promise<VipConfig> {
  checkVipConfig(config);
  const levels = config.levels.map((l) => ({ name: l.name.trim(), min: l.min }));
  return huikeDb.writer.transaction(async (tx) => {
    tx.sqlite
      .prepare(
        `INSERT INTO vip_config (id, basis, window_months, currency, levels_json, updated_at, computed_key)
         VALUES (1, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (id) DO UPDATE SET basis = excluded.basis, window_months = excluded.window_months,
           currency = excluded.currency, levels_json = excluded.levels_json, updated_at = excluded.updated_at,
           computed_key = NULL`,
      )
      .run(config.basis, config.windowMonths, config.currency.toUpperCase(), JSON.stringify(levels), now);
    return { ...config, currency: config.currency.toUpperCase(), levels };
  });
}

function dataKey(sqlite: Sqlite, day: string, row: ConfigRow | null): string {
  const r = sqlite
    .prepare(
      `SELECT (SELECT max(id) FROM operations) AS last,
      (SELECT count(*) FROM operations WHERE state = 'undone') AS undone,
      (SELECT max(id) FROM customers) AS customers`,
    )
    .get() as { last: number | null; undone: number; customers: number | null };
  return [day, row?.updated_at ?? 'default', r.last ?? 0, r.undone, r.customers ?? 0].join('|');
}

/** Computes every customer's level into customer_vip and this month's snapshot. */
export function computeVipLevels(tx: WriteTx, config: VipConfig, day: string): void {
  const since = windowStart(day, config.windowMonths);
  const value =
    config.basis === 'orders' ? 'count(*)' : 'coalesce(sum(o.paid_fen), 0) - coalesce(sum(o.refund_fen), 0)';
  const currency = config.basis === 'spend' ? 'AND o.currency = @currency' : '';
  const window = since ? 'AND o.order_date >= @since' : '';
  // Highest level first: the first min the value reaches.
  const level = `CASE ${config.levels
    .map((l, i) => ({ l, i }))
    .reverse()
    .map(({ l, i }) => `WHEN coalesce(v.value, 0) >= ${Math.trunc(l.min)} THEN ${i}`)
    .join(' ')} ELSE 0 END`;
  tx.sqlite.exec('DELETE FROM customer_vip');
  tx.sqlite
    .prepare(
      `INSERT INTO customer_vip (customer_id, level, basis_value)
       SELECT c.id, ${level}, coalesce(v.value, 0) FROM customers c LEFT JOIN (
         SELECT a.customer_id AS customer_id, ${value} AS value FROM orders o
         JOIN buyer_accounts a ON a.id = o.buyer_account_id
         WHERE a.customer_id IS NOT NULL AND ${PAID_SQL} ${currency} ${window}
         GROUP BY a.customer_id) v ON v.customer_id = c.id`,
    )
    .run({ ...(currency ? { currency: config.currency } : {}), ...(since ? { since } : {}) });
  const month = day.slice(0, 7);
  tx.sqlite.prepare('DELETE FROM vip_snapshots WHERE month = ?').run(month);
  tx.sqlite
    .prepare(
      'INSERT INTO vip_snapshots (month, customer_id, level) SELECT ?, customer_id, level FROM customer_vip',
    )
    .run(month);
}

/** Makes customer_vip current (see the module comment); cheap when it already is. */
export async function ensureVipLevels(huikeDb: HuikeDb, now: Date): Promise<void> {
  const day = chinaDay(now);
  const row = readConfigRow(huikeDb.readSqlite);
  const key = dataKey(huikeDb.readSqlite, day, row);
  if (row?.computed_key === key) return;
  await huikeDb.writer.transaction(async (tx) => {
    const current = readConfigRow(tx.sqlite);
    const config = configOf(current);
    computeVipLevels(tx, config, day);
    // The key is taken again inside the transaction: a change committed meanwhile is included.
    const fresh = dataKey(tx.sqlite, day, current);
    tx.sqlite
      .prepare(
        `INSERT INTO vip_config (id, basis, window_months, currency, levels_json, updated_at, computed_key)
         VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET computed_key = excluded.computed_key`,
      )
      .run(
        config.basis,
        config.windowMonths,
        config.currency,
        JSON.stringify(config.levels),
        current?.updated_at ?? 'default',
        fresh,
      );
  });
}

export async function vipLevelCounts(db: Db, config: VipConfig): Promise<VipLevelCount[]> {
  const { rows } = await sql<{ level: number; n: number }>`SELECT level, count(*) AS n FROM customer_vip
    GROUP BY level`.execute(db);
  const counts = new Map(rows.map((r) => [r.level, r.n]));
  return config.levels.map((l, level) => ({
    level,
    name: l.name,
    min: l.min,
    customers: counts.get(level) ?? 0,
  }));
}

/** Who moved up or down since the last snapshot of an earlier month than today's. */
export async function vipMovements(db: Db, now: Date, limit = 200): Promise<VipMovements> {
  const month = chinaDay(now).slice(0, 7);
  const { rows: sinceRows } = await sql<{ month: string | null }>`SELECT max(month) AS month
    FROM vip_snapshots WHERE month < ${month}`.execute(db);
  const since = sinceRows[0]?.month ?? null;
  if (!since) return { since: null, up: 0, down: 0, moves: [] };
  const moved = sql`FROM customer_vip v JOIN vip_snapshots p ON p.customer_id = v.customer_id AND p.month = ${since}
    LEFT JOIN customer_stats s ON s.customer_id = v.customer_id WHERE p.level <> v.level`;
  const { rows: counts } = await sql<{ up: number | null; down: number | null }>`SELECT
    sum(v.level > p.level) AS up, sum(v.level < p.level) AS down ${moved}`.execute(db);
  const { rows } = await sql<{ customerId: number; name: string | null; from: number; to: number }>`SELECT
    v.customer_id AS customerId, s.name, p.level AS "from", v.level AS "to"
    ${moved} ORDER BY abs(v.level - p.level) DESC, v.level DESC, v.customer_id LIMIT ${limit}`.execute(db);
  const moves = rows.map((r) => ({ ...r, name: maskPersonName(r.name) }));
  return { since, up: counts[0]?.up ?? 0, down: counts[0]?.down ?? 0, moves };
}
