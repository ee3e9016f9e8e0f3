/**
 * The value analyses of analysis.ts, computed column by column: the same definitions and the same
 * results (held to `analyseValue` by tests/unit/value/columnar.test.ts), but over typed arrays,
 * with integer codes for segments, tiers and cohort cells, and plain loops — no object and no
 * closure per customer. Integer measures (recency, frequency) are scored by counting, monetary by
 * one typed sort. Sums run in customer order, as the plain analysis adds them, so even the
 * floating-point totals agree to the last bit.
 */
import type {
  AnalysisOptions,
  CustomerColumns,
  GroupTotals,
  PredictionColumns,
  ValueAnalysis,
} from './analysis.js';
import {
  BEHAVIOUR_SEGMENTS,
  BRAND_DATA_AVAILABLE,
  MARKETPLACES,
  MIN_ORDERS_FOR_HABIT,
  OWN_SHOPS,
} from './behaviour.js';
import { LOW_P_ALIVE, OVERDUE_FACTOR, type ChurnCandidate } from './churn.js';
import {
  CUMULATIVE_MONTHS,
  paretoCurveSorted,
  type CumulativeValue,
  type RepurchaseRate,
  type RetentionCohort,
} from './cohorts.js';
import { monthIndex, monthText, monthsBefore, RECENT_WINDOWS } from './customer-facts.js';
import type { FactsColumns } from './facts-columns.js';
import {
  EIGHT_SEGMENTS,
  NAMED_SEGMENTS,
  namedSegmentOf,
  splitThresholdsSorted,
  type SplitRule,
  type SplitThresholds,
} from './rfm.js';
import { dayNumber, dayText } from './summary.js';
import { VALUE_TIERS } from './tiers.js';
import { scoresFromSorted, tierCodes } from './columnar-stats.js';

/** EIGHT_SEGMENTS index of the code R F M read as bits (R = 4, F = 2, M = 1), as rfm.ts's BY_BITS. */
const SEGMENT_OF_BITS = Uint8Array.from(
  [
    'general_winback',
    'important_winback',
    'general_retention',
    'important_retention',
    'general_development',
    'important_development',
    'general_value',
    'important_value',
  ].map((s) => (EIGHT_SEGMENTS as readonly string[]).indexOf(s)),
);

/** NAMED_SEGMENTS index of scores r, f, m (1–5) at r·36 + f·6 + m. */
const NAMED_OF_SCORES = (() => {
  const table = new Uint8Array(216);
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++)
        table[r * 36 + f * 6 + m] = NAMED_SEGMENTS.indexOf(namedSegmentOf({ r, f, m }));
  return table;
})();

/**
 * Quintile scores of integer values by counting (the rule of rfm.ts: a tied group scores by its
 * middle position), into `out`; returns the median and the mean for the high/low split, or null
 * when the values span too wide a range to count (the caller sorts instead).
 */
function scoreIntegers(
  values: Float64Array,
  reverse: boolean,
  out: Uint8Array,
): { median: number; mean: number } | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const range = max - min + 1;
  if (n === 0 || range > 4 * n + 4096) return null;
  const counts = new Int32Array(range);
  for (let i = 0; i < n; i++) counts[values[i]! - min]! += 1;
  // below[v]: values smaller than v; the score of each distinct value once.
  const scoreOf = new Uint8Array(range);
  let below = 0;
  let medianLow = Number.NaN;
  let medianHigh = Number.NaN;
  const mid = n >> 1;
  for (let v = 0; v < range; v++) {
    const count = counts[v]!;
    if (count === 0) continue;
    const first = below;
    const end = below + count;
    const middle = reverse ? (2 * n - end - first - 1) / 2 : (first + end - 1) / 2;
    scoreOf[v] = Math.min(5, 1 + Math.floor((5 * middle) / n));
    if (first <= mid - 1 && mid - 1 < end) medianLow = v + min;
    if (first <= mid && mid < end) medianHigh = v + min;
    below = end;
  }
  for (let i = 0; i < n; i++) out[i] = scoreOf[values[i]! - min]!;
  return { median: n % 2 ? medianHigh : (medianLow + medianHigh) / 2, mean: sum / n };
}

