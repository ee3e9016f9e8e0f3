/**
 * 抖店 订单管理 → 批量导出: one row per SUB-ORDER (子订单编号) under its 主订单编号, every amount the
 * sub-order's own (the order's shipping and discount sit on its dearest sub-order), a free gift
 * sub-order (0.00) beside some main items, receivers as ciphertext (the shop has no decrypt
 * rights), ids and titles with a leading tab, UTF-8 with BOM, LF.
 */
import { DOUYIN_EXTENDED } from '../../../tests/fixtures/headers.js';
import { RowShape, padded, scrambled, wallTime, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { hashSeed, type Rng } from '../../lib/prng.js';

const STATUS: Record<OrderState, string> = {
  unpaid: '待支付',
  closed_unpaid: '已关闭',
  paid: '备货中',
  shipped: '已发货',
  completed: '已完成',
  refunded: '已关闭',
};

const tab = (v: string) => `\t${v}`;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Ciphertext in the shapes 抖店 uses: #…#, $…$1$, ~…~==~. */
function cipher(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += B64[rng.int(0, 63)];
  return out;
}

/** The receiver cells of an 抖店 row: ciphertext without decrypt rights, else masked values. */
export interface DouyinParty {
  receiver: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  /** 街道 */
  street: string;
  /** 详细地址 */
  address: string;
  /** Picks the 达人 of a live-stream order (达人ID = 88000 + creator % 50). */
  creator: number;
}

/** 抖店 ciphertext in the shapes it uses: `#…#` (name), `$…$1$` (phone), `~…==~` (address). */
export function douyinCiphertext(rng: Rng): Pick<DouyinParty, 'receiver' | 'phone' | 'address' | 'street'> {
  return {
    receiver: `#${cipher(rng, 12)}#`,
    phone: `$${cipher(rng, 16)}$1$`,
    address: `~${cipher(rng, 20)}==~`,
    street: '##密文',
  };
}

/**
 * How one order becomes 抖店 rows: one per sub-order. `partyOf` is asked right after the id and
 * the live-stream draw; `giftFits` says whether the row budget leaves room for a gift sub-order.
 */
export function createDouyinLayout() {
  const shape = new RowShape(DOUYIN_EXTENDED);
  const c = (name: string) => shape.col(name);
  const col = {
    id: c('主订单编号'),
    subId: c('子订单编号'),
    title: c('选购商品'),
    spec: c('商品规格'),
    quantity: c('商品数量'),
    productId: c('商品ID'),
    sku: c('商家编码'),
    price: c('商品单价'),
    payable: c('订单应付金额'),
    shipping: c('运费'),
    platformDiscount: c('平台实际承担优惠金额'),
    shopDiscount: c('商家实际承担优惠金额'),
    creatorDiscount: c('达人实际承担优惠金额'),
    receiver: c('收件人'),
    phone: c('收件人手机号'),
    province: c('省'),
    city: c('市'),
    district: c('区'),
    street: c('街道'),
    address: c('详细地址'),
    created: c('订单提交时间'),
    paidAt: c('支付完成时间'),
    completedAt: c('订单完成时间'),
    shippedAt: c('发货时间'),
    status: c('订单状态'),
    afterSale: c('售后状态'),
    cancelReason: c('取消原因'),
    creatorId: c('达人ID'),
    creatorName: c('达人昵称'),
    traffic: c('流量来源'),
  };
  return {
    header: DOUYIN_EXTENDED,
    /** The main order id (as written) and its sub-order rows. */
    rows(
      o: SynthOrderBody,
      rng: Rng,
      partyOf: (rng: Rng) => DouyinParty,
      giftFits: boolean,
    ): { id: string; rows: string[][] } {
      // 19 digits; the first 17 are unique per order, the sub-orders replace the last two.
      const mainId = '69' + rng.digits(5) + scrambled(o.seq, 10) + rng.digits(2);
      const live = rng.chance(0.4);
      const party = partyOf(rng);
      const shared = {
        created: wallTime(o.created),
        paidAt: o.paid === null ? '' : wallTime(o.paid),
        completedAt: o.completed === null ? '' : wallTime(o.completed),
        shippedAt: o.shipped === null ? '' : wallTime(o.shipped),
        status: STATUS[o.state],
        afterSale: o.state === 'refunded' ? '退款成功' : '-',
        cancelReason:
          o.state === 'closed_unpaid' ? '超时未支付' : o.state === 'refunded' ? '买家申请退款' : '',
      };
      // A gift sub-order rides along with some orders, when the row budget leaves room for it.
      const gift = giftFits && rng.chance(0.03);
      // The order's shipping and shop discount are carried by one sub-order: the dearest, so its
      // amount stays positive.
      let carrier = 0;
      o.lines.forEach((l, i) => {
        const best = o.lines[carrier]!;
        if (l.unitFen * l.quantity > best.unitFen * best.quantity) carrier = i;
      });
      const subOrders = o.lines.map((line, i) => ({
        title: line.product.title,
        spec: line.variant.split('：')[1] ?? line.variant,
        quantity: line.quantity,
        productId: line.product.productId,
        sku: line.product.sku,
        unitFen: line.unitFen,
        payableFen: line.unitFen * line.quantity + (i === carrier ? o.shippingFen - o.discountFen : 0),
        shippingFen: i === carrier ? o.shippingFen : 0,
        discountFen: i === carrier ? o.discountFen : 0,
      }));
      if (gift) {
        subOrders.push({
          title: '【赠品】汇客杯刷',
          spec: '',
          quantity: 1,
          productId: '3600000999',
          sku: 'GIFT-BRUSH',
          unitFen: 0,
          payableFen: 0,
          shippingFen: 0,
          discountFen: 0,
        });
      }
      const rows: string[][] = [];
      for (const [i, s] of subOrders.entries()) {
        const row = shape.blank();
        row[col.id] = tab(mainId);
        row[col.subId] = tab(mainId.slice(0, 17) + padded(i + 1, 2));
        row[col.title] = tab(s.title);
        row[col.spec] = s.spec;
        row[col.quantity] = String(s.quantity);
        row[col.productId] = tab(s.productId);
        row[col.sku] = s.sku;
        row[col.price] = yuan(s.unitFen);
        row[col.payable] = yuan(s.payableFen);
        row[col.shipping] = yuan(s.shippingFen);
        row[col.platformDiscount] = '0.00';
        row[col.shopDiscount] = yuan(s.discountFen);
        row[col.creatorDiscount] = '0.00';
        row[col.receiver] = party.receiver;
        row[col.phone] = party.phone;
        row[col.province] = party.province;
        row[col.city] = party.city;
        row[col.district] = party.district;
        row[col.street] = party.street;
        row[col.address] = party.address;
        row[col.created] = shared.created;
        row[col.paidAt] = shared.paidAt;
        row[col.completedAt] = shared.completedAt;
        row[col.shippedAt] = shared.shippedAt;
        row[col.status] = shared.status;
        row[col.afterSale] = shared.afterSale;
        row[col.cancelReason] = shared.cancelReason;
        if (live) {
          row[col.creatorId] = String(88000 + (party.creator % 50));
          row[col.creatorName] = '茶友小张';
          row[col.traffic] = '直播';
        } else {
          row[col.traffic] = '商品卡';
        }
        rows.push(row);
      }
      return { id: tab(mainId), rows };
    },
  };
}

export const douyin: FormatSpec = {
  name: 'douyin',
  label: '抖店 订单 (子订单)',
  encoding: 'utf-8-bom',
  eol: '\n',
  header: DOUYIN_EXTENDED,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createDouyinLayout();
    const factory = new OrderFactory({
      seed: hashSeed(`douyin:${seed}`),
      loginPrefix: 'dy_',
      expectedOrders: Math.ceil(size / 1.45),
    });
    const rng = factory.rng;
    let written = 0;
    while (written < size) {
      const o = factory.next(size - written);
      tally.orders++;
      const b = o.buyer;
      const { rows } = layout.rows(
        o,
        rng,
        (r) => ({
          ...douyinCiphertext(r),
          province: b.place.province,
          city: b.place.city,
          district: b.district,
          creator: b.index,
        }),
        written + o.lines.length < size,
      );
      for (const row of rows) {
        written++;
        yield row;
      }
    }
  },
};
