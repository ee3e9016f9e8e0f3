/**
 * What the Orders page asks for: the filters, the sort, and the export formats. Pure values shared
 * by the API (its input schemas), the services (the SQL) and the renderer (the URL of the page), so
 * a link built on the dashboard means the same thing to the list behind it.
 */

/**
 * The filters of the Orders page, all optional and combined with AND. Dates are calendar days
 * (YYYY-MM-DD, both inclusive) in each order's own shop's time zone. `buyer` is a buyer account
 * key, matched exactly ("this buyer's orders"); `q` is free search text.
 */
export interface OrdersFilter {
  q?: string;
  platforms?: string[];
  shopIds?: number[];
  statuses?: string[];
  from?: string;
  to?: string;
  currency?: string;
  hasRefund?: boolean;
  buyer?: string;
  /** Only paid orders, as every dashboard figure counts them (not awaiting payment, not closed unpaid). */
  paid?: boolean;
}

export const ORDER_SORT_KEYS = ['ordered_at', 'paid', 'refund', 'platform', 'shop', 'status'] as const;
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface OrdersSort {
  key: OrderSortKey;
  direction: SortDirection;
}

/** Newest first: what a seller looks at when opening the list. */
export const DEFAULT_ORDERS_SORT: OrdersSort = { key: 'ordered_at', direction: 'desc' };

export const ORDER_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type OrderExportFormat = (typeof ORDER_EXPORT_FORMATS)[number];

/** Excel's sheet limit is 1,048,576 rows, one of them the header. */
export const XLSX_MAX_ORDERS = 1_048_575;
