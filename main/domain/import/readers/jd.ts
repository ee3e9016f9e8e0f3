/**
 * JD (京东 POP) order export: one row per order LINE, with the order-level money (订单金额, 结算金额,
 * 应付金额, 运费金额) REPEATED on every line of a multi-SKU order. Each fragment sets those order
 * fields — identical on every line, so merging the fragments never double counts — plus its line.
 *
 * Money reading (JD's own labels): 订单金额 = list total before discounts, 结算金额 = what the buyer
 * owed after discounts, 余额支付 = part paid from the JD balance, 应付金额 = the rest paid online,
 * 商家应收 = what JD says the seller receives (with a "系统计算中" note while not final).
 */
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { buyerFrom, compact, finish, receiverFrom, requireIdColumn } from './common.js';

export function createJdReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '订单号', '订单编号'),
    productId: c.find('商品ID', '商品编号'),
    skuId: c.find('商家SKUID'),
    itemNo: c.find('货号'),
    title: c.find('商品名称'),
    quantity: c.find('订购数量', '商品数量'),
    unitPrice: c.find('京东价'),
    orderAmount: c.find('订单金额'),
    owed: c.find('结算金额'),
    balance: c.find('余额支付'),
    payable: c.find('应付金额'),
    shipping: c.find('运费金额'),
    sellerReceivable: c.find('商家应收'),
    status: c.find('订单状态'),
    account: c.find('下单帐号', '下单账号'),
    receiverName: c.find('客户姓名', '收货人姓名', '收货人'),
    phone: [c.find('联系电话'), c.find('手机号'), c.find('收货人电话')],
    address: [c.find('客户地址'), c.find('收货地址')],
    buyerNote: c.find('订单备注'),
    sellerNote: c.find('商家备注'),
    orderedAt: c.find('下单时间'),
    paidAt: c.find('付款确认时间', '付款时间'),
    shippedAt: c.find('订单出库时间', '出库时间'),
    completedAt: c.find('订单完成时间'),
    shopName: c.find('店铺名称'),
  };
  const digits = minorUnitDigits('CNY');

  return {
    format: 'jd',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const statusRaw = ctx.literal(col.status);
      return finish(ctx, () => {
        const status = statusRaw ? normalizeStatus('jd', statusRaw) : undefined;
        const orderAmount = ctx.money(col.orderAmount, { digits });
        const owed = ctx.money(col.owed, { digits });
        const payable = ctx.money(col.payable, { digits });
        const balance = ctx.money(col.balance, { digits });
        const shipping = ctx.money(col.shipping, { digits });
        const total = owed ?? (payable == null ? payable : payable + (balance ?? 0));
        // An unpaid order's 应付金额 is a debt, not a payment.
        const paid = status === 'awaiting_payment' ? 0 : total;
        const productId = ctx.text(col.productId);
        const skuId = ctx.text(col.skuId);
        const title = ctx.text(col.title);
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          // (删除)等待出库 stays verbatim here; normalisation ignores the prefix.
          statusRaw,
          status,
          orderedAt: ctx.date(col.orderedAt),
          paidAt: ctx.date(col.paidAt),
          shippedAt: ctx.date(col.shippedAt),
          completedAt: ctx.date(col.completedAt),
          currency: 'CNY',
          goodsFen: orderAmount != null && shipping != null ? orderAmount - shipping : undefined,
          shippingFen: shipping,
          discountFen:
            orderAmount != null && owed != null && orderAmount >= owed ? orderAmount - owed : undefined,
          totalFen: total,
          paidFen: paid,
          settlementFen: ctx.money(col.sellerReceivable, { digits }),
          buyer: buyerFrom(ctx, [[col.account, 'member_name']]),
          // 联系电话 is masked (1******6198) and kept so; identity work must not key on it.
          receiver: receiverFrom(ctx, { name: col.receiverName, phone: col.phone, address: col.address }),
          buyerNote: ctx.text(col.buyerNote),
          sellerNote: ctx.text(col.sellerNote),
          shopNameInFile: ctx.text(col.shopName),
          lines: [
            compact({
              lineKey: productId ?? skuId ?? title ?? '',
              title,
              productId,
              sku: skuId ?? ctx.text(col.itemNo),
              quantity: ctx.quantity(col.quantity),
              unitPriceFen: ctx.money(col.unitPrice, { digits }),
              statusRaw,
            }),
          ],
        };
      });
    },
  };
}
