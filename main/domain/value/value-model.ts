/**
 * The customer-value models end to end: fit BG/NBD and Gamma-Gamma on the customers' summaries,
 * decide whether each can be used (`thin-data.ts`), and predict per customer P(alive), expected
 * purchases in the next 90 and 365 days, expected spend per order and the discounted 12-month CLV,
 * each from the model or, where the model cannot be used, from the simple rule, labelled.
 */
import type { Message } from '../../shared/messages/index.js';
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive, type BgNbdParams } from './bgnbd.js';
import { CLV_DEFAULTS, discountedClv, unitsPerMonth } from './clv.js';
import { fitBgNbd, type BgNbdFit } from './fit-bgnbd.js';
import { fitGammaGamma, type GammaGammaFit } from './fit-gamma-gamma.js';
import type { Optimizer } from './fitting.js';
import { gammaGammaExpectedSpend } from './gamma-gamma.js';
import { fitProblems, THIN_DATA_DEFAULTS, thinDataReasons, type ThinDataRules } from './thin-data.js';
import {
  countRepeatCustomers,
  DAYS_PER_UNIT,
  dayText,
  type CustomerSummaries,
  type TimeUnit,
} from './summary.js';

export interface ValueModelOptions extends Partial<ThinDataRules> {
  optimizer?: Optimizer;
}

export interface ModelOutcome<Fit> {
  /** The estimates, or null when there was nothing to fit (no repeat customer). */
  fit: Fit | null;
  /** True when the predictions use this model. */
  usable: boolean;
  /** Why not, when not: the thin-data reasons and this fit's own problems. */
  problems: Message[];
}

/** How the predictions are made: the model, or the simple rule standing in for it. */
export type PurchasesMethod = 'bgnbd' | 'repeat-rate';
export type SpendMethod = 'gamma-gamma' | 'own-average';

export interface ValueModels {
  unit: TimeUnit;
  /** Last calibration day, YYYY-MM-DD. */
  calibrationEnd: string;
  customers: number;
  repeatCustomers: number;
  /** The data-level reasons the data are too thin (empty when they are enough). */
  thinData: Message[];
  bgnbd: ModelOutcome<BgNbdFit>;
  gammaGamma: ModelOutcome<GammaGammaFit>;
  purchasesMethod: PurchasesMethod;
  spendMethod: SpendMethod;
  /** The simple rules' inputs, always computed (the UI may show them beside the model). */
  rules: {
    /** Σx / ΣT: repeat purchases per customer per time unit. */
    repeatRate: number;
    /** All purchase value / all purchase days: the shop's average order value. */
    averageOrderValue: number;
  };
}

/** Fits both models on the summaries (`summarizeTransactions`) and judges them. */
export function fitValueModels(summaries: CustomerSummaries, options: ValueModelOptions = {}): ValueModels {
  const rules: ThinDataRules = {
    minRepeatCustomers: options.minRepeatCustomers ?? THIN_DATA_DEFAULTS.minRepeatCustomers,
    minIntervalsObserved: options.minIntervalsObserved ?? THIN_DATA_DEFAULTS.minIntervalsObserved,
  };
  const thinData = thinDataReasons(summaries, rules);
  const repeatCustomers = countRepeatCustomers(summaries);
  const fitOptions = { optimizer: options.optimizer };

  const bgnbdFit = repeatCustomers > 0 ? fitBgNbd(summaries, fitOptions) : null;
  const bgnbdProblems = bgnbdFit ? fitProblems('bgnbd', bgnbdFit) : [];

  let spenders = 0;
  for (let i = 0; i < summaries.frequency.length; i++)
    if (summaries.frequency[i]! > 0 && summaries.monetary[i]! > 0) spenders++;
  const ggFit = spenders >= 2 ? fitGammaGamma(summaries, fitOptions) : null;
  const ggProblems = ggFit
    ? fitProblems('gammaGamma', ggFit)
    : repeatCustomers > 0
      ? [{ code: 'value.thin.noSpend', params: { count: spenders } } satisfies Message]
      : [];

  const bgnbdUsable = thinData.length === 0 && bgnbdFit !== null && bgnbdProblems.length === 0;
  const ggUsable = thinData.length === 0 && ggFit !== null && ggProblems.length === 0;
  return {
    unit: summaries.unit,
    calibrationEnd: dayText(summaries.calibrationEnd),
    customers: summaries.ids.length,
    repeatCustomers,
    thinData,
    bgnbd: {
      fit: bgnbdFit,
      usable: bgnbdUsable,
      problems: bgnbdUsable ? [] : [...thinData, ...bgnbdProblems],
    },
    gammaGamma: { fit: ggFit, usable: ggUsable, problems: ggUsable ? [] : [...thinData, ...ggProblems] },
    purchasesMethod: bgnbdUsable ? 'bgnbd' : 'repeat-rate',
    spendMethod: ggUsable ? 'gamma-gamma' : 'own-average',
    rules: simpleRules(summaries),
  };
}

