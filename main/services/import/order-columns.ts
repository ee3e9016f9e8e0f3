/**
 * How a ParsedOrder / ParsedLine maps onto table columns. One list per table so insert, update,
 * change detection and undo all agree on the same columns.
 */
import type { ParsedLine, ParsedOrder } from '../../domain/orders/types.js';

type Value = string | number | null;

/** [column, value in the fragment (undefined = the file does not say)] */
export function orderColumnValues(o: ParsedOrder): Array<[string, Value | undefined]> {
  const r = o.receiver;
  return [
    ['status', o.status],
    ['status_raw', o.statusRaw],
    ['created_at', o.createdAt],
    ['paid_at', o.paidAt],
    ['shipped_at', o.shippedAt],
    ['completed_at', o.completedAt],
    ['closed_at', o.closedAt],
    ['currency', o.currency],
    ['goods_fen', o.goodsFen],
    ['shipping_fen', o.shippingFen],
    ['discount_fen', o.discountFen],
    ['total_fen', o.totalFen],
    ['paid_fen', o.paidFen],
    ['refund_fen', o.refundFen],
    ['refund_status', o.refundStatus],
    ['settlement_fen', o.settlementFen],
    ['platform_fee_fen', o.platformFeeFen],
    ['receiver_name', r?.name],
    ['receiver_phone', r?.phone],
    ['receiver_province', r?.province],
    ['receiver_city', r?.city],
    ['receiver_district', r?.district],
    ['receiver_detail', r?.detail],
    ['receiver_address_raw', r?.raw],
    ['buyer_note', o.buyerNote],
    ['seller_note', o.sellerNote],
  ];
}

export function lineColumnValues(l: ParsedLine): Array<[string, Value | undefined]> {
  return [
    ['title', l.title],
    ['sku', l.sku],
    ['product_id', l.productId],
    ['attributes', l.attributes],
    ['quantity', l.quantity],
    ['unit_price_fen', l.unitPriceFen],
    ['paid_fen', l.paidFen],
    ['refund_fen', l.refundFen],
    ['refund_status', l.refundStatus],
    ['status_raw', l.statusRaw],
  ];
}

/** Every data column of orders that a batch may change, including the buyer link. */
export const ORDER_DATA_COLUMNS = [
  'buyer_account_id',
  ...orderColumnValues({ platformOrderId: '', sourceRows: [] }).map(([c]) => c),
];
export const LINE_DATA_COLUMNS = lineColumnValues({ lineKey: '' }).map(([c]) => c);

/** Columns with a NOT NULL default: an insert that does not say uses the default. */
export const ORDER_DEFAULTS: Record<string, Value> = { currency: 'CNY' };
export const LINE_DEFAULTS: Record<string, Value> = { quantity: 1 };

/**
 * An order the buyer paid for: paid (or later), closed after payment (a pay time, or a refund: only
 * paid money can go back), or — when no file said its status — one with a paid amount.
 */
export const PAID_ORDER_SQL = `(paid_at IS NOT NULL OR status IN ('paid', 'shipped', 'completed')
  OR (status = 'closed' AND refund_fen > 0) OR (status IS NULL AND paid_fen > 0))`;

export function isPaidFragment(o: ParsedOrder): boolean | undefined {
  if (o.paidAt) return true;
  if (o.status === 'paid' || o.status === 'shipped' || o.status === 'completed') return true;
  // Closed and refunded without a pay time (拼多多, 抖店 exports have none): paid, then refunded.
  if (o.status === 'closed' && (o.refundFen ?? 0) > 0) return true;
  if (o.paidAt === null || o.status === 'awaiting_payment') return false;
  // Closed with no pay time in the file and nothing refunded: never paid as far as this file says.
  if (o.status === 'closed') return false;
  // A line-level export (Youzan 商品维度) states what was paid but no order status.
  if (o.status === undefined && o.paidFen !== undefined && o.paidFen !== null && o.paidFen > 0) return true;
  return undefined;
}
