/**
 * Discounted customer lifetime value over a finite horizon, built as `lifetimes`'
 * `_customer_lifetime_value` / `GammaGammaFitter.customer_lifetime_value` (design/customer-value.md
 * §1.5), with a margin added:
 *
 *   CLV = margin · E[M] · Σ_{k=1..months} (E[Y(k·f)] − E[Y((k−1)·f)]) / (1 + d)^k
 *
 * E[Y(t)] is the customer's expected purchases in the next t time units, E[M] the expected value
 * of one purchase, f the time units per month and d the monthly discount rate: each month's
 * expected purchases are discounted at the end of that month. lifetimes' default d = 0.01 is about
 * 12.7 % a year (1.01^12 − 1). lifetimes has no margin ("monetary value can be profit or revenue");
 * here it multiplies the spend, so margin 1 is revenue and 0.3 a 30 % contribution margin.
 *
 * Mind the units-per-month factor: lifetimes' docs run weekly CDNOW with its default for days (30),
 * so their "month" is 30 weeks (customer 1: 140.10); 4.345 weeks gives 36.28.
 */
import { DAYS_PER_UNIT, type TimeUnit } from './summary.js';

/** Days in an average month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Model time units per month: 30.4375 days, or 4.348 weeks. */
export function unitsPerMonth(unit: TimeUnit): number {
  return DAYS_PER_MONTH / DAYS_PER_UNIT[unit];
}

export interface ClvOptions {
  /** Months ahead (default 12). */
  months?: number;
  /** Discount per month (default 0.01, as lifetimes). */
  monthlyDiscountRate?: number;
  /** Share of spend kept as profit (default 1: revenue). */
  margin?: number;
  /** Model time units per month (`unitsPerMonth(unit)`). */
  unitsPerMonth: number;
}

export const CLV_DEFAULTS = { months: 12, monthlyDiscountRate: 0.01, margin: 1 } as const;

/**
 * CLV of one customer from E[Y(t)] (`expectedPurchases`, increasing, 0 at t = 0) and E[M].
 * With zero discount and margin 1 it is E[M] · E[Y(months · f)].
 */
export function discountedClv(
  expectedPurchases: (t: number) => number,
  spendPerPurchase: number,
  options: ClvOptions,
): number {
  const months = options.months ?? CLV_DEFAULTS.months;
  const d = options.monthlyDiscountRate ?? CLV_DEFAULTS.monthlyDiscountRate;
  const margin = options.margin ?? CLV_DEFAULTS.margin;
  let value = 0;
  let before = 0;
  let discount = 1;
  for (let k = 1; k <= months; k++) {
    const upTo = expectedPurchases(k * options.unitsPerMonth);
    discount /= 1 + d;
    value += (upTo - before) * discount;
    before = upTo;
  }
  return margin * spendPerPurchase * value;
}
