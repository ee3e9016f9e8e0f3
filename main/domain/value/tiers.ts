/**
 * Value tiers by profit, not only sales (issue 11). Each customer is in one tier, tested in this
 * order:
 * - negative: the contribution to date is below zero (refunds, discounts and goods cost exceed
 *   what the customer paid);
 * - most valuable: the top fifth by contribution to date;
 * - most growable: predicted CLV in the top fifth of the customers who have a prediction, but
 *   contribution to date at or below the median (much still to come, little so far);
 * - others.
 * Ranks ties together: a customer is in the top fifth when fewer than a fifth rank above them.
 */

import { VALUE_TIERS, type ValueTier } from '../../shared/value-names.js';

export { VALUE_TIERS, type ValueTier };

/** The top share a tier takes. */
export const TOP_SHARE = 0.2;

export interface TierInput {
  contributionFen: number;
  /** Predicted CLV (minor units), or null without a prediction. */
  predictedFen: number | null;
}

/** The smallest value still in the top `share` of `values` (ties counted in). */
export function topThreshold(values: readonly number[], share: number): number {
  if (values.length === 0) return Infinity;
  const sorted = Float64Array.from(values).sort();
  const count = Math.max(1, Math.ceil(values.length * share));
  return sorted[sorted.length - count]!;
}

export function valueTiers(customers: readonly TierInput[]): ValueTier[] {
  const contribution = Float64Array.from(customers, (c) => c.contributionFen);
  const predicted = Float64Array.from(customers, (c) => c.predictedFen ?? Number.NaN);
  return [...tierIndexes(contribution, predicted, new Uint8Array(customers.length))].map(
    (i) => VALUE_TIERS[i]!,
  );
}

const NEGATIVE = VALUE_TIERS.indexOf('negative');
const VALUABLE = VALUE_TIERS.indexOf('most_valuable');
const GROWABLE = VALUE_TIERS.indexOf('most_growable');
const OTHERS = VALUE_TIERS.indexOf('others');

/** The tiers as indexes into VALUE_TIERS, into `out`; `predicted` is NaN for no prediction. */
export function tierIndexes(
  contribution: Float64Array,
  predicted: Float64Array,
  out: Uint8Array,
): Uint8Array {
  const n = contribution.length;
  // Sorted once: the median and the top fifth of the positive ones (they are the sorted tail).
  const sorted = Float64Array.from(contribution).sort();
  const mid = n >> 1;
  const medianContribution = n === 0 ? 0 : n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  let positives = 0;
  while (positives < n && sorted[n - 1 - positives]! > 0) positives++;
  const valuableFrom = positives ? sorted[n - Math.max(1, Math.ceil(positives * TOP_SHARE))]! : Infinity;
  const withValue = predicted.filter((v) => v > 0).sort();
  const growableFrom = withValue.length
    ? withValue[withValue.length - Math.max(1, Math.ceil(withValue.length * TOP_SHARE))]!
    : Infinity;
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
