/**
 * Tmall 宝贝报表 (ExportOrderDetailList) and 千牛 销售明细: one row per order LINE. The fragment
 * carries only the order id and that line — no order money (宝贝报表 has none; 销售明细's amounts
 * are per sub-order) — so it can meet its 订单报表 in either import order.
 */
import type { ParsedLine, ParsedOrder } from '../../orders/types.js';
import type { OrderReader, OrderReaderOptions, RowResult, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { minorUnitDigits } from '../money.js';
import { normalizeStatus } from '../status.js';
import { compact, finish, requireIdColumn } from './common.js';
import { createTmallOrderReader } from './tmall.js';

/**
 * Order-level columns a line file may carry: the 29-column 千牛 variant repeats the order's buyer,
 * receiver, times and money on every sub-order row (as JD does), and 销售明细 exports written by
 * 千牛 and ERPs carry the order's paid amount (买家实付金额 beside the sub-order's own
 * 子单实际支付金额) and shipping. When present they fill the order; refunds and statuses stay per
 * line, where the row's 退款金额 and 订单状态 belong (the order's are derived from its lines).
 */
const ORDER_COLUMNS_ON_LINES = [
  '买家会员名',
  '买家会员ID',
  '买家昵称',
  '买家实际支付金额',
  '买家实付金额',
  '支付金额',
  '实付金额',
  '总金额',
  '买家应付邮费',
  '运费',
  '邮费',
  '收件人姓名',
  '收货人姓名',
  '收货人',
  '收货地址',
  '联系手机',
  '订单付款时间',
  '发货时间',
  '确认收货时间',
  '店铺名称',
  '打款商家金额',
  '卖家服务费',
];

/** Order-level fields such a row states. */
function orderFieldsOf(order: ParsedOrder): Partial<ParsedOrder> {
  const { orderedAt, paidAt, shippedAt, completedAt, currency, goodsFen, shippingFen, totalFen } = order;
  const { paidFen, settlementFen, platformFeeFen, buyer, receiver, buyerNote, sellerNote, shopNameInFile } =
    order;
  return compact({
    orderedAt,
    paidAt,
    shippedAt,
    completedAt,
    currency,
    goodsFen,
    shippingFen,
    totalFen,
    paidFen,
    settlementFen,
    platformFeeFen,
    buyer,
    receiver,
    buyerNote,
    sellerNote,
    shopNameInFile,
  });
}

/** Merges the order part of a row into its line fragment; a problem in either refuses the row. */
function withOrderPart(line: RowResult, order: RowResult): RowResult {
  const seen = new Set(line.problems.map((p) => `${p.row}|${p.column}`));
  const problems = [...line.problems, ...order.problems.filter((p) => !seen.has(`${p.row}|${p.column}`))];
  if (problems.length > 0 || !line.fragment || !order.fragment) return { fragment: null, problems };
  return { fragment: { ...orderFieldsOf(order.fragment), ...line.fragment }, problems };
}

export function createTmallItemsReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '主订单编号', '订单编号'),
    subId: c.find('子订单编号'),
    title: c.find('商品标题', '标题', '宝贝标题'),
    attributes: c.find('商品属性', '规格名称', '颜色/尺码', '销售属性'),
    // Either seller code may be empty: COALESCE(商家编码, 外部系统编号) as the legacy parsers do.
    sku: [c.find('商家编码'), c.find('外部系统编号'), c.find('商品编码')],
    productId: c.find('商品ID'),
    quantity: c.find('购买数量', '数量', '宝贝数量'),
    unitPrice: c.find('价格', '商品价格', '单价'),
    // The sub-order's own paid amount; 买家实付金额 on a line row is the order's (see above).
    paid: c.find('子单实际支付金额', '子订单实付金额', '子订单实际支付金额'),
    refund: c.find('退款金额'),
    refundStatus: c.find('退款状态'),
    status: c.find('订单状态'),
  };
  const digits = minorUnitDigits('CNY');
  const orderPart = ORDER_COLUMNS_ON_LINES.some((name) => c.find(name) !== undefined)
    ? createTmallOrderReader(header, options)
    : null;

  const readLine = (record: SourceRecord): RowResult => {
    const ctx = new RowContext(c, record, options);
    const id = ctx.id(col.id);
    // An empty 子订单编号 falls back to the item key; an Excel-destroyed one refuses the row.
    const subId = ctx.has(col.subId) ? ctx.id(col.subId!) : undefined;
    return finish(ctx, () => {
      const title = ctx.text(col.title);
      const attributes = ctx.text(col.attributes);
      const sku =
        col.sku.map((s) => ctx.text(s)).find((v) => v) ??
        (col.sku.some((s) => s !== undefined) ? null : undefined);
      const statusRaw = ctx.literal(col.status);
      const line: ParsedLine = compact({
        // Without a sub-order id the line is keyed by what identifies the item (numbered when an
        // order lists the same item twice, see line-keys.ts).
        lineKey: subId ?? [sku ?? '', title ?? '', attributes ?? ''].join('|'),
        keyIsPlatformId: subId !== undefined ? true : undefined,
        title,
        sku,
        productId: ctx.text(col.productId),
        attributes,
        quantity: ctx.quantity(col.quantity),
        unitPriceFen: ctx.money(col.unitPrice, { digits }),
        paidFen: ctx.money(col.paid, { digits }),
        refundFen: ctx.money(col.refund, { digits, refund: true }),
        refundStatus: ctx.text(col.refundStatus),
        statusRaw,
        status: statusRaw ? normalizeStatus('tmall', statusRaw) : undefined,
      });
      return { platformOrderId: id!, sourceRows: [record.row], lines: [line] };
    });
  };

  return {
    format: 'tmall-items',
    lineIdColumn: col.subId === undefined ? null : c.display[col.subId]!,
    readRow(record: SourceRecord) {
      const line = readLine(record);
      return orderPart ? withOrderPart(line, orderPart.readRow(record)) : line;
    },
  };
}
