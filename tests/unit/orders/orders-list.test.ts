/** The Orders list on a real database: search, every filter, sorts, paging and totals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { listOrders } from '../../../main/services/orders/list.js';
import { createWalkPlanner } from '../../../main/services/orders/walk-plan.js';
import {
  DEFAULT_ORDERS_SORT,
  type OrdersFilter,
  type OrdersSort,
} from '../../../main/shared/orders-query.js';
import { freshDb } from '../../helpers/test-db.js';
import { seedOrders } from './orders-fixture.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
  await seedOrders(h);
});
afterEach(() => h.close());

async function page(
  filter: OrdersFilter = {},
  sort: OrdersSort = DEFAULT_ORDERS_SORT,
  offset = 0,
  limit = 100,
) {
  return listOrders(h.reader, { filter, sort, offset, limit, withTotals: true });
}
async function ids(filter: OrdersFilter = {}, sort: OrdersSort = DEFAULT_ORDERS_SORT): Promise<string[]> {
  return (await page(filter, sort)).rows.map((r) => r.platformOrderId);
}

describe('search', () => {
  it('finds masked phones by their visible digits, and full phones by any digits', async () => {
    expect(new Set(await ids({ q: '5678' }))).toEqual(new Set(['3126811560000000001', 'E20260112000001']));
    expect(new Set(await ids({ q: '138' }))).toEqual(new Set(['3126811560000000001', 'E20260112000001']));
    // 385 straddles the mask of 138****5678: unknown digits are never guessed.
    expect(await ids({ q: '385' })).toEqual([]);
  });

  it('finds a masked phone from a whole number whose visible digits agree', async () => {
    expect(new Set(await ids({ q: '13812345678' }))).toEqual(
      new Set(['3126811560000000001', 'E20260112000001']),
    );
    expect(await ids({ q: '139 9999 1234' })).toEqual(['3126811560000000002']);
    expect(await ids({ q: '+86 186-1234-6198' })).toEqual(['235000000001']);
    // Same last four, a different visible prefix: not the same phone.
    expect(await ids({ q: '13712345678' })).toEqual([]);
  });

  it('finds order ids by prefix and by any part', async () => {
    expect(await ids({ q: '31268115600' })).toHaveLength(4);
    expect(await ids({ q: '60000000002' })).toEqual(['3126811560000000002']);
    expect(await ids({ q: '000000002' })).toEqual(['3126811560000000002', '235000000002']);
    expect(await ids({ q: '#1001' })).toEqual(['#1001']);
    expect(await ids({ q: 'e2026' })).toEqual(['E20260112000001']);
  });

  it('finds buyers by account key and nickname, receivers by name', async () => {
    expect(await ids({ q: 'tb_alice' })).toEqual(['3126811560000000003', '3126811560000000001']);
    expect(await ids({ q: '小波' })).toEqual(['3126811560000000002']);
    expect(await ids({ q: '张' })).toEqual(['3126811560000000001']);
    expect(await ids({ q: 'ivan' })).toEqual(['#1001']);
    // LIKE's own wildcards are plain characters in a search.
    expect(await ids({ q: '%' })).toEqual([]);
    expect(await ids({ q: 'tb_' })).toHaveLength(4);
    expect(await ids({ q: 't_b' })).toEqual([]);
  });

  it('combines a search with the other filters', async () => {
    expect(await ids({ q: '5678', platforms: ['youzan'] })).toEqual(['E20260112000001']);
    expect(await ids({ q: '5678', statuses: ['awaiting_payment'] })).toEqual([]);
  });
});

describe('filters', () => {
  it('by platform, shop, status, currency and refund', async () => {
    expect(await ids({ platforms: ['jd'] })).toEqual(['235000000002', '235000000001']);
    expect(await ids({ platforms: ['jd', 'shopify'] })).toHaveLength(4);
    const shops = h.readSqlite.prepare('SELECT id, name FROM shops').all() as { id: number; name: string }[];
    const youzan = shops.find((s) => s.name === '测试微商城')!.id;
    expect(await ids({ shopIds: [youzan] })).toEqual(['E20260112000001']);
    expect(await ids({ statuses: ['shipped'] })).toEqual(['3126811560000000004', '#1002', '235000000001']);
    expect(await ids({ statuses: ['closed', 'awaiting_payment'] })).toHaveLength(3);
    expect(await ids({ currency: 'USD' })).toEqual(['#1002', '#1001']);
    expect(await ids({ hasRefund: true })).toEqual(['3126811560000000002', '#1002', '235000000001']);
    expect(await ids({ hasRefund: false })).toHaveLength(6);
  });

  it('by date range on the shop-local day, both ends inclusive', async () => {
    // Order 4 was placed on 31 January UTC, 1 February in Beijing.
    expect(await ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual([
      '3126811560000000003',
      '3126811560000000004',
    ]);
    expect(await ids({ from: '2026-01-20', to: '2026-01-20' })).toEqual(['3126811560000000002']);
    expect(await ids({ to: '2026-01-05' })).toEqual(['3126811560000000001']);
    // 15:00 UTC on 15 January is 10:00 in New York: same day.
    expect(await ids({ from: '2026-01-15', to: '2026-01-15' })).toEqual(['#1001']);
  });

  it("by a buyer's exact account key", async () => {
    expect(await ids({ buyer: 'tb_alice' })).toEqual(['3126811560000000003', '3126811560000000001']);
    expect(await ids({ buyer: 'tb_ali' })).toEqual([]);
    expect(await ids({ buyer: '13812345678' })).toEqual(['E20260112000001']);
  });
});

describe('sort and paging', () => {
  it('sorts newest first by default, and by every column both ways', async () => {
    const all = await ids();
    expect(all[0]).toBe('3126811560000000003');
    expect(all.at(-1)).toBe('3126811560000000001');
    expect(await ids({}, { key: 'ordered_at', direction: 'asc' })).toEqual([...all].reverse());
    expect((await ids({}, { key: 'paid', direction: 'desc' })).slice(0, 2)).toEqual([
      '235000000001',
      'E20260112000001',
    ]);
    expect((await ids({}, { key: 'refund', direction: 'desc' })).slice(0, 3)).toEqual([
      '3126811560000000002',
      '235000000001',
      '#1002',
    ]);
    const byPlatform = (await page({}, { key: 'platform', direction: 'asc' })).rows.map((r) => r.platform);
    expect(byPlatform).toEqual([
      'tmall',
      'tmall',
      'tmall',
      'tmall',
      'jd',
      'jd',
      'shopify',
      'shopify',
      'youzan',
    ]);
    const byStatus = (await page({}, { key: 'status', direction: 'asc' })).rows.map((r) => r.status);
    expect(byStatus).toEqual([
      'awaiting_payment',
      'paid',
      'shipped',
      'shipped',
      'shipped',
      'completed',
      'completed',
      'closed',
      'closed',
    ]);
    const byShop = (await page({}, { key: 'shop', direction: 'desc' })).rows.map((r) => r.shopName);
    expect(byShop).toEqual([...byShop].sort().reverse());
  });

  it('pages through the whole list without overlap or gaps, in every sort', async () => {
    for (const sort of [DEFAULT_ORDERS_SORT, { key: 'paid', direction: 'asc' } as const]) {
      const whole = await ids({}, sort);
      const pages: string[] = [];
      for (let offset = 0; offset < 12; offset += 2) {
        const p = await listOrders(h.reader, { filter: {}, sort, offset, limit: 2, withTotals: false });
        expect(p.totals).toBeNull();
        expect(p.offset).toBe(offset);
        pages.push(...p.rows.map((r) => r.platformOrderId));
      }
      expect(pages).toEqual(whole);
    }
  });
});

describe('the plan of a newest-first page', () => {
  const newest = DEFAULT_ORDERS_SORT;
  const first = { offset: 0, limit: 100 };

  it('walks the newest-first index only for filters known to keep many orders', async () => {
    const planner = createWalkPlanner();
    const newestFirstPlan = planner.plan;
    const rememberShare = planner.remember;
    const shipped = { filter: { statuses: ['shipped'] }, searchIds: null };
    expect(newestFirstPlan(shipped, newest, first)).toBe('planner');
    await rememberShare(h.reader, shipped, 3);
    expect(newestFirstPlan(shipped, newest, first)).toBe('walk');
    // Deep in a sparse filter the walk would read most of the index: filter, then sort.
    expect(newestFirstPlan(shipped, newest, { offset: 40_000, limit: 100 })).toBe('sort');
    expect(newestFirstPlan(shipped, { key: 'paid', direction: 'desc' }, first)).toBe('planner');
    const none = { filter: { statuses: ['paid'], hasRefund: true }, searchIds: null };
    await rememberShare(h.reader, none, 0);
    expect(newestFirstPlan(none, newest, first)).toBe('sort');
    // A search or a buyer is never walked: they keep few orders and have their own way in.
    const search = { filter: { statuses: ['shipped'] }, searchIds: [1, 2] };
    await rememberShare(h.reader, search, 2);
    expect(newestFirstPlan(search, newest, first)).toBe('planner');
  });

  it('gives the same pages whichever plan it takes', async () => {
    const planner = createWalkPlanner();
    const request = (offset: number, withTotals: boolean) => ({
      filter: { statuses: ['shipped', 'completed', 'closed'] },
      sort: newest,
      offset,
      limit: 2,
      withTotals,
    });
    // Before any totals: SQLite's own plan. The first page's totals then make the filter known.
    const planned = [];
    for (let offset = 0; offset < 8; offset += 2)
      planned.push(...(await listOrders(h.reader, request(offset, false), planner)).rows.map((r) => r.id));
    await listOrders(h.reader, request(0, true), planner);
    expect(
      planner.plan({ filter: request(0, false).filter, searchIds: null }, newest, request(0, false)),
    ).toBe('walk');
    const walked = [];
    for (let offset = 0; offset < 8; offset += 2)
      walked.push(...(await listOrders(h.reader, request(offset, false), planner)).rows.map((r) => r.id));
    expect(walked).toEqual(planned);
    expect(walked).toHaveLength(7);
  });
});

describe('rows and totals', () => {
  it('masks receivers, names the shop, marks sample shops, sums up the lines', async () => {
    const rows = (await page()).rows;
    const t1 = rows.find((r) => r.platformOrderId === '3126811560000000001')!;
    expect(t1).toMatchObject({
      platform: 'tmall',
      shopName: '测试天猫店',
      isSample: true,
      status: 'completed',
      statusRaw: '交易成功',
      currency: 'CNY',
      paidFen: 10_000,
      isPaid: true,
      receiverName: '张*',
      receiverPhone: '138****5678',
      items: { firstTitle: '汇客保温杯 500ml', lines: 2, quantity: 3 },
    });
    const y1 = rows.find((r) => r.platformOrderId === 'E20260112000001')!;
    expect(y1).toMatchObject({ isSample: false, receiverName: '孙*伟', receiverPhone: '138****5678' });
    expect(rows.find((r) => r.platformOrderId === '#1001')).toMatchObject({
      receiverName: 'I*',
      receiverPhone: '*******2188',
      timezone: 'America/New_York',
    });
    expect(rows.find((r) => r.platformOrderId === '235000000002')).toMatchObject({ isPaid: false });
    // Nothing personal in full anywhere in the page.
    const text = JSON.stringify(rows);
    for (const secret of ['孙萍伟', '13812345678', 'Ivan Garcia', '5550022188', '文三路']) {
      expect(text).not.toContain(secret);
    }
  });

  it('totals the filtered set per currency, never adding currencies, paid money only', async () => {
    const all = (await page()).totals!;
    expect(all.orders).toBe(9);
    expect(all.byCurrency).toEqual([
      // 10,000 + 5,000 + 7,000 (Tmall) + 20,000 (JD; its closed unpaid order is left out) + 12,800.
      { currency: 'CNY', orders: 7, paidFen: 54_800, refundFen: 8000 },
      { currency: 'USD', orders: 2, paidFen: 2499, refundFen: 500 },
    ]);
    const refunds = (await page({ hasRefund: true })).totals!;
    expect(refunds.byCurrency).toEqual([
      { currency: 'CNY', orders: 2, paidFen: 25_000, refundFen: 8000 },
      { currency: 'USD', orders: 1, paidFen: 500, refundFen: 500 },
    ]);
    expect((await page({ q: 'nothing like this' })).totals).toEqual({ orders: 0, byCurrency: [] });
  });
});