/**
 * Scores one measure, by counting when it can, else from one typed sort (returned, for the other
 * analyses that need the same values in order); and its split point.
 */
function scoreMeasure(
  values: Float64Array,
  reverse: boolean,
  integers: boolean,
  out: Uint8Array,
  rule: SplitRule,
): { split: number; sorted: Float64Array | null } {
  const counted = integers ? scoreIntegers(values, reverse, out) : null;
  if (counted) return { split: rule.kind === 'mean' ? counted.mean : counted.median, sorted: null };
  const sorted = Float64Array.from(values).sort();
  scoresFromSorted(values, sorted, reverse, out);
  const t = splitThresholdsSorted(
    [sorted, sorted, sorted],
    rule.kind === 'fixed' ? { kind: 'median' } : rule,
  );
  return { split: t.recencyDays, sorted };
}

/** Group totals accumulated by integer group code. */
class Totals {
  readonly customers: Float64Array;
  readonly revenue: Float64Array;
  readonly contribution: Float64Array;
  readonly predicted: Float64Array;
  constructor(groups: number) {
    this.customers = new Float64Array(groups);
    this.revenue = new Float64Array(groups);
    this.contribution = new Float64Array(groups);
    this.predicted = new Float64Array(groups);
  }
  add(g: number, revenue: number, contribution: number, predicted: number): void {
    this.customers[g]! += 1;
    this.revenue[g]! += revenue;
    this.contribution[g]! += contribution;
    this.predicted[g]! += predicted;
  }
  list<N extends string>(names: readonly N[]): (GroupTotals & { name: N })[] {
    return names.map((name, g) => ({
      name,
      customers: this.customers[g]!,
      revenueFen: this.revenue[g]!,
      contributionFen: this.contribution[g]!,
      predictedFen: this.predicted[g]!,
    }));
  }
}

/** 'all' first, then the platforms by name (cohorts.ts's order). */
function platformsByName(names: readonly string[], present: (p: number) => boolean): number[] {
  return names
    .map((_, p) => p)
    .filter(present)
    .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
}

