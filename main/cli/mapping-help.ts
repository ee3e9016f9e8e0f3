/**
 * The keys of a `--mapping` file and what each means, for `huike import --help` (the README has
 * the same table). The keys themselves come from the importer's vocabulary, so a key added there
 * without a line here fails the type check.
 */
import { GENERIC_FIELDS, MAPPED_STATUSES, type GenericField } from '../domain/import/reader-types.js';

const FIELD_MEANINGS: Record<GenericField, string> = {
  orderId: '订单号: the order number (required; rows with the same number are one order)',
  orderedAt: '下单时间: when the order was placed',
  paidAt: '付款时间: when it was paid',
  status: '订单状态: the order status (see statusValues)',
  buyer: '买家: the buyer’s name or account',
  buyerPhone: '买家手机: the buyer’s phone',
  buyerEmail: '买家邮箱: the buyer’s email',
  acceptsMarketing: '接受营销: the buyer’s marketing consent (是/否, yes/no, true/false, 1/0, 接受/不接受)',
  marketingOptOut: '不接受营销 / 退订: an opt-out column (是/yes = refuses marketing)',
  receiverName: '收货人: the recipient',
  receiverPhone: '收货人电话: the recipient’s phone',
  address: '收货地址: the whole address in one cell',
  province: '省: province',
  city: '市: city',
  district: '区: district',
  title: '商品名称: the product name',
  sku: 'SKU / 商家编码',
  quantity: '数量: quantity',
  unitPrice: '单价: unit price',
  lineAmount: '商品金额: what a row’s item cost (added up per order)',
  lineRefundAmount: '商品退款: a row’s refund (added up per order)',
  totalAmount: '订单金额: the order total (repeated on its rows)',
  paidAmount: '实付金额: the order’s paid amount (repeated on its rows, never added up)',
  shippingAmount: '运费: the order’s shipping (repeated on its rows)',
  refundAmount: '退款金额: the order’s refund (repeated on its rows)',
  currency: '币种: a column naming each row’s currency (CNY, USD …)',
  note: '备注: a note',
};

export function mappingHelp(): string {
  const width = Math.max(...GENERIC_FIELDS.map((f) => f.length), 'statusValues'.length) + 2;
  const lines = GENERIC_FIELDS.map((f) => `  ${f.padEnd(width)}${FIELD_MEANINGS[f]}`);
  return [
    '',
    '--mapping FILE: a JSON object from field to the header text of the column that holds it, e.g.',
    '  {"orderId":"单号","orderedAt":"下单时间","paidAmount":"金额","status":"状态","statusValues":{"已退":"refunded"}}',
    'Fields (列对应的字段):',
    ...lines,
    `  ${'statusValues'.padEnd(width)}状态含义: what each status text means, one of ${MAPPED_STATUSES.join(', ')}`,
  ].join('\n');
}
