/**
 * What the value analyses know about each customer at an as-of date, folded from rows of paid
 * orders grouped by (customer, month, platform). The database groups its orders so (services/value);
 * `activityFromOrders` groups plain orders the same way, for tests and as the definition the SQL
 * must agree with.
 */

/** Days since 1970-01-01 of a YYYY-MM-DD day, remembered: the analyses ask for few distinct days many times. */
const DAY_NUMBERS = new Map<string, number>();
function dayIndex(day: string): number {
  let n = DAY_NUMBERS.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (DAY_NUMBERS.size > 100_000) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(day, n);
  }
  return n;
}

/** Days between two YYYY-MM-DD days (b − a), in whole calendar days. */
export function daysBetween(a: string, b: string): number {
  return dayIndex(b) - dayIndex(a);
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

/** The horizons of "value in the first N months" (cohorts: cumulative value by acquisition platform). */
export const EARLY_MONTHS = [3, 6, 12] as const;

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
  /**
   * Revenue and contribution of the last 6, 8 and 12 months, and of the first 3, 6 and 12 months
   * (months 0 … N−1): plain fields, not arrays, so 400k customers are 400k objects and no more
   * (`recentRevenue(c, k)` … read them by window).
   */
  revenue6mFen: number;
  revenue8mFen: number;
  revenue12mFen: number;
  contribution6mFen: number;
  contribution8mFen: number;
  contribution12mFen: number;
  first3mRevenueFen: number;
  first6mRevenueFen: number;
  first12mRevenueFen: number;
  first3mContributionFen: number;
  first6mContributionFen: number;
  first12mContributionFen: number;
  /** Months with a paid order, as months after the first order's month (0 is that month), ascending. */
  activeMonths: readonly number[];
}

/** The months of a customer who bought in one month only (most): one shared array. */
export const FIRST_MONTH_ONLY: readonly number[] = Object.freeze([0]);

/** Revenue / contribution of recent window k (RECENT_WINDOWS[k]: 6, 8, 12 months). */
export function recentRevenue(c: CustomerFacts, k: number): number {
  return k === 0 ? c.revenue6mFen : k === 1 ? c.revenue8mFen : c.revenue12mFen;
}
export function recentContribution(c: CustomerFacts, k: number): number {
  return k === 0 ? c.contribution6mFen : k === 1 ? c.contribution8mFen : c.contribution12mFen;
}
/** Revenue / contribution of the first EARLY_MONTHS[h] (3, 6, 12) months. */
export function earlyRevenue(c: CustomerFacts, h: number): number {
  return h === 0 ? c.first3mRevenueFen : h === 1 ? c.first6mRevenueFen : c.first12mRevenueFen;
}
export function earlyContribution(c: CustomerFacts, h: number): number {
  return h === 0 ? c.first3mContributionFen : h === 1 ? c.first6mContributionFen : c.first12mContributionFen;
}

interface Building {
  facts: CustomerFacts;
  /** Month index → [revenue, contribution], until build(). */
  months: Map<number, [number, number]>;
}

/**
 * Folds activity rows (any grouping finer than the customer: one order, or a month on a platform)
 * into one record per customer. The order of the rows does not matter.
 */
export class CustomerFactsBuilder {
  private readonly byCustomer = new Map<number, Building>();

  add(row: ActivityRow): void {
    let b = this.byCustomer.get(row.customer);
    if (!b) {
      b = {
        facts: {
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
          revenue6mFen: 0,
          revenue8mFen: 0,
          revenue12mFen: 0,
          contribution6mFen: 0,
          contribution8mFen: 0,
          contribution12mFen: 0,
          first3mRevenueFen: 0,
          first6mRevenueFen: 0,
          first12mRevenueFen: 0,
          first3mContributionFen: 0,
          first6mContributionFen: 0,
          first12mContributionFen: 0,
          activeMonths: FIRST_MONTH_ONLY,
        },
        months: new Map(),
      };
      this.byCustomer.set(row.customer, b);
    }
    const c = b.facts;
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
    c.revenue6mFen += row.recentRevenueFen[0];
    c.revenue8mFen += row.recentRevenueFen[1];
    c.revenue12mFen += row.recentRevenueFen[2];
    c.contribution6mFen += row.recentContributionFen[0];
    c.contribution8mFen += row.recentContributionFen[1];
    c.contribution12mFen += row.recentContributionFen[2];
    if (!c.platforms.includes(row.platform)) c.platforms.push(row.platform);
    const index = monthIndex(row.month);
    const month = b.months.get(index);
    if (month) {
      month[0] += row.revenueFen;
      month[1] += row.contributionFen;
    } else b.months.set(index, [row.revenueFen, row.contributionFen]);
  }