export function analyseValueColumns(
  facts: FactsColumns,
  options: AnalysisOptions,
  stored: PredictionColumns,
): ValueAnalysis {
  const n = facts.ids.length;
  const asOfDay = dayNumber(options.asOf);
  const columns: CustomerColumns = {
    ids: facts.ids,
    recencyDays: new Float64Array(n),
    frequency: new Float64Array(n),
    monetaryFen: options.basis === 'revenue' ? facts.revenue : facts.contribution,
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Uint8Array(n),
    named: new Uint8Array(n),
    tier: new Uint8Array(n),
    behaviour: new Uint8Array(n),
    winBack: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    columns.recencyDays[i] = asOfDay - facts.lastDay[i]!;
    columns.frequency[i] = facts.orders[i]!;
  }
  const split = options.split;
  const rSplit = scoreMeasure(columns.recencyDays, true, true, columns.r, split).split;
  const fSplit = scoreMeasure(columns.frequency, false, true, columns.f, split).split;
  const { split: mSplit, sorted: sortedMonetary } = scoreMeasure(
    columns.monetaryFen,
    false,
    false,
    columns.m,
    split,
  );
  const thresholds: SplitThresholds =
    split.kind === 'fixed'
      ? { ...split, rule: 'fixed' }
      : n === 0
        ? { rule: split.kind, recencyDays: 0, frequency: 0, monetaryFen: 0 }
        : { rule: split.kind, recencyDays: rSplit, frequency: fSplit, monetaryFen: mSplit };
  // The monetary sort serves the tiers (contribution) or the Pareto curve (revenue) too.
  const byContribution = options.basis === 'contribution' ? sortedMonetary : null;
  const sortedRevenue =
    options.basis === 'revenue' && sortedMonetary ? sortedMonetary : Float64Array.from(facts.revenue).sort();
  tierCodes(facts.contribution, stored.clvFen, columns.tier, byContribution);

  // Behaviour by platform: which first platforms are marketplaces, which last ones own shops.
  const names = facts.platformNames;
  const marketplace = Uint8Array.from(names, (p) => (MARKETPLACES.includes(p) ? 1 : 0));
  const ownShop = Uint8Array.from(names, (p) => (OWN_SHOPS.includes(p) ? 1 : 0));
  const DISCOUNT = BEHAVIOUR_SEGMENTS.indexOf('discount_only');
  const HOLIDAY = BEHAVIOUR_SEGMENTS.indexOf('holiday_only');
  const MOVED = BEHAVIOUR_SEGMENTS.indexOf('moved_to_own_shop');

  const strict = thresholds.rule === 'median';
  const segments = new Totals(EIGHT_SEGMENTS.length);
  const named = new Totals(NAMED_SEGMENTS.length);
  const tiers = new Totals(VALUE_TIERS.length);
  const behaviour = new Totals(BEHAVIOUR_SEGMENTS.length);
  const recentRevenue = new Float64Array(RECENT_WINDOWS.length);
  const recentContribution = new Float64Array(RECENT_WINDOWS.length);
  const recentCustomers = new Float64Array(RECENT_WINDOWS.length);
  const cuts = Int32Array.from(RECENT_WINDOWS, (months) => dayNumber(monthsBefore(options.asOf, months)));
  const winBack: ChurnCandidate[] = [];
  let orders = 0;
  let revenueFen = 0;
  let contributionFen = 0;
  let totalPredictedFen = 0;
  let customersWithPrediction = 0;
  const predicted = stored.clvFen;
  for (let i = 0; i < n; i++) {
    const revenue = facts.revenue[i]!;
    const contribution = facts.contribution[i]!;
    const p = predicted[i]!;
    const has = !Number.isNaN(p);
    const value = has ? p : 0;
    if (has) {
      customersWithPrediction += 1;
      totalPredictedFen += value;
    }
    const recency = columns.recencyDays[i]!;
    const frequency = columns.frequency[i]!;
    const monetary = columns.monetaryFen[i]!;
    const rHigh = strict ? recency < thresholds.recencyDays : recency <= thresholds.recencyDays;
    const fHigh = strict ? frequency > thresholds.frequency : frequency >= thresholds.frequency;
    const mHigh = strict ? monetary > thresholds.monetaryFen : monetary >= thresholds.monetaryFen;
    const segment = SEGMENT_OF_BITS[(rHigh ? 4 : 0) + (fHigh ? 2 : 0) + (mHigh ? 1 : 0)]!;
    const namedIndex = NAMED_OF_SCORES[columns.r[i]! * 36 + columns.f[i]! * 6 + columns.m[i]!]!;
    columns.segment[i] = segment;
    columns.named[i] = namedIndex;
    segments.add(segment, revenue, contribution, value);
    named.add(namedIndex, revenue, contribution, value);
    tiers.add(columns.tier[i]!, revenue, contribution, value);
    const count = facts.orders[i]!;
    let mask = 0;
    if (count >= MIN_ORDERS_FOR_HABIT && facts.discountOrders[i] === count) {
      mask |= 1 << DISCOUNT;
      behaviour.add(DISCOUNT, revenue, contribution, value);
    }
    if (count >= MIN_ORDERS_FOR_HABIT && facts.holidayOrders[i] === count) {
      mask |= 1 << HOLIDAY;
      behaviour.add(HOLIDAY, revenue, contribution, value);
    }
    if (marketplace[facts.firstPlatform[i]!] && ownShop[facts.lastPlatform[i]!]) {
      mask |= 1 << MOVED;
      behaviour.add(MOVED, revenue, contribution, value);
    }
    columns.behaviour[i] = mask;
    // Win-back (churn.ts): repeat customers overdue against their own gap, P(alive) low or unknown.
    if (count >= 2) {
      const span = facts.lastDay[i]! - facts.firstDay[i]!;
      const intervalDays = Math.max(1, span / (count - 1));
      const overdueDays = recency - OVERDUE_FACTOR * intervalDays;
      const pAlive = stored.pAlive[i]!;
      if (overdueDays > 0 && (Number.isNaN(pAlive) || pAlive < LOW_P_ALIVE)) {
        const money = options.basis === 'revenue' ? revenue : contribution;
        const activeDays = Math.max(365, span + intervalDays);
        winBack.push({
          id: facts.ids[i]!,
          recencyDays: recency,
          intervalDays,
          overdueDays,
          pAlive: Number.isNaN(pAlive) ? null : pAlive,
          valueLostFen: Math.round((money * 365) / activeDays),
        });
        columns.winBack[i] = 1;
      }
    }
    orders += count;
    revenueFen += revenue;
    contributionFen += contribution;
    recentRevenue[0]! += facts.r6[i]!;
    recentRevenue[1]! += facts.r8[i]!;
    recentRevenue[2]! += facts.r12[i]!;
    recentContribution[0]! += facts.c6[i]!;
    recentContribution[1]! += facts.c8[i]!;
    recentContribution[2]! += facts.c12[i]!;
    const last = facts.lastDay[i]!;
    for (let k = 0; k < cuts.length; k++) if (last > cuts[k]!) recentCustomers[k]! += 1;
  }
  winBack.sort((a, b) => b.valueLostFen - a.valueLostFen || b.overdueDays - a.overdueDays || a.id - b.id);

  const asOfMonth = monthIndex(options.asOf.slice(0, 7));
  return {
    asOf: options.asOf,
    basis: options.basis,
    thresholds,
    customers: n,
    orders,
    revenueFen,
    contributionFen,
    recent: RECENT_WINDOWS.map((months, k) => ({
      months,
      customers: recentCustomers[k]!,
      revenueFen: recentRevenue[k]!,
      contributionFen: recentContribution[k]!,
    })),
    segments: segments.list(EIGHT_SEGMENTS),
    named: named.list(NAMED_SEGMENTS),
    tiers: tiers.list(VALUE_TIERS),
    behaviour: behaviour.list(BEHAVIOUR_SEGMENTS).map((b) => ({
      ...b,
      available: b.name !== 'single_brand' || BRAND_DATA_AVAILABLE,
    })),
    ...cohortsOf(facts, asOfMonth),
    pareto: paretoCurveSorted(sortedRevenue),
    winBack,
    totalPredictedFen,
    customersWithPrediction,
    columns,
    facts,
  };
}

