/**
 * The hand-computed fixture shop gives exactly the expected fen, per platform and month, under both
 * refund policies; totals add up; warnings name the missing cost; reconciliation matches by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import type { ProfitRow } from '../../../main/domain/profit/types.js';
import {
  EXPECTED_BY_PLATFORM_MONTH,
  EXPECTED_RECONCILIATION,
  EXPECTED_REFUND_DAY_LOST,
  expectedProfit,
  type ExpectedCell,
} from '../../fixtures/profit-shop.js';
import { loadProfitFixture } from '../../helpers/profit-fixture-load.js';
import { testApp } from '../../helpers/test-app.js';

const RANGE = { from: '2026-02-01', to: '2026-03-31' };

function cellOf(row: ProfitRow): ExpectedCell {
  return {
    orders: row.orders,
    gmvFen: row.gmvFen,
    discountFen: row.discountFen,
    refundFen: row.refundFen,
    cogsFen: row.cogsFen,
    platformFeeFen: row.platformFeeFen,
    paymentFeeFen: row.paymentFeeFen,
    shippingFen: row.shippingFen,
    adsFen: row.adsFen,
    fixedFen: row.fixedFen,
    buyers: row.buyers,
    newBuyers: row.newBuyers,
  };
}

describe('profit: the hand-computed fixture', () => {
  let app: HuikeApp;
  beforeEach(async () => {
    app = await testApp();
    await loadProfitFixture(app);
  });
  afterEach(() => app.close());

  it('gives every platform and month exactly the figures worked out by hand', async () => {
    const report = await app.invoke('profit.report', { by: 'platform', period: 'month', ...RANGE });
    expect(report.currency).toBe('CNY');
    const got = Object.fromEntries(report.rows.map((r) => [`${r.platform}|${r.period}`, cellOf(r)]));
    expect(got).toEqual(EXPECTED_BY_PLATFORM_MONTH);
    for (const row of report.rows) {
      const expected = EXPECTED_BY_PLATFORM_MONTH[`${row.platform}|${row.period}`]!;
      expect(row.profitFen).toBe(expectedProfit(expected));
      expect(row.netSalesFen).toBe(expected.gmvFen - expected.discountFen - expected.refundFen);
    }
    const sum = (pick: (c: ExpectedCell) => number) =>
      Object.values(EXPECTED_BY_PLATFORM_MONTH).reduce((a, c) => a + pick(c), 0);
    expect(report.totals.profitFen).toBe(sum(expectedProfit));
    expect(report.totals.gmvFen).toBe(sum((c) => c.gmvFen));
    // Buyers over the whole range are distinct: tb_a, tb_b, tb_c, tb_d, jd_a, amy, ben.
    expect(report.totals.buyers).toBe(7);
    expect(report.totals.newBuyers).toBe(7);
  });

  it('moves refunds to the refund day and keeps returned goods as lost under the other policy', async () => {
    await app.invoke('profit.setPolicy', { refundDay: 'refund', returnedGoods: 'lost' });
    const report = await app.invoke('profit.report', { by: 'platform', period: 'month', ...RANGE });
    const got = Object.fromEntries(report.rows.map((r) => [`${r.platform}|${r.period}`, cellOf(r)]));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_BY_PLATFORM_MONTH).map(([k, c]) => [
        k,
        { ...c, ...EXPECTED_REFUND_DAY_LOST[k] },
      ]),
    );
    expect(got).toEqual(expected);
  });

  it('counts buyers in a range that cuts a month, and in a report narrowed to one platform', async () => {
    const cut = await app.invoke('profit.report', {
      by: 'platform',
      period: 'month',
      from: '2026-02-11',
      to: '2026-03-31',
    });
    // From 11 February Tmall's February has only T1002 (tb_b, new); Shopify's only #1002 (ben).
    expect(cut.rows.find((r) => r.platform === 'tmall' && r.period === '2026-02')).toMatchObject({
      buyers: 1,
      newBuyers: 1,
    });
    expect(cut.rows.find((r) => r.platform === 'shopify' && r.period === '2026-02')).toMatchObject({
      buyers: 1,
      newBuyers: 1,
    });
    // Over the range: tb_a, jd_a and amy came back (first bought before 11 February); tb_b, tb_c,
    // tb_d and ben are new.
    expect(cut.totals).toMatchObject({ buyers: 7, newBuyers: 4 });
    const tmall = await app.invoke('profit.report', {
      by: 'total',
      period: 'all',
      platforms: ['tmall'],
      ...RANGE,
    });
    expect(tmall.totals).toMatchObject({ buyers: 4, newBuyers: 4, orders: 5 });
  });

  it('warns about the line without a cost and names its SKU', async () => {
    const report = await app.invoke('profit.report', { by: 'platform', period: 'month', ...RANGE });
    expect(report.totals.missingCostLines).toBe(1);
    const warning = report.warnings.find((w) => w.code === 'profit.warnMissingCosts');
    expect(warning?.params).toMatchObject({ lines: 1, skus: 'BRUSH (1)' });
    const missing = await app.invoke('profit.missingCosts', RANGE);
    expect(missing.skus).toEqual([{ sku: 'BRUSH', title: '汇客杯刷', lines: 1, quantity: 1 }]);
  });

  it('reconciles rule-estimated against actual fees per shop and month', async () => {
    const rec = await app.invoke('profit.reconciliation', RANGE);
    const got = Object.fromEntries(
      rec.rows
        .filter((r) => r.actualOrders > 0)
        .map((r) => [
          `${r.platform}|${r.month}`,
          { actualOrders: r.actualOrders, actualFeeFen: r.actualFeeFen, ruleFeeFen: r.ruleFeeFen },
        ]),
    );
    expect(got).toEqual(EXPECTED_RECONCILIATION);
    const jd = rec.rows.find((r) => r.platform === 'jd' && r.month === '2026-02')!;
    expect(jd.differenceFen).toBe(2160 - 2530);
  });
});
