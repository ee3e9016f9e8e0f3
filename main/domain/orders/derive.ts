import type { ParsedOrder } from './types.js';

/**
 * An order whose file states refunds only per line (千牛 销售明细, Youzan 商品维度) gets their sum
 * as its refund, so order-level totals never miss them. A file that states the order's own refund
 * always wins: its 退款金额 already includes the lines.
 */
export function withLineRefunds(order: ParsedOrder): ParsedOrder {
  if (order.refundFen !== undefined || !order.lines) return order;
  const stated = order.lines.filter((l) => l.refundFen !== undefined && l.refundFen !== null);
  if (stated.length === 0) return order;
  return { ...order, refundFen: stated.reduce((sum, l) => sum + (l.refundFen ?? 0), 0) };
}
