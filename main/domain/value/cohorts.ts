/**
 * Cohorts (issue 11): customers grouped by the month of their first paid order and the platform of
 * that order. Months are calendar months; month 0 is the first order's month.
 */
import {
  EARLY_MONTHS,
  earlyContribution,
  earlyRevenue,
  monthIndex,
  type CustomerFacts,
} from './customer-facts.js';

export interface RetentionCohort {
  /** YYYY-MM of the first order. */
  month: string;
  /** The first order's platform, or 'all'. */
  platform: string;
  customers: number;
  /** active[k]: customers with a paid order in month k after the first (k = 0 is all of them), up to the as-of month. */
  active: number[];
}

/** Retention by first-order month, for all platforms together and for each first platform. */
export function retentionCohorts(customers: readonly CustomerFacts[], asOfMonth: string): RetentionCohort[] {
  const last = monthIndex(asOfMonth);
  // Month → platform ('all' too) → cohort; the month's text made once per distinct first day.
  const byMonth = new Map<string, Map<string, RetentionCohort>>();
  const monthOfDay = new Map<string, string>();
  const count = (cohort: RetentionCohort, active: readonly number[]) => {
    cohort.customers += 1;
    for (const k of active) if (k < cohort.active.length) cohort.active[k]! += 1;
  };
  for (const c of customers) {
    let month = monthOfDay.get(c.firstDay);
    if (month === undefined) monthOfDay.set(c.firstDay, (month = c.firstDay.slice(0, 7)));
    let platforms = byMonth.get(month);
    if (!platforms) byMonth.set(month, (platforms = new Map()));
    for (const platform of ['all', c.firstPlatform]) {
      let cohort = platforms.get(platform);
      if (!cohort) {
        const length = Math.max(0, last - monthIndex(month) + 1);
        cohort = { month, platform, customers: 0, active: new Array<number>(length).fill(0) };
        platforms.set(platform, cohort);
      }
      count(cohort, c.activeMonths);
    }
  }
  const out: RetentionCohort[] = [];
  for (const platforms of byMonth.values()) out.push(...platforms.values());
  return out.sort((a, b) =>
    a.month === b.month ? platformOrder(a.platform, b.platform) : a.month < b.month ? -1 : 1,
  );
}

function platformOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'all') return -1;
  if (b === 'all') return 1;
  return a < b ? -1 : 1;
}

export const CUMULATIVE_MONTHS = EARLY_MONTHS;

export interface CumulativeValue {
  /** Acquisition (first-order) platform, or 'all'. */
  platform: string;
  /** For 3, 6 and 12 months: customers old enough to count, average revenue and contribution per customer. */
  horizons: { months: number; customers: number; revenueFen: number; contributionFen: number }[];
}

/**
 * Average revenue and contribution per customer in their first 3 / 6 / 12 months (months 0 … N−1),
 * counting only customers whose first N months all lie before the as-of month is over (a customer
 * acquired last month cannot show a year).
 */
export function cumulativeValueByPlatform(
  customers: readonly CustomerFacts[],
  asOfMonth: string,
): CumulativeValue[] {
  const last = monthIndex(asOfMonth);
  const sums = new Map<string, { customers: number; revenue: number; contribution: number }[]>();
  const slot = (platform: string) => {
    let s = sums.get(platform);
    if (!s) {
      s = CUMULATIVE_MONTHS.map(() => ({ customers: 0, revenue: 0, contribution: 0 }));
      sums.set(platform, s);
    }
    return s;
  };
  for (const c of customers) {
    const start = monthIndex(c.firstDay.slice(0, 7));
    CUMULATIVE_MONTHS.forEach((n, h) => {
      if (start + n - 1 > last) return;
      const revenue = earlyRevenue(c, h);
      const contribution = earlyContribution(c, h);
      for (const s of [slot('all'), slot(c.firstPlatform)]) {
        s[h]!.customers += 1;
        s[h]!.revenue += revenue;
        s[h]!.contribution += contribution;
      }
    });
    slot('all');
    slot(c.firstPlatform);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => platformOrder(a, b))
    .map(([platform, s]) => ({
      platform,
      horizons: CUMULATIVE_MONTHS.map((months, h) => ({
        months,
        customers: s[h]!.customers,
        revenueFen: s[h]!.customers ? Math.round(s[h]!.revenue / s[h]!.customers) : 0,
        contributionFen: s[h]!.customers ? Math.round(s[h]!.contribution / s[h]!.customers) : 0,
      })),
    }));
}

export interface RepurchaseRate {
  platform: string;
  customers: number;
  repeatCustomers: number;
  rate: number;
}

/** Share of customers with two or more paid orders, overall and by first platform. */
export function repurchaseRates(customers: readonly CustomerFacts[]): RepurchaseRate[] {
  const counts = new Map<string, { customers: number; repeat: number }>();
  for (const c of customers) {
    for (const p of ['all', c.firstPlatform]) {
      const x = counts.get(p) ?? { customers: 0, repeat: 0 };
      x.customers += 1;
      if (c.orders >= 2) x.repeat += 1;
      counts.set(p, x);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => platformOrder(a, b))
    .map(([platform, x]) => ({
      platform,
      customers: x.customers,
      repeatCustomers: x.repeat,
      rate: x.customers ? x.repeat / x.customers : 0,
    }));
}

/** The customer shares the Pareto curve is read at (percent). */
export const PARETO_POINTS = [1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

export interface ParetoPoint {
  /** Top customers, percent of all customers. */
  customerShare: number;
  /** Their share of revenue, 0..1. */
  revenueShare: number;
}

/**
 * Share of revenue from the top x% of customers by revenue (customers with negative net revenue
 * count with it; the total is the net). The top x% is ⌈x% · n⌉ customers.
 */
export function paretoCurve(revenues: ArrayLike<number>): ParetoPoint[] {
  // Ascending (a typed sort), read from the end: the largest first.
  return paretoCurveSorted(Float64Array.from(revenues).sort());
}

/** The Pareto curve of revenues already sorted ascending. */
export function paretoCurveSorted(ascending: Float64Array): ParetoPoint[] {
  const n = ascending.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + ascending[n - 1 - i]!;
  const total = prefix[n]!;
  return PARETO_POINTS.map((share) => {
    const count = Math.ceil((n * share) / 100);
    return { customerShare: share, revenueShare: total > 0 ? prefix[count]! / total : 0 };
  });
}
