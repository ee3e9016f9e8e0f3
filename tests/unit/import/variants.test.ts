/** Layouts written by ERP and shop software, and orders that list one item on two rows. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixtures, type FixtureSet } from '../../fixtures/generate.js';
import { byId, readFile } from './read-helpers.js';
import { isCiphertext, parseDateTime } from '../../../main/domain/import/index.js';

let dir: string;
let fx: FixtureSet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'huike-variants-'));
  fx = await generateFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a Tmall layout written by shop software', () => {
  it('reads 支付金额 as paid and 收货人 as the receiver; understands 已付款 / 已发货 / 待付款', async () => {
    const orders = (await readFile(fx.tmallErpCsv.path)).sheets[0]!.orders;
    expect(byId(orders, '3001000000000000001')).toMatchObject({
      paidFen: 6600,
      status: 'paid',
      receiver: { name: '周**', phone: '137****0001', province: '江苏省' },
      shopNameInFile: '汇客ERP店',
    });
    expect(byId(orders, '3001000000000000002')).toMatchObject({ paidFen: 12050, status: 'shipped' });
    expect(byId(orders, '3001000000000000003')).toMatchObject({ status: 'awaiting_payment' });
  });
});

describe('千牛 销售明细 line export', () => {
  it("fills the order's paid amount, shipping and status from its order-level columns", async () => {
    const orders = (await readFile(fx.qianniuSalesLinesGbk.path)).sheets[0]!.orders;
    const x = byId(orders, '4100000000000000001');
    // 买家实付金额 repeats on both sub-order rows: the order's 120.00, not 240.00.
    expect(x).toMatchObject({
      paidFen: 12000,
      shippingFen: 1000,
      // One line completed, the other refunded and closed: the order was delivered.
      status: 'completed',
      refundFen: 3000,
      paidAt: '2025-01-05T01:01:00.000Z',
      shopNameInFile: '汇客旗舰店',
    });
    expect(x.lines!.map((l) => [l.lineKey, l.status, l.refundFen])).toEqual([
      ['4100000000000000011', 'completed', 0],
      ['4100000000000000012', 'closed', 3000],
    ]);
    expect(byId(orders, '4100000000000000002')).toMatchObject({ paidFen: 4500, status: 'shipped' });
  });
});

describe('JD export cut down to eleven columns', () => {
  it('is read with yyyyMMdd dates, the shop name, and two rows of one product as two lines', async () => {
    const orders = (await readFile(fx.jdCutDownCsv.path)).sheets[0]!.orders;
    const first = byId(orders, '20121005001');
    expect(first).toMatchObject({
      orderedAt: '2012-10-04T16:00:00.000Z',
      paidFen: 12800,
      shopNameInFile: '汇客京东自营专区',
      buyer: { kind: 'member_name', key: 'jd_lee' },
      receiver: { name: '李*', phone: '1******6198', province: '北京市' },
    });
    expect(first.lines!.map((l) => l.lineKey)).toEqual(['汇客保温杯', '汇客保温杯#2']);
    expect(byId(orders, '20121006002').orderedAt).toBe('2012-10-06T07:30:00.000Z');
  });
});

describe('an order listing the same item on two rows', () => {
  it('keeps both rows as lines, numbered in file order', async () => {
    const sheet = (await readFile(fx.tmallItemsRepeatedGbk.path)).sheets[0]!;
    expect(sheet.rowsImported).toBe(4);
    expect(byId(sheet.orders, '5001000000000000001').lines!.map((l) => l.lineKey)).toEqual([
      'CUP-W|汇客保温杯|颜色分类：白色',
      'BRUSH|汇客杯刷|',
      'CUP-W|汇客保温杯|颜色分类：白色#2',
    ]);
    // The count restarts per order: another order's first cup is not "#3".
    expect(byId(sheet.orders, '5001000000000000002').lines!.map((l) => l.lineKey)).toEqual([
      'CUP-W|汇客保温杯|颜色分类：白色',
    ]);
  });
});

describe('values', () => {
  it.each([
    ['20121005', '2012-10-04T16:00:00.000Z'],
    ['20121005 143000', '2012-10-05T06:30:00.000Z'],
    ['20121005143000', '2012-10-05T06:30:00.000Z'],
  ])('compact date %s', (raw, iso) => {
    expect(parseDateTime(raw, 'Asia/Shanghai')).toEqual({ ok: true, value: iso });
  });
  it('refuses an impossible compact date', () => {
    expect(parseDateTime('20121305', 'Asia/Shanghai').ok).toBe(false);
  });

  it.each([['##密文'], ['$$密文'], ['#Zmxk6Lqr5o2e#'], ['$AbCdEf1234567890$1$'], ['~3kd8dFK2jdi39dkQ0==~']])(
    '%s is ciphertext',
    (v) => expect(isCiphertext(v)).toBe(true),
  );
  it.each([['张**'], ['138****5678'], ['浙江省杭州市西湖区文三路1号'], ['Jane Doe'], ['a@b.com'], ['#1001']])(
    '%s is not ciphertext',
    (v) => expect(isCiphertext(v)).toBe(false),
  );
});
