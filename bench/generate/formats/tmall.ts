/**
 * Tmall/Taobao 订单报表 (ExportOrderList): one row per ORDER, 62 columns (the 61-column layout plus
 * 直播返现状态, which later exports append), GBK without BOM, CRLF, `="…"` order ids of 19 digits,
 * `'` before phones, 无退款申请 in 退款金额, `元` after 打款商家金额, empty pay time when unpaid.
 */
import { TMALL_ORDER_61 } from '../../../tests/fixtures/headers.js';
import { RowShape, scrambled, wallTime, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { Rng, hashSeed } from '../../lib/prng.js';
import { BUYER_NOTES } from '../vocabulary.js';

const HEADER = [...TMALL_ORDER_61, '直播返现状态'];

const STATUS: Record<OrderState, string> = {
  unpaid: '等待买家付款',
  closed_unpaid: '交易关闭',
  paid: '买家已付款，等待卖家发货',
  shipped: '卖家已发货，等待买家确认',
  completed: '交易成功',
  refunded: '交易关闭',
};

/**
 * A 19-digit order id, built as text: a prefix digit (one per generated file, so two files never
 * share ids), random digits, then the order's position scrambled (unique within the file).
 */
export function tmallOrderId(prefix: string, order: SynthOrderBody, rng: Rng): string {
  return prefix + rng.digits(8) + scrambled(order.seq, 10);
}

/**
 * The buyer and receiver cells of one 订单报表 row, as the export shows them (masked by Tmall). The
 * layout asks for them right after drawing the order id, so callers that draw some of them from
 * the file's stream keep one fixed order of draws.
 */
export interface TmallParty {
  /** 买家会员名 */
  member: string;
  /** 买家支付宝账号 */
  alipay: string;
  /** 收货人姓名 */
  receiverName: string;
  /** 收货地址: the parts space-separated. */
  address: string;
  /** 联系手机, as written (with the leading `'`). */
  mobile: string;
}

/** How one order becomes one 订单报表 row. `idPrefix` is one digit per file, so files never share ids. */
export function createTmallLayout(idPrefix: string) {
  const shape = new RowShape(HEADER);
  const c = (name: string) => shape.col(name);
  const col = {
    id: c('订单编号'),
    member: c('买家会员名'),
    alipay: c('买家支付宝账号'),
    payNo: c('支付单号'),
    payDetail: c('支付详情'),
    goods: c('买家应付货款'),
    shipping: c('买家应付邮费'),
    points: c('买家支付积分'),
    total: c('总金额'),
    rebate: c('返点积分'),
    paid: c('买家实际支付金额'),
    paidPoints: c('买家实际支付积分'),
    status: c('订单状态'),
    note: c('买家留言'),
    receiver: c('收货人姓名'),
    address: c('收货地址'),
    shipMethod: c('运送方式'),
    mobile: c('联系手机'),
    created: c('订单创建时间'),
    paidAt: c('订单付款时间'),
    titles: c('宝贝标题'),
    kinds: c('宝贝种类'),
    tracking: c('物流单号'),
    courier: c('物流公司'),
    quantity: c('宝贝总数量'),
    shopId: c('店铺Id'),
    shop: c('店铺名称'),
    closeReason: c('订单关闭原因'),
    sellerFee: c('卖家服务费'),
    buyerFee: c('买家服务费'),
    mobileOrder: c('是否手机订单'),
    contract: c('是否上传合同照片'),
    receipt: c('是否上传小票'),
    proxyPay: c('是否代付'),
    coupon: c('天猫卡券抵扣'),
    jfb: c('集分宝抵扣'),
    o2o: c('是否是O2O交易'),
    refund: c('退款金额'),
    confirmed: c('确认收货时间'),
    settlement: c('打款商家金额'),
    redPacket: c('含应开票给个人的个人红包'),
    credit: c('是否信用购'),
    delivery: c('配送类型'),
    liveCashback: c('直播返现状态'),
  };
  return {
    header: HEADER,
    /** The order's id as the file writes it (`="…"`) and its row. */
    row(o: SynthOrderBody, rng: Rng, partyOf: (rng: Rng) => TmallParty): { id: string; cells: string[] } {
      const row = shape.blank();
      const id = `="${tmallOrderId(idPrefix, o, rng)}"`;
      const party = partyOf(rng);
      const quantity = o.lines.reduce((n, l) => n + l.quantity, 0);
      // 主订单编号 is filled only for split orders, which this generator does not make.
      row[col.id] = id;
      row[col.member] = party.member;
      row[col.alipay] = party.alipay;
      row[col.goods] = yuan(o.goodsFen);
      row[col.shipping] = yuan(o.shippingFen);
      row[col.points] = '0';
      row[col.total] = yuan(o.totalFen);
      row[col.rebate] = '0';
      row[col.paid] = yuan(o.paidFen);
      row[col.paidPoints] = '0';
      row[col.status] = STATUS[o.state];
      row[col.note] = o.buyerNote;
      row[col.receiver] = party.receiverName;
      row[col.address] = party.address;
      row[col.shipMethod] = '快递';
      row[col.mobile] = party.mobile;
      row[col.created] = wallTime(o.created);
      row[col.paidAt] = o.paid === null ? '' : wallTime(o.paid);
      row[col.titles] = o.lines.map((l) => l.product.title).join('，');
      row[col.kinds] = String(o.lines.length);
      row[col.tracking] = o.trackingNo;
      row[col.courier] = o.courier?.name ?? '';
      row[col.quantity] = String(quantity);
      row[col.shopId] = '57300012';
      row[col.shop] = '汇客旗舰店';
      row[col.sellerFee] = yuan(o.feeFen);
      row[col.buyerFee] = '0.00';
      row[col.mobileOrder] = rng.chance(0.85) ? '手机订单' : '';
      row[col.contract] = '否';
      row[col.receipt] = '否';
      row[col.proxyPay] = '否';
      row[col.coupon] = '0.00';
      row[col.jfb] = '0.00';
      row[col.o2o] = '否';
      row[col.redPacket] = '0.00';
      row[col.credit] = '否';
      row[col.delivery] = '快递';
      row[col.liveCashback] = '';
      if (o.paid !== null) {
        const payNo = `2024${rng.digits(24)}`;
        row[col.payNo] = payNo;
        // Filled by a minority of shops' exports; its text is long, so it shapes the file size.
        if (rng.chance(0.1))
          row[col.payDetail] = `支付方式：支付宝，支付单号：${payNo}，金额：${yuan(o.paidFen)}；`;
      }
      if (o.state === 'closed_unpaid') row[col.closeReason] = '买家不想买了';
      if (o.state === 'refunded') row[col.closeReason] = '买家退款';
      // 退款金额 says 无退款申请 when no refund was ever asked for, 0.00 when one was and came to nothing.
      row[col.refund] = o.refundFen > 0 ? yuan(o.refundFen) : rng.chance(0.9) ? '无退款申请' : '0.00';
      if (o.completed !== null) row[col.confirmed] = wallTime(o.completed);
      if (o.state === 'completed') row[col.settlement] = `${yuan(o.paidFen - o.refundFen - o.feeFen)}元`;
      else if (o.state === 'refunded') row[col.settlement] = '0.00元';
      return { id, cells: row };
    },
  };
}

export const tmall: FormatSpec = {
  name: 'tmall',
  label: 'Tmall 订单报表',
  encoding: 'gbk',
  eol: '\r\n',
  header: HEADER,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createTmallLayout('3');
    const factory = new OrderFactory({
      seed: hashSeed(`tmall:${seed}`),
      loginPrefix: 'tb_',
      expectedOrders: size,
      notes: BUYER_NOTES,
    });
    const rng = factory.rng;
    for (let i = 0; i < size; i++) {
      const o = factory.next();
      tally.orders++;
      const b = o.buyer;
      yield layout.row(o, rng, (r) => ({
        member: b.login,
        alipay: r.chance(0.5) ? `${b.maskedPhone}` : `${b.login.slice(3, 4)}***@163.com`,
        receiverName: b.maskedName,
        address: `${b.place.tmallProvince} ${b.place.city} ${b.district} ${b.street}`,
        mobile: `'${b.maskedPhone}`,
      })).cells;
    }
  },
};
