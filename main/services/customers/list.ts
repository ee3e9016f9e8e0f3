/**
 * The Customers list: one page of every customer across platforms and shops, filtered and sorted,
 * with the number of customers the filter keeps when asked (the first page of a filter). Reads the
 * per-customer summary (stats.ts), never the orders: a page is its ids (filter, sort, offset, limit
 * on the narrow summary rows), then those rows in full.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';
import type { CustomersPage } from '../../domain/customers/views.js';
import type { CustomersFilter, CustomersSort } from '../../shared/customers-query.js';
import { readShops } from '../orders/list-rows.js';
import { customersSource, customersWhere, type ResolvedCustomersFilter } from './filter-sql.js';
import { readCustomerRows } from './rows.js';
import { searchCustomerIds, type ReadSource } from './search.js';

export interface CustomersListRequest {
  filter: CustomersFilter;
  sort: CustomersSort;
  offset: number;
  limit: number;
  withTotal: boolean;
}

export async function resolveCustomersFilter(
  source: ReadSource,
  filter: CustomersFilter,
): Promise<ResolvedCustomersFilter> {
  return { filter, searchIds: await searchCustomerIds(source, filter.q) };
}

/** The currency a spend sort ranks by: asked for, the filter's, else the one most customers spent in. */
export async function spendSortCurrency(
  db: Db,
  sort: CustomersSort,
  filter: CustomersFilter,
): Promise<string | null> {
  if (sort.key !== 'spend') return null;
  if (sort.currency) return sort.currency;
  if (filter.spendCurrency) return filter.spendCurrency;
  const { rows } = await sql<{ currency: string }>`SELECT currency FROM customer_spend
    GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`.execute(db);
  return rows[0]?.currency ?? null;
}

/** The ids of one page (or, with no limit, of every customer the filter keeps), in the sort's order. */
export function pageIdsQuery(
  resolved: ResolvedCustomersFilter,
  sort: CustomersSort,
  spendCurrency: string | null,
  page?: { offset: number; limit: number },
) {
  const { from, orderBy } = customersSource(sort, spendCurrency);
  const limit = page ? sql` LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  return sql<{ id: number }>`SELECT s.customer_id AS id FROM ${from} WHERE ${customersWhere(resolved)}
    ORDER BY ${orderBy}${limit}`;
}

export async function listCustomers(
  source: ReadSource,
  request: CustomersListRequest,
): Promise<CustomersPage> {
  const db = source.reader;
  const resolved = await resolveCustomersFilter(source, request.filter);
  const total = request.withTotal ? await countCustomers(db, resolved) : null;
  if (total !== null && total <= request.offset) return { offset: request.offset, rows: [], total };
  const currency = await spendSortCurrency(db, request.sort, request.filter);
  const ids = await pageIdsQuery(resolved, request.sort, currency, request).execute(db);
  const shops = await readShops(db);
  const rows = await readCustomerRows(
    db,
    ids.rows.map((r) => r.id),
    new Map(shops.map((s) => [s.id, s])),
  );
  return { offset: request.offset, rows, total };
}

export async function countCustomers(db: Db, resolved: ResolvedCustomersFilter): Promise<number> {
  // A search alone: its matches are the count (every customer has its summary and search rows).
  const { q: _q, ...others } = resolved.filter;
  if (resolved.searchIds && Object.values(others).every((v) => v === undefined))
    return resolved.searchIds.length;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM customer_stats s
    WHERE ${customersWhere(resolved)}`.execute(db);
  return rows[0]?.n ?? 0;
}
