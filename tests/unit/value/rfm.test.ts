/**
 * RFM on hand-built customers: R/F/M at an as-of date, quintile scores with ties, the eight
 * segments under median, mean and fixed thresholds, the named segments.
 */
import { describe, expect, it } from 'vitest';
import {
  eightSegmentOf,
  namedSegmentOf,
  quintileScores,
  rfmOf,
  rfmScores,
  splitThresholds,
  type Rfm,
} from '../../../main/domain/value/index.js';
import { factsOf, order } from './fixtures.js';

describe('R, F and M at an as-of date', () => {
  const orders = [
    order(1, '2026-01-10', 'tmall', 100),
    order(1, '2026-03-01', 'jd', 50, { contribution: 20 }),
    order(1, '2026-05-01', 'tmall', 70), // after the first as-of date
    order(2, '2026-02-20', 'pdd', 30),
  ];

  it('counts only the orders up to the as-of day', () => {
    const facts = factsOf(orders, '2026-03-31');
    expect(facts.map((c) => rfmOf(c, '2026-03-31', 'revenue'))).toEqual([
      { recencyDays: 30, frequency: 2, monetaryFen: 15000 },
      { recencyDays: 39, frequency: 1, monetaryFen: 3000 },
    ]);
    expect(rfmOf(facts[0]!, '2026-03-31', 'contribution').monetaryFen).toBe(12000);
  });

  it('moves with the as-of date', () => {
    const facts = factsOf(orders, '2026-05-31');
    expect(rfmOf(facts[0]!, '2026-05-31', 'revenue')).toEqual({
      recencyDays: 30,
      frequency: 3,
      monetaryFen: 22000,
    });
  });
});

describe('quintile scores', () => {
  it('gives 1 … 5 to ten distinct values, two each', () => {
    expect([...quintileScores([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])]).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it('gives tied values one score, from the middle of their group, whatever their order', () => {
    // Seven of ten bought once: their middle position is 3 of 0..9 → score 2; the two 2s (7.5) → 4; 5 → 5.
    const values = [1, 1, 2, 1, 1, 5, 1, 1, 2, 1];
    expect([...quintileScores(values)]).toEqual([2, 2, 4, 2, 2, 5, 2, 2, 4, 2]);
    const reversed = [...values].reverse();
    expect([...quintileScores(reversed)]).toEqual([...quintileScores(values)].reverse());
  });

  it('scores recency in reverse: the most recent customer scores 5', () => {
    const rfm: Rfm[] = [0, 10, 20, 30, 40].map((d) => ({ recencyDays: d, frequency: 1, monetaryFen: d }));
    expect(rfmScores(rfm).map((s) => s.r)).toEqual([5, 4, 3, 2, 1]);
    expect(rfmScores(rfm).map((s) => s.m)).toEqual([1, 2, 3, 4, 5]);
    expect(rfmScores(rfm).map((s) => s.f)).toEqual([3, 3, 3, 3, 3]);
  });
});

describe('the eight segments', () => {
  // Recency, frequency, monetary (fen) of six customers.
  const rfm: Rfm[] = [
    { recencyDays: 5, frequency: 6, monetaryFen: 90000 }, // recent, frequent, big
    { recencyDays: 10, frequency: 1, monetaryFen: 50000 },
    { recencyDays: 200, frequency: 4, monetaryFen: 40000 },
    { recencyDays: 300, frequency: 1, monetaryFen: 1000 },
    { recencyDays: 20, frequency: 1, monetaryFen: 2000 },
    { recencyDays: 100, frequency: 1, monetaryFen: 3000 },
  ];

  it('splits at the median by default: high is better than the median customer', () => {
    const t = splitThresholds(rfm, { kind: 'median' });
    expect(t).toMatchObject({ rule: 'median', recencyDays: 60, frequency: 1, monetaryFen: 21500 });
    expect(rfm.map((x) => eightSegmentOf(x, t))).toEqual([
      'important_value', // 111
      'important_development', // 101: one order is not above the median of one
      'important_retention', // 011
      'general_winback', // 000
      'general_development', // 100: 20 days is more recent than the median 60
      'general_winback', // 000
    ]);
  });

  it('splits at the mean with the tutorials’ x ≥ mean', () => {
    const t = splitThresholds(rfm, { kind: 'mean' });
    expect(t.recencyDays).toBeCloseTo(635 / 6);
    expect(t.frequency).toBeCloseTo(14 / 6);
    expect(rfm.map((x) => eightSegmentOf(x, t))).toEqual([
      'important_value',
      'important_development',
      'important_retention',
      'general_winback',
      'general_development', // 20 days ≤ mean 105.8, one order, small
      'general_development', // 100 days ≤ 105.8
    ]);
  });

  it('splits at the owner’s fixed thresholds, inclusive', () => {
    const t = splitThresholds(rfm, { kind: 'fixed', recencyDays: 10, frequency: 4, monetaryFen: 40000 });
    expect(rfm.map((x) => eightSegmentOf(x, t))).toEqual([
      'important_value',
      'important_development', // exactly 10 days is within 10
      'important_retention', // exactly 4 orders and 400 yuan
      'general_winback',
      'general_winback',
      'general_winback',
    ]);
    const frequentSmall = { recencyDays: 3, frequency: 5, monetaryFen: 100 };
    expect(eightSegmentOf(frequentSmall, t)).toBe('general_value');
    expect(eightSegmentOf({ ...frequentSmall, recencyDays: 30 }, t)).toBe('general_retention');
    expect(eightSegmentOf({ recencyDays: 30, frequency: 1, monetaryFen: 90000 }, t)).toBe(
      'important_winback',
    );
  });
});

describe('the named segments', () => {
  it('takes the first matching rule of the R rfm package, else others', () => {
    expect(namedSegmentOf({ r: 5, f: 5, m: 5 })).toBe('champions');
    expect(namedSegmentOf({ r: 5, f: 4, m: 5 })).toBe('potential_loyalist');
    expect(namedSegmentOf({ r: 2, f: 2, m: 2 })).toBe('loyal');
    expect(namedSegmentOf({ r: 5, f: 1, m: 1 })).toBe('new');
    expect(namedSegmentOf({ r: 1, f: 3, m: 5 })).toBe('cant_lose');
    expect(namedSegmentOf({ r: 1, f: 5, m: 5 })).toBe('at_risk');
    expect(namedSegmentOf({ r: 3, f: 1, m: 1 })).toBe('about_to_sleep');
    expect(namedSegmentOf({ r: 1, f: 1, m: 1 })).toBe('lost');
    expect(namedSegmentOf({ r: 1, f: 2, m: 2 })).toBe('lost');
    expect(namedSegmentOf({ r: 4, f: 1, m: 2 })).toBe('new');
    expect(namedSegmentOf({ r: 2, f: 5, m: 1 })).toBe('others');
  });
});
