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

type Labels = {
  segments: Record<EightSegment, string>;
  named: Record<NamedSegment, string>;
  tiers: Record<ValueTier, string>;
  behaviour: Record<BehaviourSegment, string>;
};

/** The groups' names on screen and in the CLI, in both languages. */
export const VALUE_LABELS: Record<'zh-CN' | 'en', Labels> = {
  'zh-CN': {
    segments: {
      important_value: '重要价值',
      important_development: '重要发展',
      important_retention: '重要保持',
      important_winback: '重要挽留',
      general_value: '一般价值',
      general_development: '一般发展',
      general_retention: '一般保持',
      general_winback: '一般挽留',
    },
    named: {
      champions: '冠军客户',
      potential_loyalist: '潜在忠诚',
      loyal: '忠诚客户',
      promising: '有潜力',
      new: '新客户',
      cant_lose: '不能失去',
      at_risk: '有流失风险',
      need_attention: '需要关注',
      about_to_sleep: '即将沉睡',
      lost: '已流失',
      others: '其他',
    },
    tiers: {
      most_valuable: '最有价值',
      most_growable: '最有增长潜力',
      negative: '负价值',
      others: '其他',
    },
    behaviour: {
      discount_only: '只买折扣',
      holiday_only: '只在大促购买',
      single_brand: '单一品牌忠诚',
      moved_to_own_shop: '从平台转到自营店',
    },
  },
  en: {
    segments: {
      important_value: 'Important value',
      important_development: 'Important development',
      important_retention: 'Important retention',
      important_winback: 'Important win-back',
      general_value: 'General value',
      general_development: 'General development',
      general_retention: 'General retention',
      general_winback: 'General win-back',
    },
    named: {
      champions: 'Champions',
      potential_loyalist: 'Potential loyalists',
      loyal: 'Loyal customers',
      promising: 'Promising',
      new: 'New customers',
      cant_lose: "Can't lose them",
      at_risk: 'At risk',
      need_attention: 'Need attention',
      about_to_sleep: 'About to sleep',
      lost: 'Lost',
      others: 'Others',
    },
    tiers: {
      most_valuable: 'Most valuable',
      most_growable: 'Most growable',
      negative: 'Negative value',
      others: 'Others',
    },
    behaviour: {
      discount_only: 'Discount-only',
      holiday_only: 'Holiday-only',
      single_brand: 'Single-brand loyalists',
      moved_to_own_shop: 'Moved to own shop',
    },
  },
};
