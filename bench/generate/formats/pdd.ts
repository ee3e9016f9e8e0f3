/**
 * 拼多多 订单查询 export, the older 27-column layout: one row per item, the order columns repeated
 * on each item's row of a multi-item order; a leading tab on ids, numbers and dates (PDD's way to
 * keep spreadsheets from mangling them); ids `yyMMdd-` + 15 digits; UTF-8 with BOM, CRLF.
 * Every PDD order was paid (orders exist once the group payment succeeds), so there are no unpaid
 * ones; a cancelled order was refunded in full.
 */
import { PDD_27 } from '../../../tests/fixtures/headers.js';
import { RowShape, scrambled, wallTime, yuan, yyyyMMdd } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { hashSeed, type Rng } from '../../lib/prng.js';

const STATUS: Record<OrderState, string> = {
  unpaid: '待发货',
  closed_unpaid: '已取消，退款成功',
  paid: '待发货',
  shipped: '已发货，待签收',
  completed: '已签收',
  refunded: '未发货，退款成功',
};

const tab = (v: string) => `\t${v}`;

/**
 * The receiver and buyer cells of the 2024+ layout (the 27-column one has none): 收货人 and 手机
 * masked, 用户购买手机号 full or masked, the address split into 省 / 市 / 区 / 街道/镇.
 */
export interface PddParty {
  receiver: string;
  phone: string;
  buyerPhone: string;
  province: string;
  city: string;
  district: string;
  town: string;
}

/**
 * How one order becomes 拼多多 rows: one per item, the order columns repeated. With `PDD_2024` the
 * receiver, 支付时间, 订单创建时间, 商品单价 and 退款金额 columns are filled as well.
 */
