/**
 * Customers for VIP lists, written through the real import commit: Youzan buyers keyed by full
 * phones with full names and addresses in three provinces (the owner's own shop), a Shopify buyer
 * by e-mail in USD, a Tmall buyer with a masked receiver. The clock is 2026-11-20 (test-db.ts), so
 * the default 12-month window starts on 2025-11-21.
 *
 * Default levels (spend in CNY, last 12 months): 孙萍伟 6,000 → 金卡; 李四 1,500 → 银卡 (and an
 * older 100,000 outside the window); 王小明 50 → 普通; Ivan (USD only) and tb_alice (100) → 普通.
 */
import type { HuikeDb } from '../../../db/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';
import { writeFragments, type FragmentShop } from '../../helpers/write-fragments.js';

export const YOUZAN: FragmentShop = { platform: 'youzan', name: '汇客微商城', currency: 'CNY' };
export const SHOPIFY: FragmentShop = { platform: 'shopify', name: 'Huike US', currency: 'USD' };
export const TMALL: FragmentShop = { platform: 'tmall', name: '汇客天猫店', currency: 'CNY' };

const paid = (id: string, at: string, fen: number, extra: Partial<ParsedOrder>): ParsedOrder => ({
  platformOrderId: id,
  sourceRows: [2],
  orderedAt: at,
  paidAt: at,
  status: 'completed',
  statusRaw: '交易成功',
  paidFen: fen,
  totalFen: fen,
  refundFen: 0,
  ...extra,
});

const sun = {
  buyer: { kind: 'phone' as const, key: '13812345678', phone: '13812345678' },
  receiver: {
    name: '孙萍伟',
    phone: '13812345678',
    province: '陕西省',
    city: '西安市',
    district: '雁塔区',
    detail: '解放路163号',
  },
};
const li = {
  buyer: { kind: 'phone' as const, key: '13900001111', phone: '13900001111' },
  receiver: {
    name: '李四',
    phone: '13900001111',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路100号5幢301',
  },
};
const wang = {
  buyer: { kind: 'phone' as const, key: '13700002222', phone: '13700002222' },
  receiver: {
    name: '王小明',
    phone: '13700002222',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    detail: '科技园路1号',
  },
};

export const YOUZAN_ORDERS: ParsedOrder[] = [
  paid('Y1', '2026-10-01T02:00:00.000Z', 600_000, {
    ...sun,
    lines: [{ lineKey: 'cup', title: '汇客保温杯', sku: 'CUP-500', quantity: 1, paidFen: 600_000 }],
  }),
  paid('Y2', '2026-06-01T02:00:00.000Z', 150_000, {
    ...li,
    lines: [{ lineKey: 'tea', title: '龙井茶', sku: 'TEA-1', quantity: 1, paidFen: 150_000 }],
  }),
  paid('Y3', '2024-01-01T02:00:00.000Z', 10_000_000, li),
  paid('Y4', '2026-11-01T02:00:00.000Z', 5000, {
    ...wang,
    lines: [{ lineKey: 'lid', title: '杯盖', sku: 'LID-1', quantity: 1, paidFen: 5000 }],
  }),
];

export const SHOPIFY_ORDERS: ParsedOrder[] = [
  paid('#1001', '2026-09-15T15:00:00.000Z', 1999, {
    currency: 'USD',
    statusRaw: 'paid',
    buyer: { kind: 'email', key: 'ivan@example.com', email: 'ivan@example.com' },
    receiver: { name: 'Ivan Garcia', phone: '+1 555-002-2188', detail: '589 Main St' },
  }),
];

export const TMALL_ORDERS: ParsedOrder[] = [
  paid('3126811560000000001', '2026-08-05T02:00:00.000Z', 10_000, {
    buyer: { kind: 'member_name', key: 'tb_alice' },
    receiver: { name: '张**', phone: '138****5678', province: '浙江省', city: '杭州市', district: '西湖区' },
  }),
];

export async function seedVip(h: HuikeDb) {
  await writeFragments(h, YOUZAN_ORDERS, 'youzan.csv', YOUZAN);
  await writeFragments(h, SHOPIFY_ORDERS, 'shopify.csv', SHOPIFY);
  await writeFragments(h, TMALL_ORDERS, 'tmall.csv', TMALL);
}

/** customer id by a buyer account key. */
export function customerOf(h: HuikeDb, key: string): number {
  const row = h.readSqlite
    .prepare('SELECT customer_id FROM buyer_accounts WHERE account_key = ?')
    .get(key) as { customer_id: number } | undefined;
  if (!row) throw new Error(`no account ${key}`);
  return row.customer_id;
}