function simpleRules(summaries: CustomerSummaries): ValueModels['rules'] {
  let repeats = 0;
  let exposure = 0;
  let value = 0;
  let purchases = 0;
  for (let i = 0; i < summaries.frequency.length; i++) {
    repeats += summaries.frequency[i]!;
    exposure += summaries.age[i]!;
    value += summaries.totalValue[i]!;
    purchases += summaries.frequency[i]! + 1;
  }
  return {
    repeatRate: exposure > 0 ? repeats / exposure : 0,
    averageOrderValue: purchases > 0 ? value / purchases : 0,
  };
}

export interface PredictionOptions {
  /** Months of CLV (default 12). */
  months?: number;
  /** Discount per month (default 0.01). */
  monthlyDiscountRate?: number;
  /** Share of spend that is profit (default 1: CLV in revenue). */
  margin?: number;
  /** Model time units per month (default 30.4375 days or 4.348 weeks). */
  unitsPerMonth?: number;
}

/** Horizons of the expected purchases, in days. */
export const PURCHASE_HORIZON_DAYS = [90, 365] as const;

/** Per customer, indexed like the summaries. */
export interface CustomerValuePredictions<Id extends string | number = string | number> {
  ids: Id[];
  /** P(alive) from BG/NBD; NaN when the simple rule is used (not estimated). */
  pAlive: Float64Array;
  /** Expected purchases in the next 90 days (model time units converted). */
  purchases90: Float64Array;
  /** Expected purchases in the next 365 days. */
  purchases365: Float64Array;
  /** Expected value of one purchase, in the money unit of the transactions. */
  spendPerOrder: Float64Array;
  /** Discounted CLV over `months`, times the margin. */
  clv: Float64Array;
  purchasesMethod: PurchasesMethod;
  spendMethod: SpendMethod;
}

export function predictCustomerValue<Id extends string | number>(
  models: ValueModels,
  summaries: CustomerSummaries<Id>,
  options: PredictionOptions = {},
): CustomerValuePredictions<Id> {
  const n = summaries.ids.length;
  const perDay = 1 / DAYS_PER_UNIT[summaries.unit];
  const clvOptions = {
    months: options.months ?? CLV_DEFAULTS.months,
    monthlyDiscountRate: options.monthlyDiscountRate ?? CLV_DEFAULTS.monthlyDiscountRate,
    margin: options.margin ?? CLV_DEFAULTS.margin,
    unitsPerMonth: options.unitsPerMonth ?? unitsPerMonth(summaries.unit),
  };
  const out: CustomerValuePredictions<Id> = {
    ids: summaries.ids,
    pAlive: new Float64Array(n),
    purchases90: new Float64Array(n),
    purchases365: new Float64Array(n),
    spendPerOrder: new Float64Array(n),
    clv: new Float64Array(n),
    purchasesMethod: models.purchasesMethod,
    spendMethod: models.spendMethod,
  };
  const bgnbd: BgNbdParams | null = models.bgnbd.usable ? models.bgnbd.fit!.params : null;
  const gg = models.gammaGamma.usable ? models.gammaGamma.fit!.params : null;
  const rate = models.rules.repeatRate;
  for (let i = 0; i < n; i++) {
    const x = summaries.frequency[i]!;
    const tx = summaries.recency[i]!;
    const T = summaries.age[i]!;
    let purchases: (t: number) => number;
    if (bgnbd) {
      // E[Y(t)] = P(alive) · (the rest): P(alive) once, not once per horizon.
      const pAlive = bgnbdProbabilityAlive(bgnbd, x, tx, T);
      out.pAlive[i] = pAlive;
      purchases = (t) => bgnbdConditionalExpectedPurchases(bgnbd, x, tx, T, t);
    } else {
      out.pAlive[i] = Number.NaN;
      purchases = (t) => rate * t;
    }
    out.purchases90[i] = purchases(PURCHASE_HORIZON_DAYS[0] * perDay);
    out.purchases365[i] = purchases(PURCHASE_HORIZON_DAYS[1] * perDay);
    // Refunds can leave a mean ≤ 0: such a customer is expected to bring nothing per order, not less.
    const spend = gg
      ? gammaGammaExpectedSpend(gg, x, Math.max(0, summaries.monetary[i]!))
      : summaries.totalValue[i]! / (x + 1);
    out.spendPerOrder[i] = Math.max(0, spend);
    out.clv[i] = discountedClv(purchases, out.spendPerOrder[i]!, clvOptions);
  }
  return out;
}
