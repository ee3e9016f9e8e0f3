/**
 * When are the data too thin for the models, and what then. BG/NBD and Gamma-Gamma learn from
 * repeat buyers: with a few dozen of them, or a history shorter than a few purchase cycles, the
 * estimates run off to extremes or swing with every new order, and a CLV built on them would be
 * noise presented as precision. Then the predictions use simple rules, labelled as such.
 *
 * The data are thin when ANY of these holds:
 * 1. fewer than `minRepeatCustomers` (30) customers have a repeat purchase (x > 0);
 * 2. the calibration period (the oldest customer's T) is shorter than `minIntervalsObserved` (3)
 *    typical inter-purchase intervals, the median of t_x / x over repeat customers: the models
 *    cannot tell a customer who left from one who simply has not come back yet.
 * A model is also not used when its fit did not converge or a parameter ran off to 0 or ∞
 * (`FitReport.atBound`), and Gamma-Gamma needs at least 2 repeat customers with spend > 0.
 *
 * The simple rules (`value-model.ts`):
 * - purchases: the shop's repeat rate, Σx / ΣT repeat purchases per customer per time unit, times
 *   the horizon, the same for every customer (too little data to tell them apart);
 * - spend per order: the customer's own average order value, first purchase included;
 * - P(alive): not estimated (NaN).
 */
import type { Message } from '../../shared/messages/index.js';
import type { FitReport } from './fitting.js';
import { DAYS_PER_UNIT, type CustomerSummaries } from './summary.js';

export interface ThinDataRules {
  minRepeatCustomers: number;
  minIntervalsObserved: number;
}

export const THIN_DATA_DEFAULTS: Readonly<ThinDataRules> = {
  minRepeatCustomers: 30,
  minIntervalsObserved: 3,
};

type SummaryColumns = Pick<CustomerSummaries, 'unit' | 'frequency' | 'recency' | 'age'>;

/** The data-level reasons (1 and 2 above); empty when the data are enough. */
export function thinDataReasons(
  summaries: SummaryColumns,
  rules: ThinDataRules = THIN_DATA_DEFAULTS,
): Message[] {
  const reasons: Message[] = [];
  const intervals: number[] = [];
  let span = 0;
  for (let i = 0; i < summaries.frequency.length; i++) {
    span = Math.max(span, summaries.age[i]!);
    const x = summaries.frequency[i]!;
    if (x > 0) intervals.push(summaries.recency[i]! / x);
  }
  if (intervals.length < rules.minRepeatCustomers) {
    reasons.push({
      code: 'value.thin.fewRepeatCustomers',
      params: { count: intervals.length, min: rules.minRepeatCustomers },
    });
  }
  const interval = median(intervals);
  if (interval !== null && span < rules.minIntervalsObserved * interval) {
    const days = DAYS_PER_UNIT[summaries.unit];
    reasons.push({
      code: 'value.thin.shortHistory',
      params: {
        spanDays: Math.round(span * days),
        intervalDays: Math.round(interval * days),
        times: rules.minIntervalsObserved,
      },
    });
  }
  return reasons;
}

/** Why a fitted model cannot be used (not converged, parameters at a bound); empty when it can. */
export function fitProblems(model: 'bgnbd' | 'gammaGamma', fit: FitReport): Message[] {
  const name: Message = { code: model === 'bgnbd' ? 'value.model.bgnbd' : 'value.model.gammaGamma' };
  const problems: Message[] = [];
  if (fit.atBound.length > 0) {
    problems.push({
      code: 'value.thin.atBound',
      params: { model: name, parameters: fit.atBound.join(', ') },
    });
  } else if (!fit.converged) {
    problems.push({ code: 'value.thin.notConverged', params: { model: name } });
  }
  return problems;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
