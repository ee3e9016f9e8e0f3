/**
 * The dashboard tells the truth: one range for every figure, every currency listed and none added
 * to another, continuous periods, 环比/同比 over the right days, and 买家 counted one way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
let dir: string;

beforeEach(async () => {
  app = await testApp();
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-dash-'));
});
afterEach(() => app.close());

async function importFile(name: string, text: string, options: Record<string, unknown> = {}) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const staged = await app.stagePath(file);
  return app.invoke('import.commit', {
    files: [{ fileId: staged.fileId, ...options }],
    skipInvalidRows: false,
  });
}

const TMALL_HEADER = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额\n';

/** Six CNY orders: two months with an empty February between, one a year earlier, one unpaid. */
async function importShop() {
  await importFile(
    'tmall.csv',
    TMALL_HEADER +
      '="1001",tb_a,100.00,交易成功,2026-01-05 10:00:00,2026-01-05 10:01:00,0\n' +
      '="1006",tb_d,10.00,交易成功,2026-01-20 10:00:00,2026-01-20 10:01:00,0\n' +
      '="1002",tb_a,50.00,交易成功,2026-03-10 10:00:00,2026-03-10 10:01:00,0\n' +
      '="1003",tb_b,20.00,等待买家付款,2026-03-11 10:00:00,,0\n' +
      '="1004",tb_c,30.00,交易关闭,2026-03-12 10:00:00,2026-03-12 10:01:00,30.00\n' +
      '="1005",tb_b,40.00,交易成功,2025-03-15 10:00:00,2025-03-15 10:01:00,0\n',
  );
  await importFile(
    'web.csv',
    '单号,客户,下单时间,付款时间,金额\n' +
      'W1,ann@example.com,2026-03-02 09:00:00,2026-03-02 09:00:00,12.50\n' +
      'W2,bob@example.com,2026-03-03 09:00:00,2026-03-03 09:00:00,7.25\n',
    {
      format: 'generic',
      currency: 'USD',
      mapping: {
        orderId: '单号',
        buyerEmail: '客户',
        orderedAt: '下单时间',
        paidAt: '付款时间',
        paidAmount: '金额',
      },
    },
  );
}

describe('dashboard.summary', () => {
  it('all time: the main currency, every other currency listed, months continuous with empty ones', async () => {
    await importShop();
    const s = await app.invoke('dashboard.summary', {});
    expect(s.range).toEqual({ from: null, to: null });
    expect(s.currency).toBe('CNY');
    expect(s.currencies).toEqual([
      { currency: 'CNY', paidOrders: 5, paidFen: 23000 },
      { currency: 'USD', paidOrders: 2, paidFen: 1975 },
    ]);
    expect(s.current).toEqual({
      allOrders: 6,
      paidOrders: 5,
      paidFen: 23000,
      refundFen: 3000,
      netFen: 20000,
      buyers: 4,
      repeatBuyers: 1,
    });
    expect(s.previous).toBeNull();
    expect(s.series.unit).toBe('month');
    expect(s.series.points.map((p) => p.key)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(s.series.points.find((p) => p.key === '2026-02')).toEqual({
      key: '2026-02',
      paidOrders: 0,
      paidFen: 0,
      refundFen: 0,
    });
    expect(s.series.points.find((p) => p.key === '2026-01')).toMatchObject({ paidOrders: 2, paidFen: 11000 });
    expect(s.byPlatform).toEqual([
      { platform: 'tmall', currency: 'CNY', paidOrders: 5, paidFen: 23000, refundFen: 3000, share: 1 },
      { platform: 'other', currency: 'USD', paidOrders: 2, paidFen: 1975, refundFen: 0, share: 1 },
    ]);
  });

  it('one range for every figure, by day, with 环比 and 同比 over the right days', async () => {
    await importShop();
    const s = await app.invoke('dashboard.summary', { from: '2026-03-01', to: '2026-03-31' });
    // 全部订单 follows the range as the paid figures do.
    expect(s.current).toMatchObject({
      allOrders: 3,
      paidOrders: 2,
      paidFen: 8000,
      refundFen: 3000,
      buyers: 2,
    });
    expect(s.series.unit).toBe('day');
    expect(s.series.points).toHaveLength(31);
    expect(s.series.points[9]).toEqual({ key: '2026-03-10', paidOrders: 1, paidFen: 5000, refundFen: 0 });
    expect(s.previous).toEqual({
      range: { from: '2026-01-29', to: '2026-02-28' },
      figures: {
        allOrders: 0,
        paidOrders: 0,
        paidFen: 0,
        refundFen: 0,
        netFen: 0,
        buyers: 0,
        repeatBuyers: 0,
      },
    });
    expect(s.lastYear?.range).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(s.lastYear?.figures).toMatchObject({ paidOrders: 1, paidFen: 4000, buyers: 1 });
    // The USD orders of March are there under their own currency.
    expect(s.currencies.map((c) => c.currency)).toEqual(['CNY', 'USD']);
    const usd = await app.invoke('dashboard.summary', {
      from: '2026-03-01',
      to: '2026-03-31',
      currency: 'USD',
    });
    expect(usd.current).toMatchObject({ paidOrders: 2, paidFen: 1975, buyers: 2 });
  });

  it('the orders behind the figures: the order list filtered as a dashboard link asks has the same count and money', async () => {
    await importShop();
    const s = await app.invoke('dashboard.summary', { from: '2026-03-01', to: '2026-03-31' });
    const page = await app.invoke('orders.list', {
      filter: { from: '2026-03-01', to: '2026-03-31', currency: 'CNY', paid: true },
    });
    expect(page.totals?.orders).toBe(s.current.paidOrders);
    expect(page.totals?.byCurrency).toEqual([
      { currency: 'CNY', orders: 2, paidFen: s.current.paidFen, refundFen: s.current.refundFen },
    ]);
    // A platform row's link (all time) narrows the list to its platform and currency.
    const all = await app.invoke('dashboard.summary', {});
    const row = all.byPlatform.find((p) => p.platform === 'tmall')!;
    const tmall = await app.invoke('orders.list', {
      filter: { currency: row.currency, paid: true, platforms: [row.platform] },
    });
    expect(tmall.totals?.orders).toBe(row.paidOrders);
    expect(tmall.totals?.byCurrency[0]?.paidFen).toBe(row.paidFen);
  });

  it('a seller with only a USD shop sees dollars, not ¥0', async () => {
    await importFile(
      'web.csv',
      '单号,下单时间,付款时间,金额\nW1,2026-03-02 09:00:00,2026-03-02 09:00:00,12.50\n',
      {
        format: 'generic',
        currency: 'USD',
        mapping: { orderId: '单号', orderedAt: '下单时间', paidAt: '付款时间', paidAmount: '金额' },
      },
    );
    const s = await app.invoke('dashboard.summary', {});
    expect(s.currency).toBe('USD');
    expect(s.current.paidFen).toBe(1250);
  });

  it('counts 买家 as the sample shop loader reports them', async () => {
    const demo = await app.invoke('demo.load', { seed: 3 });
    const s = await app.invoke('dashboard.summary', {});
    expect(s.current.buyers).toBe(demo.buyers);
    expect(s.sampleOrders).toBe(s.current.paidOrders);
  });
});