  /** One record per customer, in customer order. */
  build(): CustomerFacts[] {
    const out: CustomerFacts[] = [];
    for (const { facts: c, months } of this.byCustomer.values()) {
      c.platforms.sort();
      const first = monthIndex(c.firstDay.slice(0, 7));
      const active: number[] = [];
      for (const [index, [revenue, contribution]] of months) {
        const k = index - first;
        active.push(k);
        if (k < EARLY_MONTHS[0]) {
          c.first3mRevenueFen += revenue;
          c.first3mContributionFen += contribution;
        }
        if (k < EARLY_MONTHS[1]) {
          c.first6mRevenueFen += revenue;
          c.first6mContributionFen += contribution;
        }
        if (k < EARLY_MONTHS[2]) {
          c.first12mRevenueFen += revenue;
          c.first12mContributionFen += contribution;
        }
      }
      c.activeMonths =
        active.length === 1 && active[0] === 0 ? FIRST_MONTH_ONLY : active.sort((a, b) => a - b);
      out.push(c);
    }
    return out.sort((a, b) => a.id - b.id);
  }
}

export function foldCustomerFacts(rows: readonly ActivityRow[]): CustomerFacts[] {
  const builder = new CustomerFactsBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
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

/** Where the recent windows start for an as-of day (orders after these days count). */
export function recentCuts(asOf: string): string[] {
  return RECENT_WINDOWS.map((months) => monthsBefore(asOf, months));
}

/** One order as an activity row of its own. */
export function orderActivity(
  o: ValueOrder,
  cuts: readonly string[],
  holidays: readonly Holiday[],
): ActivityRow {
  const recent = (value: number) => cuts.map((cut) => (o.day > cut ? value : 0)) as [number, number, number];
  return {
    customer: o.customer,
    month: o.day.slice(0, 7),
    platform: o.platform,
    orders: 1,
    revenueFen: o.revenueFen,
    contributionFen: o.contributionFen,
    firstDay: o.day,
    lastDay: o.day,
    discountOrders: o.discounted ? 1 : 0,
    holidayOrders: inHoliday(o.day, holidays) ? 1 : 0,
    recentRevenueFen: recent(o.revenueFen),
    recentContributionFen: recent(o.contributionFen),
  };
}

/** Groups orders up to `asOf` into activity rows by (customer, month, platform), as the database query does. */
export function activityFromOrders(
  orders: readonly ValueOrder[],
  options: { asOf: string; holidays?: readonly Holiday[] },
): ActivityRow[] {
  const holidays = options.holidays ?? DEFAULT_HOLIDAYS;
  const cuts = recentCuts(options.asOf);
  const rows = new Map<string, ActivityRow>();
  for (const o of orders) {
    if (o.day > options.asOf) continue;
    const one = orderActivity(o, cuts, holidays);
    const key = `${o.customer}|${one.month}|${o.platform}`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, one);
      continue;
    }
    row.orders += 1;
    row.revenueFen += one.revenueFen;
    row.contributionFen += one.contributionFen;
    if (o.day < row.firstDay) row.firstDay = o.day;
    if (o.day > row.lastDay) row.lastDay = o.day;
    row.discountOrders += one.discountOrders;
    row.holidayOrders += one.holidayOrders;
    row.recentRevenueFen = row.recentRevenueFen.map((v, w) => v + one.recentRevenueFen[w]!) as [
      number,
      number,
      number,
    ];
    row.recentContributionFen = row.recentContributionFen.map(
      (v, w) => v + one.recentContributionFen[w]!,
    ) as [number, number, number];
  }
  return [...rows.values()];
}
