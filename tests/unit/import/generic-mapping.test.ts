/**
 * The mapping step for layouts no format knows: order-level vs line-level amounts, refunds, and
 * status texts whose meaning the user sets.
 */
import { describe, expect, it } from 'vitest';
import {
  createOrderReader,
  LineKeyRegistry,
  OrderAssembler,
  type ColumnMapping,
} from '../../../main/domain/import/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';

/** Rows of cells (header first) through the generic reader and the assembler, as an import reads them. */
function read(table: string[][], mapping: ColumnMapping): ParsedOrder[] {
  const [header, ...rows] = table;
  const reader = createOrderReader('generic', header!, { mapping, currency: 'CNY' });
  const assembler = new OrderAssembler(reader, new LineKeyRegistry());
  const orders: ParsedOrder[] = [];
  rows.forEach((cells, i) => {
    const { completed, problems } = assembler.push({ row: i + 2, cells });
    expect(problems).toEqual([]);
    if (completed) orders.push(completed);
  });
  const last = assembler.flush();
  if (last) orders.push(last);
  return orders;
}

const LINES = [
  ['单号', '商品', '小计', '商品退款', '状态', '运费'],
  ['A1', '茶壶', '80.00', '0', '已发货', '10.00'],
  ['A1', '茶杯', '40.00', '40.00', '已发货', '10.00'],
  ['A2', '茶叶', '50.00', '', '已退', '0.00'],
  ['A3', '茶盘', '20.00', '', '待审', '0.00'],
];

describe('generic mapping', () => {
  it('adds up line amounts per order when no order amount is mapped; order columns are set once', () => {
    const orders = read(LINES, {
      orderId: '单号',
      title: '商品',
      lineAmount: '小计',
      lineRefundAmount: '商品退款',
      status: '状态',
      shippingAmount: '运费',
    });
    expect(orders[0]).toMatchObject({
      paidFen: 12000,
      refundFen: 4000,
      shippingFen: 1000,
      status: 'shipped',
    });
    expect(orders[0]!.lines!.map((l) => [l.title, l.paidFen, l.refundFen])).toEqual([
      ['茶壶', 8000, 0],
      ['茶杯', 4000, 4000],
    ]);
  });

  it('an order amount, when mapped, wins over the sum of its lines', () => {
    const table = LINES.map((r, i) => [...r, i === 0 ? '实付' : r[0] === 'A1' ? '115.00' : r[2]!]);
    const orders = read(table, { orderId: '单号', title: '商品', lineAmount: '小计', paidAmount: '实付' });
    expect(orders[0]!.paidFen).toBe(11500);
  });

  it('status texts take the meaning the user gave them; "refunded" is paid, then refunded in full', () => {
    const mapping: ColumnMapping = {
      orderId: '单号',
      title: '商品',
      lineAmount: '小计',
      status: '状态',
      statusValues: { 已退: 'refunded', 待审: 'paid' },
    };
    const orders = read(LINES, mapping);
    expect(orders[1]).toMatchObject({ status: 'closed', statusRaw: '已退', paidFen: 5000, refundFen: 5000 });
    expect(orders[2]).toMatchObject({ status: 'paid', statusRaw: '待审' });
    // Without the user's word, 待审 means nothing the importer knows: no status is guessed.
    expect(read(LINES, { ...mapping, statusValues: {} })[2]!.status).toBeUndefined();
  });

  it("a currency column names each row's currency", () => {
    const orders = read(
      [
        ['单号', '金额', '币种'],
        ['B1', '12.00', 'usd'],
        ['B2', '1200', 'JPY'],
      ],
      { orderId: '单号', paidAmount: '金额', currency: '币种' },
    );
    expect(orders.map((o) => [o.currency, o.paidFen])).toEqual([
      ['USD', 1200],
      ['JPY', 1200],
    ]);
  });
});
