/**
 * The Customers page's address: its filters and sort as query parameters of `#/customers`, and a
 * customer's page as `#/customers/<id>`, so back/forward and a reload keep what the user chose and
 * any screen (the order drawer, later the value dashboard) can link to a list or a customer.
 *
 *   #/customers?q=5678&platform=tmall,jd&shop=3&firstFrom=2026-01-01&lastTo=2026-06-30
 *              &cur=CNY&spendMin=10000&spendMax=50000&ordersMin=2&sort=spend&dir=desc
 *
 * and the segment conditions (VIP 名单): `prov=330000,310000&city=330100&product=SKU-1&product=…
 * &tag=老客&note=送礼&vip=2,3&marketing=allowed&clvMin=50000&aliveMax=0.3` — products and tags repeat the parameter, since
 * they may hold commas. `segment=3` names a saved segment: the page lists its filter as saved
 * (any other parameter given with it overrides that condition).
 *
 * Spend bounds are minor units (fen), as the API takes them. A value the page does not know is
 * dropped, never an error.
 */
import { navigate, routeHref } from '../../app/routes';
import {
  CUSTOMER_SORT_KEYS,
  DEFAULT_CUSTOMERS_SORT,
  MARKETING_CHOICES,
  MAX_TAG_LENGTH,
  type CustomersFilter,
  type CustomersSort,
  type MarketingChoice,
} from '../../../../main/shared/customers-query';
import { MAX_VIP_LEVELS } from '../../../../main/shared/vip';
import { PLATFORMS } from '../../../../main/shared/vocabulary';
import {
  BEHAVIOUR_SEGMENTS,
  EIGHT_SEGMENTS,
  NAMED_SEGMENTS,
  VALUE_TIERS,
} from '../../../../main/shared/value-names';

export type { CustomersFilter, CustomersSort };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DIVISION = /^\d{6}$/;
const DAY_KEYS = ['firstFrom', 'firstTo', 'lastFrom', 'lastTo'] as const;

function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A parameter given once per value (values that may hold commas). */
function eachOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .map((v) => v.trim())
    .filter(Boolean);
}

