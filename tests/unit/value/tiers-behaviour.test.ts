/** Value tiers by contribution and prediction, and the behaviour segments, on hand-built customers. */
import { describe, expect, it } from 'vitest';
import { behaviourSegments, inHoliday, topThreshold, valueTiers } from '../../../main/domain/value/index.js';
import { factsOf, order } from './fixtures.js';

describe('value tiers', () => {
  it('puts the loss-makers, the top fifth by contribution and the growable apart', () => {
    const customers = [
      { contributionFen: 100_000, predictedFen: 5_000 }, // top fifth by contribution
      { contributionFen: 90_000, predictedFen: 80_000 }, // top fifth too (ten customers → two)
      { contributionFen: -2_000, predictedFen: 90_000 }, // negative wins over a high prediction
      { contributionFen: 1_000, predictedFen: 70_000 }, // little so far, much to come
      { contributionFen: 1_000, predictedFen: 60_000 }, // prediction below the top fifth
      { contributionFen: 40_000, predictedFen: 85_000 }, // high prediction but above the median so far
      { contributionFen: 2_000, predictedFen: null },
      { contributionFen: 3_000, predictedFen: 100 },
      { contributionFen: 0, predictedFen: 10 },
      { contributionFen: 5_000, predictedFen: 20 },
    ];
    expect(valueTiers(customers)).toEqual([
      'most_valuable',
      'most_valuable',
      'negative',
      'others', // 70_000 is not in the top fifth of predictions (90k, 85k)
      'others',
      'others',
      'others',
      'others',
      'others',
      'others',
    ]);
    const growable = valueTiers([...customers, { contributionFen: 0, predictedFen: 200_000 }]);
    expect(growable.at(-1)).toBe('most_growable');
  });

  it('counts ties into the top share', () => {
    expect(topThreshold([5, 5, 5, 1, 1], 0.2)).toBe(5);
    expect(valueTiers([5, 5, 5, 1, 1].map((v) => ({ contributionFen: v, predictedFen: null })))).toEqual([
      'most_valuable',
      'most_valuable',
      'most_valuable',
      'others',
      'others',
    ]);
  });
});

describe('behaviour segments', () => {
  const asOf = '2026-12-31';
  const orders = [
    // 1: every order discounted (two orders)
    order(1, '2026-03-03', 'tmall', 80, { discounted: true }),
    order(1, '2026-04-20', 'tmall', 60, { discounted: true }),
    // 2: a single discounted order is no habit
    order(2, '2026-04-20', 'jd', 60, { discounted: true }),
    // 3: buys on 双11 and 618 only
    order(3, '2025-11-11', 'tmall', 300),
    order(3, '2026-06-18', 'tmall', 200),
    order(3, '2026-11-01', 'tmall', 100),
    // 4: from Tmall to the own shop (有赞)
    order(4, '2026-02-01', 'tmall', 100),
    order(4, '2026-08-01', 'youzan', 120),
    // 5: from the own shop to JD: not a move to the own shop
    order(5, '2026-02-01', 'shopify', 100),
    order(5, '2026-08-01', 'jd', 120),
  ];
  const facts = factsOf(orders, asOf);
  const segmentsOf = (id: number) => behaviourSegments(facts.find((c) => c.id === id)!);

  it('finds discount-only and holiday-only buyers with two orders or more', () => {
    expect(segmentsOf(1)).toEqual(['discount_only']);
    expect(segmentsOf(2)).toEqual([]);
    expect(segmentsOf(3)).toEqual(['holiday_only']);
  });

  it('finds customers who moved from a marketplace to the own shop', () => {
    expect(segmentsOf(4)).toEqual(['moved_to_own_shop']);
    expect(segmentsOf(5)).toEqual([]);
  });

  it('uses the calendar it is given, periods across New Year included', () => {
    const calendar = [{ name: 'winter', start: '12-20', end: '01-10' }];
    expect(inHoliday('2026-12-25', calendar)).toBe(true);
    expect(inHoliday('2026-01-05', calendar)).toBe(true);
    expect(inHoliday('2026-11-11', calendar)).toBe(false);
    const own = factsOf(orders, asOf, calendar);
    expect(behaviourSegments(own.find((c) => c.id === 3)!)).toEqual([]);
  });
});
