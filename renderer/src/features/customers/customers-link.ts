/**
 * The Customers page's address: its filters and sort as query parameters of `#/customers`, and a
 * customer's page as `#/customers/<id>`, so back/forward and a reload keep what the user chose and
 * any screen (the order drawer, later the value dashboard) can link to a list or a customer.
 *
 *   #/customers?q=5678&platform=tmall,jd&shop=3&firstFrom=2026-01-01&lastTo=2026-06-30
 *              &cur=CNY&spendMin=10000&spendMax=50000&ordersMin=2&sort=spend&dir=desc
 *
 * Spend bounds are minor units (fen), as the API takes them. A value the page does not know is
 * dropped, never an error.
 */
import { navigate, routeHref } from '../../app/routes';
import {
  CUSTOMER_SORT_KEYS,
  DEFAULT_CUSTOMERS_SORT,
  type CustomersFilter,
  type CustomersSort,
} from '../../../../main/shared/customers-query';
import { PLATFORMS } from '../../../../main/shared/vocabulary';

export type { CustomersFilter, CustomersSort };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_KEYS = ['firstFrom', 'firstTo', 'lastFrom', 'lastTo'] as const;

function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function integer(value: string | null, min = -Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** Query parameters for a filter and sort (defaults and empty values left out). */
export function customersSearchParams(
  filter: CustomersFilter,
  sort: CustomersSort = DEFAULT_CUSTOMERS_SORT,
): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q?.trim()) p.set('q', filter.q.trim());
  if (filter.platforms?.length) p.set('platform', filter.platforms.join(','));
  if (filter.shopIds?.length) p.set('shop', filter.shopIds.join(','));
  for (const key of DAY_KEYS) if (filter[key]) p.set(key, filter[key]);
  if (filter.spendCurrency) p.set('cur', filter.spendCurrency);
  if (filter.spendMin !== undefined) p.set('spendMin', String(filter.spendMin));
  if (filter.spendMax !== undefined) p.set('spendMax', String(filter.spendMax));
  if (filter.ordersMin !== undefined) p.set('ordersMin', String(filter.ordersMin));
  if (filter.ordersMax !== undefined) p.set('ordersMax', String(filter.ordersMax));
  if (sort.key !== DEFAULT_CUSTOMERS_SORT.key || sort.direction !== DEFAULT_CUSTOMERS_SORT.direction) {
    p.set('sort', sort.key);
    p.set('dir', sort.direction);
  }
  return p;
}

/** The filter and sort a query string names. */
export function parseCustomersQuery(query: string): { filter: CustomersFilter; sort: CustomersSort } {
  const p = new URLSearchParams(query);
  const filter: CustomersFilter = {};
  const q = p.get('q')?.trim();
  if (q) filter.q = q;
  const platforms = listOf(p, 'platform').filter((v) => (PLATFORMS as readonly string[]).includes(v));
  if (platforms.length) filter.platforms = platforms;
  const shopIds = listOf(p, 'shop')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (shopIds.length) filter.shopIds = shopIds;
  for (const key of DAY_KEYS) {
    const day = p.get(key);
    if (day && DAY.test(day)) filter[key] = day;
  }
  const currency = p.get('cur')?.trim().toUpperCase();
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    filter.spendCurrency = currency;
    const min = integer(p.get('spendMin'));
    const max = integer(p.get('spendMax'));
    if (min !== undefined) filter.spendMin = min;
    if (max !== undefined) filter.spendMax = max;
  }
  const ordersMin = integer(p.get('ordersMin'), 0);
  const ordersMax = integer(p.get('ordersMax'), 0);
  if (ordersMin !== undefined) filter.ordersMin = ordersMin;
  if (ordersMax !== undefined) filter.ordersMax = ordersMax;

  const key = p.get('sort') ?? '';
  const dir = p.get('dir');
  const sort: CustomersSort = (CUSTOMER_SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as CustomersSort['key'], direction: dir === 'asc' ? 'asc' : 'desc' }
    : DEFAULT_CUSTOMERS_SORT;
  return { filter, sort };
}

/** `#/customers/12`: a customer's page. */
export function customerHref(id: number): string {
  return routeHref('customers', undefined, String(id));
}

export function openCustomer(id: number): void {
  navigate('customers', undefined, String(id));
}