function integer(value: string | null, min = -Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** A probability from 0 to 1 as written (0.35), else undefined. */
function probability(value: string | null): number | undefined {
  if (value === null || !/^(0(\.\d+)?|1(\.0+)?)$/.test(value.trim())) return undefined;
  return Number(value);
}

/** Query parameters for a filter and sort (defaults and empty values left out), and a saved segment. */
export function customersSearchParams(
  filter: CustomersFilter,
  sort: CustomersSort = DEFAULT_CUSTOMERS_SORT,
  segmentId?: number,
): URLSearchParams {
  const p = new URLSearchParams();
  if (segmentId !== undefined) p.set('segment', String(segmentId));
  if (filter.q?.trim()) p.set('q', filter.q.trim());
  if (filter.platforms?.length) p.set('platform', filter.platforms.join(','));
  if (filter.shopIds?.length) p.set('shop', filter.shopIds.join(','));
  for (const key of DAY_KEYS) if (filter[key]) p.set(key, filter[key]);
  if (filter.spendCurrency) p.set('cur', filter.spendCurrency);
  if (filter.spendMin !== undefined) p.set('spendMin', String(filter.spendMin));
  if (filter.spendMax !== undefined) p.set('spendMax', String(filter.spendMax));
  if (filter.ordersMin !== undefined) p.set('ordersMin', String(filter.ordersMin));
  if (filter.ordersMax !== undefined) p.set('ordersMax', String(filter.ordersMax));
  // The value dashboard's groups (#/customers?rfm=important_value, ?tier=…, ?winBack=1).
  if (filter.rfmSegment) p.set('rfm', filter.rfmSegment);
  if (filter.namedSegment) p.set('named', filter.namedSegment);
  if (filter.valueTier) p.set('tier', filter.valueTier);
  if (filter.behaviour) p.set('behaviour', filter.behaviour);
  if (filter.winBack) p.set('winBack', '1');
  if (filter.valueAsOf) p.set('valueAsOf', filter.valueAsOf);
  // The last fit's predictions: CLV in minor units, P(alive) from 0 to 1.
  if (filter.clvMinFen !== undefined) p.set('clvMin', String(filter.clvMinFen));
  if (filter.clvMaxFen !== undefined) p.set('clvMax', String(filter.clvMaxFen));
  if (filter.pAliveMin !== undefined) p.set('aliveMin', String(filter.pAliveMin));
  if (filter.pAliveMax !== undefined) p.set('aliveMax', String(filter.pAliveMax));
  if (filter.provinces?.length) p.set('prov', filter.provinces.join(','));
  if (filter.cities?.length) p.set('city', filter.cities.join(','));
  for (const product of filter.products ?? []) p.append('product', product);
  for (const tag of filter.tags ?? []) p.append('tag', tag);
  if (filter.note?.trim()) p.set('note', filter.note.trim());
  if (filter.vipLevels?.length) p.set('vip', filter.vipLevels.join(','));
  if (filter.marketing) p.set('marketing', filter.marketing);
  if (sort.key !== DEFAULT_CUSTOMERS_SORT.key || sort.direction !== DEFAULT_CUSTOMERS_SORT.direction) {
    p.set('sort', sort.key);
    p.set('dir', sort.direction);
  }
  return p;
}

/** The filter and sort a query string names, and the saved segment it opens (if any). */
export function parseCustomersQuery(query: string): {
  filter: CustomersFilter;
  sort: CustomersSort;
  segmentId?: number;
} {
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
  const oneOf = <T extends string>(name: string, values: readonly T[]): T | undefined => {
    const v = p.get(name);
    return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const rfm = oneOf('rfm', EIGHT_SEGMENTS);
  if (rfm) filter.rfmSegment = rfm;
  const named = oneOf('named', NAMED_SEGMENTS);
  if (named) filter.namedSegment = named;
  const tier = oneOf('tier', VALUE_TIERS);
  if (tier) filter.valueTier = tier;
  const behaviour = oneOf('behaviour', BEHAVIOUR_SEGMENTS);
  if (behaviour) filter.behaviour = behaviour;
  if (p.get('winBack') === '1') filter.winBack = true;
  const valueAsOf = p.get('valueAsOf');
  if (valueAsOf && DAY.test(valueAsOf)) filter.valueAsOf = valueAsOf;
  const clvMin = integer(p.get('clvMin'));
  const clvMax = integer(p.get('clvMax'));
  if (clvMin !== undefined) filter.clvMinFen = clvMin;
  if (clvMax !== undefined) filter.clvMaxFen = clvMax;
  const aliveMin = probability(p.get('aliveMin'));
  const aliveMax = probability(p.get('aliveMax'));
  if (aliveMin !== undefined) filter.pAliveMin = aliveMin;
  if (aliveMax !== undefined) filter.pAliveMax = aliveMax;
  const provinces = listOf(p, 'prov').filter((v) => DIVISION.test(v));
  if (provinces.length) filter.provinces = provinces;
  const cities = listOf(p, 'city').filter((v) => DIVISION.test(v));
  if (cities.length) filter.cities = cities;
  const products = eachOf(p, 'product').filter((v) => v.length <= 200);
  if (products.length) filter.products = products;
  const tags = eachOf(p, 'tag').filter((v) => v.length <= MAX_TAG_LENGTH);
  if (tags.length) filter.tags = tags;
  const note = p.get('note')?.trim();
  if (note) filter.note = note.slice(0, 100);
  const levels = [
    ...new Set(
      listOf(p, 'vip')
        .map((v) => integer(v, 0))
        .filter((n): n is number => n !== undefined && n <= MAX_VIP_LEVELS),
    ),
  ];
  if (levels.length) filter.vipLevels = levels;
  const marketing = p.get('marketing');
  if ((MARKETING_CHOICES as readonly string[]).includes(marketing ?? ''))
    filter.marketing = marketing as MarketingChoice;
  const segmentId = integer(p.get('segment'), 1);

  const key = p.get('sort') ?? '';
  const dir = p.get('dir');
  const sort: CustomersSort = (CUSTOMER_SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as CustomersSort['key'], direction: dir === 'asc' ? 'asc' : 'desc' }
    : DEFAULT_CUSTOMERS_SORT;
  return segmentId === undefined ? { filter, sort } : { filter, sort, segmentId };
}

/** `#/customers/12`: a customer's page. */
export function customerHref(id: number): string {
  return routeHref('customers', undefined, String(id));
}

export function openCustomer(id: number): void {
  navigate('customers', undefined, String(id));
}

/** `#/customers?segment=3`: a saved segment's customers in the Customers list. */
export function segmentCustomersHref(segmentId: number): string {
  return routeHref('customers', customersSearchParams({}, DEFAULT_CUSTOMERS_SORT, segmentId));
}
