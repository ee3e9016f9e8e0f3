/**
 * BG/NBD against the published CDNOW numbers (Fader, Hardie & Lee 2005a, §7; lifetimes' tests and
 * docs; design/customer-value.md §3.1) and against its own mathematics (gradient, time scale,
 * P(alive) limits, simulated data with known parameters).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BgNbdLikelihood,
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  dayNumber,
  fitBgNbd,
  summarizeTransactions,
  type BgNbdParams,
} from '../../../../main/domain/value/index.js';
import { readTransactionText } from '../../../../main/domain/value/transaction-file.js';
import { simulateCustomers } from '../../../../bench/clv/simulate.js';
import { cdnowPath, readCdnowBgNbdData } from '../../../helpers/cdnow.js';

const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const data = readCdnowBgNbdData();

/** Equal to `digits` significant digits. */
function expectSignificant(actual: number, expected: number, digits: number) {
  expect(Number(actual.toPrecision(digits))).toBe(Number(expected.toPrecision(digits)));
}

describe('BG/NBD on CDNOW (2,357 customers, weeks, calibration to 1997-09-30)', () => {
  const fit = fitBgNbd(data);

  it('reproduces the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426 and LL −9582.4', () => {
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toEqual([]);
    expectSignificant(fit.params.r, PUBLISHED.r, 3);
    expectSignificant(fit.params.alpha, PUBLISHED.alpha, 4);
    expectSignificant(fit.params.a, PUBLISHED.a, 3);
    expectSignificant(fit.params.b, PUBLISHED.b, 4);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
    // To the digits lifetimes' docs print (r 0.242593, α 4.413532, a 0.792886, b 2.425752).
    expect(fit.params.r).toBeCloseTo(0.242593, 6);
    expect(fit.params.alpha).toBeCloseTo(4.413532, 5);
    expect(fit.params.a).toBeCloseTo(0.792886, 5);
    expect(fit.params.b).toBeCloseTo(2.42575, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4256, 3);
    expect(fit.optimizer).toBe('bfgs');
  });

  it('gives LL −9582.4268 at the rounded published parameters', () => {
    expect(bgnbdLogLikelihood(PUBLISHED, data)).toBeCloseTo(-9582.4268, 3);
  });

  it('reproduces the Hardie spreadsheet: customer 1 (x = 2, t_x = 30.43, T = 38.86)', () => {
    expect(bgnbdConditionalExpectedPurchases(fit.params, 2, 30.43, 38.86, 39)).toBeCloseTo(1.22591, 5);
    expect(bgnbdProbabilityAlive(fit.params, 2, 30.43, 38.86)).toBeCloseTo(0.72661, 5);
    // At the published, rounded parameters the README's 1.226 and 0.7266 too.
    expect(bgnbdConditionalExpectedPurchases(PUBLISHED, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
    expect(bgnbdProbabilityAlive(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
  });

  it('reproduces the unconditional expectations E[X(t)] of the Hardie sheet', () => {
    const t = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.00782, 0.05318, 0.15063, 1.04049, 1.04374, 1.85797];
    t.forEach((ti, i) => expect(bgnbdExpectedPurchases(fit.params, ti)).toBeCloseTo(expected[i]!, 5));
    expect(bgnbdExpectedPurchases(fit.params, 0)).toBe(0);
  });

  it('ranks the same top five by next-week purchases as lifetimes’ docs, with the same values', () => {
    const next = data.ids.map((id, i) => ({
      id,
      e: bgnbdConditionalExpectedPurchases(fit.params, data.frequency[i]!, data.recency[i]!, data.age[i]!, 1),
    }));
    const top = next.sort((p, q) => p.e - q.e).slice(-5);
    expect(top.map((c) => c.id)).toEqual([509, 841, 1981, 157, 1516]);
    const docs = [0.424877, 0.474738, 0.486526, 0.662396, 0.710623];
    top.forEach((c, i) => expect(c.e).toBeCloseTo(docs[i]!, 5));
  });

  it('predicts the 39-week holdout as published: 1,653.4 purchases against 1,882 made', async () => {
    const file = await readTransactionText(
      readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'),
      'CDNOW_sample.txt',
    );
    const end = dayNumber('1997-09-30');
    const holdoutDays = new Map<string, Set<number>>();
    const { customer, day } = file.transactions;
    for (let i = 0; i < day.length; i++) {
      if (day[i]! <= end) continue;
      const days = holdoutDays.get(customer[i]!) ?? new Set<number>();
      days.add(day[i]!);
      holdoutDays.set(customer[i]!, days);
    }
    const ids = data.ids.map((id) => String(id).padStart(4, '0'));
    let actual = 0;
    let predicted = 0;
    let zeroClassActual = 0;
    let zeroClassPredicted = 0;
    let zeroClass = 0;
    ids.forEach((id, i) => {
      const made = holdoutDays.get(id)?.size ?? 0;
      const expected = bgnbdConditionalExpectedPurchases(
        fit.params,
        data.frequency[i]!,
        data.recency[i]!,
        data.age[i]!,
        39,
      );
      actual += made;
      predicted += expected;
      if (data.frequency[i] === 0) {
        zeroClass++;
        zeroClassActual += made;
        zeroClassPredicted += expected;
      }
    });
    expect(actual).toBe(1882);
    expect(predicted).toBeCloseTo(1653.4, 1);
    expect(zeroClass).toBe(1411);
    expect(zeroClassActual).toBe(334);
    expect(zeroClassPredicted / zeroClass).toBeCloseTo(0.225, 3);
  });

  it('has a mean P(alive) of 0.8134 over the 2,357 customers', () => {
    let sum = 0;
    data.ids.forEach((_, i) => {
      sum += bgnbdProbabilityAlive(fit.params, data.frequency[i]!, data.recency[i]!, data.age[i]!);
    });
    expect(sum / data.ids.length).toBeCloseTo(0.8134, 4);
  });

  it('reaches the same optimum from the Nelder–Mead start', () => {
    const simplex = fitBgNbd(data, { optimizer: 'nelder-mead' });
    expect(simplex.optimizer).toBe('nelder-mead+bfgs');
    expect(simplex.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expectSignificant(simplex.params.r, fit.params.r, 5);
    expectSignificant(simplex.params.alpha, fit.params.alpha, 5);
  });

  it('reproduces the published estimates from the raw transactions too', async () => {
    const file = await readTransactionText(
      readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'),
      'CDNOW_sample.txt',
    );
    const summary = summarizeTransactions(file.transactions, {
      unit: 'week',
      calibrationEnd: dayNumber('1997-09-30'),
    });
    const raw = fitBgNbd(summary);
    expectSignificant(raw.params.r, PUBLISHED.r, 3);
    expectSignificant(raw.params.alpha, PUBLISHED.alpha, 4);
    expectSignificant(raw.params.a, PUBLISHED.a, 3);
    expectSignificant(raw.params.b, PUBLISHED.b, 4);
    expect(Math.abs(raw.logLikelihood - -9582.4)).toBeLessThan(0.1);
  });
});

describe('BG/NBD mathematics', () => {
  const params: BgNbdParams = { r: 0.3, alpha: 5, a: 0.9, b: 2.2 };

  it('has an analytic gradient equal to the numerical one', () => {
    const likelihood = new BgNbdLikelihood(data);
    const gradient = new Float64Array(4);
    likelihood.evaluate(params, gradient);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((key, k) => {
      const h = 1e-6 * params[key];
      const up = likelihood.evaluate({ ...params, [key]: params[key] + h }, null);
      const down = likelihood.evaluate({ ...params, [key]: params[key] - h }, null);
      const numerical = (up - down) / (2 * h);
      expect(Math.abs(gradient[k]! - numerical)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numerical)));
    });
  });

  it('moves the log-likelihood by −Σx ln c when time is rescaled by c, and α with it', () => {
    const days = {
      frequency: data.frequency,
      recency: data.recency.map((v) => v * 7),
      age: data.age.map((v) => v * 7),
    };
    const sumX = data.frequency.reduce((s, x) => s + x, 0);
    const weekly = bgnbdLogLikelihood(params, data);
    const daily = bgnbdLogLikelihood({ ...params, alpha: params.alpha * 7 }, days);
    expect(daily).toBeCloseTo(weekly - sumX * Math.log(7), 6);
    const fit = fitBgNbd(days);
    expect(fit.params.alpha / 7).toBeCloseTo(4.413532, 4);
    expect(fit.params.r).toBeCloseTo(0.242593, 5);
  });

  it('P(alive) is 1 for a one-time buyer, 1/(1 + a/(b+x−1)) right after a purchase, and falls with time away', () => {
    expect(bgnbdProbabilityAlive(params, 0, 0, 50)).toBe(1);
    expect(bgnbdProbabilityAlive(params, 3, 20, 20)).toBeCloseTo(1 / (1 + params.a / (params.b + 2)), 12);
    const later = [20, 30, 60, 120].map((T) => bgnbdProbabilityAlive(params, 3, 20, T));
    for (let i = 1; i < later.length; i++) expect(later[i]!).toBeLessThan(later[i - 1]!);
    // A heavy buyer long gone: a tiny probability, not NaN or an overflow (lifetimes issue #332).
    const gone = bgnbdProbabilityAlive(params, 5000, 10, 400);
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(1e-100);
    expect(bgnbdProbabilityAlive(params, 5000, 400, 400)).toBeGreaterThan(0.99);
  });

  it('expects nothing over no time, more over more time, and stays finite for heavy buyers', () => {
    expect(bgnbdConditionalExpectedPurchases(params, 4, 30, 40, 0)).toBe(0);
    const horizons = [1, 10, 90, 365, 3650].map((t) =>
      bgnbdConditionalExpectedPurchases(params, 4, 30, 40, t),
    );
    for (let i = 1; i < horizons.length; i++) expect(horizons[i]!).toBeGreaterThan(horizons[i - 1]!);
    const heavy = bgnbdConditionalExpectedPurchases(params, 2000, 399, 400, 30);
    expect(Number.isFinite(heavy)).toBe(true);
    // About 5 purchases a day while alive, alive with probability ~1: ~150 in 30 days.
    expect(heavy).toBeGreaterThan(100);
    expect(heavy).toBeLessThan(160);
  });

  it('recovers the parameters of simulated customers (20k, seeded)', () => {
    const { summaries } = simulateCustomers(20_000, 7);
    const fit = fitBgNbd(summaries);
    expect(fit.converged).toBe(true);
    // Truth r 0.25, α 40 (days), a 0.8, b 2.5: sampling error at 20k is a few per cent (b most).
    expect(fit.params.r / 0.25).toBeGreaterThan(0.9);
    expect(fit.params.r / 0.25).toBeLessThan(1.1);
    expect(fit.params.alpha / 40).toBeGreaterThan(0.85);
    expect(fit.params.alpha / 40).toBeLessThan(1.15);
    expect(fit.params.a / 0.8).toBeGreaterThan(0.8);
    expect(fit.params.a / 0.8).toBeLessThan(1.2);
    expect(fit.params.b / 2.5).toBeGreaterThan(0.75);
    expect(fit.params.b / 2.5).toBeLessThan(1.25);
  });
});
