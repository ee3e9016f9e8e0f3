/**
 * The columns of an orders export, in the language of the screen that asked for it. One row per
 * order; its lines are summed up in one cell ("title ×2；title ×1"), since a bookkeeper sums
 * orders and a line-per-row sheet would repeat every order's money.
 */
import { zoneOffsetMs } from '../../domain/import/date-time.js';
import { maskBuyerKey, maskPersonName, maskPhone, maskStreet } from '../../domain/orders/privacy.js';
import type { MessageLanguage } from '../../shared/messages/index.js';
import { minorToDecimalText } from '../../shared/money.js';

export interface ExportRecord {
  platform: string;
  shop_name: string;
  timezone: string;
  is_sample: number;
  platform_order_id: string;
  ordered_at: string | null;
  paid_at: string | null;
  status: string | null;
  status_raw: string | null;
  currency: string;
  total_fen: number | null;
  paid_fen: number | null;
  shipping_fen: number | null;
  discount_fen: number | null;
  refund_fen: number | null;
  refund_status: string | null;
  buyer_kind: string | null;
  buyer_key: string | null;
  receiver_name: string | null;
  receiver_phone: string | null;
  receiver_province: string | null;
  receiver_city: string | null;
  receiver_district: string | null;
  receiver_detail: string | null;
  receiver_address_raw: string | null;
  buyer_note: string | null;
  seller_note: string | null;
  items: string | null;
  quantity: number | null;
}

/** A cell: text, a count, or money as exact decimal text (a number in Excel). */
export type ExportCell = { text: string | null } | { number: number | null } | { money: string | null };

type Labels = Record<string, string>;

export const PLATFORM_LABELS: Record<MessageLanguage, Labels> = {
  'zh-CN': {
    tmall: '天猫/淘宝',
    jd: '京东',
    pdd: '拼多多',
    douyin: '抖店',
    shopify: 'Shopify',
    youzan: '有赞',
    woocommerce: 'WooCommerce',
    other: '其他',
  },
  en: {
    tmall: 'Tmall/Taobao',
    jd: 'JD',
    pdd: 'Pinduoduo',
    douyin: 'Douyin',
    shopify: 'Shopify',
    youzan: 'Youzan',
    woocommerce: 'WooCommerce',
    other: 'Other',
  },
};

const STATUS_LABELS: Record<MessageLanguage, Labels> = {
  'zh-CN': {
    awaiting_payment: '待付款',
    paid: '已付款',
    shipped: '已发货',
    completed: '已完成',
    closed: '已关闭',
  },
  en: {
    awaiting_payment: 'Awaiting payment',
    paid: 'Paid',
    shipped: 'Shipped',
    completed: 'Completed',
    closed: 'Closed',
  },
};

const YES_NO: Record<MessageLanguage, [string, string]> = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] };

interface Column {
  header: Record<MessageLanguage, string>;
  /** Width in Excel characters. */
  width: number;
  cell(r: ExportRecord, ctx: { lang: MessageLanguage; masked: boolean }): ExportCell;
}

/** `2024-11-11T02:00:05.000Z` in Asia/Shanghai → `2024-11-11 10:00:05`: the shop's own clock. */
export function shopLocalTime(iso: string | null, timezone: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + zoneOffsetMs(ms, timezone)).toISOString().slice(0, 19).replace('T', ' ');
}

const text = (value: string | null | undefined): ExportCell => ({ text: value ?? null });
const money = (fen: number | null, currency: string): ExportCell => ({
  money: fen === null ? null : minorToDecimalText(fen, currency),
});

