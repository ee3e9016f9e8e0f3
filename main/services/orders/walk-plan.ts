/**
 * Whether a newest-first page should walk orders_ordered from the newest order and test each one
 * against the filter, or let SQLite pick its plan (usually: find the filter's rows through
 * orders_shop_day, then sort them). The walk is instant when the filter keeps many orders (the
 * Tmall shop holding 1M of 1.4M: 1 ms against 240 ms per page) and slow when it keeps few or the
 * page is deep (it may read the whole index to find them). SQLite has no statistics to tell the two apart, but the
 * totals of the filter's first page do: their share of all orders is remembered (one planner per
 * running app) for the pages that follow; a filter that keeps few is kept off the walk (without statistics SQLite walks
 * whenever no index fits the filter, a status say). A wrong guess costs time, never a wrong row.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type { OrdersSort } from '../../shared/orders-query.js';
import type { ResolvedFilter } from './filter-sql.js';

/**
 * The walk reads about (offset + limit) / share index entries and their rows; past this many it
 * costs more than filtering the whole table and sorting what is left (~150 ms on 1.4M orders).
 */
const WALK_MAX_ENTRIES = 100_000;
const REMEMBERED = 32;

/** Only filters without an index of their own are candidates (a search or a buyer is never dense). */
function keyOf({ filter, searchIds }: ResolvedFilter): string | null {
  if (searchIds || filter.buyer) return null;
  const { platforms, shopIds, statuses, from, to, currency, hasRefund, paid } = filter;
  return JSON.stringify([platforms, shopIds, statuses, from, to, currency, hasRefund, paid]);
}

/**
 * 'walk': read orders_ordered newest first; 'sort': never walk it (the filter keeps few orders:
 * find them, then sort them); 'planner': nothing known, SQLite decides.
 */
export type NewestFirstPlan = 'walk' | 'sort' | 'planner';

export function createWalkPlanner() {
  const shares = new Map<string, number>();
  return {
    /** The filter's first page found `matched` orders: remember its share of all orders. */
    async remember(db: Db, resolved: ResolvedFilter, matched: number): Promise<void> {
      const key = keyOf(resolved);
      if (key === null) return;
      // count(*) of a whole table reads the smallest index: a few ms on a million orders.
      const all = await sql<{ n: number }>`SELECT count(*) AS n FROM orders`.execute(db);
      const total = all.rows[0]?.n ?? 0;
      shares.delete(key);
      shares.set(key, total === 0 ? 0 : matched / total);
      if (shares.size > REMEMBERED) shares.delete(shares.keys().next().value!);
    },

    plan(
      resolved: ResolvedFilter,
      sort: OrdersSort,
      page: { offset: number; limit: number },
    ): NewestFirstPlan {
      if (sort.key !== 'ordered_at') return 'planner';
      const key = keyOf(resolved);
      const share = key === null ? undefined : shares.get(key);
      if (share === undefined) return 'planner';
      return share > 0 && (page.offset + page.limit) / share <= WALK_MAX_ENTRIES ? 'walk' : 'sort';
    },
  };
}
export type WalkPlanner = ReturnType<typeof createWalkPlanner>;
