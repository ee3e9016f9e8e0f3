/**
 * What the Customers page asks for: the filters, the sort, the export formats and the segments.
 * Pure values shared by the API (its input schemas), the services (the SQL), the CLI and the
 * renderer (the page's address), so a link to a filtered list means the same thing everywhere.
 */

import type { BehaviourSegment, EightSegment, NamedSegment, ValueTier } from './value-names.js';

/**
 * The filters of the Customers list, all optional and combined with AND. Days are calendar days
 * (YYYY-MM-DD, both inclusive) in the shop's time zone of the order concerned. Spend is net (paid
 * minus refunded, over paid orders) in minor units of `spendCurrency`, which a spend range needs.
 * Orders are paid orders, as every screen counts them.
 */
export interface CustomersFilter {
  /** A name, some digits of a phone (masked ones by their visible digits), a buyer key, an order id. */
  q?: string;
  /** Customers with an account on any of these platforms. */
  platforms?: string[];
  /** Customers with orders in any of these shops. */
  shopIds?: number[];
  firstFrom?: string;
  firstTo?: string;
  lastFrom?: string;
  lastTo?: string;
  spendCurrency?: string;
  spendMin?: number;
  spendMax?: number;
  ordersMin?: number;
  ordersMax?: number;
  /** Customers with a paid order sent to any of these provinces, or cities (GB/T 2260 codes). */
  provinces?: string[];
  cities?: string[];
  /** Customers who paid for any of these products (a line's sku, or its title when it has none). */
  products?: string[];
  /** Customers carrying any of these tags. */
  tags?: string[];
  /** Customers whose note holds this text (any case). */
  note?: string;
  /** Customers at any of these VIP levels (0 the lowest; services/vip/levels.ts). */
  vipLevels?: number[];
  /** 'allowed': may be sent marketing; 'refused': 不接受营销 (services/vip/consent.ts). */
  marketing?: MarketingChoice;
  /**
   * Customer value (the 价值 dashboard's links): customers in this RFM segment, named segment,
   * value tier or behaviour segment, or on the win-back list, at `valueAsOf` (default the latest
   * order day) with the saved value settings.
   */
  rfmSegment?: EightSegment;
  namedSegment?: NamedSegment;
  valueTier?: ValueTier;
  behaviour?: BehaviourSegment;
  winBack?: boolean;
  valueAsOf?: string;
  /**
   * Predictions of the last value fit (services/value/prediction-terms.ts), both bounds inclusive:
   * the 12-month predicted CLV in minor units of the fit's currency, and P(alive) from 0 to 1.
   * Customers without the prediction (no fit yet; no P(alive) when the data were too thin for the
   * model) are left out by a range on it.
   */
  clvMinFen?: number;
  clvMaxFen?: number;
  pAliveMin?: number;
  pAliveMax?: number;
}

export const MARKETING_CHOICES = ['allowed', 'refused'] as const;
export type MarketingChoice = (typeof MARKETING_CHOICES)[number];

export const CUSTOMER_SORT_KEYS = ['last_order', 'first_order', 'spend', 'orders', 'name'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export interface CustomersSort {
  key: CustomerSortKey;
  direction: 'asc' | 'desc';
  /**
   * The currency a spend sort ranks by: else the filter's spend currency, else the currency most
   * customers spent in.
   */
  currency?: string;
}

/** Most recent buyers first, as a seller looks at them. */
export const DEFAULT_CUSTOMERS_SORT: CustomersSort = { key: 'last_order', direction: 'desc' };

export const CUSTOMER_EXPORT_FORMATS = ['csv', 'json'] as const;
export type CustomerExportFormat = (typeof CUSTOMER_EXPORT_FORMATS)[number];

/**
 * The segments `huike customers --segment` knows. The customer-value features add RFM segments
 * and VIP levels; until then there is the whole list.
 */
export const CUSTOMER_SEGMENTS = ['all'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 20;
export const MAX_NOTE_LENGTH = 1000;

/** Tags as kept: trimmed, without empty ones or repeats, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}