export const EXPORT_COLUMNS: readonly Column[] = [
  {
    header: { 'zh-CN': '平台', en: 'Platform' },
    width: 12,
    cell: (r, c) => text(PLATFORM_LABELS[c.lang][r.platform] ?? r.platform),
  },
  { header: { 'zh-CN': '店铺', en: 'Shop' }, width: 20, cell: (r) => text(r.shop_name) },
  { header: { 'zh-CN': '订单号', en: 'Order ID' }, width: 24, cell: (r) => text(r.platform_order_id) },
  {
    header: { 'zh-CN': '下单时间', en: 'Ordered at' },
    width: 20,
    cell: (r) => text(shopLocalTime(r.ordered_at, r.timezone)),
  },
  {
    header: { 'zh-CN': '付款时间', en: 'Paid at' },
    width: 20,
    cell: (r) => text(shopLocalTime(r.paid_at, r.timezone)),
  },
  {
    header: { 'zh-CN': '订单状态', en: 'Status' },
    width: 10,
    cell: (r, c) => text(r.status ? (STATUS_LABELS[c.lang][r.status] ?? r.status) : null),
  },
  { header: { 'zh-CN': '平台状态', en: 'Platform status' }, width: 16, cell: (r) => text(r.status_raw) },
  { header: { 'zh-CN': '商品', en: 'Items' }, width: 40, cell: (r) => text(r.items) },
  { header: { 'zh-CN': '件数', en: 'Quantity' }, width: 8, cell: (r) => ({ number: r.quantity }) },
  { header: { 'zh-CN': '币种', en: 'Currency' }, width: 8, cell: (r) => text(r.currency) },
  { header: { 'zh-CN': '应付金额', en: 'Payable' }, width: 12, cell: (r) => money(r.total_fen, r.currency) },
  { header: { 'zh-CN': '实付金额', en: 'Paid' }, width: 12, cell: (r) => money(r.paid_fen, r.currency) },
  { header: { 'zh-CN': '运费', en: 'Shipping' }, width: 10, cell: (r) => money(r.shipping_fen, r.currency) },
  { header: { 'zh-CN': '优惠', en: 'Discount' }, width: 10, cell: (r) => money(r.discount_fen, r.currency) },
  { header: { 'zh-CN': '退款金额', en: 'Refund' }, width: 12, cell: (r) => money(r.refund_fen, r.currency) },
  { header: { 'zh-CN': '退款状态', en: 'Refund status' }, width: 14, cell: (r) => text(r.refund_status) },
  {
    header: { 'zh-CN': '买家账号', en: 'Buyer account' },
    width: 20,
    cell: (r, c) =>
      text(
        r.buyer_key === null ? null : c.masked ? maskBuyerKey(r.buyer_kind ?? '', r.buyer_key) : r.buyer_key,
      ),
  },
  {
    header: { 'zh-CN': '收货人', en: 'Receiver' },
    width: 12,
    cell: (r, c) => text(c.masked ? maskPersonName(r.receiver_name) : r.receiver_name),
  },
  {
    header: { 'zh-CN': '收货电话', en: 'Phone' },
    width: 16,
    cell: (r, c) => text(c.masked ? maskPhone(r.receiver_phone) : r.receiver_phone),
  },
  { header: { 'zh-CN': '省份', en: 'Province' }, width: 10, cell: (r) => text(r.receiver_province) },
  { header: { 'zh-CN': '城市', en: 'City' }, width: 10, cell: (r) => text(r.receiver_city) },
  { header: { 'zh-CN': '区县', en: 'District' }, width: 10, cell: (r) => text(r.receiver_district) },
  {
    header: { 'zh-CN': '详细地址', en: 'Street address' },
    width: 30,
    cell: (r, c) => {
      // An address the importer could not split is kept whole in receiver_address_raw.
      const street = r.receiver_detail ?? (r.receiver_province ? null : r.receiver_address_raw);
      return text(c.masked ? maskStreet(street) : street);
    },
  },
  { header: { 'zh-CN': '买家留言', en: 'Buyer note' }, width: 24, cell: (r) => text(r.buyer_note) },
  { header: { 'zh-CN': '卖家备注', en: 'Seller note' }, width: 24, cell: (r) => text(r.seller_note) },
  {
    header: { 'zh-CN': '示例数据', en: 'Sample data' },
    width: 8,
    cell: (r, c) => text(YES_NO[c.lang][r.is_sample === 1 ? 0 : 1]),
  },
];
