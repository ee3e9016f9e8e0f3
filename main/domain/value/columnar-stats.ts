/**
 * The order statistics the columnar analysis (analysis-columnar.ts) needs, without a comparator or
 * a closure per value: quintile scores from one sorted copy (a walk over its tied groups, then at
 * most four comparisons per customer), the k-th smallest value by selection (no full sort), and
 * the value tiers of tiers.ts from those. Each gives exactly what its plain counterpart in rfm.ts
 * and tiers.ts gives.
 */
import { TOP_SHARE, VALUE_TIERS } from './tiers.js';

/**
 * Quintile scores of `values` (rfm.ts's rule: a tied group scores by its middle position) given
 * them sorted ascending, into `out`. The score only moves one way with the value, so the tied
 * groups give each score's boundary and a value's score is where it falls between them.
 */
export function scoresFromSorted(
  values: Float64Array,
  sorted: Float64Array,
  reverse: boolean,
  out: Uint8Array,
): Uint8Array {
  const n = sorted.length;
  if (n === 0) return out;
  // Not reversed: lowest[s], the smallest value scoring s; reversed: highest[s], the largest.
  const bound = new Float64Array(6).fill(Number.NaN);
  let firstScore = 0;
  for (let first = 0; first < n;) {
    const v = sorted[first]!;
    let end = first + 1;
    while (end < n && sorted[end] === v) end++;
    const middle = reverse ? (2 * n - end - first - 1) / 2 : (first + end - 1) / 2;
    const score = Math.min(5, 1 + Math.floor((5 * middle) / n));
    if (first === 0) firstScore = score;
    // Not reversed, scores rise: a score's first group is its smallest; reversed, its last the largest.
    if (reverse || Number.isNaN(bound[score]!)) bound[score] = v;
    first = end;
  }
  if (reverse) {
    // Scores fall as values rise: the largest value scores lowest (sorted[n − 1]'s group).
    let lowest = 5;
    for (let s = 1; s <= 5; s++)
      if (!Number.isNaN(bound[s]!)) {
        lowest = s;
        break;
      }
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      let score = lowest;
      for (let s = lowest + 1; s <= 5; s++) if (v <= bound[s]!) score = s;
      out[i] = score;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      let score = firstScore;
      for (let s = firstScore + 1; s <= 5; s++) if (v >= bound[s]!) score = s;
      out[i] = score;
    }
  }
  return out;
}

/**
 * The k-th smallest (0-based) of `scratch`, which it reorders (Hoare's selection, median of
 * three): O(n), where a sort is O(n log n). Selections on the same scratch may follow.
 */
export function kthSmallest(scratch: Float64Array, k: number): number {
  let lo = 0;
  let hi = scratch.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot.
    let a = scratch[lo]!;
    let b = scratch[mid]!;
    const c = scratch[hi]!;
    if (a > b) [a, b] = [b, a];
    const pivot = c < a ? a : c > b ? b : c;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i]! < pivot) i++;
      while (scratch[j]! > pivot) j--;
      if (i <= j) {
        const t = scratch[i]!;
        scratch[i] = scratch[j]!;
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return scratch[k]!;
  }
  return scratch[k]!;
}

const NEGATIVE = VALUE_TIERS.indexOf('negative');
const VALUABLE = VALUE_TIERS.indexOf('most_valuable');
const GROWABLE = VALUE_TIERS.indexOf('most_growable');
const OTHERS = VALUE_TIERS.indexOf('others');

/**
 * tiers.ts `tierIndexes` by selection: the median contribution, the smallest contribution in the
 * top fifth of the positive ones and the smallest predicted CLV in the top fifth of the positive
 * ones, each the k-th smallest of its values; `sortedContribution` when the caller has it sorted.
 */
export function tierCodes(
  contribution: Float64Array,
  predicted: Float64Array,
  out: Uint8Array,
  sortedContribution: Float64Array | null,
): Uint8Array {
  const n = contribution.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (contribution[i]! > 0) positives++;
  const at = sortedContribution
    ? (k: number) => sortedContribution[k]!
    : (() => {
        const scratch = Float64Array.from(contribution);
        return (k: number) => kthSmallest(scratch, k);
      })();
  const mid = n >> 1;
  const medianContribution = n === 0 ? 0 : n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  const valuableFrom = positives ? at(n - Math.max(1, Math.ceil(positives * TOP_SHARE))) : Infinity;
  let withValue = 0;
  for (let i = 0; i < n; i++) if (predicted[i]! > 0) withValue++;
  let growableFrom = Infinity;
  if (withValue) {
    const scratch = new Float64Array(withValue);
    for (let i = 0, k = 0; i < n; i++) if (predicted[i]! > 0) scratch[k++] = predicted[i]!;
    growableFrom = kthSmallest(scratch, withValue - Math.max(1, Math.ceil(withValue * TOP_SHARE)));
  }
  for (let i = 0; i < n; i++) {
    const c = contribution[i]!;
    const p = predicted[i]!;
    if (c < 0) out[i] = NEGATIVE;
    else if (c > 0 && c >= valuableFrom) out[i] = VALUABLE;
    else if (p > 0 && p >= growableFrom && c <= medianContribution) out[i] = GROWABLE;
    else out[i] = OTHERS;
  }
  return out;
}

const TWO_31 = 2 ** 31;

/**
 * `values` sorted ascending, as `Float64Array.from(values).sort()` gives them: money in whole minor
 * units that fit 32 bits (the usual case) by a three-pass radix sort on the offset integers (no
 * comparisons), anything else by the typed sort.
 */
export function sortedCopy(values: Float64Array): Float64Array {
  const n = values.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Fractions, NaN, −0 (which sorts before 0) and anything past 32 bits: the typed sort.
    if (!Number.isInteger(v) || v < -TWO_31 || v >= TWO_31 || (v === 0 && 1 / v < 0))
      return Float64Array.from(values).sort();
    keys[i] = v + TWO_31;
  }
  let from = keys;
  let to = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (const [shift, bits] of [
    [0, 11],
    [11, 11],
    [22, 10],
  ] as const) {
    const mask = (1 << bits) - 1;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & mask]! += 1;
    let at = 0;
    for (let d = 0; d <= mask; d++) {
      const c = counts[d]!;
      counts[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const key = from[i]!;
      to[counts[(key >>> shift) & mask]!++] = key;
    }
    [from, to] = [to, from];
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = from[i]! - TWO_31;
  return out;
}
