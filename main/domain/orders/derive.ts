import type { DerivedField, OrderStatus, ParsedLine, ParsedOrder } from './types.js';

/** How far an order has come; a closed line only decides when every line is closed. */
const PROGRESS: Record<OrderStatus, number> = {
  awaiting_payment: 0,
  paid: 1,
  shipped: 2,
  completed: 3,
  closed: -1,
};

/**
 * One status for an order whose platform keeps a status per sub-order (千牛 销售明细, 抖店): the
 * furthest any open line has come — one shipped line makes the order shipped, as Tmall's own
 * 卖家部分发货 does — and closed only when every line is closed (a refunded item, or a free gift
 * closed with its main item, does not close an order whose other items were delivered).
 */
export function combineLineStatuses(statuses: readonly OrderStatus[]): OrderStatus | undefined {
  let best: OrderStatus | undefined;
  for (const s of statuses) {
    if (best === undefined || PROGRESS[s] > PROGRESS[best]) best = s;
  }
  return best;
}

function sumOf(lines: readonly ParsedLine[], pick: (l: ParsedLine) => number | null | undefined) {
  let any = false;
  let sum = 0;
  for (const line of lines) {
    const v = pick(line);
    if (v === undefined || v === null) continue;
    any = true;
    sum += v;
  }
  return any ? sum : undefined;
}

/**
 * Order fields a file states only per line become the order's: the sums of the lines' paid,
 * payable, shipping, discount and refund amounts (抖店 splits every amount over its sub-orders; 千牛
 * 销售明细 and Youzan 商品维度 state refunds per line; a mapped file may map line amounts only), and
 * the lines' combined status. A field the file states for the order itself always wins: it already
 * covers the lines, and adding them would count them twice.
 */
export function deriveOrderFromLines(order: ParsedOrder): ParsedOrder {
  const lines = order.lines;
  if (!lines || lines.length === 0) return order;
  const out: ParsedOrder = { ...order };
  const derived: DerivedField[] = [];
  const sum = (
    field: 'refundFen' | 'paidFen' | 'totalFen' | 'shippingFen' | 'discountFen',
    pick: (l: ParsedLine) => number | null | undefined,
  ) => {
    if (out[field] !== undefined) return;
    const v = sumOf(lines, pick);
    if (v === undefined) return;
    out[field] = v;
    derived.push(field);
  };
  sum('refundFen', (l) => l.refundFen);
  sum('paidFen', (l) => l.paidFen);
  sum('totalFen', (l) => l.payableFen);
  sum('shippingFen', (l) => l.shippingFen);
  sum('discountFen', (l) => l.discountFen);
  if (out.status === undefined) {
    const statuses = lines.flatMap((l) => (l.status ? [l.status] : []));
    const status = combineLineStatuses(statuses);
    if (status) {
      out.status = status;
      derived.push('status');
      if (out.statusRaw === undefined) {
        out.statusRaw = lines.find((l) => l.status === status)?.statusRaw ?? undefined;
        derived.push('statusRaw');
      }
    }
  }
  if (derived.length > 0) out.derived = derived;
  return out;
}
