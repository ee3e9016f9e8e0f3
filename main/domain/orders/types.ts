/**
 * The canonical shape every platform parser produces and every writer consumes.
 *
 * A field left `undefined` means "this file does not say"; the importer then keeps whatever the
 * database already has. That one rule lets partial files cooperate: a Tmall 宝贝报表 adds lines to
 * orders its 订单报表 created (in either order), a Shopify continuation row adds a line without
 * erasing the order fields of the first row, and a newer export updates only what it carries.
 * `null` means "the file says this is empty" (an unpaid order's pay time, say).
 */
import type { MessageCode, MessageParams } from '../../shared/messages/index.js';
import type { OrderStatus } from '../../shared/vocabulary.js';

export {
  CNY_PLATFORMS,
  IMPORT_FORMATS,
  ORDER_STATUSES,
  PLATFORMS,
  platformOfFormat,
  type ImportFormat,
  type OrderStatus,
  type Platform,
} from '../../shared/vocabulary.js';

/** How the buyer identity was read: it decides which accounts may be the same person. */
export const BUYER_KEY_KINDS = [
  'member_name', // Tmall 买家会员名, JD 下单帐号
  'member_id', // Tmall 买家会员ID
  'email', // Shopify Email
  'phone', // Youzan 买家手机号 (own-shop data is unmasked)
  'nickname', // Youzan 买家昵称
  'customer', // WooCommerce Customer, a mapped column of a generic file
  // No buyer in the file (拼多多, 抖店): the receiver's fingerprint, set at import (domain/identity).
  'receiver',
] as const;
export type BuyerKeyKind = (typeof BUYER_KEY_KINDS)[number];

export interface ParsedBuyer {
  kind: BuyerKeyKind;
  /** The identity as the platform shows it. Masked values (张**, 138****5678) stay masked. */
  key: string;
  nickname?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface ParsedReceiver {
  name?: string | null;
  /** As written in the file; masked phones are kept masked, never "repaired". */
  phone?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  detail?: string | null;
  /** The full address text as the file had it, before parsing. */
  raw?: string | null;
  /**
   * The file had ciphertext in place of the receiver (抖店, 拼多多 without decrypt rights): the
   * values above are null because they are unknown, not because they are empty.
   */
  ciphertext?: boolean;
}

export interface ParsedLine {
  /** Stable within its order across re-exports: a sub-order id, or sku + position when none. */
  lineKey: string;
  title?: string | null;
  sku?: string | null;
  productId?: string | null;
  /**
   * True when lineKey is an id the platform issued (a 子订单编号): two rows with one such key are
   * the same line said twice. A key built from the item's content (sku|title|attributes) instead
   * gets a numbered twin (`…#2`) when an order lists the same item on two rows.
   */
  keyIsPlatformId?: boolean;
  /** Variant text such as 颜色分类：白色. */
  attributes?: string | null;
  quantity?: number;
  unitPriceFen?: number | null;
  /** What the buyer paid for this line, when the file says (never allocated by a parser). */
  paidFen?: number | null;
  /** What the buyer owed for this line (抖店 订单应付金额 per sub-order), paid or not. */
  payableFen?: number | null;
  /** Shipping and discounts charged on this line, where a platform splits them per sub-order (抖店). */
  shippingFen?: number | null;
  discountFen?: number | null;
  /** The line's own status, where a platform keeps one per sub-order (销售明细, 抖店). */
  status?: OrderStatus;
  refundFen?: number | null;
  refundStatus?: string | null;
  statusRaw?: string | null;
}

export interface ParsedOrder {
  /** The platform's order id, digits and letters exactly as issued (`="…"`, `'` removed). */
  platformOrderId: string;
  /** Row numbers (as a spreadsheet shows them: header = 1, first data row = 2) that made this order. */
  sourceRows: number[];
  status?: OrderStatus;
  statusRaw?: string | null;
  /** Instants as UTC ISO-8601 strings (`2024-11-11T00:00:05.000Z`). */
  orderedAt?: string | null;
  paidAt?: string | null;
  shippedAt?: string | null;
  completedAt?: string | null;
  closedAt?: string | null;
  /** ISO 4217; amounts are in that currency's minor unit (fen for CNY). */
  currency?: string;
  /** Goods before shipping and discounts. */
  goodsFen?: number | null;
  shippingFen?: number | null;
  discountFen?: number | null;
  /** What the buyer owed (应付). */
  totalFen?: number | null;
  /** What the buyer actually paid (实付); 0 or null for unpaid orders. */
  paidFen?: number | null;
  refundFen?: number | null;
  refundStatus?: string | null;
  /** Money the platform released to the seller (Tmall 打款商家金额, JD 结算金额/商家应收). */
  settlementFen?: number | null;
  /** Fees the platform charged on the order where the file carries them (Tmall 卖家服务费). */
  platformFeeFen?: number | null;
  buyer?: ParsedBuyer | null;
  receiver?: ParsedReceiver;
  buyerNote?: string | null;
  sellerNote?: string | null;
  /** The shop name written in the file (Tmall 店铺名称, Youzan 归属店铺), a hint for the shop picker. */
  shopNameInFile?: string | null;
  lines?: ParsedLine[];
  /**
   * The fields above that the file states only per line and that were derived from this
   * fragment's lines (sums, the combined status): another fragment of the same order adds to them
   * rather than replacing them, and a value the file states for the order wins over them.
   */
  derived?: DerivedField[];
}

/** Order fields that may be derived from lines (main/domain/orders/derive.ts). */
export const DERIVED_FIELDS = [
  'refundFen',
  'paidFen',
  'totalFen',
  'shippingFen',
  'discountFen',
  'status',
  'statusRaw',
] as const;
export type DerivedField = (typeof DERIVED_FIELDS)[number];

/** A row the importer refused, named precisely enough for the user to find and fix it. */
export interface RowProblem {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The worksheet, for workbooks with several sheets (千牛 订单报表 / 销售明细 / 发货报表). */
  sheet?: string | null;
  column: string | null;
  /** Why, as a message code (main/shared/messages/rows.ts) put into words where it is shown. */
  code: MessageCode;
  params: MessageParams;
}
