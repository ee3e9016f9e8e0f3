/**
 * How a ParsedOrder / ParsedLine maps onto table columns: the one list that staging, the set-based
 * commit, change detection and undo all read, so they always agree on the columns.
 *
 * A column's value in a fragment is `undefined` when the file does not say (the stored value is
 * kept), `null` when it says "empty". Staging records which columns a file states as a bitmask
 * (bit i = column i), because SQL NULL cannot tell the two apart.
 */
import { IDENTITY_FIELDS } from '../../domain/identity/fields.js';
import type { OrderIdentity } from '../../domain/identity/index.js';
import type { DerivedField, ParsedLine, ParsedOrder } from '../../domain/orders/types.js';

export type SqlValue = string | number | null;

export interface OrderColumn {
  name: string;
  /**
   * The fragment's value. `identity` and `email` are the fragment's normalised receiver identity and
   * buyer e-mail (domain/identity orderIdentity, orderEmail), computed once per fragment.
   */
  pick(
    o: ParsedOrder,
    identity: Readonly<OrderIdentity>,
    email: string | null | undefined,
  ): SqlValue | undefined;
  /** How the values two fragments of one order derived from their lines combine (sum, furthest status). */
  combine?: 'sum' | 'status' | 'follows-status';
  /** The fragment field this column is derived from, when it can be (derive.ts). */
  derivedField?: DerivedField;
  /** A receiver identity column: its value is `identity.values[identityIndex]` (read without a call). */
  identityIndex?: number;
}

export interface LineColumn {
  name: string;
  pick(l: ParsedLine): SqlValue | undefined;
}

/**
 * Order columns an import writes, in bit order. `order_date` is computed from `ordered_at` in the
 * shop's time zone (staging fills it; a fragment says it exactly when it says `ordered_at`). The
 * buyer link is resolved from the buyer key at commit and kept apart (see staging.ts).
 */
export const ORDER_COLUMNS: readonly OrderColumn[] = [
  { name: 'status', pick: (o) => o.status, combine: 'status', derivedField: 'status' },
  { name: 'status_raw', pick: (o) => o.statusRaw, combine: 'follows-status', derivedField: 'statusRaw' },
  { name: 'ordered_at', pick: (o) => o.orderedAt },
  { name: 'order_date', pick: () => undefined },
  { name: 'paid_at', pick: (o) => o.paidAt },
  { name: 'shipped_at', pick: (o) => o.shippedAt },
  { name: 'completed_at', pick: (o) => o.completedAt },
  { name: 'closed_at', pick: (o) => o.closedAt },
  { name: 'currency', pick: (o) => o.currency },
  { name: 'goods_fen', pick: (o) => o.goodsFen },
  { name: 'shipping_fen', pick: (o) => o.shippingFen, combine: 'sum', derivedField: 'shippingFen' },
  { name: 'discount_fen', pick: (o) => o.discountFen, combine: 'sum', derivedField: 'discountFen' },
  { name: 'total_fen', pick: (o) => o.totalFen, combine: 'sum', derivedField: 'totalFen' },
  { name: 'paid_fen', pick: (o) => o.paidFen, combine: 'sum', derivedField: 'paidFen' },
  { name: 'refund_fen', pick: (o) => o.refundFen, combine: 'sum', derivedField: 'refundFen' },
  { name: 'refund_status', pick: (o) => o.refundStatus },
  { name: 'settlement_fen', pick: (o) => o.settlementFen },
  { name: 'platform_fee_fen', pick: (o) => o.platformFeeFen },
  { name: 'receiver_name', pick: (o) => o.receiver?.name },
  { name: 'receiver_phone', pick: (o) => o.receiver?.phone },
  { name: 'receiver_province', pick: (o) => o.receiver?.province },
  { name: 'receiver_city', pick: (o) => o.receiver?.city },
  { name: 'receiver_district', pick: (o) => o.receiver?.district },
  { name: 'receiver_detail', pick: (o) => o.receiver?.detail },
  { name: 'receiver_address_raw', pick: (o) => o.receiver?.raw },
  { name: 'buyer_note', pick: (o) => o.buyerNote },
  { name: 'seller_note', pick: (o) => o.sellerNote },
  // The receiver's identity, normalised in the parse worker (domain/identity; the migration says
  // what each holds): stated exactly when the receiver field it comes from is stated.
  ...IDENTITY_FIELDS.map((field, index) => ({
    name: `identity_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
    pick: (_: ParsedOrder, i: Readonly<OrderIdentity>) => i.values[index],
    identityIndex: index,
  })),
  { name: 'identity_email', pick: (_, _i, email) => email },
];

export const LINE_COLUMNS: readonly LineColumn[] = [
  { name: 'title', pick: (l) => l.title },
  { name: 'sku', pick: (l) => l.sku },
  { name: 'product_id', pick: (l) => l.productId },
  { name: 'attributes', pick: (l) => l.attributes },
  { name: 'quantity', pick: (l) => l.quantity },
  { name: 'unit_price_fen', pick: (l) => l.unitPriceFen },
  { name: 'paid_fen', pick: (l) => l.paidFen },
  { name: 'discount_fen', pick: (l) => l.discountFen },
  { name: 'shipping_fen', pick: (l) => l.shippingFen },
  { name: 'refund_fen', pick: (l) => l.refundFen },
  { name: 'refund_status', pick: (l) => l.refundStatus },
  { name: 'status', pick: (l) => l.status },
  { name: 'status_raw', pick: (l) => l.statusRaw },
];

export const ORDER_COLUMN_NAMES = ORDER_COLUMNS.map((c) => c.name);
export const LINE_COLUMN_NAMES = LINE_COLUMNS.map((c) => c.name);
export const ORDER_DATE_BIT = 2 ** ORDER_COLUMN_NAMES.indexOf('order_date');
export const ORDERED_AT_BIT = 2 ** ORDER_COLUMN_NAMES.indexOf('ordered_at');

/** Every data column of orders a batch may change (and undo restores), the buyer link included. */
export const ORDER_DATA_COLUMNS = ['buyer_account_id', ...ORDER_COLUMN_NAMES];
export const LINE_DATA_COLUMNS = LINE_COLUMN_NAMES;

/** Values for a new row where the file does not say (the batch's currency, one piece). */
export const LINE_DEFAULTS: Record<string, SqlValue> = { quantity: 1 };

/**
 * An order the buyer paid for: paid (or later), closed after payment (a pay time, or a refund: only
 * paid money can go back), or — when no file said its status — one with a paid amount. `o` is the
 * alias of the orders (or staged orders) table in the query.
 */
export function paidOrderSql(o: string): string {
  return `(${o}.paid_at IS NOT NULL OR ${o}.status IN ('paid', 'shipped', 'completed')
    OR (${o}.status = 'closed' AND ${o}.refund_fen > 0)
    OR (${o}.status IS NULL AND ${o}.paid_fen > 0))`;
}

/** The order's progress rank for combining statuses in SQL (derive.ts combineLineStatuses). */
export function statusRankSql(expr: string): string {
  return `(CASE ${expr} WHEN 'awaiting_payment' THEN 0 WHEN 'paid' THEN 1 WHEN 'shipped' THEN 2
    WHEN 'completed' THEN 3 WHEN 'closed' THEN -1 ELSE -2 END)`;
}
