/**
 * Order fragments → staged rows (staging.ts), in the parse worker: the column values, which of
 * them the fragment states, the buyer and its account identity, and the receiver's normalised
 * identity (domain/identity). Kept apart from the staging tables so the thread that writes the
 * database does not load the identity normalisers and their dictionaries.
 */
import {
  accountIdentity,
  orderEmail,
  orderIdentity,
  receiverAccountKey,
} from '../../domain/identity/index.js';
import type { ParsedBuyer, ParsedOrder } from '../../domain/orders/types.js';
import { LINE_COLUMNS, ORDER_COLUMNS, ORDER_DATE_BIT, type SqlValue } from './order-columns.js';
import {
  BUYER_COLUMNS,
  BUYER_FALLBACK,
  BUYER_NAMED,
  type EncodedLine,
  type EncodedOrder,
} from './staging.js';

const ORDER_DATE_INDEX = ORDER_COLUMNS.findIndex((c) => c.name === 'order_date');
/** Column i's bit in the `stated` and `derived` masks. */
const BITS = ORDER_COLUMNS.map((_, i) => 2 ** i);
/** Where the ORDER_COLUMNS values start in an encoded order. */
const VALUES_AT = 4 + BUYER_COLUMNS.length;

/** An order fragment as staged rows; `localDate` gives the shop-local day of an instant. */
export function encodeOrder(
  order: ParsedOrder,
  localDate: (iso: string) => string,
): { order: EncodedOrder; lines: EncodedLine[] } {
  const derived = order.derived;
  const identity = orderIdentity(order);
  const email = orderEmail(order);
  const row: SqlValue[] = new Array<SqlValue>(VALUES_AT + ORDER_COLUMNS.length);
  let stated = 0;
  let derivedBits = 0;
  for (let i = 0; i < ORDER_COLUMNS.length; i++) {
    const c = ORDER_COLUMNS[i]!;
    const v =
      c.identityIndex === undefined ? c.pick(order, identity, email) : identity.values[c.identityIndex];
    if (v === undefined) {
      row[VALUES_AT + i] = null;
      continue;
    }
    row[VALUES_AT + i] = v;
    if (c.derivedField && derived?.includes(c.derivedField)) derivedBits += BITS[i]!;
    else stated += BITS[i]!;
  }
  // The shop-local day goes with the instant (order_date's own pick never says anything).
  if (order.orderedAt !== undefined) {
    row[VALUES_AT + ORDER_DATE_INDEX] = order.orderedAt === null ? null : localDate(order.orderedAt);
    stated += ORDER_DATE_BIT;
  }
  let buyerSaid = order.buyer === undefined ? 0 : BUYER_NAMED;
  if (order.buyer) writeBuyer(row, order.buyer);
  else {
    const key = receiverAccountKey(identity);
    if (key) buyerSaid = BUYER_FALLBACK;
    // A receiver account has no identity of its own: its orders' receiver identity is it.
    row[4] = key ? 'receiver' : null;
    row[5] = key;
    for (let i = 2; i < BUYER_COLUMNS.length; i++) row[4 + i] = null;
  }
  row[0] = order.platformOrderId;
  row[1] = stated;
  row[2] = derivedBits;
  row[3] = buyerSaid;
  const lines: EncodedLine[] = [];
  for (const line of order.lines ?? []) {
    let lineStated = 0;
    const lineValues = LINE_COLUMNS.map((c, i) => {
      const v = c.pick(line);
      if (v === undefined) return null;
      lineStated += 2 ** i;
      return v;
    });
    lines.push([order.platformOrderId, line.lineKey, lineStated, ...lineValues]);
  }
  return { order: row, lines };
}

/** The staged buyer columns (BUYER_COLUMNS): the buyer as the file names it, and its identity. */
function writeBuyer(row: SqlValue[], b: ParsedBuyer): void {
  const a = accountIdentity(b);
  row[4] = b.kind;
  row[5] = b.key;
  row[6] = b.nickname ?? null;
  row[7] = b.email ?? null;
  row[8] = b.phone ?? null;
  row[9] = a.email;
  row[10] = a.emailPhone;
  row[11] = a.qq;
  row[12] = a.phoneClass;
  row[13] = a.phone;
  row[14] = a.nickname;
  row[15] = a.nicknameGeneric;
}
