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
import { scoresFromSorted, sortedCopy, tierCodes } from './columnar-stats.js';

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
  const sorted = sortedCopy(values);
  scoresFromSorted(values, sorted, reverse, out);
  const t = splitThresholdsSorted(
    [sorted, sorted, sorted],
    rule.kind === 'fixed' ? { kind: 'median' } : rule,
  );
  return { split: t.recencyDays, sorted };
}

/** Totals (customers, revenue, contribution, predicted CLV) of each group code, summed in customer order. */
function groupTotals<N extends string>(
  codes: Uint8Array,
  names: readonly N[],
  facts: FactsColumns,
  predicted: Float64Array,
): (GroupTotals & { name: N })[] {
  const g = names.length;
  const customers = new Float64Array(g);
  const revenue = new Float64Array(g);
  const contribution = new Float64Array(g);
  const value = new Float64Array(g);
  const { revenue: rev, contribution: con } = facts;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const p = predicted[i]!;
    customers[code]! += 1;
    revenue[code]! += rev[i]!;
    contribution[code]! += con[i]!;
    value[code]! += p === p ? p : 0;
  }
  return names.map((name, k) => ({
    name,
    customers: customers[k]!,
    revenueFen: revenue[k]!,
    contributionFen: contribution[k]!,
    predictedFen: value[k]!,
  }));
}

/** The behaviour segments' totals (a customer may be in several), from each customer's bit set. */
function behaviourTotals(
  masks: Uint8Array,
  facts: FactsColumns,
  predicted: Float64Array,
): (GroupTotals & { name: (typeof BEHAVIOUR_SEGMENTS)[number] })[] {
  return BEHAVIOUR_SEGMENTS.map((name, k) => {
    const bit = 1 << k;
    let customers = 0;
    let revenueFen = 0;
    let contributionFen = 0;
    let predictedFen = 0;
    for (let i = 0; i < masks.length; i++) {
      if (!(masks[i]! & bit)) continue;
      const p = predicted[i]!;
      customers += 1;
      revenueFen += facts.revenue[i]!;
      contributionFen += facts.contribution[i]!;
      predictedFen += p === p ? p : 0;
    }
    return { name, customers, revenueFen, contributionFen, predictedFen };
  });
}

