/**
 * What the value analyses know about each customer at an as-of date, folded from rows of paid
 * orders grouped by (customer, month, platform). The database groups its orders so (services/value);
 * `activityFromOrders` groups plain orders the same way, for tests and as the definition the SQL
 * must agree with.
 */

/** Days between two YYYY-MM-DD days (b − a), in whole calendar days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day `months` calendar months before `day` (the same day of the month, clamped to its end). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A YYYY-MM month as a count of months since year 0 (differences are months apart). */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The windows of "value in the last N months" (issue 11: 6, 8 and 12 months). */
export const RECENT_WINDOWS = [6, 8, 12] as const;
export type RecentWindow = (typeof RECENT_WINDOWS)[number];

/** Paid orders of one customer in one calendar month on one platform, up to the as-of day. */
export interface ActivityRow {
  customer: number;
  /** YYYY-MM */
  month: string;
  platform: string;
  orders: number;
  /** Net paid after refunds, minor units. */
  revenueFen: number;
  /** The orders' contribution (services/value/order-contribution.ts), minor units. */
  contributionFen: number;
  firstDay: string;
  lastDay: string;
  /** Orders with a discount, and orders placed inside the holiday calendar. */
  discountOrders: number;
  holidayOrders: number;
  /** Revenue and contribution of the orders after the as-of day minus 6, 8, 12 months. */
  recentRevenueFen: readonly [number, number, number];
  recentContributionFen: readonly [number, number, number];
}

export interface CustomerMonth {
  month: string;
  orders: number;
  revenueFen: number;
  contributionFen: number;
}

export interface CustomerFacts {
  id: number;
  firstDay: string;
  lastDay: string;
  orders: number;
  revenueFen: number;
  contributionFen: number;
  /** The platform of the first and of the latest order (ties on a day: the platform name first). */
  firstPlatform: string;
  lastPlatform: string;
  platforms: string[];
  discountOrders: number;
  holidayOrders: number;
  recentRevenueFen: [number, number, number];
  recentContributionFen: [number, number, number];
  /** Months with a paid order, in order. */
  months: CustomerMonth[];
}

/**
 * Folds activity rows into one record per customer, in customer order. Rows may come in any
 * order; the result does not depend on it.
 */
export function foldCustomerFacts(rows: readonly ActivityRow[]): CustomerFacts[] {
  const byCustomer = new Map<number, CustomerFacts>();
  for (const row of rows) {
    let c = byCustomer.get(row.customer);
    if (!c) {
      c = {
        id: row.customer,
        firstDay: row.firstDay,
        lastDay: row.lastDay,
        orders: 0,
        revenueFen: 0,
        contributionFen: 0,
        firstPlatform: row.platform,
        lastPlatform: row.platform,
        platforms: [],
        discountOrders: 0,
        holidayOrders: 0,
        recentRevenueFen: [0, 0, 0],
        recentContributionFen: [0, 0, 0],
        months: [],
      };
      byCustomer.set(row.customer, c);
    }
    if (row.firstDay < c.firstDay || (row.firstDay === c.firstDay && row.platform < c.firstPlatform)) {
      c.firstDay = row.firstDay;
      c.firstPlatform = row.platform;
    }
    if (row.lastDay > c.lastDay || (row.lastDay === c.lastDay && row.platform < c.lastPlatform)) {
      c.lastDay = row.lastDay;
      c.lastPlatform = row.platform;
    }
    c.orders += row.orders;
    c.revenueFen += row.revenueFen;
    c.contributionFen += row.contributionFen;
    c.discountOrders += row.discountOrders;
    c.holidayOrders += row.holidayOrders;
    for (let w = 0; w < 3; w++) {
      c.recentRevenueFen[w]! += row.recentRevenueFen[w]!;
      c.recentContributionFen[w]! += row.recentContributionFen[w]!;
    }
    if (!c.platforms.includes(row.platform)) c.platforms.push(row.platform);
    const month = c.months.find((m) => m.month === row.month);
    if (month) {
      month.orders += row.orders;
      month.revenueFen += row.revenueFen;
      month.contributionFen += row.contributionFen;
    } else {
      c.months.push({
        month: row.month,
        orders: row.orders,
        revenueFen: row.revenueFen,
        contributionFen: row.contributionFen,
      });
    }
  }
  const out = [...byCustomer.values()].sort((a, b) => a.id - b.id);
  for (const c of out) {
    c.platforms.sort();
    c.months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  }
  return out;
}

/** A paid order as the analyses see it. */
export interface ValueOrder {
  customer: number;
  day: string;
  platform: string;
  revenueFen: number;
  contributionFen: number;
  discounted: boolean;
}

/**
 * A holiday of the shopping calendar, every year from `start` to `end` (MM-DD, both included; a
 * period across New Year, such as 12-20 … 01-10, wraps).
 */
export interface Holiday {
  name: string;
  start: string;
  end: string;
}

/**
 * The shopping festivals Chinese shops plan around. Dates move a little from year to year (年货节
 * follows the lunar new year), so these are editable defaults: the settings keep the owner's own.
 */
export const DEFAULT_HOLIDAYS: readonly Holiday[] = [
  { name: '年货节', start: '01-05', end: '01-25' },
  { name: '38节', start: '03-01', end: '03-08' },
  { name: '618', start: '06-01', end: '06-18' },
  { name: '99划算节', start: '09-01', end: '09-09' },
  { name: '双11', start: '10-20', end: '11-11' },
  { name: '双12', start: '12-01', end: '12-12' },
];

export function inHoliday(day: string, holidays: readonly Holiday[]): boolean {
  const md = day.slice(5, 10);
  return holidays.some((h) =>
    h.start <= h.end ? md >= h.start && md <= h.end : md >= h.start || md <= h.end,
  );
}

/** Groups orders up to `asOf` into activity rows, as the database query does. */
export function activityFromOrders(
  orders: readonly ValueOrder[],
  options: { asOf: string; holidays?: readonly Holiday[] },
): ActivityRow[] {
  const holidays = options.holidays ?? DEFAULT_HOLIDAYS;
  const cuts = RECENT_WINDOWS.map((months) => monthsBefore(options.asOf, months));
  const rows = new Map<string, ActivityRow>();
  for (const o of orders) {
    if (o.day > options.asOf) continue;
    const month = o.day.slice(0, 7);
    const key = `${o.customer}|${month}|${o.platform}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        customer: o.customer,
        month,
        platform: o.platform,
        orders: 0,
        revenueFen: 0,
        contributionFen: 0,
        firstDay: o.day,
        lastDay: o.day,
        discountOrders: 0,
        holidayOrders: 0,
        recentRevenueFen: [0, 0, 0],
        recentContributionFen: [0, 0, 0],
      };
      rows.set(key, row);
    }
    row.orders += 1;
    row.revenueFen += o.revenueFen;
    row.contributionFen += o.contributionFen;
    if (o.day < row.firstDay) row.firstDay = o.day;
    if (o.day > row.lastDay) row.lastDay = o.day;
    if (o.discounted) row.discountOrders += 1;
    if (inHoliday(o.day, holidays)) row.holidayOrders += 1;
    const recentRevenue = [...row.recentRevenueFen] as [number, number, number];
    const recentContribution = [...row.recentContributionFen] as [number, number, number];
    cuts.forEach((cut, w) => {
      if (o.day > cut) {
        recentRevenue[w]! += o.revenueFen;
        recentContribution[w]! += o.contributionFen;
      }
    });
    row.recentRevenueFen = recentRevenue;
    row.recentContributionFen = recentContribution;
  }
  return [...rows.values()];
}
