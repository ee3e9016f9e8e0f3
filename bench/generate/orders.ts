/**
 * The platform-neutral order model every format generator writes out: a stream of orders from
 * returning buyers, spread over a year, with the mix of states a real shop has (mostly completed,
 * some unpaid, closed, refunded). Each format maps it onto its own columns and status words.
 *
 * Nothing is kept per order once it is written: buyers are re-derived from their index (a seeded
 * draw per buyer), so a 1m-row file is generated in constant memory.
 */
import { Rng, hashSeed } from '../lib/prng.js';
import {
  COURIERS,
  GIVEN,
  PLACES,
  PRODUCTS,
  STREETS,
  SURNAMES,
  SYLLABLES,
  type Courier,
  type Place,
  type Product,
} from './vocabulary.js';

export type OrderState = 'unpaid' | 'closed_unpaid' | 'paid' | 'shipped' | 'completed' | 'refunded';

export interface SynthBuyer {
  index: number;
  /** A login name: tb_…, jd_…, depending on the platform's prefix. */
  login: string;
  surname: string;
  fullName: string;
  /** 张** as marketplaces show receivers today. */
  maskedName: string;
  phone: string;
  /** 138****5678 */
  maskedPhone: string;
  email: string;
  place: Place;
  district: string;
  /** 文三路100号 */
  street: string;
}

export interface SynthLine {
  product: Product;
  variant: string;
  quantity: number;
  unitFen: number;
}

/** An order without its buyer: what every format writes whoever bought it. */
export interface SynthOrderBody {
  /** 0-based position in the file: the unique part of every generated order id. */
  seq: number;
  state: OrderState;
  /** Wall-clock seconds since 2024-01-01 00:00:00 (local time of the platform). */
  created: number;
  paid: number | null;
  shipped: number | null;
  completed: number | null;
  lines: SynthLine[];
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  /** goods + shipping − discount: what the buyer owes. */
  totalFen: number;
  /** What the buyer paid (0 when unpaid). */
  paidFen: number;
  /** Refunded after payment: the whole payment, part of it, or 0. */
  refundFen: number;
  /** The platform's service fee, about 0.6 % of the payment. */
  feeFen: number;
  courier: Courier | null;
  trackingNo: string;
  buyerNote: string;
}

export interface SynthOrder extends SynthOrderBody {
  buyer: SynthBuyer;
}

const STATES: readonly (readonly [OrderState, number])[] = [
  ['completed', 68],
  ['shipped', 8],
  ['paid', 8],
  ['refunded', 6],
  ['closed_unpaid', 5],
  ['unpaid', 5],
];

const LINE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 70],
  [2, 22],
  [3, 8],
];

const QUANTITIES: readonly (readonly [number, number])[] = [
  [1, 80],
  [2, 15],
  [3, 5],
];

export interface OrderFactoryOptions {
  seed: number;
  /** Platform login prefix: tb_, jd_ … */
  loginPrefix: string;
  /** About how many orders the file will hold: sets the buyer pool and the time between orders. */
  expectedOrders: number;
  /** Buyer notes are written by some formats only; a quoted comma in them tests the CSV reader. */
  notes?: readonly string[];
  /** The first order's `seq` (0): a second file of the same shop continues the numbering. */
  firstSeq?: number;
}

export class OrderFactory {
  /** Shared with the format writers (ids, cosmetic columns): one stream keeps the file deterministic. */
  readonly rng: Rng;
  private readonly buyerPool: number;
  private readonly meanGap: number;
  private clock = 0;
  private seq: number;

  constructor(private readonly options: OrderFactoryOptions) {
    this.rng = new Rng(options.seed);
    this.seq = options.firstSeq ?? 0;
    // About three orders per buyer on average, skewed: a core of regulars and a long tail.
    this.buyerPool = Math.max(20, Math.ceil(options.expectedOrders / 3));
    // The orders of one file span about 300 days, whatever its size.
    this.meanGap = Math.max(1, Math.floor((300 * 86400) / Math.max(1, options.expectedOrders)));
  }

