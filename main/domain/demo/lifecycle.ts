/**
 * An order's life from creation to the end date: payment (or not), shipping, confirmation,
 * refunds, and the platform's fee and settlement. Times are epoch seconds; nothing happens after
 * `now` (the end of the last day), so recent orders are still paid or shipped.
 */

import type { OrderStatus } from '../orders/types.js';
import { isoOfEpoch, type DemoPlatform } from './calendar.js';
import type { Basket } from './basket.js';
import type { Rng } from './prng.js';

export interface Lifecycle {
  status: OrderStatus;
  statusRaw: string;
  orderedAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  paidFen: number;
  refundFen: number;
  refundStatus: string | null;
  settlementFen?: number | null;
  platformFeeFen?: number | null;
}

export const STATUS_RAW: Readonly<Record<DemoPlatform, Readonly<Record<OrderStatus, string>>>> = {
  tmall: {
    awaiting_payment: '等待买家付款',
    paid: '买家已付款，等待卖家发货',
    shipped: '卖家已发货，等待买家确认',
    completed: '交易成功',
    closed: '交易关闭',
  },
  jd: {
    awaiting_payment: '等待付款',
    paid: '等待出库',
    shipped: '等待确认收货',
    completed: '完成',
    closed: '已取消',
  },
  youzan: {
    awaiting_payment: '待付款',
    paid: '待发货',
    shipped: '已发货',
    completed: '交易成功',
    closed: '已关闭',
  },
};

const UNPAID_SHARE = 0.045;
/** Orders of the last two days are often still waiting for payment at export time. */
const RECENT_UNPAID_SHARE = 0.15;
const RECENT = 2 * 86_400;
const REFUND_SHARE = 0.068;
/** Tmall: 0.6% basic software fee + 5% category commission; JD POP: 8% commission. */
const TMALL_FEE_RATE = 0.056;
const JD_FEE_RATE = 0.08;
const HOUR = 3600;
const DAY = 86_400;
const REFUND_OK = '退款成功';

/** Hours from payment to the parcel leaving the warehouse. */
const SHIP_HOURS: Readonly<Record<DemoPlatform, [number, number]>> = {
  tmall: [3, 60],
  jd: [1, 26],
  youzan: [4, 72],
};

export function drawLifecycle(
  rng: Rng,
  platform: DemoPlatform,
  created: number,
  now: number,
  basket: Basket,
): Lifecycle {
  const raw = STATUS_RAW[platform];
  const paidAt = created + Math.round(rng.gamma(2, 45)) + 3;

  if (rng.chance(now - created < RECENT ? RECENT_UNPAID_SHARE : UNPAID_SHARE) || paidAt > now) {
    // Never paid: closed by the platform after its payment window, or still waiting near the end.
    const closedAt = created + rng.int(15 * 60, 48 * HOUR);
    const waiting = closedAt > now;
    const status: OrderStatus = waiting ? 'awaiting_payment' : 'closed';
    const life: Lifecycle = {
      status,
      statusRaw: raw[status],
      orderedAt: isoOfEpoch(created),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      closedAt: waiting ? null : isoOfEpoch(closedAt),
      paidFen: 0,
      refundFen: 0,
      refundStatus: null,
    };
    setFees(life, platform);
    return life;
  }

  const paid = basket.totalFen;
  const [minShip, maxShip] = SHIP_HOURS[platform];
  const shipped = paidAt + Math.round((minShip + (maxShip - minShip) * rng.next() ** 1.6) * HOUR);
  const completed = Math.max(shipped + DAY, paidAt + rng.int(3 * DAY, 10 * DAY));

  let status: OrderStatus = shipped > now ? 'paid' : completed > now ? 'shipped' : 'completed';
  let closedAt: number | null = null;
  let refundFen = 0;

  if (rng.chance(REFUND_SHARE)) {
    const r = rng.next();
    if (r < 0.3) {
      // Cancelled after payment, before the parcel left.
      const at = paidAt + Math.round((shipped - paidAt) * (0.1 + 0.8 * rng.next()));
      if (at <= now) {
        status = 'closed';
        closedAt = at;
        refundFen = paid;
      }
    } else if (r < 0.63) {
      // Returned after delivery.
      const at = shipped + rng.int(2 * DAY, 9 * DAY);
      if (at <= now) {
        status = 'closed';
        closedAt = at;
        refundFen = paid;
      }
    } else if (status === 'completed') {
      // 部分退款: one item, one unit, or a goodwill compensation.
      const at = completed + rng.int(HOUR, 7 * DAY);
      if (at <= now) refundFen = partialRefund(rng, basket);
    }
  }

  const wasShipped = status !== 'paid' && !(closedAt !== null && closedAt < shipped);
  const life: Lifecycle = {
    status,
    statusRaw: raw[status],
    orderedAt: isoOfEpoch(created),
    paidAt: isoOfEpoch(paidAt),
    shippedAt: wasShipped ? isoOfEpoch(shipped) : null,
    completedAt: status === 'completed' ? isoOfEpoch(completed) : null,
    closedAt: closedAt === null ? null : isoOfEpoch(closedAt),
    paidFen: paid,
    refundFen,
    refundStatus: refundFen > 0 ? REFUND_OK : null,
  };
  setFees(life, platform);
  return life;
}

/** One line's share, one unit's share, or a goodwill compensation; always below what was paid. */
function partialRefund(rng: Rng, basket: Basket): number {
  const paid = basket.totalFen;
  const share = (fen: number): number => Math.floor((fen * paid) / basket.goodsFen);
  let refund: number;
  const line = rng.pick(basket.lines);
  const quantity = line.quantity ?? 1;
  const unit = line.unitPriceFen ?? 0;
  if (basket.lines.length > 1) refund = share(quantity * unit);
  else if (quantity > 1) refund = share(unit);
  else refund = Math.max(100, Math.round((paid * (0.1 + 0.2 * rng.next())) / 100) * 100);
  return Math.max(1, Math.min(refund, paid - 1));
}

/**
 * Tmall writes 卖家服务费 and 打款商家金额 once the trade is settled (交易成功, or closed after a
 * refund); JD shows 结算金额 on every paid order. The own shop's export has neither (left unset).
 */
function setFees(life: Lifecycle, platform: DemoPlatform): void {
  const net = life.paidFen - life.refundFen;
  const settled = life.paidAt !== null && (life.status === 'completed' || life.status === 'closed');
  if (platform === 'tmall') {
    const fee = settled ? Math.round(net * TMALL_FEE_RATE) : null;
    life.platformFeeFen = fee;
    life.settlementFen = fee === null ? null : net - fee;
  } else if (platform === 'jd') {
    life.settlementFen = life.paidAt === null ? null : net - Math.round(net * JD_FEE_RATE);
  }
}
