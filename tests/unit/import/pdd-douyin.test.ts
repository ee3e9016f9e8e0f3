/** 拼多多 and 抖店 exports, quirk by quirk, to the fen. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixtures, type FixtureSet } from '../../fixtures/generate.js';
import { byId, readFile, type ReadFile } from './read-helpers.js';

let dir: string;
let fx: FixtureSet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'huike-pdd-douyin-'));
  fx = await generateFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('拼多多, 27-column layout (GBK)', () => {
  let file: ReadFile;
  beforeAll(async () => {
    file = await readFile(fx.pddOrders27Gbk.path);
  });
  const orders = () => file.sheets[0]!.orders;

  it('strips the leading tab from ids, dates and numbers', () => {
    expect(orders().map((o) => o.platformOrderId)).toEqual([
      '240315-512345678901234',
      '240316-000000000000002',
      '240317-000000000000003',
      '240318-000000000000004',
      '240319-000000000000005',
    ]);
    expect(byId(orders(), '240315-512345678901234')).toMatchObject({
      orderedAt: '2024-03-15T02:20:30.000Z',
      paidAt: '2024-03-15T02:20:30.000Z',
      shippedAt: '2024-03-15T10:00:00.000Z',
      completedAt: '2024-03-20T02:00:00.000Z',
      lines: [{ lineKey: '900001', sku: 'CUP-W', productId: '123456789', attributes: '白色', quantity: 1 }],
    });
  });

  it('keeps what the buyer paid and what the seller receives, and the discounts', () => {
    expect(byId(orders(), '240315-512345678901234')).toMatchObject({
      status: 'completed',
      currency: 'CNY',
      goodsFen: 9900,
      discountFen: 500 + 300 + 100,
      paidFen: 9000,
      totalFen: 9000,
      settlementFen: 9300,
      refundFen: 0,
    });
  });

  it('a multi-item order repeats its money on each row: set once, each row a line', () => {
    const b = byId(orders(), '240316-000000000000002');
    expect(b).toMatchObject({
      paidFen: 15800,
      settlementFen: 15800,
      status: 'shipped',
      sourceRows: [3, 4, 5],
    });
    // The brush bought twice is two lines; re-reading the file numbers them the same way.
    expect(b.lines!.map((l) => l.lineKey)).toEqual(['900002', '900003', '900003#2']);
  });

  it('reads statuses with full-width commas; a cancelled order was refunded in full', () => {
    expect(byId(orders(), '240317-000000000000003')).toMatchObject({
      status: 'closed',
      statusRaw: '已取消，退款成功',
      paidFen: 4500,
      refundFen: 4500,
      refundStatus: '退款成功',
    });
    expect(byId(orders(), '240318-000000000000004')).toMatchObject({ status: 'closed', refundFen: 3000 });
    expect(byId(orders(), '240319-000000000000005')).toMatchObject({ status: 'paid', refundFen: 0 });
  });

  it('an order whose time columns are empty is dated by its id', () => {
    expect(byId(orders(), '240319-000000000000005').orderedAt).toBe('2024-03-18T16:00:00.000Z');
  });

  it('refuses the row whose amount is not a number, naming the column', () => {
    expect(file.sheets[0]!.problems).toEqual([
      {
        row: 9,
        column: '用户实付金额(元)',
        code: 'row.notMoney',
        params: { column: '用户实付金额(元)', value: 'abc' },
      },
    ]);
  });
});

describe('拼多多, 2024 layout (UTF-8 with BOM, about 80 columns)', () => {
  let file: ReadFile;
  beforeAll(async () => {
    file = await readFile(fx.pddOrders2024Bom.path);
  });

  it('reads the split address, the pay time and the buyer phone when it is not masked', () => {
    const o = file.sheets[0]!.orders;
    expect(byId(o, '241111-100000000000001')).toMatchObject({
      paidAt: '2024-11-10T16:00:10.000Z',
      discountFen: 2000,
      buyer: { kind: 'phone', key: '13812341234' },
      receiver: {
        name: '陈**',
        phone: '138****1234',
        province: '广东省',
        city: '深圳市',
        district: '南山区',
        detail: '粤海街道',
      },
    });
    // A masked phone identifies nobody: no buyer account is made of it.
    expect(byId(o, '241111-100000000000002').buyer).toBeNull();
  });

  it('a stated refund amount wins over "refunded in full"', () => {
    expect(byId(file.sheets[0]!.orders, '241112-100000000000003')).toMatchObject({
      paidFen: 8800,
      refundFen: 1000,
      status: 'completed',
    });
  });
});

describe('抖店 (UTF-8 with BOM, one row per sub-order)', () => {
  let file: ReadFile;
  beforeAll(async () => {
    file = await readFile(fx.douyinOrdersBom.path);
  });
  const orders = () => file.sheets[0]!.orders;

  it('an order is the sum of its sub-orders; the 0.00 gift never overwrites its sibling', () => {
    const o = byId(orders(), '6920000000000000001');
    expect(o).toMatchObject({
      paidFen: 8900,
      totalFen: 8900,
      shippingFen: 0,
      discountFen: 1000,
      status: 'completed',
      statusRaw: '已完成',
      paidAt: '2024-11-11T12:00:30.000Z',
    });
    expect(o.lines!.map((l) => [l.lineKey, l.title, l.paidFen])).toEqual([
      ['6920000000000000011', '汇客保温杯 500ml', 8900],
      ['6920000000000000012', '【赠品】汇客杯刷', 0],
    ]);
  });

  it('sums amounts and combines statuses over sub-orders in different states', () => {
    expect(byId(orders(), '6920000000000000002')).toMatchObject({
      paidFen: 5500 + 3000,
      shippingFen: 600,
      status: 'shipped',
    });
  });

  it('unpaid, refunded and closed-before-payment orders', () => {
    expect(byId(orders(), '6920000000000000003')).toMatchObject({
      status: 'awaiting_payment',
      paidFen: 0,
      totalFen: 1990,
    });
    expect(byId(orders(), '6920000000000000004')).toMatchObject({
      status: 'closed',
      paidFen: 6600,
      refundFen: 6600,
    });
    expect(byId(orders(), '6920000000000000005')).toMatchObject({
      status: 'closed',
      paidFen: 0,
      refundFen: 0,
    });
  });

  it('stores ciphertext receivers as unknown, never as a name, phone or address', () => {
    const r = byId(orders(), '6920000000000000001').receiver!;
    expect(r).toEqual({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      name: null,
      phone: null,
      detail: null,
      raw: null,
      // Hidden, not empty: identity matching must not read the nulls as "no phone".
      ciphertext: true,
    });
    expect(byId(orders(), '6920000000000000002').receiver).toMatchObject({
      name: null,
      phone: null,
      detail: null,
      ciphertext: true,
    });
  });

  it('refuses a sub-order listed twice, naming the row it first appeared in', () => {
    expect(file.sheets[0]!.problems).toHaveLength(1);
    expect(file.sheets[0]!.problems[0]).toMatchObject({ row: 6, column: '子订单编号' });
    expect(file.sheets[0]!.problems[0]).toMatchObject({
      code: 'row.duplicateSubOrder',
      params: { firstRow: 4 },
    });
  });
});
