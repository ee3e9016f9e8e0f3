/**
 * 有赞 Youzan 订单导出: one row per ORDER, 60 columns with `分销员` twice (columns 40 and 51), `——`
 * in empty cells, unmasked own-shop phones, the address split into 省/市/区 + detail. Stored as
 * UTF-8 with BOM, CRLF (the test fixtures cover the UTF-16 variant; a byte-oriented baseline such
 * as the sqlite3 shell cannot read UTF-16, and the benchmark compares like with like).
 */
import { YOUZAN_ORDERS } from '../../../tests/fixtures/headers.js';
import { RowShape, scrambled, wallTime, yuan, yyyyMMdd } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { hashSeed, type Rng } from '../../lib/prng.js';
import { BUYER_NOTES } from '../vocabulary.js';

const STATUS: Record<OrderState, string> = {
  unpaid: '待付款',
  closed_unpaid: '已关闭',
  paid: '待发货',
  shipped: '已发货',
  completed: '交易成功',
  refunded: '已关闭',
};

const NONE = '——';

/** The receiver and buyer cells of a Youzan row: own-shop data, nothing masked; `——` for none. */
export interface YouzanParty {
  province: string;
  city: string;
  district: string;
  /** 详细收货地址/提货地址 */
  address: string;
  /** 收货人/提货人 */
  receiver: string;
  /** 收货人手机号/提货人手机号 */
  receiverPhone: string;
  /** 买家昵称 */
  nickname: string;
}

/**
 * How one order becomes a Youzan row. `partyOf` is asked after the id is drawn; `buyerPhone` is
 * asked after 买家是否会员: 买家手机号, or `——` when the buyer only has a WeChat nickname.
 */
export function createYouzanLayout() {
  const shape = new RowShape(YOUZAN_ORDERS);
  const c = (name: string) => shape.col(name);
  const col = {
    id: c('订单号'),
    channel: c('销售渠道'),
    shop: c('归属店铺'),
    type: c('订单类型'),
    status: c('订单状态'),
    source: c('订单来源'),
    created: c('订单创建时间'),
    paidAt: c('买家付款时间'),
    completedAt: c('交易成功时间'),
    payMethod: c('付款方式'),
    payNo: c('支付流水号'),
    goods: c('商品金额合计'),
    shipping: c('运费'),
    shopDiscount: c('店铺优惠合计'),
    receivable: c('应收订单金额'),
    paid: c('订单实付金额'),
    payDiscount: c('支付优惠合计'),
    received: c('订单实收金额'),
    titles: c('全部商品名称'),
    kinds: c('商品种类数'),
    delivery: c('订单配送方式'),
    province: c('收货人省份'),
    city: c('收货人城市'),
    district: c('收货人地区'),
    address: c('详细收货地址/提货地址'),
    receiver: c('收货人/提货人'),
    receiverPhone: c('收货人手机号/提货人手机号'),
    buyerNote: c('买家备注'),
    nickname: c('买家昵称'),
    member: c('买家是否会员'),
    buyerPhone: c('买家手机号'),
    distributor: c('分销员'),
    refundStatus: c('订单退款状态'),
    refunded: c('订单已退款金额'),
    sellerNote: c('商家订单备注'),
    risk: c('订单风险标签'),
    distributor2: shape.lastCol('分销员'),
  };
  return {
    header: YOUZAN_ORDERS,
    /** The order's id and its row. */
    row(
      o: SynthOrderBody,
      rng: Rng,
      party: YouzanParty,
      buyerPhone: (rng: Rng) => string,
    ): { id: string; cells: string[] } {
      const row = shape.blank().fill(NONE);
      const id = `E${yyyyMMdd(o.created)}${scrambled(o.seq, 10)}${rng.digits(2)}`;
      row[col.id] = id;
      row[col.channel] = '微商城';
      row[col.shop] = '汇客微商城';
      row[col.type] = '普通订单';
      row[col.status] = STATUS[o.state];
      row[col.source] = rng.chance(0.7) ? '微信小程序' : 'H5';
      row[col.created] = wallTime(o.created);
      row[col.paidAt] = o.paid === null ? NONE : wallTime(o.paid);
      row[col.completedAt] = o.completed === null ? NONE : wallTime(o.completed);
      row[col.payMethod] = o.paid === null ? NONE : '微信支付';
      row[col.payNo] = o.paid === null ? NONE : `4200${rng.digits(24)}`;
      row[col.goods] = yuan(o.goodsFen);
      row[col.shipping] = yuan(o.shippingFen);
      row[col.shopDiscount] = yuan(o.discountFen);
      row[col.receivable] = yuan(o.totalFen);
      row[col.paid] = yuan(o.paidFen);
      row[col.payDiscount] = '0.00';
      row[col.received] = yuan(o.paidFen);
      row[col.titles] = o.lines.map((l) => l.product.title).join(';');
      row[col.kinds] = String(o.lines.length);
      row[col.delivery] = '快递发货';
      row[col.province] = party.province;
      row[col.city] = party.city;
      row[col.district] = party.district;
      row[col.address] = party.address;
      row[col.receiver] = party.receiver;
      row[col.receiverPhone] = party.receiverPhone;
      row[col.buyerNote] = o.buyerNote || NONE;
      row[col.nickname] = party.nickname;
      row[col.member] = rng.chance(0.3) ? '是' : '否';
      row[col.buyerPhone] = buyerPhone(rng);
      row[col.distributor] = rng.chance(0.1) ? '张分销' : NONE;
      row[col.distributor2] = NONE;
      row[col.refundStatus] = o.state === 'refunded' ? '全额退款' : o.refundFen > 0 ? '部分退款' : NONE;
      row[col.refunded] = yuan(o.refundFen);
      row[col.sellerNote] = NONE;
      row[col.risk] = NONE;
      return { id, cells: row };
    },
  };
}

export const youzan: FormatSpec = {
  name: 'youzan',
  label: '有赞 订单导出',
  encoding: 'utf-8-bom',
  eol: '\r\n',
  header: YOUZAN_ORDERS,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createYouzanLayout();
    const factory = new OrderFactory({
      seed: hashSeed(`youzan:${seed}`),
      loginPrefix: 'yz_',
      expectedOrders: size,
      notes: BUYER_NOTES,
    });
    const rng = factory.rng;
    for (let i = 0; i < size; i++) {
      const o = factory.next();
      tally.orders++;
      const b = o.buyer;
      const party: YouzanParty = {
        province: b.place.province,
        city: b.place.city,
        district: b.district,
        address: b.street,
        receiver: b.fullName,
        receiverPhone: b.phone,
        nickname: b.login.slice(3),
      };
      // Most buyers log in with their phone; some only have a WeChat nickname.
      yield layout.row(o, rng, party, (r) => (r.chance(0.85) ? b.phone : NONE)).cells;
    }
  },
};
