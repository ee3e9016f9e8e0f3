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
import { median } from './rfm.js';

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
  const contributions = customers.map((c) => c.contributionFen);
  const valuableFrom = topThreshold(
    contributions.filter((v) => v > 0),
    TOP_SHARE,
  );
  const predicted = customers.map((c) => c.predictedFen).filter((v): v is number => v !== null && v > 0);
  const growableFrom = topThreshold(predicted, TOP_SHARE);
  const medianContribution = median(contributions);
  return customers.map((c) => {
    if (c.contributionFen < 0) return 'negative';
    if (c.contributionFen > 0 && c.contributionFen >= valuableFrom) return 'most_valuable';
    if (c.predictedFen !== null && c.predictedFen > 0 && c.predictedFen >= growableFrom) {
      if (c.contributionFen <= medianContribution) return 'most_growable';
    }
    return 'others';
  });
}
