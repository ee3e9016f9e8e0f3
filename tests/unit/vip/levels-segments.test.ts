/**
 * VIP levels and segment filters on a real database (vip-fixture.ts through the import commit):
 * levels by spend and by orders over a window, kept fresh after a new import, movements since last
 * month; every segment filter (region, products, tags, VIP level, consent) and saved segments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { listCustomers } from '../../../main/services/customers/list.js';
import { updateCustomer } from '../../../main/services/customers/update.js';
import { setConsent } from '../../../main/services/vip/consent.js';
import {
  ensureVipLevels,
  readVipConfig,
  saveVipConfig,
  vipLevelCounts,
  vipMovements,
  windowStart,
} from '../../../main/services/vip/levels.js';
import {
  countSegment,
  deleteSegment,
  listSegments,
  saveSegment,
  segmentByName,
} from '../../../main/services/vip/segments.js';
import { segmentOptions } from '../../../main/services/vip/options.js';
import { DEFAULT_CUSTOMERS_SORT, type CustomersFilter } from '../../../main/shared/customers-query.js';
import { DEFAULT_VIP_CONFIG, levelOf } from '../../../main/shared/vip.js';
import { FIXED_NOW, freshDb } from '../../helpers/test-db.js';
import { writeFragments } from '../../helpers/write-fragments.js';
import { customerOf, seedVip, YOUZAN } from './vip-fixture.js';

let h: HuikeDb;
beforeEach(async () => {
  h = await freshDb();
  await seedVip(h);
});
afterEach(() => h.close());

const NOW = FIXED_NOW.toISOString();

async function ids(filter: CustomersFilter): Promise<Set<number>> {
  await ensureVipLevels(h, FIXED_NOW);
  const page = await listCustomers(h, {
    filter,
    sort: DEFAULT_CUSTOMERS_SORT,
    offset: 0,
    limit: 100,
    withTotal: true,
  });
  expect(page.total).toBe(page.rows.length);
  return new Set(page.rows.map((r) => r.id));
}

function levelsById(): Map<number, number> {
  const rows = h.readSqlite.prepare('SELECT customer_id, level FROM customer_vip').all() as Array<{
    customer_id: number;
    level: number;
  }>;
  return new Map(rows.map((r) => [r.customer_id, r.level]));
}

describe('VIP levels', () => {
  it('window: the last 12 months up to today', () => {
    expect(windowStart('2026-11-20', 12)).toBe('2025-11-21');
    expect(windowStart('2026-03-31', 1)).toBe('2026-03-01');
    expect(windowStart('2026-11-20', 0)).toBeNull();
    expect(levelOf(DEFAULT_VIP_CONFIG.levels, 99_999)).toBe(0);
    expect(levelOf(DEFAULT_VIP_CONFIG.levels, 100_000)).toBe(1);
    expect(levelOf(DEFAULT_VIP_CONFIG.levels, 2_000_000)).toBe(3);
  });

  it('by default: net CNY spend over 12 months, across platforms, into 普通/银卡/金卡/钻石', async () => {
    await ensureVipLevels(h, FIXED_NOW);
    const levels = levelsById();
    expect(levels.get(customerOf(h, '13812345678'))).toBe(2); // 6,000 → 金卡
    expect(levels.get(customerOf(h, '13900001111'))).toBe(1); // 1,500 in the window → 银卡
    expect(levels.get(customerOf(h, '13700002222'))).toBe(0);
    expect(levels.get(customerOf(h, 'ivan@example.com'))).toBe(0); // USD only
    expect(levels.get(customerOf(h, 'tb_alice'))).toBe(0);
    const counts = await vipLevelCounts(h.reader, readVipConfig(h.readSqlite));
    expect(counts.map((c) => [c.name, c.customers])).toEqual([
      ['普通', 3],
      ['银卡', 1],
      ['金卡', 1],
      ['钻石', 0],
    ]);
  });

  it('all time, and by paid orders, as the owner configures', async () => {
    await saveVipConfig(h, { ...DEFAULT_VIP_CONFIG, windowMonths: 0 }, NOW);
    await ensureVipLevels(h, FIXED_NOW);
    expect(levelsById().get(customerOf(h, '13900001111'))).toBe(3); // 101,500 → 钻石
    await saveVipConfig(
      h,
      {
        basis: 'orders',
        windowMonths: 0,
        currency: 'CNY',
        levels: [
          { name: '新客', min: 0 },
          { name: '回头客', min: 2 },
        ],
      },
      NOW,
    );
    await ensureVipLevels(h, FIXED_NOW);
    const levels = levelsById();
    expect(levels.get(customerOf(h, '13900001111'))).toBe(1);
    expect(levels.get(customerOf(h, '13812345678'))).toBe(0);
    expect(levels.get(customerOf(h, 'ivan@example.com'))).toBe(0);
  });

  it('refuses levels that do not hold together', async () => {
    const bad = (levels: Array<{ name: string; min: number }>) =>
      saveVipConfig(h, { ...DEFAULT_VIP_CONFIG, levels }, NOW);
    await expect(bad([{ name: '普通', min: 5 }])).rejects.toMatchObject({ code: 'vip.badLevels' });
    await expect(
      bad([
        { name: 'a', min: 0 },
        { name: 'b', min: 0 },
      ]),
    ).rejects.toMatchObject({ code: 'vip.badLevels' });
    await expect(
      bad([
        { name: 'a', min: 0 },
        { name: 'a', min: 10 },
      ]),
    ).rejects.toMatchObject({ code: 'vip.badLevels' });
  });

  it('stay current: a new import is counted on the next read, without a hook in the import', async () => {
    await ensureVipLevels(h, FIXED_NOW);
    const wang = customerOf(h, '13700002222');
    expect(levelsById().get(wang)).toBe(0);
    await writeFragments(
      h,
      [
        {
          platformOrderId: 'Y9',
          sourceRows: [2],
          orderedAt: '2026-11-10T02:00:00.000Z',
          paidAt: '2026-11-10T02:00:00.000Z',
          status: 'completed',
          paidFen: 2_500_000,
          refundFen: 0,
          buyer: { kind: 'phone', key: '13700002222', phone: '13700002222' },
        },
      ],
      'youzan-2.csv',
      YOUZAN,
    );
    await ensureVipLevels(h, FIXED_NOW);
    expect(levelsById().get(wang)).toBe(3);
  });

  it('report who moved up or down since last month’s snapshot', async () => {
    // Last month (October) the levels were computed once: everyone 普通 but 李四 at 钻石.
    const li = customerOf(h, '13900001111');
    await h.writer.transaction(async (tx) => {
      tx.sqlite.exec(
        `INSERT INTO vip_snapshots (month, customer_id, level) SELECT '2026-10', id, 0 FROM customers`,
      );
      tx.sqlite.prepare(`UPDATE vip_snapshots SET level = 3 WHERE customer_id = ?`).run(li);
    });
    await ensureVipLevels(h, FIXED_NOW);
    const m = await vipMovements(h.reader, FIXED_NOW);
    expect(m.since).toBe('2026-10');
    expect(m).toMatchObject({ up: 1, down: 1 });
    expect(m.moves).toEqual(
      expect.arrayContaining([
        { customerId: li, name: '李*', from: 3, to: 1 },
        { customerId: customerOf(h, '13812345678'), name: '孙*伟', from: 0, to: 2 },
      ]),
    );
    // This month's snapshot is kept for next month's report.
    const snap = h.readSqlite
      .prepare(`SELECT count(*) AS n FROM vip_snapshots WHERE month = '2026-11'`)
      .get() as {
      n: number;
    };
    expect(snap.n).toBe(5);
  });
});

describe('segment filters', () => {
  it('region: province and city codes of paid orders', async () => {
    const sun = customerOf(h, '13812345678');
    const li = customerOf(h, '13900001111');
    const alice = customerOf(h, 'tb_alice');
    expect(await ids({ provinces: ['610000'] })).toEqual(new Set([sun]));
    expect(await ids({ provinces: ['330000'] })).toEqual(new Set([li, alice]));
    expect(await ids({ cities: ['330100'] })).toEqual(new Set([li, alice]));
    expect(await ids({ cities: ['440300', '610100'] })).toEqual(new Set([customerOf(h, '13700002222'), sun]));
    const options = segmentOptions(h);
    expect(options.provinces.find((p) => p.code === '330000')).toEqual({
      code: '330000',
      name: '浙江省',
      customers: 2,
    });
    expect(options.cities.find((c) => c.code === '610100')).toMatchObject({
      name: '西安市',
      provCode: '610000',
    });
  });

  it('products bought (sku), tags, notes, VIP level', async () => {
    const sun = customerOf(h, '13812345678');
    const wang = customerOf(h, '13700002222');
    expect(await ids({ products: ['CUP-500', 'LID-1'] })).toEqual(new Set([sun, wang]));
    expect(
      segmentOptions(h)
        .products.map((p) => p.key)
        .sort(),
    ).toEqual(['CUP-500', 'LID-1', 'TEA-1']);
    await updateCustomer(h, wang, { tags: ['老客', '送礼'] }, NOW);
    await updateCustomer(h, sun, { tags: ['送礼'] }, NOW);
    expect(await ids({ tags: ['老客'] })).toEqual(new Set([wang]));
    expect(await ids({ tags: ['送礼', '不存在'] })).toEqual(new Set([sun, wang]));
    expect(await ids({ vipLevels: [1, 2] })).toEqual(new Set([sun, customerOf(h, '13900001111')]));
    expect(await ids({ vipLevels: [2], tags: ['送礼'] })).toEqual(new Set([sun]));
    await updateCustomer(h, wang, { note: '喜欢 Oolong 茶，春节送礼' }, NOW);
    expect(await ids({ note: 'oolong' })).toEqual(new Set([wang]));
    expect(await ids({ note: '春节' })).toEqual(new Set([wang]));
    expect(await ids({ note: '中秋' })).toEqual(new Set());
  });

  it('consent: the owner’s 不接受营销 leaves a customer out of "allowed"', async () => {
    const sun = customerOf(h, '13812345678');
    await setConsent(h, sun, false, NOW);
    expect(await ids({ marketing: 'refused' })).toEqual(new Set([sun]));
    expect((await ids({ marketing: 'allowed' })).has(sun)).toBe(false);
    expect(await countSegment(h, {}, FIXED_NOW)).toEqual({ total: 5, noMarketing: 1 });
    expect(await countSegment(h, { vipLevels: [2] }, FIXED_NOW)).toEqual({ total: 1, noMarketing: 1 });
  });
});

describe('saved segments', () => {
  it('save, rename, find by name, refuse a taken name, delete', async () => {
    const gold = await saveSegment(h, { name: ' 金卡客户 ', filter: { vipLevels: [2, 3] } }, NOW);
    expect(gold).toMatchObject({ name: '金卡客户', filter: { vipLevels: [2, 3] } });
    await saveSegment(h, { name: '浙江', filter: { provinces: ['330000'] } }, NOW);
    expect(listSegments(h).map((s) => s.name)).toEqual(['浙江', '金卡客户'].sort());
    await expect(saveSegment(h, { name: '浙江', filter: {} }, NOW)).rejects.toMatchObject({
      code: 'vip.segmentNameTaken',
    });
    expect(segmentByName(h, '金卡客户').id).toBe(gold.id);
    expect(() => segmentByName(h, '钻石')).toThrow(expect.objectContaining({ code: 'vip.segmentNotFound' }));
    const renamed = await saveSegment(h, { id: gold.id, name: '高价值', filter: { vipLevels: [3] } }, NOW);
    expect(renamed).toMatchObject({ id: gold.id, name: '高价值', filter: { vipLevels: [3] } });
    expect((await countSegment(h, segmentByName(h, '浙江').filter, FIXED_NOW)).total).toBe(2);
    expect(await deleteSegment(h, gold.id)).toEqual({ deleted: true });
    expect(listSegments(h).map((s) => s.name)).toEqual(['浙江']);
  });
});
