/**
 * Tmall/Taobao 宝贝报表 (ExportOrderDetailList): one row per order LINE, 10 columns, GBK, CRLF,
 * `="…"` ids. It carries no order money: 价格 is the unit list price. Its orders are its own (id
 * prefix 4), not those of the generated 订单报表, so each file measures its own import.
 */
import { TMALL_ITEMS } from '../../../tests/fixtures/headers.js';
import { RowShape, yuan } from '../cells.js';
import type { FormatSpec } from '../format-spec.js';
import { OrderFactory, type OrderState } from '../orders.js';
import { hashSeed } from '../../lib/prng.js';
import { tmallOrderId } from './tmall.js';

const STATUS: Record<OrderState, string> = {
  unpaid: '等待买家付款',
  closed_unpaid: '交易关闭',
  paid: '买家已付款，等待卖家发货',
  shipped: '卖家已发货，等待买家确认',
  completed: '交易成功',
  refunded: '交易关闭',
};

export const tmallItems: FormatSpec = {
  name: 'tmall-items',
  label: 'Tmall 宝贝报表',
  encoding: 'gbk',
  eol: '\r\n',
  header: TMALL_ITEMS,
  version: 1,
  *rows(seed, size, tally) {
    const shape = new RowShape(TMALL_ITEMS);
    const c = (name: string) => shape.col(name);
    const col = {
      id: c('订单编号'),
      title: c('标题'),
      price: c('价格'),
      quantity: c('购买数量'),
      external: c('外部系统编号'),
      attributes: c('商品属性'),
      status: c('订单状态'),
      sku: c('商家编码'),
    };
    // About 1.4 lines per order.
    const factory = new OrderFactory({
      seed: hashSeed(`tmall-items:${seed}`),
      loginPrefix: 'tb_',
      expectedOrders: Math.ceil(size / 1.4),
    });
    const rng = factory.rng;
    let written = 0;
    while (written < size) {
      const o = factory.next(size - written);
      tally.orders++;
      const id = `="${tmallOrderId('4', o, rng)}"`;
      for (const line of o.lines) {
        const row = shape.blank();
        row[col.id] = id;
        row[col.title] = line.product.title;
        row[col.price] = yuan(line.unitFen);
        row[col.quantity] = String(line.quantity);
        // Sellers fill either code; importers fall back from 商家编码 to 外部系统编号.
        if (rng.chance(0.3)) row[col.external] = line.product.sku;
        else row[col.sku] = line.product.sku;
        row[col.attributes] = line.variant;
        row[col.status] = STATUS[o.state];
        written++;
        yield row;
      }
    }
  },
};
