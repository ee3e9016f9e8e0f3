/**
 * The names of the customer-value groups, shared by the analyses (domain/value), the API's input
 * schemas, the Customers list's value filters and the screens: the Chinese eight RFM segments, the
 * named segments, the value tiers and the behaviour segments.
 */

/** The Chinese eight segments (RFM 八类客户), by code R F M with 1 = high. */
export const EIGHT_SEGMENTS = [
  'important_value', // 111 重要价值
  'important_development', // 101 重要发展
  'important_retention', // 011 重要保持
  'important_winback', // 001 重要挽留
  'general_value', // 110 一般价值
  'general_development', // 100 一般发展
  'general_retention', // 010 一般保持
  'general_winback', // 000 一般挽留
] as const;
export type EightSegment = (typeof EIGHT_SEGMENTS)[number];

/** The named segments of the R `rfm` package's documented rules, in their order, and the rest. */
export const NAMED_SEGMENTS = [
  'champions',
  'potential_loyalist',
  'loyal',
  'promising',
  'new',
  'cant_lose',
  'at_risk',
  'need_attention',
  'about_to_sleep',
  'lost',
  'others',
] as const;
export type NamedSegment = (typeof NAMED_SEGMENTS)[number];

export const VALUE_TIERS = ['most_valuable', 'most_growable', 'negative', 'others'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export const BEHAVIOUR_SEGMENTS = [
  'discount_only',
  'holiday_only',
  'single_brand',
  'moved_to_own_shop',
] as const;
export type BehaviourSegment = (typeof BEHAVIOUR_SEGMENTS)[number];
