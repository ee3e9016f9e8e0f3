/**
 * A small database of orders in four shops (Tmall and JD in CNY with masked receivers, a Youzan
 * shop with full phones, a Shopify shop in USD on New York time), written through the real import
 * commit. Every filter, search and sort of the Orders page has something to find and something to
 * leave out here.
 */
import type { HuikeDb } from '../../../db/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';
import { writeFragments, type FragmentShop } from '../../helpers/write-fragments.js';

export const TMALL: FragmentShop = { platform: 'tmall', name: '测试天猫店', currency: 'CNY', isSample: true };
export const JD: FragmentShop = { platform: 'jd', name: '测试京东店', currency: 'CNY' };
export const YOUZAN: FragmentShop = { platform: 'youzan', name: '测试微商城', currency: 'CNY' };
export const SHOPIFY: FragmentShop = {
  platform: 'shopify',
  name: 'Test Shop US',
  currency: 'USD',
  timezone: 'America/New_York',
};

const base = (id: string, orderedAt: string, extra: Partial<ParsedOrder>): ParsedOrder => ({
  platformOrderId: id,
  sourceRows: [2],
  orderedAt,
  ...extra,
});

export const TMALL_ORDERS: ParsedOrder[] = [
  base('3126811560000000001', '2026-01-05T02:00:00.000Z', {
    status: 'completed',
    statusRaw: '交易成功',
    paidAt: '2026-01-05T02:01:00.000Z',
    totalFen: 10_500,
    paidFen: 10_000,
    shippingFen: 500,
    discountFen: 1000,
    refundFen: 0,
    buyer: { kind: 'member_name', key: 'tb_alice' },
    receiver: {
      name: '张**',
      phone: '138****5678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路100号5幢301',
      raw: '浙江省 杭州市 西湖区 文三路100号5幢301',
    },
    buyerNote: '=HYPERLINK("http://example.com")',
    lines: [
      {
        lineKey: 'cup',
        title: '汇客保温杯 500ml',
        sku: 'CUP-500',
        quantity: 2,
        unitPriceFen: 4000,
        paidFen: 8000,
      },
      { lineKey: 'lid', title: '杯盖', sku: 'LID-1', quantity: 1, unitPriceFen: 2000, paidFen: 2000 },
    ],
  }),
  base('3126811560000000002', '2026-01-20T06:00:00.000Z', {
    status: 'closed',
    statusRaw: '交易关闭',
    paidAt: '2026-01-20T06:01:00.000Z',
    paidFen: 5000,
    refundFen: 5000,
    buyer: { kind: 'member_name', key: 'tb_bob', nickname: '小波' },
    receiver: { name: '李*', phone: '139****1234', province: '上海市', city: '上海市', district: '浦东新区' },
  }),
  base('3126811560000000003', '2026-02-03T01:00:00.000Z', {
    status: 'awaiting_payment',
    statusRaw: '等待买家付款',
    paidAt: null,
    totalFen: 3000,
    paidFen: 0,
    buyer: { kind: 'member_name', key: 'tb_alice' },
    receiver: { name: '王*', phone: '186****0001' },
  }),
  // 01:30 on 1 February in Beijing, still 31 January in UTC: the shop-local day decides.
  base('3126811560000000004', '2026-01-31T17:30:00.000Z', {
    status: 'shipped',
    statusRaw: '卖家已发货，等待买家确认',
    paidAt: '2026-01-31T17:31:00.000Z',
    paidFen: 7000,
    refundFen: 0,
    buyer: { kind: 'member_name', key: 'tb_carol' },
  }),
];

export const JD_ORDERS: ParsedOrder[] = [
  base('235000000001', '2026-01-10T03:00:00.000Z', {
    status: 'shipped',
    statusRaw: '等待确认收货',
    paidAt: '2026-01-10T03:01:00.000Z',
    paidFen: 20_000,
    refundFen: 3000,
    buyer: { kind: 'member_name', key: 'jd_dave' },
    receiver: { name: '赵*', phone: '1******6198', province: '广东省', city: '深圳市', district: '南山区' },
  }),
  // JD states 应付 as the paid amount of an order closed before payment: not paid money.
  base('235000000002', '2026-01-11T03:00:00.000Z', {
    status: 'closed',
    statusRaw: '已取消',
    paidAt: null,
    paidFen: 8000,
    refundFen: 0,
    buyer: { kind: 'member_name', key: 'jd_dave' },
  }),
];

export const YOUZAN_ORDERS: ParsedOrder[] = [
  base('E20260112000001', '2026-01-12T04:00:00.000Z', {
    status: 'completed',
    statusRaw: '交易成功',
    paidAt: '2026-01-12T04:01:00.000Z',
    paidFen: 12_800,
    refundFen: 0,
    buyer: { kind: 'phone', key: '13812345678', nickname: '萍萍', phone: '13812345678' },
    receiver: {
      name: '孙萍伟',
      phone: '13812345678',
      province: '陕西省',
      city: '西安市',
      district: '雁塔区',
      detail: '解放路163号',
    },
  }),
];

export const SHOPIFY_ORDERS: ParsedOrder[] = [
  base('#1001', '2026-01-15T15:00:00.000Z', {
    status: 'paid',
    statusRaw: 'paid',
    paidAt: '2026-01-15T15:00:00.000Z',
    currency: 'USD',
    paidFen: 1999,
    refundFen: 0,
    buyer: { kind: 'email', key: 'ivan@example.com' },
    receiver: { name: 'Ivan Garcia', phone: '+1 555-002-2188', detail: '589 Main St' },
    lines: [
      { lineKey: 'mug', title: 'Huike Mug', sku: 'MUG-1', quantity: 1, unitPriceFen: 1999, paidFen: 1999 },
    ],
  }),
  base('#1002', '2026-01-16T15:00:00.000Z', {
    status: 'shipped',
    statusRaw: 'fulfilled',
    paidAt: '2026-01-16T15:00:00.000Z',
    currency: 'USD',
    paidFen: 500,
    refundFen: 500,
    buyer: { kind: 'email', key: 'bo@example.com' },
  }),
];

export async function seedOrders(h: HuikeDb) {
  return {
    tmall: await writeFragments(h, TMALL_ORDERS, 'tmall.csv', TMALL),
    jd: await writeFragments(h, JD_ORDERS, 'jd.csv', JD),
    youzan: await writeFragments(h, YOUZAN_ORDERS, 'youzan.csv', YOUZAN),
    shopify: await writeFragments(h, SHOPIFY_ORDERS, 'shopify.csv', SHOPIFY),
  };
}
