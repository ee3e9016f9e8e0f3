import type { OrderStatus, ParsedLine, ParsedOrder } from './types.js';

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
  if (out.refundFen === undefined) {
    const v = sumOf(lines, (l) => l.refundFen);
    if (v !== undefined) out.refundFen = v;
  }
  if (out.paidFen === undefined) {
    const v = sumOf(lines, (l) => l.paidFen);
    if (v !== undefined) out.paidFen = v;
  }
  if (out.totalFen === undefined) {
    const v = sumOf(lines, (l) => l.payableFen);
    if (v !== undefined) out.totalFen = v;
  }
  if (out.shippingFen === undefined) {
    const v = sumOf(lines, (l) => l.shippingFen);
    if (v !== undefined) out.shippingFen = v;
  }
  if (out.discountFen === undefined) {
    const v = sumOf(lines, (l) => l.discountFen);
    if (v !== undefined) out.discountFen = v;
  }
  if (out.status === undefined) {
    const statuses = lines.flatMap((l) => (l.status ? [l.status] : []));
    const status = combineLineStatuses(statuses);
    if (status) {
      out.status = status;
      if (out.statusRaw === undefined) {
        out.statusRaw = lines.find((l) => l.status === status)?.statusRaw ?? undefined;
      }
    }
  }
  return out;
}
