/**
 * The app's fixed vocabularies: the formats it reads, the platforms it knows, the statuses it
 * stores, what a column of an unknown file can be mapped to. Pure values with no imports, shared by
 * the main process and the renderer (the preview's option lists), so both always agree.
 */

/** The `--platform` names of the CLI; also the values stored in import_batches.format. */
export const IMPORT_FORMATS = [
  'tmall',
  'tmall-items',
  'jd',
  'pdd',
  'douyin',
  'shopify',
  'youzan',
  'woocommerce',
  'generic',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a shop sells. Tmall and Taobao share one back office and one identity space. */
export const PLATFORMS = [
  'tmall',
  'jd',
  'pdd',
  'douyin',
  'shopify',
  'youzan',
  'woocommerce',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export function platformOfFormat(format: ImportFormat): Platform {
  if (format === 'tmall-items') return 'tmall';
  if (format === 'generic') return 'other';
  return format;
}

/** Normalised order status; the raw platform text is always kept next to it. */
export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'shipped', 'completed', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Platforms whose exports are always in Chinese yuan. Every other file must name its currency (a
 * Currency column), or the user chooses it: amounts are never assumed to be CNY.
 */
export const CNY_PLATFORMS: readonly Platform[] = ['tmall', 'jd', 'pdd', 'douyin', 'youzan'];

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Order fields a user can map a column of an unknown file to (the generic importer). */
export const GENERIC_FIELDS = [
  'orderId',
  'orderedAt',
  'paidAt',
  'status',
  'buyer',
  'buyerPhone',
  'buyerEmail',
  /** The buyer's marketing consent (是 / 否, yes / no …; main/domain/import/consent-values.ts). */
  'acceptsMarketing',
  /** An opt-out column: 是 / yes here is 不接受营销. */
  'marketingOptOut',
  'receiverName',
  'receiverPhone',
  'address',
  'province',
  'city',
  'district',
  'title',
  'sku',
  'quantity',
  'unitPrice',
  /** What a line cost the buyer; an order's lines are added up when no order amount is mapped. */
  'lineAmount',
  'lineRefundAmount',
  'totalAmount',
  /** The order's paid amount, repeated on each of its rows (never added up). */
  'paidAmount',
  'shippingAmount',
  'refundAmount',
  /** A column naming each row's currency (CNY, USD …), for files that carry one. */
  'currency',
  'note',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

/** What a user can say a status text of a mapped file means; refunded = paid, then refunded. */
export const MAPPED_STATUSES = [
  'awaiting_payment',
  'paid',
  'shipped',
  'completed',
  'closed',
  'refunded',
] as const;
export type MappedStatus = (typeof MAPPED_STATUSES)[number];
