/**
 * Platform status text → OrderStatus. The raw text is always kept beside it; an unknown text leaves
 * the status undefined rather than guessing.
 */
import type { ImportFormat, OrderStatus } from '../orders/types.js';

type StatusMap = Record<string, OrderStatus>;

/** Keys are stored in lookup form (see statusKey), so tables can be written naturally. */
function table(entries: Record<string, OrderStatus>): StatusMap {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [statusKey(k), v]));
}

// Tmall/Taobao 订单状态 and the extended values other Taobao surfaces use. Keys are normalised
// (NFKC, no spaces), so the full-width and ASCII comma spellings
// (买家已付款，等待卖家发货 / 买家已付款,等待卖家发货) are one key.
const TMALL: StatusMap = table({
  等待买家付款: 'awaiting_payment',
  买家未付款: 'awaiting_payment',
  '买家已付款,等待卖家发货': 'paid',
  等待卖家发货: 'paid',
  买家已付款: 'paid',
  卖家部分发货: 'shipped',
  '卖家已发货,等待买家确认': 'shipped',
  卖家已发货: 'shipped',
  已收货: 'completed',
  已签收: 'completed',
  交易成功: 'completed',
  交易完成: 'completed',
  已完成: 'completed',
  待评价: 'completed',
  已结算: 'completed',
  // 交易关闭 covers both "never paid" and "paid, then fully refunded"; the money columns say which.
  交易关闭: 'closed',
  退款成功: 'closed',
});

// 拼多多: every exported order was paid (an order exists once its group payment succeeds). The
// full-width comma joins the shipping state and the refund state: 已取消，退款成功.
const PDD: StatusMap = table({
  待支付: 'awaiting_payment',
  待付款: 'awaiting_payment',
  待成团: 'paid',
  拼团中: 'paid',
  待发货: 'paid',
  '已发货,待签收': 'shipped',
  '已发货,待收货': 'shipped',
  已发货: 'shipped',
  待签收: 'shipped',
  已签收: 'completed',
  已收货: 'completed',
  交易成功: 'completed',
  已完成: 'completed',
  已取消: 'closed',
  '已取消,退款成功': 'closed',
  '未发货,退款成功': 'closed',
  '已发货,退款成功': 'closed',
  '已签收,退款成功': 'closed',
  退款成功: 'closed',
});

// 抖店 订单状态, per sub-order.
const DOUYIN: StatusMap = table({
  待支付: 'awaiting_payment',
  待付款: 'awaiting_payment',
  已支付: 'paid',
  待确认: 'paid',
  备货中: 'paid',
  待发货: 'paid',
  部分发货: 'shipped',
  已发货: 'shipped',
  待收货: 'shipped',
  已签收: 'completed',
  已完成: 'completed',
  已关闭: 'closed',
  已取消: 'closed',
});

// Words every Chinese back office and ERP uses; a format's own table is asked first.
const COMMON: StatusMap = table({
  待付款: 'awaiting_payment',
  待支付: 'awaiting_payment',
  未付款: 'awaiting_payment',
  等待付款: 'awaiting_payment',
  已付款: 'paid',
  已支付: 'paid',
  待发货: 'paid',
  未发货: 'paid',
  部分发货: 'shipped',
  已发货: 'shipped',
  待收货: 'shipped',
  待签收: 'shipped',
  已签收: 'completed',
  已收货: 'completed',
  已完成: 'completed',
  交易成功: 'completed',
  交易完成: 'completed',
  已关闭: 'closed',
  已取消: 'closed',
  交易关闭: 'closed',
  订单关闭: 'closed',
  退款成功: 'closed',
  已退款: 'closed',
});

const JD: StatusMap = table({
  待付款: 'awaiting_payment',
  待支付: 'awaiting_payment',
  等待付款: 'awaiting_payment',
  等待付款确认: 'awaiting_payment',
  等待出库: 'paid',
  等待发货: 'paid',
  待出库: 'paid',
  // 锁定/暂停: paid orders held by a refund request or a risk check; still paid until they close.
  锁定: 'paid',
  暂停: 'paid',
  等待确认收货: 'shipped',
  已出库: 'shipped',
  配送中: 'shipped',
  完成: 'completed',
  已完成: 'completed',
  已取消: 'closed',
  取消: 'closed',
  已关闭: 'closed',
  关闭: 'closed',
});

const YOUZAN: StatusMap = table({
  待付款: 'awaiting_payment',
  等待买家付款: 'awaiting_payment',
  待成团: 'paid',
  待接单: 'paid',
  已付款: 'paid',
  待发货: 'paid',
  等待商家发货: 'paid',
  已发货: 'shipped',
  商家已发货: 'shipped',
  待收货: 'shipped',
  等待买家确认收货: 'shipped',
  交易成功: 'completed',
  交易完成: 'completed',
  已完成: 'completed',
  已签收: 'completed',
  交易关闭: 'closed',
  已关闭: 'closed',
  已取消: 'closed',
  订单关闭: 'closed',
});

