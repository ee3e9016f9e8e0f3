/** Cohorts (retention, cumulative value by first platform, repurchase, Pareto) and the win-back list. */
import { describe, expect, it } from 'vitest';
import {
  cumulativeValueByPlatform,
  paretoCurve,
  repurchaseRates,
  retentionCohorts,
  winBackList,
} from '../../../main/domain/value/index.js';
import { factsOf, order } from './fixtures.js';

const asOf = '2026-04-30';
const orders = [
  // January cohort: 1 on Tmall (back in Feb and Apr), 2 on JD (never back), 3 on Tmall (back in Mar)
  order(1, '2026-01-05', 'tmall', 100),
  order(1, '2026-02-10', 'jd', 50),
  order(1, '2026-04-01', 'tmall', 30),
  order(2, '2026-01-20', 'jd', 200, { contribution: 150 }),
  order(3, '2026-01-31', 'tmall', 10),
  order(3, '2026-03-15', 'tmall', 10),
  // March cohort: 4 on JD
  order(4, '2026-03-02', 'jd', 60),
  order(4, '2026-03-20', 'jd', 40),
];
const facts = factsOf(orders, asOf);

describe('retention by first-order month and first platform', () => {
  it('counts the customers active in each month after their first', () => {
    const cohorts = retentionCohorts(facts, '2026-04');
    expect(cohorts).toEqual([
      { month: '2026-01', platform: 'all', customers: 3, active: [3, 1, 1, 1] },
      { month: '2026-01', platform: 'jd', customers: 1, active: [1, 0, 0, 0] },
      { month: '2026-01', platform: 'tmall', customers: 2, active: [2, 1, 1, 1] },
      { month: '2026-03', platform: 'all', customers: 1, active: [1, 0] },
      { month: '2026-03', platform: 'jd', customers: 1, active: [1, 0] },
    ]);
  });
});

describe('cumulative value per customer by acquisition platform', () => {
  it('averages the first 3 months over the customers old enough', () => {
    const all = cumulativeValueByPlatform(facts, '2026-04');
    const at3 = (platform: string) => all.find((c) => c.platform === platform)!.horizons[0]!;
    // January customers have three whole months (Jan–Mar); customer 4 (March) does not.
    expect(at3('all')).toEqual({
      months: 3,
      customers: 3,
      revenueFen: Math.round(37000 / 3),
      contributionFen: Math.round((15000 + 15000 + 2000) / 3),
    });
    expect(at3('tmall')).toEqual({ months: 3, customers: 2, revenueFen: 8500, contributionFen: 8500 });
    expect(at3('jd')).toEqual({ months: 3, customers: 1, revenueFen: 20000, contributionFen: 15000 });
    expect(all.find((c) => c.platform === 'all')!.horizons[2]).toMatchObject({ months: 12, customers: 0 });
  });
});

describe('repurchase rate and the Pareto curve', () => {
  it('counts repeat customers overall and by first platform', () => {
    expect(repurchaseRates(facts)).toEqual([
      { platform: 'all', customers: 4, repeatCustomers: 3, rate: 0.75 },
      { platform: 'jd', customers: 2, repeatCustomers: 1, rate: 0.5 },
      { platform: 'tmall', customers: 2, repeatCustomers: 2, rate: 1 },
    ]);
  });

  it('gives the share of revenue from the top customers', () => {
    const curve = paretoCurve([100, 50, 25, 25, 0, 0, 0, 0, 0, 0]);
    expect(curve.find((p) => p.customerShare === 10)!.revenueShare).toBe(0.5);
    expect(curve.find((p) => p.customerShare === 20)!.revenueShare).toBe(0.75);
    expect(curve.find((p) => p.customerShare === 100)!.revenueShare).toBe(1);
  });
});

describe('the win-back list', () => {
  const churnOrders = [
    // 10: every 10 days, last 60 days ago → overdue by 40 days; 100 yuan an order
    order(10, '2026-01-01', 'tmall', 100),
    order(10, '2026-01-11', 'tmall', 100),
    order(10, '2026-01-21', 'tmall', 100),
    // 11: every 30 days, last 60 days ago → exactly twice its gap: not overdue
    order(11, '2025-12-22', 'jd', 500),
    order(11, '2026-01-21', 'jd', 500),
    // 12: every 20 days, 300 yuan, overdue
    order(12, '2025-12-12', 'tmall', 300),
    order(12, '2026-01-01', 'tmall', 300),
    // 13: one order only: no interval of its own
    order(13, '2025-06-01', 'tmall', 9000),
  ];
  const churnFacts = factsOf(churnOrders, '2026-03-22');

  it('lists repeat customers overdue against their own interval, most value lost first', () => {
    const list = winBackList(churnFacts, '2026-03-22', () => null, 'revenue');
    // Money a year while buying, over at least a year: 600 and 300 yuan.
    expect(list.map((c) => [c.id, c.intervalDays, c.recencyDays, c.valueLostFen])).toEqual([
      [12, 20, 80, 60000],
      [10, 10, 60, 30000],
    ]);
    // A steady buyer over two years: their money per year of buying.
    const steady = factsOf(
      Array.from({ length: 9 }, (_, k) =>
        order(
          20,
          `202${3 + Math.floor((k * 3) / 12)}-${String(((k * 3) % 12) + 1).padStart(2, '0')}-01`,
          'jd',
          100,
        ),
      ),
      '2026-03-22',
    );
    const [candidate] = winBackList(steady, '2026-03-22', () => null, 'revenue');
    expect(candidate!.intervalDays).toBeCloseTo(731 / 8);
    expect(candidate!.valueLostFen).toBe(Math.round((90000 * 365) / (731 + 731 / 8)));
  });

  it('leaves out customers the model still thinks alive', () => {
    const list = winBackList(churnFacts, '2026-03-22', (id) => (id === 12 ? 0.9 : 0.2), 'revenue');
    expect(list.map((c) => c.id)).toEqual([10]);
  });
});
