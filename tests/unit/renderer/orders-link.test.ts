/** The Orders page's address: filters and sort to `#/orders?…` and back. */
import { describe, expect, it } from 'vitest';
import { hashQuery, parseHash } from '../../../renderer/src/app/routes';
import {
  ordersHref,
  parseOrdersQuery,
  type OrdersFilter,
} from '../../../renderer/src/features/orders/orders-link';

describe('orders links', () => {
  it('write every filter into the URL and read the same filter back', () => {
    const filter: OrdersFilter = {
      q: '138 5678',
      platforms: ['tmall', 'jd'],
      shopIds: [3, 7],
      statuses: ['paid', 'shipped'],
      from: '2026-01-01',
      to: '2026-01-31',
      currency: 'CNY',
      hasRefund: true,
      buyer: 'tb_alice&co',
    };
    const href = ordersHref(filter);
    expect(href).toBe(
      '#/orders?q=138+5678&platform=tmall%2Cjd&shop=3%2C7&status=paid%2Cshipped&from=2026-01-01&to=2026-01-31' +
        '&currency=CNY&refund=1&buyer=tb_alice%26co',
    );
    expect(parseHash(href)).toBe('orders');
    expect(parseOrdersQuery(hashQuery(href))).toEqual({
      filter,
      sort: { key: 'ordered_at', direction: 'desc' },
    });
    expect(parseOrdersQuery(hashQuery(ordersHref({ hasRefund: false }))).filter).toEqual({
      hasRefund: false,
    });
    expect(ordersHref({})).toBe('#/orders');
  });

  it('read hand-written links, keep a sort, and drop what the page does not know', () => {
    expect(
      parseOrdersQuery(
        'platform=tmall&platform=jd,ebay&status=refunded,paid&shop=x,4&from=2026/1/1&currency=usd&refund=yes&sort=paid&dir=asc',
      ),
    ).toEqual({
      filter: { platforms: ['tmall', 'jd'], statuses: ['paid'], shopIds: [4], currency: 'USD' },
      sort: { key: 'paid', direction: 'asc' },
    });
    expect(parseOrdersQuery('sort=buyer').sort).toEqual({ key: 'ordered_at', direction: 'desc' });
    expect(parseOrdersQuery('sort=refund').sort).toEqual({ key: 'refund', direction: 'desc' });
    expect(parseHash('#/orders?platform=tmall')).toBe('orders');
    expect(hashQuery('#/orders')).toBe('');
  });
});
