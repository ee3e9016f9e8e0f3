/** What is in an order and what it costs: lines, shipping, coupons. All money is integer fen. */

import type { ParsedLine } from '../orders/types.js';
import { promoLevel, type DemoPlatform, type Festival } from './calendar.js';
import { CATALOG, productWeight, type DemoProduct } from './catalog.js';
import { hashString, type Rng } from './prng.js';

export interface Basket {
  lines: ParsedLine[];
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  totalFen: number;
  /** Contains a gift box (more often sent to someone else). */
  giftBox: boolean;
}

/** Free shipping from this much goods value; otherwise the flat fee. */
const SHIPPING: Readonly<Record<DemoPlatform, { freeFromFen: number; feeFen: number }>> = {
  tmall: { freeFromFen: 4900, feeFen: 600 },
  jd: { freeFromFen: 5900, feeFen: 800 },
  youzan: { freeFromFen: 9900, feeFen: 1000 },
};

const LINE_COUNTS = [1, 2, 3, 4];
const LINE_COUNT_WEIGHTS: readonly (readonly number[])[] = [
  [0.62, 0.25, 0.09, 0.04], // ordinary day
  [0.55, 0.28, 0.12, 0.05],
  [0.45, 0.32, 0.15, 0.08],
  [0.38, 0.34, 0.18, 0.1], // 11-11
];

/** Platform item ids as the exports show them (Tmall 商品ID, JD 商品编号); Youzan has none. */
export function productIdOf(platform: DemoPlatform, sku: string): string | null {
  const h = hashString(`${platform}:${sku}`);
  if (platform === 'tmall') return `6${String(h).padStart(10, '0')}${h % 10}`;
  if (platform === 'jd') return `100${String(h).padStart(10, '0')}`;
  return null;
}

function drawProduct(rng: Rng, festival: Festival): DemoProduct {
  let total = 0;
  for (const p of CATALOG) total += productWeight(p, festival);
  let r = rng.next() * total;
  for (const p of CATALOG) {
    r -= productWeight(p, festival);
    if (r < 0) return p;
  }
  return CATALOG[CATALOG.length - 1]!;
}

function drawQuantity(rng: Rng, promo: number): number {
  const r = rng.next();
  if (r < 0.76 - promo * 0.04) return 1;
  if (r < 0.93 - promo * 0.02) return 2;
  if (r < 0.97) return 3;
  return rng.int(4, 6);
}

/** Coupons and cross-store promotions; bigger during festivals. */
function drawDiscount(rng: Rng, platform: DemoPlatform, festival: Festival, goodsFen: number): number {
  const promo = promoLevel(festival);
  let discount = 0;
  if (festival === 'double11' || festival === 'double11-warmup')
    discount += Math.floor(goodsFen / 30000) * 5000; // 每满300减50
  else if (festival === '618' || festival === '618-warmup')
    discount += Math.floor(goodsFen / 20000) * 3000; // 每满200减30
  else if (promo === 1 && goodsFen >= 19900 && rng.chance(0.7)) discount += 2000; // 满199减20
  // Store coupons (店铺优惠券).
  if (rng.chance(0.3 + promo * 0.15)) {
    if (goodsFen >= 29900) discount += 3000;
    else if (goodsFen >= 19900) discount += 2000;
    else if (goodsFen >= 9900) discount += 1000;
    else if (goodsFen >= 4900) discount += 500;
  }
  // The own shop gives members 5% off.
  if (platform === 'youzan' && rng.chance(0.35)) discount += Math.round(goodsFen * 0.05);
  return Math.min(discount, goodsFen - 100);
}

export function drawBasket(
  rng: Rng,
  platform: DemoPlatform,
  festival: Festival,
  favorites: readonly DemoProduct[],
): Basket {
  const promo = promoLevel(festival);
  const count = rng.weighted(LINE_COUNTS, LINE_COUNT_WEIGHTS[promo] ?? LINE_COUNT_WEIGHTS[0]!);
  const products: DemoProduct[] = [];
  for (let attempt = 0; products.length < count && attempt < 20; attempt++) {
    const p = rng.chance(0.45) && favorites.length > 0 ? rng.pick(favorites) : drawProduct(rng, festival);
    if (!products.includes(p)) products.push(p);
  }
  let goodsFen = 0;
  const lines: ParsedLine[] = products.map((p) => {
    const quantity = drawQuantity(rng, promo);
    goodsFen += quantity * p.unitPriceFen;
    return {
      lineKey: p.sku,
      title: p.title,
      sku: p.sku,
      productId: productIdOf(platform, p.sku),
      attributes: p.attributes,
      quantity,
      unitPriceFen: p.unitPriceFen,
    };
  });
  const rule = SHIPPING[platform];
  const shippingFen = goodsFen >= rule.freeFromFen ? 0 : rule.feeFen;
  const discountFen = drawDiscount(rng, platform, festival, goodsFen);
  return {
    lines,
    goodsFen,
    shippingFen,
    discountFen,
    totalFen: goodsFen + shippingFen - discountFen,
    giftBox: products.some((p) => p.giftBox),
  };
}