  /** The next order, with at most `maxLines` lines (line-level files stop at exactly `size` rows). */
  next(maxLines = 3): SynthOrder {
    this.clock += this.rng.int(0, 2 * this.meanGap);
    const order = this.bodyAt(this.clock, maxLines) as SynthOrder;
    order.buyer = this.buyer(this.rng.skewed(this.buyerPool));
    return order;
  }

  /**
   * An order placed at `created` (wall-clock seconds after 2024-01-01), everything but its buyer:
   * state, times, lines, money, courier. The identity benchmark places orders in time itself and
   * gives them its own buyers; `next` is this plus the clock and a buyer from the pool.
   */
  bodyAt(created: number, maxLines = 3): SynthOrderBody {
    const rng = this.rng;
    const state = rng.weighted(STATES);
    const paid = state === 'unpaid' || state === 'closed_unpaid' ? null : created + rng.int(3, 900);
    const shipped =
      paid !== null && state !== 'paid' && !(state === 'refunded' && rng.chance(0.5))
        ? paid + rng.int(3600, 2 * 86400)
        : null;
    const completed =
      shipped !== null && state === 'completed' ? shipped + rng.int(2 * 86400, 10 * 86400) : null;

    const lines = this.lines(Math.min(maxLines, rng.weighted(LINE_COUNTS)));
    let goodsFen = 0;
    for (const line of lines) goodsFen += line.unitFen * line.quantity;
    const shippingFen = rng.chance(0.85) ? 0 : rng.pick([600, 1000]);
    const discountFen = goodsFen > 6000 && rng.chance(0.2) ? rng.pick([500, 1000, 2000]) : 0;
    const totalFen = goodsFen + shippingFen - discountFen;
    const paidFen = paid === null ? 0 : totalFen;
    const refundFen =
      state === 'refunded'
        ? paidFen
        : state === 'completed' && rng.chance(0.04)
          ? Math.min(Math.floor(paidFen / 2), rng.pick([500, 1000, 2000]))
          : 0;
    const courier = shipped === null ? null : rng.pick(COURIERS);
    const trackingNo = courier ? courier.prefix + rng.digits(courier.digits) : '';
    const notes = this.options.notes;
    const buyerNote = notes && rng.chance(0.05) ? rng.pick(notes) : '';

    return {
      seq: this.seq++,
      state,
      created,
      paid,
      shipped,
      completed,
      lines,
      goodsFen,
      shippingFen,
      discountFen,
      totalFen,
      paidFen,
      refundFen,
      feeFen: Math.round(paidFen * 0.006),
      courier,
      trackingNo,
      buyerNote,
    };
  }

  /** Distinct products: an order listing one item twice is a quirk the fixtures test, not the norm. */
  private lines(count: number): SynthLine[] {
    const rng = this.rng;
    const start = rng.int(0, PRODUCTS.length - 1);
    const step = rng.int(1, 5);
    const lines: SynthLine[] = [];
    for (let i = 0; i < count; i++) {
      const product = PRODUCTS[(start + i * step) % PRODUCTS.length]!;
      lines.push({
        product,
        variant: rng.pick(product.variants),
        quantity: rng.weighted(QUANTITIES),
        unitFen: product.priceFen,
      });
    }
    return lines;
  }

  /** Buyer `index`, the same on every call: derived from its own seed, never stored. */
  private buyer(index: number): SynthBuyer {
    const r = new Rng(hashSeed(`buyer:${index}`) ^ this.options.seed);
    const surname = r.pick(SURNAMES);
    const fullName = surname + r.pick(GIVEN) + (r.chance(0.5) ? r.pick(GIVEN) : '');
    const phone = '1' + r.pick(['3', '5', '8', '9']) + r.digits(9);
    const place = r.pick(PLACES);
    const login = `${this.options.loginPrefix}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${index}`;
    return {
      index,
      login,
      surname,
      fullName,
      maskedName: surname + '*'.repeat(fullName.length - 1),
      phone,
      maskedPhone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      email: `${login.replace(/^[a-z]+_/, '')}@example.com`,
      place,
      district: r.pick(place.districts),
      street: `${r.pick(STREETS)}${r.int(1, 999)}号`,
    };
  }
}
