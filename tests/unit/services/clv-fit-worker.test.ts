/**
 * The customer-value fit as a job of the shared worker thread: the same numbers as in process,
 * the caller's thread free while it runs, and a cancel that stops it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../main/domain/errors.js';
import { dayNumber, fitValueModels, summarizeTransactions } from '../../../main/domain/value/index.js';
import { readTransactionText } from '../../../main/domain/value/transaction-file.js';
import { clvFitInWorker } from '../../../main/services/import/worker-jobs.js';
import { simulateCustomers } from '../../../bench/clv/simulate.js';
import { cdnowPath } from '../../helpers/cdnow.js';

const now = () => new Date('2026-06-30T00:00:00Z');

describe('clv-fit in the worker', () => {
  it('fits CDNOW in the worker with the same result as in process, reporting its phases', async () => {
    const file = await readTransactionText(readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'), 'x');
    const calibrationEnd = dayNumber('1997-09-30');
    const phases: string[] = [];
    const result = await clvFitInWorker(
      { transactions: file.transactions, unit: 'week', calibrationEnd, predictions: { margin: 0.3 } },
      { now, progress: (phase) => phases.push(phase) },
    );
    expect(phases).toEqual(['clv.summary', 'clv.fit', 'clv.predict', 'clv.predict']);
    const local = fitValueModels(summarizeTransactions(file.transactions, { unit: 'week', calibrationEnd }));
    expect(result.models.bgnbd.fit!.params).toEqual(local.bgnbd.fit!.params);
    expect(result.models.gammaGamma.fit!.params).toEqual(local.gammaGamma.fit!.params);
    expect(result.models.purchasesMethod).toBe('bgnbd');
    expect(result.summaries.ids).toHaveLength(2357);
    expect(result.predictions.clv).toBeInstanceOf(Float64Array);
    expect(result.predictions.pAlive[0]).toBeCloseTo(0.7266, 3);
  });

  it('leaves the calling thread free while it fits, and stops when cancelled', async () => {
    const { transactions } = simulateCustomers(150_000, 3);
    const job = { transactions, unit: 'day' as const };

    // Timers keep firing on this thread during the fit: it runs elsewhere.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const result = await clvFitInWorker(job, { now });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result.summaries.ids).toHaveLength(150_000);
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 50));

    // Cancelled once the fit has begun: rejected as a cancel, and the next job runs in a fresh worker.
    const controller = new AbortController();
    const cancelled = clvFitInWorker(job, {
      now,
      signal: controller.signal,
      progress: (phase) => {
        if (phase === 'clv.fit') controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const before = new AbortController();
    before.abort();
    await expect(clvFitInWorker(job, { now, signal: before.signal })).rejects.toBeInstanceOf(CancelledError);

    const file = await readTransactionText(readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'), 'x');
    const again = await clvFitInWorker({ transactions: file.transactions, unit: 'week' }, { now });
    expect(again.summaries.ids).toHaveLength(2357);
  });
});
