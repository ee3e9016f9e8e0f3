/**
 * The customers' facts column by column: one typed array per field, platforms as indexes into a
 * name table, days as day numbers, each customer's active months as a slice of one flat array.
 * The value report reads these straight from the stored snapshot and analyses them without making
 * an object per customer (at 460k customers the objects and their garbage cost seconds).
 * `factsToColumns` and `factsAt` convert to and from the plain records (CustomerFacts).
 */
import { dayNumber, dayText } from './summary.js';
import { FIRST_MONTH_ONLY, type CustomerFacts } from './customer-facts.js';

/** Minor units, one per customer. */
export type MoneyColumn = Float64Array | Int32Array;

export interface FactsColumns {
  /** Customer ids, ascending. */
  ids: Int32Array;
  /** Day numbers (days since 1970-01-01) of the first and the latest paid order. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  orders: Int32Array;
  discountOrders: Int32Array;
  holidayOrders: Int32Array;
  /** Indexes into `platformNames`; `platforms` a bit set of them. */
  firstPlatform: Int32Array;
  lastPlatform: Int32Array;
  platforms: Int32Array;
  platformNames: readonly string[];
  revenue: Float64Array;
  contribution: Float64Array;
  /**
   * Last 6 / 8 / 12 months (RECENT_WINDOWS) and first 3 / 6 / 12 months (EARLY_MONTHS): only
   * summed, so kept as stored (32-bit integers when whole, value-snapshot.ts), never widened.
   */
  r6: MoneyColumn;
  r8: MoneyColumn;
  r12: MoneyColumn;
  c6: MoneyColumn;
  c8: MoneyColumn;
  c12: MoneyColumn;
  e3: MoneyColumn;
  e6: MoneyColumn;
  e12: MoneyColumn;
  ec3: MoneyColumn;
  ec6: MoneyColumn;
  ec12: MoneyColumn;
  /** Customer i's active months (after the first's) are months[monthsStart[i] … monthsStart[i + 1]). */
  monthsStart: Int32Array;
  months: Int32Array;
}

/** The plain records as columns (platform names in first-seen order). */
export function factsToColumns(facts: readonly CustomerFacts[], platformNames: string[] = []): FactsColumns {
  const n = facts.length;
  const names = [...platformNames];
  const platformIndex = (p: string) => {
    let i = names.indexOf(p);
    if (i < 0) i = names.push(p) - 1;
    return i;
  };
  const int = () => new Int32Array(n);
  const num = () => new Float64Array(n);
  const c: FactsColumns = {
    ids: int(),
    firstDay: int(),
    lastDay: int(),
    orders: int(),
    discountOrders: int(),
    holidayOrders: int(),
    firstPlatform: int(),
    lastPlatform: int(),
    platforms: int(),
    platformNames: names,
    revenue: num(),
    contribution: num(),
    r6: num(),
    r8: num(),
    r12: num(),
    c6: num(),
    c8: num(),
    c12: num(),
    e3: num(),
    e6: num(),
    e12: num(),
    ec3: num(),
    ec6: num(),
    ec12: num(),
    monthsStart: new Int32Array(n + 1),
    months: new Int32Array(facts.reduce((s, f) => s + f.activeMonths.length, 0)),
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    c.ids[i] = f.id;
    c.firstDay[i] = dayNumber(f.firstDay);
    c.lastDay[i] = dayNumber(f.lastDay);
    c.orders[i] = f.orders;
    c.discountOrders[i] = f.discountOrders;
    c.holidayOrders[i] = f.holidayOrders;
    c.firstPlatform[i] = platformIndex(f.firstPlatform);
    c.lastPlatform[i] = platformIndex(f.lastPlatform);
    let mask = 0;
    for (const p of f.platforms) mask |= 1 << platformIndex(p);
    c.platforms[i] = mask;
    c.revenue[i] = f.revenueFen;
    c.contribution[i] = f.contributionFen;
    c.r6[i] = f.revenue6mFen;
    c.r8[i] = f.revenue8mFen;
    c.r12[i] = f.revenue12mFen;
    c.c6[i] = f.contribution6mFen;
    c.c8[i] = f.contribution8mFen;
    c.c12[i] = f.contribution12mFen;
    c.e3[i] = f.first3mRevenueFen;
    c.e6[i] = f.first6mRevenueFen;
    c.e12[i] = f.first12mRevenueFen;
    c.ec3[i] = f.first3mContributionFen;
    c.ec6[i] = f.first6mContributionFen;
    c.ec12[i] = f.first12mContributionFen;
    c.monthsStart[i] = at;
    for (const m of f.activeMonths) c.months[at++] = m;
  }
  c.monthsStart[n] = at;
  return c;
}

/** Customer i's facts as the plain record (for one customer: the customer page). */
export function factsAt(c: FactsColumns, i: number): CustomerFacts {
  const from = c.monthsStart[i]!;
  const to = c.monthsStart[i + 1]!;
  return {
    id: c.ids[i]!,
    firstDay: dayText(c.firstDay[i]!),
    lastDay: dayText(c.lastDay[i]!),
    orders: c.orders[i]!,
    revenueFen: c.revenue[i]!,
    contributionFen: c.contribution[i]!,
    firstPlatform: c.platformNames[c.firstPlatform[i]!]!,
    lastPlatform: c.platformNames[c.lastPlatform[i]!]!,
    platforms: c.platformNames.filter((_, k) => c.platforms[i]! & (1 << k)).sort(),
    discountOrders: c.discountOrders[i]!,
    holidayOrders: c.holidayOrders[i]!,
    revenue6mFen: c.r6[i]!,
    revenue8mFen: c.r8[i]!,
    revenue12mFen: c.r12[i]!,
    contribution6mFen: c.c6[i]!,
    contribution8mFen: c.c8[i]!,
    contribution12mFen: c.c12[i]!,
    first3mRevenueFen: c.e3[i]!,
    first6mRevenueFen: c.e6[i]!,
    first12mRevenueFen: c.e12[i]!,
    first3mContributionFen: c.ec3[i]!,
    first6mContributionFen: c.ec6[i]!,
    first12mContributionFen: c.ec12[i]!,
    activeMonths:
      to - from === 1 && c.months[from] === 0 ? FIRST_MONTH_ONLY : Array.from(c.months.subarray(from, to)),
  };
}
