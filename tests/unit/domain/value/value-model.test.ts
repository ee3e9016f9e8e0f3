/**
 * The models end to end: fit, judge (the thin-data rule), predict per customer; and the simple
 * rules that stand in when the data are too thin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpectedPurchases,
  dayNumber,
  discountedClv,
  fitValueModels,
  gammaGammaExpectedSpend,
  predictCustomerValue,
  summarizeTransactions,
  thinDataReasons,
  type CustomerSummaries,
} from '../../../../main/domain/value/index.js';
import { readTransactionText } from '../../../../main/domain/value/transaction-file.js';
import { formatMessage } from '../../../../main/shared/messages/index.js';
import { cdnowPath } from '../../../helpers/cdnow.js';

async function cdnowSummaries(): Promise<CustomerSummaries<string>> {
  const file = await readTransactionText(
    readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'),
    'CDNOW_sample.txt',
  );
  return summarizeTransactions(file.transactions, { unit: 'week', calibrationEnd: dayNumber('1997-09-30') });
}

/** Summaries straight from columns (x, t_x, T, m, total) for hand-built cases, in days. */
function summaries(list: [number, number, number, number, number][]): CustomerSummaries<number> {
  return {
    unit: 'day',
    calibrationEnd: dayNumber('2024-12-31'),
    ids: list.map((_, i) => i + 1),
    frequency: Float64Array.from(list, (r) => r[0]),
    recency: Float64Array.from(list, (r) => r[1]),
    age: Float64Array.from(list, (r) => r[2]),
    monetary: Float64Array.from(list, (r) => r[3]),
    totalValue: Float64Array.from(list, (r) => r[4]),
    firstDay: new Int32Array(list.length),
    lastDay: new Int32Array(list.length),
  };
}

