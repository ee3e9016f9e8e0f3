/**
 * The customer-value fit as a job of the shared worker thread (`clvFitInWorker` in
 * import/worker-jobs.ts): transactions in, the fitted models and every customer's predictions out.
 * A fit of 100k customers takes a few hundred milliseconds of pure arithmetic, and the summary of
 * 1M transactions about as long again: in the Electron main process that would freeze the window,
 * so it runs beside it, is cancelled by terminating the worker, and reports its phases.
 */
import {
  fitValueModels,
  predictCustomerValue,
  summarizeTransactions,
  type CustomerSummaries,
  type CustomerValuePredictions,
  type PredictionOptions,
  type TimeUnit,
  type TransactionColumns,
  type ValueModelOptions,
  type ValueModels,
} from '../../domain/value/index.js';
import type { JobContext } from '../import/import-types.js';

/** Customer keys: the merged customers' ids (typed arrays cross to the worker without a per-item cost). */
export type CustomerKeys = Int32Array | Float64Array | number[] | string[];

export interface ClvFitJob {
  transactions: TransactionColumns & { customer: CustomerKeys };
  unit: TimeUnit;
  /** Last calibration day as a day number (`dayNumber`); default the last transaction's day. */
  calibrationEnd?: number;
  models?: ValueModelOptions;
  predictions?: PredictionOptions;
}

export interface ClvFitResult {
  models: ValueModels;
  summaries: CustomerSummaries;
  predictions: CustomerValuePredictions;
}

/** Progress phases, in order (each reported once at its start: 0 of 3 … 2 of 3, then 3 of 3). */
export const CLV_FIT_PHASES = ['clv.summary', 'clv.fit', 'clv.predict'] as const;

export async function runClvFit(job: ClvFitJob, ctx: Pick<JobContext, 'progress'>): Promise<ClvFitResult> {
  const total = CLV_FIT_PHASES.length;
  ctx.progress?.('clv.summary', 0, total);
  const summaries = summarizeTransactions<string | number>(job.transactions, {
    unit: job.unit,
    calibrationEnd: job.calibrationEnd,
  });
  ctx.progress?.('clv.fit', 1, total);
  const models = fitValueModels(summaries, job.models);
  ctx.progress?.('clv.predict', 2, total);
  const predictions = predictCustomerValue(models, summaries, job.predictions);
  ctx.progress?.('clv.predict', 3, total);
  return { models, summaries, predictions };
}
