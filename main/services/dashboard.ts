/**
 * The overview: one range of days and one currency for every figure on it. Days are each order's
 * day in its own shop's time zone (orders.order_date, indexed); amounts are never added across
 * currencies, and every currency with orders in the range is listed so none disappears.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  periodKeys,
  previousPeriod,
  sameRangeLastYear,
  unitFor,
  type DayRange,
} from '../domain/reports/periods.js';
import type {
  CurrencyFigures,
  DashboardSummary,
  PeriodFigures,
  PeriodPoint,
  PlatformFigures,
} from '../domain/results.js';
import type { Platform } from '../domain/orders/types.js';
import { buyerCountsSql, PAID_SQL } from './figures.js';

export interface DashboardQuery {
  from?: string;
  to?: string;
  currency?: string;
}

interface Where {
  sql: string;
  params: Array<string | number>;
}

function inRange(range: { from?: string | null; to?: string | null }, currency?: string): Where {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (range.from) {
    parts.push('o.order_date >= ?');
    params.push(range.from);
  }
  if (range.to) {
    parts.push('o.order_date <= ?');
    params.push(range.to);
  }
  if (currency !== undefined) {
    parts.push('o.currency = ?');
    params.push(currency);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

const PAID_MONEY = `coalesce(sum(CASE WHEN ${PAID_SQL} THEN o.paid_fen END), 0)`;
const PAID_REFUNDS = `coalesce(sum(CASE WHEN ${PAID_SQL} THEN o.refund_fen END), 0)`;

function currenciesIn(sqlite: BetterSqlite3.Database, where: Where): CurrencyFigures[] {
  return sqlite
    .prepare(
      `SELECT o.currency AS currency, coalesce(sum(${PAID_SQL}), 0) AS paidOrders, ${PAID_MONEY} AS paidFen
       FROM orders o WHERE ${where.sql} GROUP BY o.currency ORDER BY paidOrders DESC, o.currency`,
    )
    .all(...where.params) as CurrencyFigures[];
}

function figuresOf(sqlite: BetterSqlite3.Database, where: Where): PeriodFigures & { sampleOrders: number } {
  const totals = sqlite
    .prepare(
      `SELECT count(*) AS allOrders, coalesce(sum(${PAID_SQL}), 0) AS paidOrders,
         ${PAID_MONEY} AS paidFen, ${PAID_REFUNDS} AS refundFen,
         coalesce(sum(${PAID_SQL} AND s.is_sample), 0) AS sampleOrders
       FROM orders o JOIN shops s ON s.id = o.shop_id WHERE ${where.sql}`,
    )
    .get(...where.params) as Omit<PeriodFigures, 'netFen' | 'buyers' | 'repeatBuyers'> & {
    sampleOrders: number;
  };
  const buyers = sqlite.prepare(buyerCountsSql(where.sql)).get(...where.params) as {
    buyers: number;
    repeatBuyers: number;
  };
  return { ...totals, netFen: totals.paidFen - totals.refundFen, ...buyers };
}

/** The days a series spans: the range asked for, its open ends closed by the data. */
function seriesRange(sqlite: BetterSqlite3.Database, where: Where, asked: DashboardQuery): DayRange | null {
  if (asked.from && asked.to) return { from: asked.from, to: asked.to };
  const span = sqlite
    .prepare(`SELECT min(o.order_date) AS first, max(o.order_date) AS last FROM orders o WHERE ${where.sql}`)
    .get(...where.params) as { first: string | null; last: string | null };
  if (!span.first || !span.last) return null;
  return { from: asked.from ?? span.first, to: asked.to ?? span.last };
}

function seriesOf(
  sqlite: BetterSqlite3.Database,
  where: Where,
  range: DayRange | null,
): DashboardSummary['series'] {
  if (!range) return { unit: 'month', points: [] };
  const unit = unitFor(range);
  const rows = sqlite
    .prepare(
      `SELECT substr(o.order_date, 1, ${unit === 'day' ? 10 : 7}) AS key, coalesce(sum(${PAID_SQL}), 0) AS paidOrders,
         ${PAID_MONEY} AS paidFen, ${PAID_REFUNDS} AS refundFen
       FROM orders o WHERE ${where.sql} AND o.order_date IS NOT NULL GROUP BY key`,
    )
    .all(...where.params) as PeriodPoint[];
  const found = new Map(rows.map((r) => [r.key, r]));
  const points = periodKeys(range, unit).map(
    (key) => found.get(key) ?? { key, paidOrders: 0, paidFen: 0, refundFen: 0 },
  );
  return { unit, points };
}

function platformsOf(
  sqlite: BetterSqlite3.Database,
  where: Where,
  currencies: CurrencyFigures[],
): PlatformFigures[] {
  const rows = sqlite
    .prepare(
      `SELECT s.platform AS platform, o.currency AS currency, coalesce(sum(${PAID_SQL}), 0) AS paidOrders,
         ${PAID_MONEY} AS paidFen, ${PAID_REFUNDS} AS refundFen
       FROM orders o JOIN shops s ON s.id = o.shop_id WHERE ${where.sql}
       GROUP BY s.platform, o.currency HAVING paidOrders > 0`,
    )
    .all(...where.params) as Array<Omit<PlatformFigures, 'share'> & { platform: Platform }>;
  const totals = new Map(currencies.map((c, i) => [c.currency, { paidFen: c.paidFen, rank: i }]));
  return rows
    .map((r) => {
      const total = totals.get(r.currency)?.paidFen ?? 0;
      return { ...r, share: total > 0 ? r.paidFen / total : 0 };
    })
    .sort(
      (a, b) =>
        (totals.get(a.currency)?.rank ?? 0) - (totals.get(b.currency)?.rank ?? 0) ||
        b.paidFen - a.paidFen ||
        a.platform.localeCompare(b.platform),
    );
}

export function dashboardSummary(sqlite: BetterSqlite3.Database, query: DashboardQuery): DashboardSummary {
  const range = { from: query.from ?? null, to: query.to ?? null };
  const all = inRange(range);
  const currencies = currenciesIn(sqlite, all);
  const currency = query.currency ?? currencies[0]?.currency ?? null;
  const scoped = inRange(range, currency ?? '');
  const { sampleOrders, ...current } = figuresOf(sqlite, scoped);
  const closed = query.from && query.to ? { from: query.from, to: query.to } : null;
  const compare = (r: DayRange) => {
    const { sampleOrders: _ignored, ...figures } = figuresOf(sqlite, inRange(r, currency ?? ''));
    return { range: r, figures };
  };
  const span = sqlite
    .prepare(`SELECT min(o.ordered_at) AS first, max(o.ordered_at) AS last FROM orders o WHERE ${scoped.sql}`)
    .get(...scoped.params) as { first: string | null; last: string | null };
  const customers = sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
  return {
    range,
    currency,
    currencies,
    current,
    previous: closed && currency ? compare(previousPeriod(closed)) : null,
    lastYear: closed && currency ? compare(sameRangeLastYear(closed)) : null,
    series: seriesOf(sqlite, scoped, currency ? seriesRange(sqlite, scoped, query) : null),
    byPlatform: platformsOf(sqlite, all, currencies),
    customers: customers.n,
    firstOrderAt: span.first,
    lastOrderAt: span.last,
    sampleOrders,
  };
}
