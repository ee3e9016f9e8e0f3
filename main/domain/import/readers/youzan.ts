/**
 * 有赞 Youzan exports. 订单导出 is one row per ORDER; the 商品维度 export is one row per LINE with the
 * order's paid amount, receiver and buyer repeated (identical on each line, like JD). The header
 * decides which. Youzan fills empty cells with `——` and writes `分销员` twice (columns are read by
 * index, so the duplicate is harmless). Own-shop phones are unmasked: the buyer key is the phone.
 */
import type { ParsedLine } from '../../orders/types.js';
import type { OrderReader, OrderReaderOptions, SourceRecord } from '../reader-types.js';
import { ColumnIndex } from '../header-names.js';
import { RowContext } from '../row-context.js';
import { normalizeStatus } from '../status.js';
import { minorUnitDigits } from '../money.js';
import { canonicalProvince, parseChineseAddress } from '../address.js';
import { buyerFrom, compact, finish, requireIdColumn } from './common.js';

export function createYouzanReader(header: readonly string[], options: OrderReaderOptions): OrderReader {
  const c = new ColumnIndex(header);
  const col = {
    id: requireIdColumn(c, '订单号'),
    shop: c.find('归属店铺'),
    status: c.find('订单状态'),
    orderedAt: c.find('订单创建时间'),
    paidAt: c.find('买家付款时间'),
    completedAt: c.find('交易成功时间'),
    goods: c.find('商品金额合计'),
    shipping: c.find('运费'),
    discount: c.find('店铺优惠合计'),
    total: c.find('应收订单金额'),
    paid: c.find('订单实付金额'),
    refund: c.find('订单已退款金额'),
    refundStatus: c.find('订单退款状态'),
    province: c.find('收货人省份'),
    city: c.find('收货人城市'),
    district: c.find('收货人地区'),
    address: c.find('详细收货地址/提货地址'),
    receiverName: c.find('收货人/提货人'),
    receiverPhone: c.find('收货人手机号/提货人手机号'),
    buyerPhone: c.find('买家手机号'),
    nickname: c.find('买家昵称'),
    buyerName: c.find('买家姓名'),
    buyerNote: c.find('买家备注'),
    sellerNote: c.find('商家订单备注'),
    // 商品维度 columns
    lineTitle: c.find('商品名称'),
    lineSku: c.find('商品编码'),
    lineSpec: c.find('商品规格'),
    linePrice: c.find('商品单价'),
    lineQuantity: c.find('商品数量'),
    lineStatus: c.find('订单商品状态'),
    lineRefund: c.find('商品已退款金额'),
    lineRefundStatus: c.find('商品退款状态'),
  };
  const lineLevel = [col.linePrice, col.lineQuantity, col.lineStatus].some((x) => x !== undefined);
  const digits = minorUnitDigits('CNY');

  return {
    format: 'youzan',
    readRow(record: SourceRecord) {
      const ctx = new RowContext(c, record, options);
      const id = ctx.id(col.id);
      const statusRaw = ctx.literal(col.status);
      return finish(ctx, () => {
        const detail = ctx.text(col.address);
        const hasSplitAddress = col.province !== undefined;
        // The line export has only the detailed address: parse it like other Chinese addresses.
        const parsed = hasSplitAddress ? null : parseChineseAddress(detail);
        const province = ctx.text(col.province);
        const nickname = ctx.text(col.nickname);
        return {
          platformOrderId: id!,
          sourceRows: [record.row],
          statusRaw,
          status: statusRaw ? normalizeStatus('youzan', statusRaw) : undefined,
          orderedAt: ctx.date(col.orderedAt),
          paidAt: ctx.date(col.paidAt),
          completedAt: ctx.date(col.completedAt),
          currency: 'CNY',
          goodsFen: ctx.money(col.goods, { digits }),
          shippingFen: ctx.money(col.shipping, { digits }),
          discountFen: ctx.money(col.discount, { digits }),
          totalFen: ctx.money(col.total, { digits }),
          paidFen: ctx.money(col.paid, { digits }),
          refundFen: ctx.money(col.refund, { digits, refund: true }),
          refundStatus: ctx.text(col.refundStatus),
          buyer: buyerFrom(
            ctx,
            [
              [col.buyerPhone, 'phone'],
              [col.nickname, 'nickname'],
            ],
            compact({ phone: ctx.text(col.buyerPhone), nickname: nickname ?? ctx.text(col.buyerName) }),
          ),
          receiver:
            col.receiverName === undefined && col.receiverPhone === undefined && col.address === undefined
              ? undefined
              : compact({
                  name: ctx.text(col.receiverName),
                  phone: ctx.text(col.receiverPhone),
                  province: hasSplitAddress ? (canonicalProvince(province) ?? province) : parsed?.province,
                  city: hasSplitAddress ? ctx.text(col.city) : parsed?.city,
                  district: hasSplitAddress ? ctx.text(col.district) : parsed?.district,
                  detail: hasSplitAddress ? detail : parsed?.detail,
                  raw: col.address === undefined ? undefined : detail,
                }),
          buyerNote: ctx.text(col.buyerNote),
          sellerNote: ctx.text(col.sellerNote),
          shopNameInFile: ctx.text(col.shop),
          lines: lineLevel ? [youzanLine(ctx)] : undefined,
        };
      });

      function youzanLine(ctx: RowContext): ParsedLine {
        const title = ctx.text(col.lineTitle);
        const sku = ctx.text(col.lineSku);
        const spec = ctx.text(col.lineSpec);
        return compact({
          lineKey: [sku ?? '', title ?? '', spec ?? ''].join('|'),
          title,
          sku,
          attributes: spec,
          quantity: ctx.quantity(col.lineQuantity),
          unitPriceFen: ctx.money(col.linePrice, { digits }),
          refundFen: ctx.money(col.lineRefund, { digits, refund: true }),
          refundStatus: ctx.text(col.lineRefundStatus),
          statusRaw: ctx.literal(col.lineStatus),
        });
      }
    },
  };
}
