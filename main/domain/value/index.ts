/**
 * Customer value models: the public API of `main/domain/value/` (pure: no Node, no database).
 * README “Customer value models” and design/customer-value.md give the formulas and sources.
 *
 * The usual path:
 *
 *   const summaries = summarizeTransactions({ customer, day, amount }, { unit: 'day', calibrationEnd });
 *   const models = fitValueModels(summaries);           // BG/NBD + Gamma-Gamma, judged for thin data
 *   const values = predictCustomerValue(models, summaries, { margin: 0.3 });
 *   // values.pAlive[i], purchases90[i], purchases365[i], spendPerOrder[i], clv[i] for summaries.ids[i]
 *
 * Each piece is usable alone: the likelihoods, the fits, the per-customer formulas, the CLV sum.
 * Services run `fitValueModels` + `predictCustomerValue` off the main thread through
 * `clvFitInWorker` (main/services/import/worker-jobs.ts).
 */
export {
  summarizeTransactions,
  countRepeatCustomers,
  dayNumber,
  dayText,
  DAYS_PER_UNIT,
  TIME_UNITS,
  type CustomerSummaries,
  type SummaryOptions,
  type TimeUnit,
  type TransactionColumns,
} from './summary.js';
export {
  BgNbdLikelihood,
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  type BgNbdData,
  type BgNbdParams,
} from './bgnbd.js';
export {
  GammaGammaLikelihood,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gammaGammaPopulationMean,
  type GammaGammaData,
  type GammaGammaParams,
} from './gamma-gamma.js';
export { fitBgNbd, BGNBD_PARAM_NAMES, type BgNbdFit } from './fit-bgnbd.js';
export { fitGammaGamma, GAMMA_GAMMA_PARAM_NAMES, type GammaGammaFit } from './fit-gamma-gamma.js';
export { LOG_PARAM_LIMIT, type FitOptions, type FitReport, type Optimizer } from './fitting.js';
export { CLV_DEFAULTS, DAYS_PER_MONTH, discountedClv, unitsPerMonth, type ClvOptions } from './clv.js';
export { THIN_DATA_DEFAULTS, thinDataReasons, fitProblems, type ThinDataRules } from './thin-data.js';
export {
  fitValueModels,
  predictCustomerValue,
  PURCHASE_HORIZON_DAYS,
  type CustomerValuePredictions,
  type ModelOutcome,
  type PredictionOptions,
  type PurchasesMethod,
  type SpendMethod,
  type ValueModelOptions,
  type ValueModels,
} from './value-model.js';
export * from './customer-facts.js';
export * from './rfm.js';
export * from './tiers.js';
export * from './behaviour.js';
export * from './cohorts.js';
export * from './churn.js';
export * from './analysis.js';
export * from './facts-columns.js';
export { analyseValueColumns } from './analysis-columnar.js';
export type * from './report-types.js';
