/** One order's detail: lines, money, statuses, times, the masked receiver, its buyer and history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../../main/domain/errors.js';
import { undoBatch } from '../../../main/services/import/undo.js';
import { orderDetail } from '../../../main/services/orders/detail.js';
import { listOrders } from '../../../main/services/orders/list.js';
import { DEFAULT_ORDERS_SORT } from '../../../main/shared/orders-query.js';
import { fixedClock, freshDb } from '../../helpers/test-db.js';
import { writeFragments } from '../../helpers/write-fragments.js';
import { seedOrders, SHOPIFY, TMALL } from './orders-fixture.js';

let h: HuikeDb;
let seeded: Awaited<ReturnType<typeof seedOrders>>;
beforeEach(async () => {
  h = await freshDb();
  seeded = await seedOrders(h);
});
afterEach(() => h.close());

async function idOf(platformOrderId: string): Promise<number> {
  const page = await listOrders(h.reader, {
    filter: { q: platformOrderId },
    sort: DEFAULT_ORDERS_SORT,
    offset: 0,
    limit: 10,
    withTotals: false,
  });
  return page.rows.find((r) => r.platformOrderId === platformOrderId)!.id;
}

describe('orders.get', () => {
  it('gives lines, money, statuses and times as stored', async () => {
    const d = await orderDetail(h.reader, await idOf('3126811560000000001'));
    expect(d).toMatchObject({
      platform: 'tmall',
      shop: { name: '测试天猫店', timezone: 'Asia/Shanghai', currency: 'CNY', isSample: true },
      platformOrderId: '3126811560000000001',
      status: 'completed',
      statusRaw: '交易成功',
      currency: 'CNY',
      money: { payableFen: 10_500, paidFen: 10_000, shippingFen: 500, discountFen: 1000, refundFen: 0 },
      times: {
        orderedAt: '2026-01-05T02:00:00.000Z',
        orderDate: '2026-01-05',
        paidAt: '2026-01-05T02:01:00.000Z',
      },
    });
    expect(d.lines.map((l) => [l.title, l.sku, l.quantity, l.unitPriceFen, l.paidFen])).toEqual([
      ['汇客保温杯 500ml', 'CUP-500', 2, 4000, 8000],
      ['杯盖', 'LID-1', 1, 2000, 2000],
    ]);
  });

  it('masks the receiver: name 张*, phone 138****5678, address to the district and a cut street', async () => {
    const d = await orderDetail(h.reader, await idOf('3126811560000000001'));
    expect(d.receiver).toEqual({
      name: '张*',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      street: '文三****',
    });
    const youzan = await orderDetail(h.reader, await idOf('E20260112000001'));
    expect(youzan.receiver).toMatchObject({ name: '孙*', phone: '138****5678', street: '解放****' });
    expect(JSON.stringify(youzan)).not.toContain('解放路163号');
    expect(JSON.stringify(youzan.receiver)).not.toContain('13812345678');
  });

  it("names the buyer account with links to its customer and the buyer's orders, masking a phone key", async () => {
    const d = await orderDetail(h.reader, await idOf('3126811560000000001'));
    const customer = h.readSqlite
      .prepare("SELECT customer_id AS id FROM buyer_accounts WHERE account_key = 'tb_alice'")
      .get() as { id: number };
    expect(d.buyer).toEqual({
      platform: 'tmall',
      kind: 'member_name',
      key: 'tb_alice',
      display: 'tb_alice',
      nickname: null,
      orders: 2,
      link: { buyer: 'tb_alice', platforms: ['tmall'] },
      customerId: customer.id,
    });
    expect(customer.id).toBeGreaterThan(0);
    const linked = await listOrders(h.reader, {
      filter: d.buyer!.link,
      sort: DEFAULT_ORDERS_SORT,
      offset: 0,
      limit: 10,
      withTotals: true,
    });
    expect(linked.totals!.orders).toBe(2);
    const youzan = await orderDetail(h.reader, await idOf('E20260112000001'));
    expect(youzan.buyer).toMatchObject({ kind: 'phone', display: '138****5678', nickname: '萍萍' });
    const shopify = await orderDetail(h.reader, await idOf('#1001'));
    expect(shopify.buyer).toMatchObject({ kind: 'email', display: 'i***@example.com' });
  });

  it('lists the import batches that wrote the order, changed it, or added its lines', async () => {
    const id = await idOf('3126811560000000002');
    expect((await orderDetail(h.reader, id)).history).toEqual([
      expect.objectContaining({
        opId: seeded.tmall.batchId,
        role: 'created',
        fileName: 'tmall.csv',
        state: 'committed',
      }),
    ]);
    const refund = await writeFragments(
      h,
      [{ platformOrderId: '3126811560000000002', sourceRows: [2], refundStatus: '退款成功' }],
      'tmall-newer.csv',
      TMALL,
    );
    const items = await writeFragments(
      h,
      [
        {
          platformOrderId: '3126811560000000002',
          sourceRows: [2],
          lines: [{ lineKey: 'x', title: '抱枕', quantity: 1 }],
        },
      ],
      'tmall-items.csv',
      TMALL,
    );
    const history = (await orderDetail(h.reader, id)).history;
    expect(history.map((e) => [e.opId, e.role, e.fileName, e.format, e.source])).toEqual([
      [seeded.tmall.batchId, 'created', 'tmall.csv', 'tmall', 'file'],
      [refund.batchId, 'changed', 'tmall-newer.csv', 'tmall', 'file'],
      [items.batchId, 'lines', 'tmall-items.csv', 'tmall', 'file'],
    ]);
    expect((await orderDetail(h.reader, id)).refundStatus).toBe('退款成功');

    await undoBatch(h, items.batchId, { now: fixedClock });
    await undoBatch(h, refund.batchId, { now: fixedClock });
    const after = await orderDetail(h.reader, id);
    expect(after.refundStatus).toBeNull();
    expect(after.lines).toEqual([]);
    // The undone change stays in the history, marked as undone.
    expect(after.history.map((e) => [e.opId, e.state])).toEqual([
      [seeded.tmall.batchId, 'committed'],
      [refund.batchId, 'undone'],
    ]);
  });

  it('shows times of a shop abroad with that shop zone, and refuses an order that is not there', async () => {
    const d = await orderDetail(h.reader, await idOf('#1001'));
    expect(d.shop.timezone).toBe(SHOPIFY.timezone);
    expect(d.currency).toBe('USD');
    const missing = orderDetail(h.reader, 999_999);
    await expect(missing).rejects.toBeInstanceOf(UserError);
    await expect(missing).rejects.toMatchObject({ code: 'orders.notFound', params: { id: 999_999 } });
  });
});
