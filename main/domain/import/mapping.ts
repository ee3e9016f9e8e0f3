/**
 * The generic importer's memory: a header signature to remember a user's column mapping for files
 * with the same columns, and a first guess of that mapping from common column names.
 */
import { displayHeaderName, normalizeHeaderName } from './header-names.js';
import type { ColumnMapping, GenericField } from './reader-types.js';

/**
 * FNV-1a (64-bit) of the normalised header names joined by U+0001, as 16 hex digits. Normalising
 * first means a BOM, a trailing space or full-width letters do not make a "different" file.
 */
export function headerSignature(header: readonly string[]): string {
  const text = header.map(normalizeHeaderName).join('\u0001');
  const bytes = new TextEncoder().encode(text);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const b of bytes) {
    hash ^= BigInt(b);
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Column names seen in Chinese and English exports, best first, compared normalised and lower-cased. */
const ALIASES: Record<GenericField, readonly string[]> = {
  orderId: [
    '订单号',
    '订单编号',
    '主订单编号',
    '订单id',
    '订单ID',
    'order id',
    'order number',
    'order no',
    'order #',
    'order',
    'name',
  ],
  orderedAt: [
    '下单时间',
    '订单创建时间',
    '创建时间',
    '下单日期',
    '订单时间',
    'created at',
    'order date',
    'date created',
    'date',
  ],
  paidAt: ['付款时间', '支付时间', '订单付款时间', '买家付款时间', 'paid at', 'payment date'],
  status: ['订单状态', '状态', 'status', 'order status'],
  buyer: [
    '买家',
    '买家昵称',
    '客户',
    '客户名称',
    '会员名',
    '买家会员名',
    'customer',
    'customer name',
    'buyer',
  ],
  buyerPhone: ['买家手机号', '买家电话', '手机', '手机号', '电话', '联系电话', 'phone', 'mobile'],
  buyerEmail: ['邮箱', '电子邮箱', 'email', 'e-mail'],
  acceptsMarketing: [
    '接受营销',
    '是否接受营销',
    '营销许可',
    '同意营销',
    'accepts marketing',
    'accepts email marketing',
    'marketing consent',
  ],
  marketingOptOut: ['不接受营销', '拒绝营销', '退订', '是否退订', 'opt out', 'opted out', 'unsubscribed'],
  receiverName: ['收货人', '收货人姓名', '收件人', '收件人姓名', 'shipping name', 'recipient'],
  receiverPhone: ['收货人手机', '收货人电话', '收货人手机号', '收件人手机', '收件人电话', 'shipping phone'],
  address: ['收货地址', '地址', '详细地址', '收件地址', 'address', 'shipping address'],
  province: ['省份', '省', '收货人省份', 'province', 'state'],
  city: ['城市', '市', '收货人城市', 'city'],
  district: ['区县', '区', '地区', '收货人地区', 'district'],
  title: [
    '商品名称',
    '商品标题',
    '宝贝标题',
    '标题',
    '品名',
    'product',
    'product name',
    'item',
    'item name',
    'title',
  ],
  sku: ['商家编码', 'sku', '商品编码', '货号', '规格编码', 'sku code'],
  quantity: ['数量', '购买数量', '商品数量', 'quantity', 'qty'],
  unitPrice: ['单价', '价格', '商品单价', 'unit price', 'price'],
  lineAmount: ['小计', '商品金额', '商品实付金额', '子订单金额', 'line total', 'subtotal'],
  lineRefundAmount: ['商品退款金额', '商品已退款金额', '子订单退款金额', 'line refund'],
  totalAmount: ['订单金额', '总金额', '应付金额', '订单总额', 'total', 'order total', 'amount'],
  paidAmount: [
    '实付金额',
    '实付款',
    '买家实付金额',
    '买家实际支付金额',
    '支付金额',
    '付款金额',
    '金额',
    'paid',
    'amount paid',
  ],
  shippingAmount: ['运费', '邮费', 'shipping'],
  refundAmount: ['退款金额', '退款', 'refund', 'refunded amount'],
  currency: ['币种', '货币', 'currency', 'currency code'],
  note: ['备注', '买家留言', '买家备注', '订单备注', 'note', 'notes'],
};

const key = (s: string): string => normalizeHeaderName(s).toLowerCase();

/** Exact (normalised) name matches first, in field order; each column is used for one field only. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const raw of header) {
    const name = displayHeaderName(raw);
    if (name && !byKey.has(key(name))) byKey.set(key(name), name);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of Object.keys(ALIASES) as GenericField[]) {
    for (const alias of ALIASES[field]) {
      const hit = byKey.get(key(alias));
      if (hit !== undefined && !used.has(hit)) {
        mapping[field] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return mapping;
}
