/**
 * RFM at an as-of date (design/customer-value.md §5): recency in days since the latest paid order,
 * frequency as paid orders (the first included, unlike the BG/NBD summary), monetary as the sum
 * over the customer's orders, of net revenue or of contribution.
 *
 * Scores 1–5 by quintile. Ties: customers with the same value share one score, the quintile of
 * the tied group's middle position in the sorted order (position p of n, 0-based, gives
 * 1 + ⌊5p / n⌋). So the score depends only on the values, never on customer ids or row order, and
 * a shop where most customers bought once scores all of them alike (design §5.4 lists the other
 * conventions: rank-first and NTILE split tied customers arbitrarily).
 */
import {
  EIGHT_SEGMENTS,
  NAMED_SEGMENTS,
  type EightSegment,
  type NamedSegment,
} from '../../shared/value-names.js';
import { daysBetween, type CustomerFacts } from './customer-facts.js';

export { EIGHT_SEGMENTS, NAMED_SEGMENTS, type EightSegment, type NamedSegment };

export type MonetaryBasis = 'revenue' | 'contribution';

export interface Rfm {
  recencyDays: number;
  frequency: number;
  monetaryFen: number;
}

export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

export function rfmOf(c: CustomerFacts, asOf: string, basis: MonetaryBasis): Rfm {
  return {
    recencyDays: daysBetween(c.lastDay, asOf),
    frequency: c.orders,
    monetaryFen: basis === 'revenue' ? c.revenueFen : c.contributionFen,
  };
}

/**
 * Quintile scores of `values` (higher value → higher score; pass −recency for R). Ties share the
 * score of their group's middle position (see the file comment).
 */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
  const sorted = Float64Array.from(values).sort();
  return quintileScoresSorted(values, sorted, false, new Uint8Array(values.length));
}

/**
 * The scores of `values` given them sorted ascending; `reverse`: smaller is better (recency).
 * Written into `out`. Each value's tied group is found by binary search, once per distinct value.
 */
export function quintileScoresSorted(
  values: ArrayLike<number>,
  sorted: Float64Array,
  reverse: boolean,
  out: Uint8Array,
): Uint8Array {
  const n = values.length;
  let lastValue = Number.NaN;
  let lastScore = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== lastValue) {
      const first = lowerBound(sorted, v);
      const end = upperBound(sorted, v, first);
      // In the order of goodness, reversed: the group sits at n − end … n − first − 1.
      const middle = reverse ? (2 * n - end - first - 1) / 2 : (first + end - 1) / 2;
      lastValue = v;
      lastScore = Math.min(5, 1 + Math.floor((5 * middle) / n));
    }
    out[i] = lastScore;
  }
  return out;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function rfmScores(rfm: readonly Rfm[]): RfmScores[] {
  const r = quintileScores(rfm.map((x) => -x.recencyDays));
  const f = quintileScores(rfm.map((x) => x.frequency));
  const m = quintileScores(rfm.map((x) => x.monetaryFen));
  return rfm.map((_, i) => ({ r: r[i]!, f: f[i]!, m: m[i]! }));
}

export const EIGHT_SEGMENT_NAMES_ZH: Readonly<Record<EightSegment, string>> = {
  important_value: '重要价值客户',
  important_development: '重要发展客户',
  important_retention: '重要保持客户',
  important_winback: '重要挽留客户',
  general_value: '一般价值客户',
  general_development: '一般发展客户',
  general_retention: '一般保持客户',
  general_winback: '一般挽留客户',
};

/** The segment of each code R F M read as bits (R = 4, F = 2, M = 1): 0b111 重要价值 … 0b000 一般挽留. */
const BY_BITS: readonly EightSegment[] = [
  'general_winback', // 000
  'important_winback', // 001
  'general_retention', // 010
  'important_retention', // 011
  'general_development', // 100
  'important_development', // 101
  'general_value', // 110
  'important_value', // 111
];

/**
 * How high and low are told apart:
 * - median (default, robust to the skew monetary always has): high is *better than* the median
 *   customer — more recent, more orders, more money — so ties at the median are low (where most
 *   customers bought once, a single order is not "frequent");
 * - mean (the common tutorial rule `x − mean ≥ 0`): high is at least as good as the mean;
 * - fixed: the owner's thresholds, high when within `recencyDays` days, at least `frequency`
 *   orders and at least `monetaryFen`.
 */
export type SplitRule =
  | { kind: 'median' }
  | { kind: 'mean' }
  | { kind: 'fixed'; recencyDays: number; frequency: number; monetaryFen: number };

export interface SplitThresholds {
  rule: SplitRule['kind'];
  recencyDays: number;
  frequency: number;
  monetaryFen: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/** The thresholds from each dimension sorted ascending (R, F, M). */
export function splitThresholdsSorted(
  sorted: readonly [Float64Array, Float64Array, Float64Array],
  rule: SplitRule,
): SplitThresholds {
  if (rule.kind === 'fixed') return { ...rule, rule: 'fixed' };
  const pick = (a: Float64Array) => {
    if (a.length === 0) return 0;
    if (rule.kind === 'mean') {
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += a[i]!;
      return sum / a.length;
    }
    const mid = a.length >> 1;
    return a.length % 2 ? a[mid]! : (a[mid - 1]! + a[mid]!) / 2;
  };
  return {
    rule: rule.kind,
    recencyDays: pick(sorted[0]),
    frequency: pick(sorted[1]),
    monetaryFen: pick(sorted[2]),
  };
}

export function splitThresholds(rfm: readonly Rfm[], rule: SplitRule): SplitThresholds {
  if (rule.kind === 'fixed') return { ...rule, rule: 'fixed' };
  const pick = rule.kind === 'median' ? median : mean;
  return {
    rule: rule.kind,
    recencyDays: pick(rfm.map((x) => x.recencyDays)),
    frequency: pick(rfm.map((x) => x.frequency)),
    monetaryFen: pick(rfm.map((x) => x.monetaryFen)),
  };
}

export function eightSegmentOf(x: Rfm, t: SplitThresholds): EightSegment {
  const strict = t.rule === 'median';
  const r = strict ? x.recencyDays < t.recencyDays : x.recencyDays <= t.recencyDays;
  const f = strict ? x.frequency > t.frequency : x.frequency >= t.frequency;
  const m = strict ? x.monetaryFen > t.monetaryFen : x.monetaryFen >= t.monetaryFen;
  return BY_BITS[(r ? 4 : 0) + (f ? 2 : 0) + (m ? 1 : 0)]!;
}

/**
 * The named segments, as the R `rfm` package documents them (rsquaredacademy/rfm, `rfm_segment`):
 * score ranges [R, F, M], the first matching rule wins, no match is "others".
 */
export const NAMED_SEGMENT_RULES = [
  { name: 'champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: 'potential_loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: 'loyal', r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: 'promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: 'new', r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: 'cant_lose', r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: 'at_risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: 'need_attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: 'about_to_sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: 'lost', r: [1, 1], f: [1, 5], m: [1, 5] },
] as const;
NAMED_SEGMENT_RULES satisfies readonly { name: NamedSegment }[];

export function namedSegmentOf(s: RfmScores): NamedSegment {
  for (const rule of NAMED_SEGMENT_RULES) {
    if (
      s.r >= rule.r[0] &&
      s.r <= rule.r[1] &&
      s.f >= rule.f[0] &&
      s.f <= rule.f[1] &&
      s.m >= rule.m[0] &&
      s.m <= rule.m[1]
    )
      return rule.name;
  }
  return 'others';
}
