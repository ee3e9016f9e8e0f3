/**
 * What the Orders channels answer: a page of the list with the totals of the filtered set, one
 * order's detail, an export. Personal data in these is already masked (privacy.ts) unless an
 * export was asked for unmasked. Amounts are integer minor units of the order's own currency.
 */
import type { OrderExportFormat, OrdersFilter } from '../../shared/orders-query.js';
import type { OrderStatus } from '../../shared/vocabulary.js';

/** One row of the list. */
export interface OrderListRow {
  id: number;
  platform: string;
  shopId: number;
  shopName: string;
  /** The shop's IANA zone: its orders' times are shown in it. */
  timezone: string;
  /** The order belongs to the generated sample shop. */
  isSample: boolean;
  platformOrderId: string;
  status: OrderStatus | null;
  /** The platform's own words for the status (交易成功, 卖家已发货，等待买家确认 …). */
  statusRaw: string | null;
  orderedAt: string | null;
  currency: string;
  paidFen: number | null;
  /**
   * The buyer paid (see paidOrderSql): an unpaid order's amount is what it would have cost, and
   * the totals leave it out.
   */
  isPaid: boolean;
  refundFen: number | null;
  /** Masked: 张*. */
  receiverName: string | null;
  /** Masked: 138****5678. */
  receiverPhone: string | null;
  /** The first line's title, how many lines, how many pieces. */
  items: { firstTitle: string | null; lines: number; quantity: number };
}

/** The filtered set's money per currency: amounts of different currencies are never added. */
export interface CurrencyTotals {
  currency: string;
  orders: number;
  /** Paid by the buyer: orders still awaiting payment or closed unpaid add nothing. */
  paidFen: number;
  refundFen: number;
}

export interface OrdersTotals {
  orders: number;
  byCurrency: CurrencyTotals[];
}

export interface OrdersPage {
  offset: number;
  rows: OrderListRow[];
  /** Present when asked for (the first page of a filter): later pages reuse them. */
  totals: OrdersTotals | null;
}

export interface OrderLineView {
  id: number;
  title: string | null;
  sku: string | null;
  productId: string | null;
  attributes: string | null;
  quantity: number;
  unitPriceFen: number | null;
  paidFen: number | null;
  discountFen: number | null;
  shippingFen: number | null;
  refundFen: number | null;
  refundStatus: string | null;
  status: OrderStatus | null;
  statusRaw: string | null;
}

/** An operation (an import batch, the sample shop) that wrote this order or changed it. */
export interface OrderHistoryEntry {
  opId: number;
  kind: string;
  /** created: inserted the order; changed: updated it; lines: added or changed its lines. */
  role: 'created' | 'changed' | 'lines';
  state: 'committed' | 'undone';
  createdAt: string;
  undoneAt: string | null;
  /** The imported file (or 示例店铺 · name), when the operation was an import. */
  fileName: string | null;
  format: string | null;
  source: 'file' | 'demo' | null;
}

export interface OrderBuyer {
  platform: string;
  kind: string;
  /** The account key as stored: the link to this buyer's orders matches it exactly. */
  key: string;
  /** The key as it may be shown (a phone or an email masked). */
  display: string;
  nickname: string | null;
  /** Orders of this account, in every shop of its platform. */
  orders: number;
  /** The Orders page filtered to this buyer's account. */
  link: OrdersFilter;
  /** The customer the account belongs to (客户 360), when it has one. */
  customerId: number | null;
}

export interface OrderDetail {
  id: number;
  platform: string;
  shop: { id: number; name: string; timezone: string; currency: string; isSample: boolean };
  platformOrderId: string;
  status: OrderStatus | null;
  statusRaw: string | null;
  refundStatus: string | null;
  currency: string;
  money: {
    goodsFen: number | null;
    /** 应付: what the buyer owed. */
    payableFen: number | null;
    /** 实付: what the buyer paid. */
    paidFen: number | null;
    shippingFen: number | null;
    discountFen: number | null;
    refundFen: number | null;
    settlementFen: number | null;
    platformFeeFen: number | null;
  };
  times: {
    orderedAt: string | null;
    /** The day of orderedAt in the shop's time zone. */
    orderDate: string | null;
    paidAt: string | null;
    shippedAt: string | null;
    completedAt: string | null;
    closedAt: string | null;
  };
  /** Masked: name 张*, phone 138****5678, the address to its district and a cut street. */
  receiver: {
    name: string | null;
    phone: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
    street: string | null;
  };
  buyer: OrderBuyer | null;
  buyerNote: string | null;
  sellerNote: string | null;
  lines: OrderLineView[];
  history: OrderHistoryEntry[];
}

/**
 * A finished export, held by the app until the screen has read it: its bytes travel in chunks
 * (`orders.exportChunk`), so a 300 MB export never becomes one giant JSON string or IPC message.
 */
export interface OrdersExportFile {
  exportId: string;
  fileName: string;
  mimeType: string;
  format: OrderExportFormat;
  /** Bytes in the file. */
  size: number;
  orders: number;
  masked: boolean;
}

/** Part of an export's bytes, base64 (JSON and IPC carry it alike). */
export interface OrdersExportChunk {
  offset: number;
  base64: string;
  /** The last chunk: the app has let go of the file. */
  done: boolean;
}
