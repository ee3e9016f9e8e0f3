/**
 * The Orders page's address: its filters and sort as query parameters of `#/orders`, so any screen
 * can link to a filtered list (the dashboard's figures, chart bars and platform rows) and back,
 * forward and reload keep what the user chose.
 *
 *   #/orders?platform=tmall,jd&shop=3&status=paid&from=2026-01-01&to=2026-01-31
 *            &currency=CNY&refund=1&q=5678&buyer=tb_alice&paid=1&sort=paid&dir=asc
 *
 * Lists are comma-separated; a value the page does not know is dropped, never an error.
 */
import { navigate, routeHref } from '../../app/routes';
import {
  DEFAULT_ORDERS_SORT,
  ORDER_SORT_KEYS,
  SORT_DIRECTIONS,
  type OrdersFilter,
  type OrdersSort,
} from '../../../../main/shared/orders-query';
import { ORDER_STATUSES, PLATFORMS } from '../../../../main/shared/vocabulary';

export type { OrdersFilter, OrdersSort };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Query parameters for a filter and sort (defaults and empty values left out). */
export function ordersSearchParams(
  filter: OrdersFilter,
  sort: OrdersSort = DEFAULT_ORDERS_SORT,
): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q?.trim()) p.set('q', filter.q.trim());
  if (filter.platforms?.length) p.set('platform', filter.platforms.join(','));
  if (filter.shopIds?.length) p.set('shop', filter.shopIds.join(','));
  if (filter.statuses?.length) p.set('status', filter.statuses.join(','));
  if (filter.from) p.set('from', filter.from);
  if (filter.to) p.set('to', filter.to);
  if (filter.currency) p.set('currency', filter.currency);
  if (filter.hasRefund !== undefined) p.set('refund', filter.hasRefund ? '1' : '0');
  if (filter.buyer) p.set('buyer', filter.buyer);
  if (filter.paid) p.set('paid', '1');
  if (sort.key !== DEFAULT_ORDERS_SORT.key || sort.direction !== DEFAULT_ORDERS_SORT.direction) {
    p.set('sort', sort.key);
    p.set('dir', sort.direction);
  }
  return p;
}

/** `#/orders?…`: a link to the Orders page showing these orders. */
export function ordersHref(filters: OrdersFilter): string {
  return routeHref('orders', ordersSearchParams(filters));
}

/** Opens the Orders page filtered so (the dashboard uses this for its figures and rows). */
export function openOrders(filters: OrdersFilter): void {
  navigate('orders', ordersSearchParams(filters));
}

/** The filter and sort a query string names. */
export function parseOrdersQuery(query: string): { filter: OrdersFilter; sort: OrdersSort } {
  const p = new URLSearchParams(query);
  const filter: OrdersFilter = {};
  const q = p.get('q')?.trim();
  if (q) filter.q = q;
  const platforms = listOf(p, 'platform').filter((v) => oneOf(PLATFORMS, v));
  if (platforms.length) filter.platforms = platforms;
  const shopIds = listOf(p, 'shop')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (shopIds.length) filter.shopIds = shopIds;
  const statuses = listOf(p, 'status').filter((v) => oneOf(ORDER_STATUSES, v));
  if (statuses.length) filter.statuses = statuses;
  const from = p.get('from');
  if (from && DAY.test(from)) filter.from = from;
  const to = p.get('to');
  if (to && DAY.test(to)) filter.to = to;
  const currency = p.get('currency')?.trim().toUpperCase();
  if (currency && /^[A-Z]{3}$/.test(currency)) filter.currency = currency;
  const refund = p.get('refund');
  if (refund === '1' || refund === 'true') filter.hasRefund = true;
  if (refund === '0' || refund === 'false') filter.hasRefund = false;
  const buyer = p.get('buyer')?.trim();
  if (buyer) filter.buyer = buyer;
  if (p.get('paid') === '1') filter.paid = true;

  const key = p.get('sort') ?? '';
  const dir = p.get('dir') ?? '';
  const sort: OrdersSort = oneOf(ORDER_SORT_KEYS, key)
    ? { key, direction: oneOf(SORT_DIRECTIONS, dir) ? dir : 'desc' }
    : DEFAULT_ORDERS_SORT;
  return { filter, sort };
}
