/** The Customers page's address: filters and sort to `#/customers?…` and back; a customer's page. */
import { describe, expect, it } from 'vitest';
import { hashPath, hashQuery, parseHash, routeHref } from '../../../renderer/src/app/routes';
import {
  customerHref,
  customersSearchParams,
  parseCustomersQuery,
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

  it('a customer’s page is the route with its id under it', () => {
    expect(customerHref(12)).toBe('#/customers/12');
    expect(parseHash('#/customers/12')).toBe('customers');
    expect(hashPath('#/customers/12?x=1')).toBe('12');
    expect(hashPath('#/customers')).toBe('');
    expect(hashPath('#/customers/%E0')).toBe('%E0');
  });
});