/**
 * Retention, cumulative value and repurchase by first-order month and first platform (cohorts.ts),
 * counted in flat integer cells: platform code P (past the names) stands for 'all'.
 */
function cohortsOf(
  facts: FactsColumns,
  asOfMonth: number,
): { retention: RetentionCohort[]; cumulative: CumulativeValue[]; repurchase: RepurchaseRate[] } {
  const n = facts.ids.length;
  const names = facts.platformNames;
  const P = names.length;
  const ALL = P;
  const slots = P + 1;
  if (n === 0) return { retention: [], cumulative: [], repurchase: [] };
  // First-order month of each first day: a table over the days' range (few thousand days).
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = facts.firstDay[i]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const monthOfDay = new Int32Array(maxDay - minDay + 1);
  for (let d = minDay; d <= maxDay; d++) monthOfDay[d - minDay] = monthIndex(dayText(d).slice(0, 7));
  const firstMonth = monthOfDay[0]!;
  const months = monthOfDay[maxDay - minDay]! - firstMonth + 1;
  // Cohort (month m, slot s): customers[m·slots + s]; active month k at (m·slots + s)·width + k.
  const width = Math.max(0, asOfMonth - firstMonth + 1);
  const cohortCustomers = new Int32Array(months * slots);
  const active = new Int32Array(months * slots * width);
  const H = CUMULATIVE_MONTHS.length;
  const cumCustomers = new Float64Array(slots * H);
  const cumRevenue = new Float64Array(slots * H);
  const cumContribution = new Float64Array(slots * H);
  const early = [
    [facts.e3, facts.ec3],
    [facts.e6, facts.ec6],
    [facts.e12, facts.ec12],
  ] as const;
  const firstPlatformSeen = new Uint8Array(P);
  const repurchaseCustomers = new Float64Array(slots);
  const repurchaseRepeat = new Float64Array(slots);
  for (let i = 0; i < n; i++) {
    const month = monthOfDay[facts.firstDay[i]! - minDay]!;
    const platform = facts.firstPlatform[i]!;
    firstPlatformSeen[platform] = 1;
    const length = Math.max(0, asOfMonth - month + 1);
    const m = month - firstMonth;
    const cellAll = m * slots + ALL;
    const cellPlatform = m * slots + platform;
    cohortCustomers[cellAll]! += 1;
    cohortCustomers[cellPlatform]! += 1;
    for (let at = facts.monthsStart[i]!, end = facts.monthsStart[i + 1]!; at < end; at++) {
      const k = facts.months[at]!;
      if (k < length) {
        active[cellAll * width + k]! += 1;
        active[cellPlatform * width + k]! += 1;
      }
    }
    for (let h = 0; h < H; h++) {
      if (month + CUMULATIVE_MONTHS[h]! - 1 > asOfMonth) continue;
      const revenue = early[h]![0][i]!;
      const contribution = early[h]![1][i]!;
      const all = ALL * H + h;
      const own = platform * H + h;
      cumCustomers[all]! += 1;
      cumRevenue[all]! += revenue;
      cumContribution[all]! += contribution;
      cumCustomers[own]! += 1;
      cumRevenue[own]! += revenue;
      cumContribution[own]! += contribution;
    }
    const repeat = facts.orders[i]! >= 2 ? 1 : 0;
    repurchaseCustomers[ALL]! += 1;
    repurchaseCustomers[platform]! += 1;
    repurchaseRepeat[ALL]! += repeat;
    repurchaseRepeat[platform]! += repeat;
  }
  const slotName = (s: number) => (s === ALL ? 'all' : names[s]!);
  const platformSlots = [ALL, ...platformsByName(names, (p) => firstPlatformSeen[p] === 1)];
  const byNameInMonth = platformsByName(names, () => true);
  const retention: RetentionCohort[] = [];
  for (let m = 0; m < months; m++) {
    if (cohortCustomers[m * slots + ALL] === 0) continue;
    const month = firstMonth + m;
    const length = Math.max(0, asOfMonth - month + 1);
    for (const s of [ALL, ...byNameInMonth]) {
      const cell = m * slots + s;
      if (cohortCustomers[cell] === 0) continue;
      retention.push({
        month: monthText(month),
        platform: slotName(s),
        customers: cohortCustomers[cell]!,
        active: Array.from(active.subarray(cell * width, cell * width + length)),
      });
    }
  }
  const cumulative = platformSlots.map((s) => ({
    platform: slotName(s),
    horizons: CUMULATIVE_MONTHS.map((months, h) => {
      const customers = cumCustomers[s * H + h]!;
      return {
        months,
        customers,
        revenueFen: customers ? Math.round(cumRevenue[s * H + h]! / customers) : 0,
        contributionFen: customers ? Math.round(cumContribution[s * H + h]! / customers) : 0,
      };
    }),
  }));
  const repurchase = platformSlots.map((s) => ({
    platform: slotName(s),
    customers: repurchaseCustomers[s]!,
    repeatCustomers: repurchaseRepeat[s]!,
    rate: repurchaseCustomers[s] ? repurchaseRepeat[s]! / repurchaseCustomers[s]! : 0,
  }));
  return { retention, cumulative, repurchase };
}