function sumOf(values: Float64Array | Int32Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

function countAfter(days: Int32Array, cut: number): number {
  let count = 0;
  for (let i = 0; i < days.length; i++) if (days[i]! > cut) count++;
  return count;
}

/**
 * The win-back list (churn.ts): repeat customers overdue against their own usual gap, with a low
 * or unknown P(alive); marked in `columns.winBack`.
 */
function winBackOf(
  facts: FactsColumns,
  columns: CustomerColumns,
  pAliveOf: Float64Array,
  options: AnalysisOptions,
): ChurnCandidate[] {
  const out: ChurnCandidate[] = [];
  const { orders, firstDay, lastDay } = facts;
  const money = options.basis === 'revenue' ? facts.revenue : facts.contribution;
  const recencyDays = columns.recencyDays;
  for (let i = 0; i < orders.length; i++) {
    const count = orders[i]!;
    if (count < 2) continue;
    const span = lastDay[i]! - firstDay[i]!;
    const intervalDays = Math.max(1, span / (count - 1));
    const recency = recencyDays[i]!;
    const overdueDays = recency - OVERDUE_FACTOR * intervalDays;
    if (overdueDays <= 0) continue;
    const pAlive = pAliveOf[i]!;
    if (pAlive >= LOW_P_ALIVE) continue;
    const activeDays = Math.max(365, span + intervalDays);
    out.push({
      id: facts.ids[i]!,
      recencyDays: recency,
      intervalDays,
      overdueDays,
      pAlive: pAlive === pAlive ? pAlive : null,
      valueLostFen: Math.round((money[i]! * 365) / activeDays),
    });
    columns.winBack[i] = 1;
  }
  return out.sort((a, b) => b.valueLostFen - a.valueLostFen || b.overdueDays - a.overdueDays || a.id - b.id);
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
    options.basis === 'revenue' && sortedMonetary ? sortedMonetary : sortedCopy(facts.revenue);
  tierCodes(facts.contribution, stored.clvFen, columns.tier, byContribution);

  // Behaviour by platform: which first platforms are marketplaces, which last ones own shops.
  const names = facts.platformNames;
  const marketplace = Uint8Array.from(names, (p) => (MARKETPLACES.includes(p) ? 1 : 0));
  const ownShop = Uint8Array.from(names, (p) => (OWN_SHOPS.includes(p) ? 1 : 0));
  const DISCOUNT_BIT = 1 << BEHAVIOUR_SEGMENTS.indexOf('discount_only');
  const HOLIDAY_BIT = 1 << BEHAVIOUR_SEGMENTS.indexOf('holiday_only');
  const MOVED_BIT = 1 << BEHAVIOUR_SEGMENTS.indexOf('moved_to_own_shop');

  const strict = thresholds.rule === 'median';
  const { recencyDays, frequency, monetaryFen, r, f, m } = columns;
  const segmentCodes = columns.segment;
  const namedCodes = columns.named;
  const behaviourMasks = columns.behaviour;
  const { recencyDays: rt, frequency: ft, monetaryFen: mt } = thresholds;
  // Tight loops, one job each: codes first, then the totals by code.
  for (let i = 0; i < n; i++) {
    const recency = recencyDays[i]!;
    const often = frequency[i]!;
    const money = monetaryFen[i]!;
    const rHigh = strict ? recency < rt : recency <= rt;
    const fHigh = strict ? often > ft : often >= ft;
    const mHigh = strict ? money > mt : money >= mt;
    segmentCodes[i] = SEGMENT_OF_BITS[(rHigh ? 4 : 0) + (fHigh ? 2 : 0) + (mHigh ? 1 : 0)]!;
    namedCodes[i] = NAMED_OF_SCORES[r[i]! * 36 + f[i]! * 6 + m[i]!]!;
  }
  const { orders: orderCounts, discountOrders, holidayOrders, firstPlatform, lastPlatform } = facts;
  for (let i = 0; i < n; i++) {
    const count = orderCounts[i]!;
    let mask = 0;
    if (count >= MIN_ORDERS_FOR_HABIT) {
      if (discountOrders[i] === count) mask |= DISCOUNT_BIT;
      if (holidayOrders[i] === count) mask |= HOLIDAY_BIT;
    }
    if (marketplace[firstPlatform[i]!] && ownShop[lastPlatform[i]!]) mask |= MOVED_BIT;
    behaviourMasks[i] = mask;
  }
  const { revenue, contribution } = facts;
  const predicted = stored.clvFen;
  const segments = groupTotals(segmentCodes, EIGHT_SEGMENTS, facts, predicted);
  const named = groupTotals(namedCodes, NAMED_SEGMENTS, facts, predicted);
  const tiers = groupTotals(columns.tier, VALUE_TIERS, facts, predicted);
  const behaviour = behaviourTotals(behaviourMasks, facts, predicted);
  let orders = 0;
  let revenueFen = 0;
  let contributionFen = 0;
  let totalPredictedFen = 0;
  let customersWithPrediction = 0;
  for (let i = 0; i < n; i++) {
    orders += orderCounts[i]!;
    revenueFen += revenue[i]!;
    contributionFen += contribution[i]!;
    const p = predicted[i]!;
    if (p === p) {
      customersWithPrediction += 1;
      totalPredictedFen += p;
    }
  }
  const winBack = winBackOf(facts, columns, stored.pAlive, options);
  const cuts = RECENT_WINDOWS.map((months) => dayNumber(monthsBefore(options.asOf, months)));
  const recentRevenue = [facts.r6, facts.r8, facts.r12];
  const recentContribution = [facts.c6, facts.c8, facts.c12];

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
      customers: countAfter(facts.lastDay, cuts[k]!),
      revenueFen: sumOf(recentRevenue[k]!),
      contributionFen: sumOf(recentContribution[k]!),
    })),
    segments,
    named,
    tiers,
    behaviour: behaviour.map((b) => ({
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
