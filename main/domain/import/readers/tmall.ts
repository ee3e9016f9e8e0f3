/**
 * Tmall/Taobao 订单报表 (ExportOrderList, 54/61 columns, the 千牛 订单报表 sheet, the Tianchi extract)
 * and the 千牛 发货报表 sheet: one row per ORDER. 宝贝标题/宝贝总数量 summarise the items but do not
 * make lines — lines come from the 宝贝报表/销售明细 file, which may be imported before or after.
 */
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { buyerFrom, finish, receiverFrom, requireIdColumn } from './common.js';

export function createTmallOrderReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '订单编号', '主订单编号'),
    memberName: c.find('买家会员名'),
    memberId: c.find('买家会员ID'),
    nickname: c.find('买家昵称'),
    // The buyer's 支付宝 account: a masked mobile (138****5678) says whose the account is; a masked
    // e-mail (a***@163.com) says nothing.
    alipay: c.find('买家支付宝账号'),
    goods: c.find('买家应付货款'),
    shipping: c.find('买家应付邮费', '运费', '邮费'),
    total: c.find('总金额'),
    // ERP and shop-software exports of the Tmall layout write 支付金额 / 实付金额.
    paid: c.find('买家实际支付金额', '买家实付金额', '支付金额', '实付金额'),
    status: c.find('订单状态'),
    buyerNote: c.find('买家留言'),
    sellerNote: c.find('订单备注', '商家备忘', '卖家备注', '商家备注'),
    receiverName: c.find('收货人姓名', '收件人姓名', '收货人', '收件人'),
    // 修改后的收货地址 is filled only when the buyer changed the address after ordering: it wins.
    address: [c.find('修改后的收货地址'), c.find('收货地址'), c.find('详细地址')],
    phone: [c.find('联系手机'), c.find('联系电话'), c.find('收货人手机'), c.find('手机')],
    orderedAt: c.find('订单创建时间'),
    paidAt: c.find('订单付款时间'),
    shippedAt: c.find('发货时间'),
    completedAt: c.find('确认收货时间'),
    shopName: c.find('店铺名称'),
    sellerFee: c.find('卖家服务费'),
    refund: c.find('退款金额'),
    refundStatus: c.find('退款状态'),
    settlement: c.find('打款商家金额'),
  };
  const digits = minorUnitDigits('CNY');
  const hasMoney = [col.goods, col.total, col.paid, col.refund, col.settlement].some((x) => x !== undefined);

  return {
    format: 'tmall',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const statusRaw = ctx.literal(col.status);
      return finish(ctx, () => ({
        platformOrderId: id!,
        sourceRows: [record.row],
        statusRaw,
        status: statusRaw ? normalizeStatus('tmall', statusRaw) : undefined,
        orderedAt: ctx.date(col.orderedAt),
        paidAt: ctx.date(col.paidAt),
        shippedAt: ctx.date(col.shippedAt),
        completedAt: ctx.date(col.completedAt),
        // A 发货报表 sheet carries no money at all: it must not claim the order is in CNY either.
        currency: hasMoney ? 'CNY' : undefined,
        goodsFen: ctx.money(col.goods, { digits }),
        shippingFen: ctx.money(col.shipping, { digits }),
        totalFen: ctx.money(col.total, { digits }),
        paidFen: ctx.money(col.paid, { digits }),
        // 退款金额 says 无退款申请 when there is none.
        refundFen: ctx.money(col.refund, { digits, refund: true }),
        refundStatus: ctx.text(col.refundStatus),
        settlementFen: ctx.money(col.settlement, { digits }),
        platformFeeFen: ctx.money(col.sellerFee, { digits }),
        buyer: buyerFrom(
          ctx,
          [
            [col.memberName, 'member_name'],
            [col.memberId, 'member_id'],
            [col.nickname, 'nickname'],
          ],
          alipayPhone(ctx.text(col.alipay)),
        ),
        receiver: receiverFrom(ctx, { name: col.receiverName, phone: col.phone, address: col.address }),
        buyerNote: ctx.text(col.buyerNote),
        sellerNote: ctx.text(col.sellerNote),
        shopNameInFile: ctx.text(col.shopName),
      }));
    },
  };
}

/** A 买家支付宝账号 that is a mobile (whole or masked) as the buyer's phone; an e-mail is not one. */
function alipayPhone(text: string | null | undefined): { phone?: string } {
  const value = text?.replace(/^'|[\s-]/g, '');
  return value && /^1[\d*]{10}$/.test(value) ? { phone: value } : {};
}
