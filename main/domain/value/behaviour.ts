/**
 * Behaviour segments (issue 11). A customer can be in several or none. "Only" needs evidence: at
 * least two paid orders, every one of them discounted (or inside the holiday calendar) — one
 * order bought on a discount says nothing about habit.
 */
import type { CustomerFacts } from './customer-facts.js';

export const BEHAVIOUR_SEGMENTS = [
  'discount_only',
  'holiday_only',
  'single_brand',
  'moved_to_own_shop',
] as const;
export type BehaviourSegment = (typeof BEHAVIOUR_SEGMENTS)[number];

/** Orders a customer needs before "only discounts" or "only holidays" is said of them. */
export const MIN_ORDERS_FOR_HABIT = 2;

/** Marketplaces and the shop's own storefronts (vocabulary PLATFORMS; 'other' is neither). */
export const MARKETPLACES: readonly string[] = ['tmall', 'jd', 'pdd', 'douyin'];
export const OWN_SHOPS: readonly string[] = ['shopify', 'youzan', 'woocommerce'];

export function isDiscountOnly(c: CustomerFacts): boolean {
  return c.orders >= MIN_ORDERS_FOR_HABIT && c.discountOrders === c.orders;
}

export function isHolidayOnly(c: CustomerFacts): boolean {
  return c.orders >= MIN_ORDERS_FOR_HABIT && c.holidayOrders === c.orders;
}

/** First bought on a marketplace, latest on the shop's own storefront. */
export function movedToOwnShop(c: CustomerFacts): boolean {
  return MARKETPLACES.includes(c.firstPlatform) && OWN_SHOPS.includes(c.lastPlatform);
}

/**
 * Single-brand loyalists need each order's brand; the orders keep titles and SKUs but no brand, so
 * this segment is reported as unavailable (with the reason) rather than guessed from titles.
 */
export const BRAND_DATA_AVAILABLE = false;

export function behaviourSegments(c: CustomerFacts): BehaviourSegment[] {
  const out: BehaviourSegment[] = [];
  if (isDiscountOnly(c)) out.push('discount_only');
  if (isHolidayOnly(c)) out.push('holiday_only');
  if (movedToOwnShop(c)) out.push('moved_to_own_shop');
  return out;
}
