/**
 * ORDER BY for the Orders list. Every sort ends on the order id so pages never overlap or skip an
 * order. The default (newest first) is exactly the order of the orders_ordered index, so the
 * first page of an unfiltered million-order list reads 100 index entries, not the table.
 *
 * Sorting by platform or shop name would join every order to its shop; shops are few, so their
 * rank is written into the statement as a CASE on shop_id instead.
 */
import { sql, type RawBuilder } from 'kysely';
import { ORDER_STATUSES, PLATFORMS } from '../../domain/orders/types.js';
import type { OrdersSort } from '../../shared/orders-query.js';

/** The vocabulary's order is the progress order; unknown statuses come after closed. */
const STATUS_RANK = `(CASE o.status ${ORDER_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${ORDER_STATUSES.length} END)`;

export interface ShopForSort {
  id: number;
  platform: string;
  name: string;
}

function shopRank(shops: readonly ShopForSort[], rank: (shop: ShopForSort) => number): RawBuilder<unknown> {
  if (shops.length === 0) return sql`0`;
  const whens = shops.map((s) => sql`WHEN ${s.id} THEN ${rank(s)}`);
  return sql`(CASE o.shop_id ${sql.join(whens, sql` `)} ELSE ${shops.length} END)`;
}

/** `avoidIndex`: sort the filtered rows rather than walk orders_ordered (`+` hides the column). */
export function ordersOrderBy(
  sort: OrdersSort,
  shops: readonly ShopForSort[],
  options: { avoidIndex?: boolean } = {},
): RawBuilder<unknown> {
  const dir = sql.raw(sort.direction === 'asc' ? 'ASC' : 'DESC');
  const newestFirst = sql`o.ordered_at DESC, o.id DESC`;
  switch (sort.key) {
    case 'ordered_at':
      return options.avoidIndex
        ? sql`+o.ordered_at ${dir}, o.id ${dir}`
        : sql`o.ordered_at ${dir}, o.id ${dir}`;
    case 'paid':
      return sql`o.paid_fen ${dir}, ${newestFirst}`;
    case 'refund':
      return sql`coalesce(o.refund_fen, 0) ${dir}, ${newestFirst}`;
    case 'status':
      // Progress order (待付款 → 已付款 → 已发货 → 已完成), closed last, unknown after it.
      return sql`${sql.raw(STATUS_RANK)} ${dir}, ${newestFirst}`;
    case 'platform': {
      const order = PLATFORMS as readonly string[];
      return sql`${shopRank(shops, (s) => order.indexOf(s.platform))} ${dir}, ${newestFirst}`;
    }
    case 'shop': {
      const byName = [...shops].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
      const rank = new Map(byName.map((s, i) => [s.id, i]));
      return sql`${shopRank(shops, (s) => rank.get(s.id)!)} ${dir}, ${newestFirst}`;
    }
  }
}