describe('value models on CDNOW', () => {
  it('uses both models, and predicts per customer from them', async () => {
    const s = await cdnowSummaries();
    const models = fitValueModels(s);
    expect(models.thinData).toEqual([]);
    expect(models.bgnbd.usable && models.gammaGamma.usable).toBe(true);
    expect([models.purchasesMethod, models.spendMethod]).toEqual(['bgnbd', 'gamma-gamma']);
    expect(models.customers).toBe(2357);
    expect(models.repeatCustomers).toBe(946);
    expect(models.calibrationEnd).toBe('1997-09-30');

    const values = predictCustomerValue(models, s, { margin: 0.3, monthlyDiscountRate: 0.01 });
    const bg = models.bgnbd.fit!.params;
    const gg = models.gammaGamma.fit!.params;
    // Customer 1: x = 2, t_x = 213/7, T = 272/7, repeat mean 22.345.
    expect(values.ids[0]).toBe('0001');
    expect(values.pAlive[0]).toBeCloseTo(0.7266, 3);
    expect(values.purchases90[0]).toBeCloseTo(
      bgnbdConditionalExpectedPurchases(bg, 2, 213 / 7, 272 / 7, 90 / 7),
      12,
    );
    expect(values.purchases365[0]).toBeCloseTo(
      bgnbdConditionalExpectedPurchases(bg, 2, 213 / 7, 272 / 7, 365 / 7),
      12,
    );
    expect(values.spendPerOrder[0]).toBeCloseTo(gammaGammaExpectedSpend(gg, 2, 22.345), 10);
    const clv = discountedClv(
      (t) => bgnbdConditionalExpectedPurchases(bg, 2, 213 / 7, 272 / 7, t),
      values.spendPerOrder[0]!,
      { unitsPerMonth: 30.4375 / 7, margin: 0.3, monthlyDiscountRate: 0.01, months: 12 },
    );
    expect(values.clv[0]).toBeCloseTo(clv, 10);
    // One-time buyers: alive by construction, the population's mean spend.
    const oneTime = s.frequency.findIndex((x) => x === 0);
    expect(values.pAlive[oneTime]).toBe(1);
    expect(values.spendPerOrder[oneTime]).toBeCloseTo((gg.p * gg.gamma) / (gg.q - 1), 10);
    for (let i = 0; i < s.ids.length; i++) {
      expect(values.purchases365[i]!).toBeGreaterThan(values.purchases90[i]!);
      expect(values.clv[i]!).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the same estimates in days as in weeks (α × 7), and the same predictions', async () => {
    const file = await readTransactionText(readFileSync(cdnowPath('CDNOW_sample.txt'), 'utf8'), 'x');
    const options = { calibrationEnd: dayNumber('1997-09-30') };
    const weeks = summarizeTransactions(file.transactions, { unit: 'week', ...options });
    const days = summarizeTransactions(file.transactions, { unit: 'day', ...options });
    const w = fitValueModels(weeks);
    const d = fitValueModels(days);
    expect(d.bgnbd.fit!.params.r).toBeCloseTo(w.bgnbd.fit!.params.r, 5);
    expect(d.bgnbd.fit!.params.alpha / 7).toBeCloseTo(w.bgnbd.fit!.params.alpha, 4);
    const pw = predictCustomerValue(w, weeks);
    const pd = predictCustomerValue(d, days);
    expect(pd.purchases365[0]).toBeCloseTo(pw.purchases365[0]!, 4);
    expect(pd.clv[5]).toBeCloseTo(pw.clv[5]!, 3);
  });
});

describe('the thin-data rule and the simple rules', () => {
  // 10 repeat buyers and 20 one-time buyers over a year.
  const few = summaries([
    ...Array.from({ length: 10 }, (_, i): [number, number, number, number, number] => [
      1 + (i % 3),
      40 + 10 * i,
      200 + 10 * i,
      50 + i,
      (2 + (i % 3)) * (50 + i),
    ]),
    ...Array.from({ length: 20 }, (_, i): [number, number, number, number, number] => [
      0,
      0,
      100 + 10 * i,
      0,
      80,
    ]),
  ]);

  it('falls back to the rules below 30 repeat buyers, and says so', () => {
    const models = fitValueModels(few);
    expect(models.thinData).toEqual([
      { code: 'value.thin.fewRepeatCustomers', params: { count: 10, min: 30 } },
    ]);
    expect(models.bgnbd.usable).toBe(false);
    expect(models.gammaGamma.usable).toBe(false);
    expect(models.bgnbd.problems[0]!.code).toBe('value.thin.fewRepeatCustomers');
    expect([models.purchasesMethod, models.spendMethod]).toEqual(['repeat-rate', 'own-average']);
    expect(formatMessage('value.thin.fewRepeatCustomers', models.thinData[0]!.params, 'en')).toBe(
      'Customers who bought more than once: 10, fewer than the 30 the models need',
    );

    const values = predictCustomerValue(models, few);
    // Repeat rate: Σx / ΣT purchases per day, the same for everyone.
    let x = 0;
    let T = 0;
    for (let i = 0; i < few.ids.length; i++) {
      x += few.frequency[i]!;
      T += few.age[i]!;
    }
    expect(models.rules.repeatRate).toBeCloseTo(x / T, 15);
    for (let i = 0; i < few.ids.length; i++) {
      expect(values.pAlive[i]).toBeNaN();
      expect(values.purchases90[i]).toBeCloseTo((90 * x) / T, 12);
      expect(values.purchases365[i]).toBeCloseTo((365 * x) / T, 12);
      // The customer's own average order value, first purchase included.
      expect(values.spendPerOrder[i]).toBeCloseTo(few.totalValue[i]! / (few.frequency[i]! + 1), 12);
    }
    // CLV: the rule's purchases per month, discounted, times spend and margin.
    const month = 30.4375;
    let expected = 0;
    for (let k = 1; k <= 12; k++) expected += (month * x) / T / 1.01 ** k;
    expect(values.clv[0]).toBeCloseTo(expected * values.spendPerOrder[0]!, 10);
    expect(predictCustomerValue(models, few, { margin: 0.25 }).clv[0]).toBeCloseTo(0.25 * values.clv[0]!, 10);
  });

  it('judges the thresholds as given: 10 repeat buyers are enough when the minimum is 10', () => {
    const models = fitValueModels(few, { minRepeatCustomers: 10 });
    expect(models.thinData).toEqual([]);
    expect(models.bgnbd.fit).not.toBeNull();
  });

  it('calls a history shorter than 3 typical purchase intervals too short', () => {
    // 40 repeat buyers who come back every ~60 days, seen for at most 100 days.
    const short = summaries(
      Array.from({ length: 40 }, (_, i): [number, number, number, number, number] => [
        1,
        60,
        70 + (i % 31),
        30,
        60,
      ]),
    );
    expect(thinDataReasons(short)).toEqual([
      { code: 'value.thin.shortHistory', params: { spanDays: 100, intervalDays: 60, times: 3 } },
    ]);
    const models = fitValueModels(short);
    expect(models.purchasesMethod).toBe('repeat-rate');
    // In weeks the message still speaks in days.
    expect(thinDataReasons({ ...short, unit: 'week' })[0]!.params).toMatchObject({
      spanDays: 700,
      intervalDays: 420,
    });
  });

  it('does not use a fit whose parameters ran off to a bound, even with enough customers', () => {
    // 60 customers who all buy at exactly the same pace and never drop out: no heterogeneity and
    // no dropout to estimate, so r, α → ∞ (a Poisson rate) and a → 0.
    const regular = summaries(
      Array.from({ length: 60 }, (_, i): [number, number, number, number, number] => {
        const T = 100 + i;
        const x = Math.floor(T / 10);
        return [x, 10 * x, T, 25, 25 * (x + 1)];
      }),
    );
    const models = fitValueModels(regular);
    expect(models.thinData).toEqual([]);
    expect(models.bgnbd.fit!.atBound.length).toBeGreaterThan(0);
    expect(models.bgnbd.usable).toBe(false);
    expect(models.bgnbd.problems[0]!.code).toBe('value.thin.atBound');
    expect(models.purchasesMethod).toBe('repeat-rate');
    // Everyone spends exactly 25: no spread in spend either, so Gamma-Gamma is unusable too.
    expect(models.gammaGamma.usable).toBe(false);
    expect(models.spendMethod).toBe('own-average');
    expect(predictCustomerValue(models, regular).spendPerOrder[0]).toBe(25);
  });

  it('with no repeat buyer at all fits nothing and still predicts by the rules', () => {
    const none = summaries(
      Array.from({ length: 5 }, (_, i): [number, number, number, number, number] => [0, 0, 10 * i, 0, 12]),
    );
    const models = fitValueModels(none);
    expect(models.bgnbd.fit).toBeNull();
    expect(models.gammaGamma.fit).toBeNull();
    expect(models.repeatCustomers).toBe(0);
    const values = predictCustomerValue(models, none);
    expect(Array.from(values.purchases365)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(values.spendPerOrder)).toEqual([12, 12, 12, 12, 12]);
    expect(Array.from(values.clv)).toEqual([0, 0, 0, 0, 0]);
  });

  it('never predicts a negative spend for a customer whose refunds exceed their purchases', async () => {
    const s = await cdnowSummaries();
    s.monetary[0] = -40;
    s.totalValue[0] = -10;
    const values = predictCustomerValue(fitValueModels(s), s);
    expect(values.spendPerOrder[0]).toBeGreaterThanOrEqual(0);
    expect(values.clv[0]).toBeGreaterThanOrEqual(0);
  });
});
