/** The profit screen's derived values: readings, the waterfall, the orders behind a row, the CSV. */
import { describe, expect, it } from 'vitest';
import type { ProfitFigures, ProfitReport, ProfitRow } from '../../../main/api/contract';
import {
  csvText,
  ordersOfRow,
  profitReading,
  reportCells,
  shareReading,
  TABLE_FIELDS,
  waterfallReading,
  waterfallSteps,
} from '../../../renderer/src/features/profit/profit-model';

function figures(over: Partial<ProfitFigures>): ProfitFigures {
  const f: ProfitFigures = {
    orders: 10,
    gmvFen: 0,
    discountFen: 0,
    refundFen: 0,
    netSalesFen: 0,
    cogsFen: 0,
    platformFeeFen: 0,
    paymentFeeFen: 0,
    shippingFen: 0,
    adsFen: 0,
    fixedFen: 0,
    profitFen: 0,
    marginPct: null,
    buyers: 0,
    newBuyers: 0,
    returningBuyers: 0,
    aovFen: null,
    missingCostLines: 0,
    actualFeeOrders: 0,
    grossCogsFen: 0,
    returnedCogsFen: 0,
    ...over,
  };
  f.netSalesFen = f.gmvFen - f.discountFen - f.refundFen;
  f.profitFen =
    f.netSalesFen - f.cogsFen - f.platformFeeFen - f.paymentFeeFen - f.shippingFen - f.adsFen - f.fixedFen;
  return f;
}

const row = (platform: 'tmall' | 'jd', period: string, over: Partial<ProfitFigures>): ProfitRow => ({
  platform,
  shop: null,
  shopId: null,
  period,
  ...figures(over),
});

/** Tmall: 69 of 100 sales → 80 of 100 profit; JD: 31 of sales → 20 of profit, its fees the highest. */
const tmall = row('tmall', 'all', { gmvFen: 69_000, cogsFen: 30_000, platformFeeFen: 1_000 });
const jd = row('jd', 'all', { gmvFen: 31_000, cogsFen: 13_500, platformFeeFen: 7_750 });
const total = figures({ gmvFen: 100_000, cogsFen: 43_500, platformFeeFen: 8_750 });
const report: ProfitReport = {
  currency: 'CNY',
  by: 'platform',
  period: 'month',
  range: { from: '2026-02-10', to: '2026-03-31' },
  policy: { refundDay: 'order', returnedGoods: 'restock' },
  rows: [row('tmall', '2026-02', {}), row('jd', '2026-03', {})],
  groups: [tmall, jd],
  totals: { ...total, marginPct: 47.75 },
  warnings: [],
};

describe('profit readings', () => {
  it('names who brought the most profit and its share', () => {
    expect(tmall.profitFen).toBe(38_000);
    expect(jd.profitFen).toBe(9_750);
    expect(profitReading(report)).toEqual({
      key: 'profitTop',
      params: { top: 'tmall', profitFen: 38_000, share: 79.6, margin: 47.75 },
    });
  });

  it('names the platform whose profit share falls furthest below its sales share, and why', () => {
    expect(shareReading(report)).toEqual({
      key: 'shareGap',
      params: { platform: 'jd', sales: 31, profit: 20.4, cause: 'fees' },
    });
  });

  it('draws the waterfall from GMV down to profit and reads the largest cost', () => {
    const steps = waterfallSteps(jd);
    expect(steps[0]).toMatchObject({ step: 'gmv', from: 0, to: 31_000 });
    expect(steps.find((s) => s.step === 'cogs')).toMatchObject({ from: 31_000, to: 17_500 });
    expect(steps.at(-1)).toMatchObject({ step: 'profit', from: 0, to: 9_750 });
    expect(waterfallReading(jd)).toEqual({ kept: 31.5, cost: 'cogs', amountFen: 13_500 });
  });

  it('opens the orders of a row within the report range, and writes exact yuan in the CSV', () => {
    expect(ordersOfRow(report, { platform: 'tmall', shopId: null, period: '2026-02' })).toEqual({
      platforms: ['tmall'],
      from: '2026-02-10',
      to: '2026-02-28',
      paid: true,
    });
    const fields = Object.fromEntries(TABLE_FIELDS.map((f) => [f, f])) as Record<
      (typeof TABLE_FIELDS)[number],
      string
    >;
    const cells = reportCells(
      report,
      { period: 'P', group: 'G', total: 'T', fields },
      (r) => r.platform ?? '',
    );
    expect(cells.at(-1)!.slice(0, 4)).toEqual(['', 'T', '10', '1000.00']);
    expect(csvText([['a', 'b,c']])).toBe('\uFEFFa,"b,c"\r\n');
  });
});
