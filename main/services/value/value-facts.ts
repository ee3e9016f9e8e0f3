/**
 * The customers' facts for the value analyses, read from the database in one set-based pass: the
 * paid orders (figures.ts PAID_SQL) of merged customers in the report's currency up to the as-of
 * day, grouped by (customer, month, platform) with their revenue, contribution, discounted and
 * holiday orders and the last 6/8/12 months' sums. `activityFromOrders` (domain) is the same
 * grouping in plain code; tests/unit/value/value-report.test.ts holds the two to each other.
 */
import {
  foldCustomerFacts,
  monthsBefore,
  RECENT_WINDOWS,
  type ActivityRow,
  type CustomerFacts,
  type Holiday,
} from '../../domain/value/index.js';
import type { ReadSource } from '../customers/search.js';
import { PAID_SQL } from '../figures.js';
import { contributionSql, NET_REVENUE_SQL, type ContributionMode } from './order-contribution.js';

/** The currency most orders are in (the report's), or null without orders. */
export function mainCurrency({ readSqlite }: Pick<ReadSource, 'readSqlite'>): string | null {
  const row = readSqlite
    .prepare('SELECT currency FROM orders GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1')
    .get() as { currency: string } | undefined;
  return row?.currency ?? null;
}

/** The latest order day (the default as-of date: the data's end, as the fit's calibration end). */
export function latestOrderDay({ readSqlite }: Pick<ReadSource, 'readSqlite'>): string | null {
  const row = readSqlite.prepare('SELECT max(order_date) AS day FROM orders').get() as { day: string | null };
  return row.day;
}

/** Paid orders in other currencies up to the as-of day (left out of the report, said so). */
export function otherCurrencyOrders(
  { readSqlite }: Pick<ReadSource, 'readSqlite'>,
  currency: string,
  asOf: string,
): number {
  const row = readSqlite
    .prepare(`SELECT count(*) AS n FROM orders o WHERE ${PAID_SQL} AND o.currency <> ? AND o.order_date <= ?`)
    .get(currency, asOf) as { n: number };
  return row.n;
}

/** The holiday test of `orders o` as SQL, with named parameters @h<i>s / @h<i>e. */
function holidaySql(holidays: readonly Holiday[]): { sql: string; params: Record<string, string> } {
  if (holidays.length === 0) return { sql: '0', params: {} };
  const md = 'substr(o.order_date, 6, 5)';
  const terms = holidays.map((h, i) =>
    h.start <= h.end ? `(${md} BETWEEN @h${i}s AND @h${i}e)` : `(${md} >= @h${i}s OR ${md} <= @h${i}e)`,
  );
  const params: Record<string, string> = {};
  holidays.forEach((h, i) => {
    params[`h${i}s`] = h.start;
    params[`h${i}e`] = h.end;
  });
  return { sql: `(${terms.join(' OR ')})`, params };
}

export interface FactsRequest {
  currency: string;
  asOf: string;
  holidays: readonly Holiday[];
  mode: ContributionMode;
}

type RawActivity = [
  customer: number,
  month: string,
  platform: string,
  orders: number,
  revenue: number,
  contribution: number,
  firstDay: string,
  lastDay: string,
  discountOrders: number,
  holidayOrders: number,
  r6: number,
  c6: number,
  r8: number,
  c8: number,
  r12: number,
  c12: number,
];

export function readActivity(
  { readSqlite }: Pick<ReadSource, 'readSqlite'>,
  request: FactsRequest,
): ActivityRow[] {
  const holiday = holidaySql(request.holidays);
  const cuts: Record<string, string> = {};
  RECENT_WINDOWS.forEach((months) => (cuts[`cut${months}`] = monthsBefore(request.asOf, months)));
  const recent = RECENT_WINDOWS.map(
    (m) => `sum(CASE WHEN d > @cut${m} THEN rev ELSE 0 END), sum(CASE WHEN d > @cut${m} THEN con ELSE 0 END)`,
  ).join(', ');
  const rows = readSqlite
    .prepare(
      `SELECT customer, substr(d, 1, 7), platform, count(*), sum(rev), sum(con), min(d), max(d),
        sum(disc), sum(hol), ${recent}
      FROM (
        SELECT a.customer_id AS customer, o.order_date AS d, a.platform AS platform,
          ${NET_REVENUE_SQL} AS rev, ${contributionSql(request.mode)} AS con,
          coalesce(o.discount_fen, 0) > 0 AS disc, ${holiday.sql} AS hol
        FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
        WHERE ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.currency = @currency
          AND o.order_date IS NOT NULL AND o.order_date <= @asOf
      )
      GROUP BY customer, substr(d, 1, 7), platform`,
    )
    .raw()
    .all({ ...cuts, ...holiday.params, currency: request.currency, asOf: request.asOf }) as RawActivity[];
  return rows.map((r) => ({
    customer: r[0],
    month: r[1],
    platform: r[2],
    orders: r[3],
    revenueFen: r[4],
    contributionFen: r[5],
    firstDay: r[6],
    lastDay: r[7],
    discountOrders: r[8],
    holidayOrders: r[9],
    recentRevenueFen: [r[10], r[12], r[14]],
    recentContributionFen: [r[11], r[13], r[15]],
  }));
}

export function readCustomerFacts(
  source: Pick<ReadSource, 'readSqlite'>,
  request: FactsRequest,
): CustomerFacts[] {
  return foldCustomerFacts(readActivity(source, request));
}
