/** The Customers page's address: filters and sort to `#/customers?…` and back; a customer's page. */
import { describe, expect, it } from 'vitest';
import { hashPath, hashQuery, parseHash, routeHref } from '../../../renderer/src/app/routes';
import {
  customerHref,
  customersSearchParams,
  parseCustomersQuery,
  segmentCustomersHref,
  type CustomersFilter,
} from '../../../renderer/src/features/customers/customers-link';

describe('customers links', () => {
  it('write every filter into the URL and read the same filter back', () => {
    const filter: CustomersFilter = {
      q: '138 5678',
      platforms: ['tmall', 'jd'],
      shopIds: [3, 7],
      firstFrom: '2026-01-01',
      firstTo: '2026-01-31',
      lastFrom: '2026-06-01',
      lastTo: '2026-06-30',
      spendCurrency: 'CNY',
      spendMin: 10_000,
      spendMax: 50_000,
      ordersMin: 2,
      ordersMax: 9,
    };
    const sort = { key: 'spend', direction: 'asc' } as const;
    const href = routeHref('customers', customersSearchParams(filter, sort));
    expect(href).toBe(
      '#/customers?q=138+5678&platform=tmall%2Cjd&shop=3%2C7&firstFrom=2026-01-01&firstTo=2026-01-31' +
        '&lastFrom=2026-06-01&lastTo=2026-06-30&cur=CNY&spendMin=10000&spendMax=50000&ordersMin=2&ordersMax=9' +
        '&sort=spend&dir=asc',
    );
    expect(parseHash(href)).toBe('customers');
    expect(parseCustomersQuery(hashQuery(href))).toEqual({ filter, sort });
  });

  it('drops what it does not know, and a spend bound without its currency', () => {
    expect(
      parseCustomersQuery(
        'platform=tmall,mars&shop=x,4&firstFrom=2026-13&spendMin=100&ordersMin=-1&sort=profit',
      ),
    ).toEqual({
      filter: { platforms: ['tmall'], shopIds: [4] },
      sort: { key: 'last_order', direction: 'desc' },
    });
  });

  it('carry the segment conditions: region, products and tags (commas kept), note, VIP levels, consent', () => {
    const filter: CustomersFilter = {
      provinces: ['330000', '310000'],
      cities: ['330100'],
      products: ['SKU-1', '礼盒, 大号'],
      tags: ['老客', 'a,b'],
      note: '送礼',
      vipLevels: [2, 3],
      marketing: 'allowed',
    };
    const href = routeHref('customers', customersSearchParams(filter));
    expect(href).toBe(
      '#/customers?prov=330000%2C310000&city=330100&product=SKU-1&product=%E7%A4%BC%E7%9B%92%2C+%E5%A4%A7%E5%8F%B7' +
        '&tag=%E8%80%81%E5%AE%A2&tag=a%2Cb&note=%E9%80%81%E7%A4%BC&vip=2%2C3&marketing=allowed',
    );
    expect(parseCustomersQuery(hashQuery(href))).toEqual({
      filter,
      sort: { key: 'last_order', direction: 'desc' },
    });
    // What the API would refuse is dropped here.
    expect(parseCustomersQuery('prov=33,330000&vip=1,x,99,1&marketing=maybe').filter).toEqual({
      provinces: ['330000'],
      vipLevels: [1],
    });
  });

  it('carry the last fit’s prediction ranges: CLV in minor units, P(alive) from 0 to 1', () => {
    const filter: CustomersFilter = {
      clvMinFen: 50_000,
      clvMaxFen: 200_000,
      pAliveMin: 0.1,
      pAliveMax: 0.35,
    };
    const params = customersSearchParams(filter);
    expect(params.toString()).toBe('clvMin=50000&clvMax=200000&aliveMin=0.1&aliveMax=0.35');
    expect(parseCustomersQuery(params.toString()).filter).toEqual(filter);
    expect(parseCustomersQuery('aliveMin=1.5&aliveMax=-0.2&clvMin=x').filter).toEqual({});
  });

  it('segment=<id> names a saved segment, next to any other parameter', () => {
    expect(segmentCustomersHref(3)).toBe('#/customers?segment=3');
    expect(parseCustomersQuery('segment=3')).toEqual({
      filter: {},
      sort: { key: 'last_order', direction: 'desc' },
      segmentId: 3,
    });
    expect(parseCustomersQuery('segment=3&q=alice').filter).toEqual({ q: 'alice' });
    expect(parseCustomersQuery('segment=0').segmentId).toBeUndefined();
    expect(parseCustomersQuery('segment=x').segmentId).toBeUndefined();
    expect(customersSearchParams({ q: 'a' }, undefined, 5).toString()).toBe('segment=5&q=a');
  });

  it('a customer’s page is the route with its id under it', () => {
    expect(customerHref(12)).toBe('#/customers/12');
    expect(parseHash('#/customers/12')).toBe('customers');
    expect(hashPath('#/customers/12?x=1')).toBe('12');
    expect(hashPath('#/customers')).toBe('');
    expect(hashPath('#/customers/%E0')).toBe('%E0');
  });
});
