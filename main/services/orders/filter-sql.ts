/**
 * The Orders page's filters as one SQL condition on `orders o`, shared by the list, its totals and
 * the export so the three always agree on which orders are meant.
 *
 * Shop, platform and day filters use orders_shop_day / orders_day; the buyer filter uses
 * orders_buyer through the accounts' unique index (platform and kind listed, so its prefix serves
 * an exact key lookup instead of a scan of every account).
 *
 * A search cannot use an index (substrings, masked phones): it is resolved first, once per request,
 * into the ids it matches (search-hits.ts), and the condition then says `o.id IN (those ids)`. The
 * page and its totals so share one scan of the orders, and the other filters and the sort work on
 * the matching rows only. Written as a plain condition, the planner would rather walk orders_ordered
 * newest first and test every order in the database when the match is rare.
 */
import { sql, type RawBuilder } from 'kysely';
import { BUYER_KEY_KINDS, PLATFORMS } from '../../domain/orders/types.js';
import type { OrdersFilter } from '../../shared/orders-query.js';
import { PAID_SQL } from '../figures.js';

/** A filter ready for SQL: the search already turned into the ids it matches (null: no search). */
export interface ResolvedFilter {
  filter: OrdersFilter;
  searchIds: readonly number[] | null;
}

const DAY_MS = 86_400_000;

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString();
}

/** The condition (on alias `o`) for the filter; `1` when it filters nothing. */
export function ordersWhere({ filter, searchIds }: ResolvedFilter): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  if (filter.platforms?.length)
    terms.push(sql`o.shop_id IN (SELECT id FROM shops WHERE platform IN (${sql.join(filter.platforms)}))`);
  if (filter.shopIds?.length) terms.push(sql`o.shop_id IN (${sql.join(filter.shopIds)})`);
  if (filter.statuses?.length) terms.push(sql`o.status IN (${sql.join(filter.statuses)})`);
  // order_date is the shop-local day; the looser bounds on ordered_at (UTC, no zone is more than
  // a day away) say nothing new but let the newest-first index serve a date range without a sort.
  if (filter.from)
    terms.push(sql`o.order_date >= ${filter.from} AND o.ordered_at >= ${shiftDay(filter.from, -1)}`);
  if (filter.to) terms.push(sql`o.order_date <= ${filter.to} AND o.ordered_at < ${shiftDay(filter.to, 2)}`);
  if (filter.currency) terms.push(sql`o.currency = ${filter.currency}`);
  if (filter.hasRefund === true) terms.push(sql`o.refund_fen > 0`);
  if (filter.hasRefund === false) terms.push(sql`coalesce(o.refund_fen, 0) <= 0`);
  if (filter.paid) terms.push(sql.raw(PAID_SQL));
  if (filter.buyer) {
    terms.push(sql`o.buyer_account_id IN (SELECT id FROM buyer_accounts
      WHERE platform IN (${sql.join([...PLATFORMS])}) AND key_kind IN (${sql.join([...BUYER_KEY_KINDS])})
        AND account_key = ${filter.buyer})`);
  }
  if (searchIds) terms.push(sql`o.id IN (SELECT value FROM json_each(${JSON.stringify(searchIds)}))`);
  return terms.length ? sql.join(terms, sql` AND `) : sql`1`;
}
