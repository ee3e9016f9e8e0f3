/**
 * JD (京东 POP) classic 30-column order export: one row per order LINE with the order's money
 * (订单金额, 结算金额, 应付金额, 运费金额) REPEATED on every line, GBK, CRLF, masked phones written
 * `'1******6198`, the `(删除)` status prefix on a few orders.
 */
import { JD_30 } from '../../../tests/fixtures/headers.js';
import { RowShape, scrambled, wallTime, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState, type SynthOrderBody } from '../orders.js';
import { hashSeed, type Rng } from '../../lib/prng.js';

const STATUS: Record<OrderState, string> = {
  unpaid: '等待付款',
  closed_unpaid: '已取消',
  paid: '等待出库',
  shipped: '等待确认收货',
  completed: '完成',
  refunded: '已取消',
};

/** The buyer and receiver cells of a JD row, as the export shows them (JD masks name and phone). */
export interface JdParty {
  /** 下单帐号 */
  account: string;
  /** 客户姓名 */
  name: string;
  /** 客户地址 */
  address: string;
  /** 联系电话, as written (with the leading `'`). */
  phone: string;
}

/** How one order becomes JD rows: one per line, the order's money repeated on each. */
export function createJdLayout() {
  const shape = new RowShape(JD_30);
  const c = (name: string) => shape.col(name);
  const col = {
    id: c('订单号'),
    productId: c('商品ID'),
    title: c('商品名称'),
    quantity: c('订购数量'),
    payMethod: c('支付方式'),
    created: c('下单时间'),
    price: c('京东价'),
    amount: c('订单金额'),
    owed: c('结算金额'),
    balance: c('余额支付'),
    payable: c('应付金额'),
    status: c('订单状态'),
    type: c('订单类型'),
    account: c('下单帐号'),
    name: c('客户姓名'),
    address: c('客户地址'),
    phone: c('联系电话'),
    invoiceType: c('发票类型'),
    invoiceTitle: c('发票抬头'),
    invoiceContent: c('发票内容'),
    shipping: c('运费金额'),
    paidAt: c('付款确认时间'),
    vat: c('增值税发票'),
    itemNo: c('货号'),
    completed: c('订单完成时间'),
    source: c('订单来源'),
    channel: c('订单渠道'),
  };
  return {
    header: JD_30,
    /** The order's id (as written) and its rows. */
    rows(o: SynthOrderBody, rng: Rng, party: JdParty): { id: string; rows: string[][] } {
      // JD ids are 11-12 digits; these fit in a double, but stay text like every other id here.
      const id = '2' + rng.digits(2) + scrambled(o.seq, 9);
      const deleted = o.state === 'paid' && rng.chance(0.02) ? '(删除)' : '';
      const order = {
        created: wallTime(o.created),
        amount: yuan(o.goodsFen + o.shippingFen),
        owed: yuan(o.totalFen),
        payable: yuan(o.totalFen),
        status: deleted + STATUS[o.state],
        paidAt: o.paid === null ? '' : wallTime(o.paid),
        completed: o.completed === null ? '' : wallTime(o.completed),
        source: rng.chance(0.8) ? '移动端订单' : 'PC端订单',
      };
      const rows: string[][] = [];
      for (const line of o.lines) {
        const row = shape.blank();
        row[col.id] = id;
        row[col.productId] = line.product.productId;
        row[col.title] = `${line.product.title} ${line.variant.split('：')[1] ?? ''}`.trim();
        row[col.quantity] = String(line.quantity);
        row[col.payMethod] = '在线支付';
        row[col.created] = order.created;
        row[col.price] = yuan(line.unitFen);
        row[col.amount] = order.amount;
        row[col.owed] = order.owed;
        row[col.balance] = '0.00';
        row[col.payable] = order.payable;
        row[col.status] = order.status;
        row[col.type] = '销售订单';
        row[col.account] = party.account;
        row[col.name] = party.name;
        row[col.address] = party.address;
        row[col.phone] = party.phone;
        row[col.invoiceType] = '电子发票';
        row[col.invoiceTitle] = '个人';
        row[col.invoiceContent] = '商品明细';
        row[col.shipping] = yuan(o.shippingFen);
        row[col.paidAt] = order.paidAt;
        row[col.vat] = '否';
        row[col.itemNo] = line.product.sku;
        row[col.completed] = order.completed;
        row[col.source] = order.source;
        row[col.channel] = '暂无来源';
        rows.push(row);
      }
      return { id, rows };
    },
  };
}

export const jd: FormatSpec = {
  name: 'jd',
  label: 'JD 订单导出 (30 列)',
  encoding: 'gbk',
  eol: '\r\n',
  header: JD_30,
  version: 1,
  *rows(seed, size, tally) {
    const layout = createJdLayout();
    const factory = new OrderFactory({
      seed: hashSeed(`jd:${seed}`),
      loginPrefix: 'jd_',
      expectedOrders: Math.ceil(size / 1.4),
    });
    const rng = factory.rng;
    let written = 0;
    while (written < size) {
      const o = factory.next(size - written);
      tally.orders++;
      const b = o.buyer;
      const { rows } = layout.rows(o, rng, {
        account: b.login,
        name: b.surname + '*',
        address: `${b.place.tmallProvince} ${b.place.city} ${b.district} ${b.street}`,
        phone: `'${b.phone.slice(0, 1)}******${b.phone.slice(7)}`,
      });
      for (const row of rows) {
        written++;
        yield row;
      }
    }
  },
};
