/**
 * 抖店 订单管理 → 批量导出: one row per SUB-ORDER (子订单编号) under its order (主订单编号). Every amount
 * is the sub-order's own — 订单应付金额, 运费 and the discounts are split over the sub-orders — so each
 * row becomes a line carrying its amounts, and the order's amounts are the sums over its lines
 * (main/domain/orders/derive.ts). A free gift is a sub-order of 0.00 beside its main item: it adds a
 * line and nothing to the money, and never overwrites its sibling's amounts.
 *
 * Status is per sub-order too; the order's is combined from its lines. Receivers are usually
 * exported as ciphertext (the shop lacks decrypt rights): they are stored as unknown. The export is
 * customisable — any subset of columns in any order — so every column but the order id is optional.
 */
import type { OrderStatus } from '../../orders/types.js';
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { isRefundedText, normalizeStatus } from '../status.js';
import { compact, finish, receiverFrom, requireIdColumn, sumDefined } from './common.js';

export function createDouyinReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '主订单编号'),
    subId: c.find('子订单编号'),
    title: c.find('选购商品', '商品名称'),
    spec: c.find('商品规格'),
    quantity: c.find('商品数量'),
    productId: c.find('商品ID'),
    sku: [c.find('商家编码'), c.find('货号')],
    unitPrice: c.find('商品单价', '商品金额'),
    payable: c.find('订单应付金额'),
    shipping: c.find('运费'),
    totalDiscount: c.find('优惠总金额'),
    discounts: [
      c.find('平台实际承担优惠金额'),
      c.find('商家实际承担优惠金额'),
      c.find('达人实际承担优惠金额'),
    ],
    refund: c.find('退款金额'),
    status: c.find('订单状态'),
    afterSale: c.find('售后状态'),
    orderedAt: c.find('订单提交时间'),
    paidAt: c.find('支付完成时间'),
    completedAt: c.find('订单完成时间'),
    shippedAt: c.find('发货时间'),
    receiverName: c.find('收件人'),
    receiverPhone: c.find('收件人手机号'),
    province: c.find('省'),
    city: c.find('市'),
    district: c.find('区'),
    street: c.find('街道'),
    address: c.find('详细地址'),
    buyerNote: c.find('买家留言'),
    sellerNote: c.find('商家备注'),
  };

  return {
    format: 'douyin',
    lineIdColumn: col.subId === undefined ? null : c.display[col.subId]!,
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const subId = ctx.has(col.subId) ? ctx.id(col.subId!) : undefined;
      const statusRaw = ctx.literal(col.status);
      const afterSale = ctx.text(col.afterSale);
      return finish(ctx, () => {
        const status = statusRaw ? normalizeStatus('douyin', statusRaw) : undefined;
        const payable = ctx.money(col.payable);
        const paidAt = ctx.date(col.paidAt);
        const refunded = isRefundedText(afterSale);
        const paid = payable == null ? payable : wasPaid(status, paidAt, refunded) ? payable : 0;
        const stated = ctx.money(col.refund, { refund: true });
        const title = ctx.text(col.title);
        const spec = ctx.text(col.spec);
        const sku = col.sku.map((s) => ctx.text(s)).find(Boolean) ?? null;
        const productId = ctx.text(col.productId);
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          orderedAt: ctx.date(col.orderedAt),
          paidAt,
          shippedAt: ctx.date(col.shippedAt),
          completedAt: ctx.date(col.completedAt),
          currency: 'CNY',
          receiver: receiverFrom(ctx, {
            name: col.receiverName,
            phone: [col.receiverPhone],
            address: [col.address],
            province: col.province,
            city: col.city,
            district: col.district,
            street: col.street,
          }),
          buyerNote: ctx.text(col.buyerNote),
          sellerNote: ctx.text(col.sellerNote),
          lines: [
            compact({
              lineKey: subId ?? [sku ?? productId ?? '', title ?? '', spec ?? ''].join('|'),
              keyIsPlatformId: subId !== undefined ? true : undefined,
              title,
              sku,
              productId,
              attributes: spec,
              quantity: ctx.quantity(col.quantity),
              unitPriceFen: ctx.money(col.unitPrice),
              payableFen: payable,
              paidFen: paid,
              shippingFen: ctx.money(col.shipping),
              discountFen: ctx.money(col.totalDiscount) ?? sumDefined(col.discounts.map((d) => ctx.money(d))),
              refundFen:
                stated != null ? stated : refunded ? paid : col.afterSale !== undefined ? 0 : undefined,
              refundStatus: afterSale,
              statusRaw,
              status,
            }),
          ],
        };
      });
    },
  };
}

/**
 * Whether the buyer paid for the sub-order. The 支付完成时间 column says so when the export has it;
 * else the status: 待支付 was not paid, 已关闭 without a refund was closed before payment (timed
 * out, cancelled), and a refunded one was paid first.
 */
function wasPaid(status: OrderStatus | undefined, paidAt: string | null | undefined, refunded: boolean) {
  if (paidAt || refunded) return true;
  return status === 'paid' || status === 'shipped' || status === 'completed';
}
