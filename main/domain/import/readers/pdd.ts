/**
 * 拼多多 商家后台 → 订单查询 → 导出: one row per ORDER (older 27-column layout and the 2024+ layout of
 * about 80 columns, read by name). A multi-item order repeats its order columns on each item's row,
 * so the order fields are set (identical on every row, never summed) and each row adds a line.
 *
 * Money (PDD's own definitions): 用户实付金额 = 商品总价 + 邮费 − 店铺优惠 − 平台优惠 − 多多支付立减 is what
 * the buyer paid; 商家实收金额 is what the seller receives before PDD's technical service fee. Both
 * are kept: the profit report needs the second. Only paid orders exist on PDD (an order is created
 * by its group payment), so a cancelled order's money went back to the buyer.
 *
 * PDD writes ids, dates and numbers with a leading tab so spreadsheets keep them as text; cleaning
 * strips it. Ids look like `240315-512345678901234`: the date the order was placed, then a number.
 */
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { isRefundedText, normalizeStatus } from '../status.js';
import { isCiphertext, isMaskedPhone } from '../masks.js';
import { wallTimeToUtc } from '../date-time.js';
import { compact, finish, receiverFrom, requireIdColumn, sumDefined } from './common.js';

/** `240315-512345678901234` → 2024-03-15 (the day PDD issued the id). */
const ID_DATE = /^(\d{2})(\d{2})(\d{2})-\d+$/;

export function createPddReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '订单号', '订单编号'),
    title: c.find('商品', '商品名称'),
    status: c.find('订单状态'),
    afterSale: c.find('售后状态'),
    goods: c.find('商品总价(元)'),
    shipping: c.find('邮费(元)'),
    shopDiscount: c.find('店铺优惠折扣(元)'),
    platformDiscount: c.find('平台优惠折扣(元)'),
    payDiscount: c.find('多多支付立减金额(元)'),
    paid: c.find('用户实付金额(元)'),
    received: c.find('商家实收金额(元)'),
    refund: c.find('退款金额(元)', '退款金额'),
    quantity: c.find('商品数量(件)', '商品数量'),
    unitPrice: c.find('商品单价(元)'),
    productId: c.find('商品id', '商品ID'),
    spec: c.find('商品规格'),
    styleId: c.find('样式ID', '规格id'),
    skuCode: [c.find('商家编码-规格维度'), c.find('商家编码-SKU维度'), c.find('商家编码-商品维度')],
    orderedAt: c.find('订单创建时间', '订单成交时间', '拼单成功时间'),
    dealAt: c.find('订单成交时间'),
    paidAt: c.find('支付时间'),
    shippedAt: c.find('发货时间'),
    completedAt: c.find('确认收货时间'),
    buyerNote: c.find('买家留言'),
    sellerNote: c.find('商家备注'),
    buyerPhone: c.find('用户购买手机号'),
    receiverName: c.find('收货人', '收货人姓名'),
    receiverPhone: [c.find('手机'), c.find('收货人手机号'), c.find('收货人手机'), c.find('联系电话')],
    province: c.find('省'),
    city: c.find('市'),
    district: c.find('区'),
    street: c.find('街道/镇', '街道'),
    address: [c.find('详细地址'), c.find('收货地址')],
  };

  return {
    format: 'pdd',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const statusRaw = ctx.literal(col.status);
      const afterSale = ctx.text(col.afterSale);
      return finish(ctx, () => {
        const status = statusRaw ? normalizeStatus('pdd', statusRaw) : undefined;
        const paid = ctx.money(col.paid);
        const discount = sumDefined([
          ctx.money(col.shopDiscount),
          ctx.money(col.platformDiscount),
          ctx.money(col.payDiscount),
        ]);
        // A cancelled PDD order was paid (PDD creates orders on payment) and refunded in full.
        const refunded = isRefundedText(statusRaw) || isRefundedText(afterSale) || status === 'closed';
        const stated = ctx.money(col.refund, { refund: true });
        const refund = stated != null ? stated : refunded ? paid : 0;
        const placed = ctx.date(col.orderedAt);
        const paidAt = ctx.date(col.paidAt) || ctx.date(col.dealAt);
        // Rows whose time columns are all empty still belong to a day: the one in the order id.
        const fromId = placed || paidAt ? null : dateOfId(id ?? '', options.timezone);
        const buyerPhone = ctx.text(col.buyerPhone);
        const sku = col.skuCode.map((s) => ctx.text(s)).find(Boolean) ?? null;
        const styleId = ctx.text(col.styleId);
        const productId = ctx.text(col.productId);
        const spec = ctx.text(col.spec);
        const title = ctx.text(col.title);
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          statusRaw,
          status,
          orderedAt: placed ?? fromId ?? paidAt,
          paidAt: paidAt ?? fromId,
          shippedAt: ctx.date(col.shippedAt),
          completedAt: ctx.date(col.completedAt),
          currency: 'CNY',
          goodsFen: ctx.money(col.goods),
          shippingFen: ctx.money(col.shipping),
          discountFen: discount,
          totalFen: paid,
          paidFen: paid,
          refundFen: refund,
          refundStatus: afterSale,
          settlementFen: ctx.money(col.received),
          // The buyer's own phone, when PDD shows it unmasked; a masked one identifies nobody.
          buyer:
            col.buyerPhone === undefined
              ? undefined
              : buyerPhone && !isMaskedPhone(buyerPhone) && !isCiphertext(buyerPhone)
                ? { kind: 'phone' as const, key: buyerPhone, phone: buyerPhone }
                : null,
          receiver: receiverFrom(ctx, {
            name: col.receiverName,
            phone: col.receiverPhone,
            address: col.address,
            province: col.province,
            city: col.city,
            district: col.district,
            street: col.street,
          }),
          buyerNote: ctx.text(col.buyerNote),
          sellerNote: ctx.text(col.sellerNote),
          lines: [
            compact({
              lineKey: styleId ?? sku ?? [productId ?? '', spec ?? '', title ?? ''].join('|'),
              title,
              sku,
              productId,
              attributes: spec,
              quantity: ctx.quantity(col.quantity),
              unitPriceFen: ctx.money(col.unitPrice),
              statusRaw,
              status,
            }),
          ],
        };
      });
    },
  };
}

function dateOfId(id: string, timezone: string): string | null {
  const m = ID_DATE.exec(id);
  if (!m) return null;
  const [year, month, day] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return new Date(wallTimeToUtc(Date.UTC(year, month - 1, day), timezone)).toISOString();
}