export function createPddLayout(header: readonly string[]) {
  const shape = new RowShape(header);
  const c = (name: string) => shape.col(name);
  const col = {
    title: c('商品'),
    id: c('订单号'),
    status: c('订单状态'),
    goods: c('商品总价(元)'),
    shipping: c('邮费(元)'),
    shopDiscount: c('店铺优惠折扣(元)'),
    platformDiscount: c('平台优惠折扣(元)'),
    payDiscount: c('多多支付立减金额(元)'),
    paid: c('用户实付金额(元)'),
    received: c('商家实收金额(元)'),
    quantity: c('商品数量(件)'),
    shippedAt: c('发货时间'),
    completedAt: c('确认收货时间'),
    productId: c('商品id'),
    spec: c('商品规格'),
    styleId: c('样式ID'),
    skuSpec: c('商家编码-规格维度'),
    skuProduct: c('商家编码-商品维度'),
    afterSale: c('售后状态'),
    tracking: c('快递单号'),
    courier: c('快递公司'),
    dealAt: c('订单成交时间'),
    instalment: c('是否分期'),
  };
  const layout2024 = header.includes('用户购买手机号')
    ? {
        reviewing: c('是否审核中'),
        payAt: c('支付时间'),
        createdAt: c('订单创建时间'),
        unitPrice: c('商品单价(元)'),
        refund: c('退款金额(元)'),
        payMethod: c('支付方式'),
        source: c('订单来源'),
        receiver: c('收货人'),
        phone: c('手机'),
        buyerPhone: c('用户购买手机号'),
        province: c('省'),
        city: c('市'),
        district: c('区'),
        town: c('街道/镇'),
      }
    : null;
  return {
    header,
    /** The order's id (as written) and its rows; `party` fills the 2024 layout's receiver columns. */
    rows(o: SynthOrderBody, rng: Rng, party?: PddParty): { id: string; rows: string[][] } {
      // PDD's orders all start paid: an "unpaid" draw of the shared model is simply waiting to ship.
      const dealAt = o.paid ?? o.created + 30;
      // The 15 digits: 5 random, then the position in the file, scrambled (unique).
      const id = tab(`${yyyyMMdd(dealAt).slice(2)}-${rng.digits(5)}${scrambled(o.seq, 10)}`);
      const platformDiscount = o.goodsFen > 3000 && rng.chance(0.3) ? 300 : 0;
      const paid = o.totalFen - platformDiscount;
      const refunded = o.state === 'refunded' || o.state === 'closed_unpaid';
      const order = {
        status: STATUS[o.state],
        goods: tab(yuan(o.goodsFen)),
        shipping: tab(yuan(o.shippingFen)),
        shopDiscount: tab(yuan(o.discountFen)),
        platformDiscount: tab(yuan(platformDiscount)),
        paid: tab(yuan(paid)),
        // The platform's discount is paid to the seller by PDD: the seller receives it too.
        received: tab(yuan(o.totalFen)),
        shippedAt: o.shipped === null ? '' : tab(wallTime(o.shipped)),
        completedAt: o.completed === null ? '' : tab(wallTime(o.completed)),
        afterSale: refunded ? '退款成功' : '无售后或售后取消',
        tracking: o.trackingNo ? tab(o.trackingNo) : '',
        courier: o.courier?.name ?? '',
        dealAt: tab(wallTime(dealAt)),
      };
      const rows: string[][] = [];
      for (const line of o.lines) {
        const row = shape.blank();
        row[col.title] = line.product.title;
        row[col.id] = id;
        row[col.status] = order.status;
        row[col.goods] = order.goods;
        row[col.shipping] = order.shipping;
        row[col.shopDiscount] = order.shopDiscount;
        row[col.platformDiscount] = order.platformDiscount;
        row[col.payDiscount] = tab('0.00');
        row[col.paid] = order.paid;
        row[col.received] = order.received;
        row[col.quantity] = tab(String(line.quantity));
        row[col.shippedAt] = order.shippedAt;
        row[col.completedAt] = order.completedAt;
        row[col.productId] = tab(line.product.productId);
        row[col.spec] = line.variant.split('：')[1] ?? line.variant;
        row[col.styleId] = tab(
          String(9_000_000 + line.product.index * 100 + line.product.variants.indexOf(line.variant)),
        );
        row[col.skuSpec] = `${line.product.sku}-${line.product.variants.indexOf(line.variant) + 1}`;
        row[col.skuProduct] = line.product.sku;
        row[col.afterSale] = order.afterSale;
        row[col.tracking] = order.tracking;
        row[col.courier] = order.courier;
        row[col.dealAt] = order.dealAt;
        row[col.instalment] = '否';
        if (layout2024) {
          const l = layout2024;
          row[l.reviewing] = '否';
          row[l.payAt] = order.dealAt;
          row[l.createdAt] = tab(wallTime(o.created));
          row[l.unitPrice] = tab(yuan(line.unitFen));
          row[l.refund] = tab(yuan(refunded ? paid : 0));
          row[l.payMethod] = '微信支付';
          row[l.source] = '搜索';
          if (party) {
            row[l.receiver] = party.receiver;
            row[l.phone] = party.phone;
            row[l.buyerPhone] = party.buyerPhone;
            row[l.province] = party.province;
            row[l.city] = party.city;
            row[l.district] = party.district;
            row[l.town] = party.town;
          }
        }
        rows.push(row);
      }
      return { id, rows };
    },
  };
}

export const pdd: FormatSpec = {
  name: 'pdd',
  label: '拼多多 订单 (27 列)',
  encoding: 'utf-8-bom',
  eol: '\r\n',
  header: PDD_27,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createPddLayout(PDD_27);
    const factory = new OrderFactory({
      seed: hashSeed(`pdd:${seed}`),
      loginPrefix: 'pdd_',
      expectedOrders: Math.ceil(size / 1.4),
    });
    const rng = factory.rng;
    let written = 0;
    while (written < size) {
      const o = factory.next(size - written);
      tally.orders++;
      for (const row of layout.rows(o, rng).rows) {
        written++;
        yield row;
      }
    }
  },
};