// WooCommerce writes slugs (`on-hold`, `wc-completed`) or their English/Chinese labels.
const WOOCOMMERCE: StatusMap = table({
  pending: 'awaiting_payment',
  'pending payment': 'awaiting_payment',
  'checkout-draft': 'awaiting_payment',
  draft: 'awaiting_payment',
  processing: 'paid',
  'on-hold': 'paid',
  'on hold': 'paid',
  completed: 'completed',
  cancelled: 'closed',
  refunded: 'closed',
  failed: 'closed',
  等待付款: 'awaiting_payment',
  待付款: 'awaiting_payment',
  处理中: 'paid',
  保留: 'paid',
  已完成: 'completed',
  已取消: 'closed',
  已退款: 'closed',
  失败: 'closed',
});

/** Normalised lookup key: NFKC (full-width commas become ASCII), no spaces, lower case. */
export function statusKey(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** JD marks deleted orders `(删除)等待出库`; the status after the prefix is still meaningful. */
export function stripJdDeletedPrefix(raw: string): string {
  return raw.normalize('NFKC').replace(/^\s*\(删除\)\s*/, '');
}

function lookup(map: StatusMap, raw: string): OrderStatus | undefined {
  const key = statusKey(raw);
  return map[key] ?? map[key.replace(/^wc-/, '')];
}

const MAPS: Partial<Record<ImportFormat, StatusMap>> = {
  tmall: TMALL,
  'tmall-items': TMALL,
  jd: JD,
  pdd: PDD,
  douyin: DOUYIN,
  youzan: YOUZAN,
  woocommerce: WOOCOMMERCE,
};

/**
 * Status for a format: its own table, then the words every Chinese back office uses (ERP-written
 * variants say 已付款 / 已发货). The generic format tries every table (a mapped column usually
 * matches one).
 */
export function normalizeStatus(format: ImportFormat, raw: string): OrderStatus | undefined {
  if (!raw) return undefined;
  // A file repeats a handful of status texts a million times: each is looked up once.
  const memoKey = `${format}\u0001${raw}`;
  if (statusMemo.has(memoKey)) return statusMemo.get(memoKey);
  if (statusMemo.size > 10_000) statusMemo.clear();
  const status = lookUpStatus(format, raw);
  statusMemo.set(memoKey, status);
  return status;
}

const statusMemo = new Map<string, OrderStatus | undefined>();

function lookUpStatus(format: ImportFormat, raw: string): OrderStatus | undefined {
  if (format === 'jd') {
    const bare = stripJdDeletedPrefix(raw);
    return lookup(JD, bare) ?? lookup(COMMON, bare);
  }
  const map = MAPS[format];
  if (map) return lookup(map, raw) ?? lookup(COMMON, raw);
  for (const m of [TMALL, JD, PDD, DOUYIN, YOUZAN, WOOCOMMERCE, SHOPIFY_FINANCIAL, COMMON]) {
    const hit = lookup(m, format === 'generic' ? stripJdDeletedPrefix(raw) : raw);
    if (hit) return hit;
  }
  return undefined;
}

/** 售后状态 / 退款状态 texts that say the money went back to the buyer. */
export function isRefundedText(raw: string | null | undefined): boolean {
  if (!raw) return false;
  const key = statusKey(raw);
  return /退款成功|退款完成|已退款|refunded/.test(key) && !/^(无售后|没有申请退款)/.test(key);
}

const SHOPIFY_FINANCIAL: StatusMap = table({
  pending: 'awaiting_payment',
  authorized: 'awaiting_payment',
  partially_paid: 'paid',
  paid: 'paid',
  partially_refunded: 'paid',
  refunded: 'closed',
  voided: 'closed',
});

/**
 * Shopify splits status over three columns. Cancelled wins; a fulfilled order counts as shipped
 * (Shopify records no delivery or buyer confirmation in the export); otherwise Financial Status.
 */
export function shopifyStatus(
  financial: string,
  fulfillment: string,
  cancelledAt: string,
): OrderStatus | undefined {
  if (cancelledAt) return 'closed';
  const money = financial ? lookup(SHOPIFY_FINANCIAL, financial) : undefined;
  if (money === 'closed' || money === 'awaiting_payment') return money;
  const f = statusKey(fulfillment);
  if (f === 'fulfilled' || f === 'partial' || f === 'shipped') return 'shipped';
  return money;
}
