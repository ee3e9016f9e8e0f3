/**
 * Churn (issue 11): the win-back list. A repeat customer (two or more paid orders) is overdue when
 * the days since their latest order exceed OVERDUE_FACTOR times their own usual gap (first to
 * latest order over the gaps between them), and at risk when also their P(alive) is below
 * LOW_P_ALIVE — or when no model gives a P(alive) (thin data), overdue alone. Sorted by the value
 * lost: what the customer brought a year while they bought — their money over the time from their
 * first order to one usual gap after their latest, counted as at least a year (so two quick orders
 * and silence are not read as a hundred orders a year).
 */
import { daysBetween, type CustomerFacts } from './customer-facts.js';
import type { MonetaryBasis } from './rfm.js';

export const OVERDUE_FACTOR = 2;
export const LOW_P_ALIVE = 0.5;

export interface ChurnCandidate {
  id: number;
  recencyDays: number;
  /** The customer's own average days between orders. */
  intervalDays: number;
  /** Days late: recency − OVERDUE_FACTOR × interval. */
  overdueDays: number;
  pAlive: number | null;
  /** Minor units a year the customer brought while buying (see the file comment). */
  valueLostFen: number;
}

export function churnCandidate(
  c: CustomerFacts,
  asOf: string,
  pAlive: number | null,
  basis: MonetaryBasis,
): ChurnCandidate | null {
  if (c.orders < 2) return null;
  const intervalDays = Math.max(1, daysBetween(c.firstDay, c.lastDay) / (c.orders - 1));
  const recencyDays = daysBetween(c.lastDay, asOf);
  const overdueDays = recencyDays - OVERDUE_FACTOR * intervalDays;
  if (overdueDays <= 0) return null;
  if (pAlive !== null && pAlive >= LOW_P_ALIVE) return null;
  const money = basis === 'revenue' ? c.revenueFen : c.contributionFen;
  const activeDays = Math.max(365, daysBetween(c.firstDay, c.lastDay) + intervalDays);
  const valueLostFen = Math.round((money * 365) / activeDays);
  return { id: c.id, recencyDays, intervalDays, overdueDays, pAlive, valueLostFen };
}

/** The win-back list, most value lost first (then the longest overdue, then the id). */
export function winBackList(
  customers: readonly CustomerFacts[],
  asOf: string,
  pAliveOf: (id: number, index: number) => number | null,
  basis: MonetaryBasis,
): ChurnCandidate[] {
  const out: ChurnCandidate[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    // Only the overdue need their P(alive): most customers are not asked.
    if (c.orders < 2) continue;
    const candidate = churnCandidate(c, asOf, pAliveOf(c.id, i), basis);
    if (candidate) out.push(candidate);
  }
  return out.sort((a, b) => b.valueLostFen - a.valueLostFen || b.overdueDays - a.overdueDays || a.id - b.id);
}
