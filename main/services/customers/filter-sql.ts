/**
 * The Customers page's filters as one SQL condition on `customer_stats s`, and its sorts, shared by
 * the list, its total and the export so the three always agree on which customers are meant.
 *
 * A search is resolved first into the ids it matches (search.ts). A spend range that excludes zero
 * is answered by the customer_spend_rank index (currency, net); one that holds zero looks up each
 * customer's spend (a customer who never paid in that currency spent 0 in it).
 */
import { sql, type RawBuilder } from 'kysely';
import type { CustomersFilter, CustomersSort } from '../../shared/customers-query.js';

/** A filter ready for SQL: the search already turned into the ids it matches (null: no search). */
export interface ResolvedCustomersFilter {
  filter: CustomersFilter;
  searchIds: readonly number[] | null;
}

/** `instr(list, ',v,')` for any of the values: lists are stored as ',a,b,'. */
function anyOf(column: string, values: ReadonlyArray<string | number>): RawBuilder<unknown> {
  return sql`(${sql.join(
    values.map((v) => sql`instr(${sql.ref(column)}, ${`,${v},`}) > 0`),
    sql` OR `,
  )})`;
}

function spendTerm(filter: CustomersFilter): RawBuilder<unknown> | null {
  const { spendCurrency: currency, spendMin: min, spendMax: max } = filter;
  if (!currency || (min === undefined && max === undefined)) return null;
  if (min !== undefined && min > 0) {
    const upper = max === undefined ? sql`` : sql` AND m.net_fen <= ${max}`;
    return sql`s.customer_id IN (SELECT m.customer_id FROM customer_spend m
      WHERE m.currency = ${currency} AND m.net_fen >= ${min}${upper})`;
  }
  // The range holds 0, which a customer who never paid in the currency spent: its spend row's
  // net, or 0 without one (one lookup per customer beats listing the many outside the range).
  if (max !== undefined && max < 0) return sql`0`;
  const net = sql`coalesce((SELECT m.net_fen FROM customer_spend m
    WHERE m.customer_id = s.customer_id AND m.currency = ${currency}), 0)`;
  const bounds = [
    ...(min === undefined ? [] : [sql`${net} >= ${min}`]),
    ...(max === undefined ? [] : [sql`${net} <= ${max}`]),
  ];
  return sql.join(bounds, sql` AND `);
}

/** The condition (on alias `s`) for the filter; `1` when it filters nothing. */
export function customersWhere({ filter, searchIds }: ResolvedCustomersFilter): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  if (searchIds)
    terms.push(sql`s.customer_id IN (SELECT value FROM json_each(${JSON.stringify(searchIds)}))`);
  if (filter.platforms?.length) terms.push(anyOf('s.platforms', filter.platforms));
  if (filter.shopIds?.length) terms.push(anyOf('s.shop_ids', filter.shopIds));
  if (filter.firstFrom) terms.push(sql`s.first_order_date >= ${filter.firstFrom}`);
  if (filter.firstTo) terms.push(sql`s.first_order_date <= ${filter.firstTo}`);
  if (filter.lastFrom) terms.push(sql`s.last_order_date >= ${filter.lastFrom}`);
  if (filter.lastTo) terms.push(sql`s.last_order_date <= ${filter.lastTo}`);
  if (filter.ordersMin !== undefined) terms.push(sql`s.paid_orders >= ${filter.ordersMin}`);
  if (filter.ordersMax !== undefined) terms.push(sql`s.paid_orders <= ${filter.ordersMax}`);
  const spend = spendTerm(filter);
  if (spend) terms.push(spend);
  return terms.length ? sql.join(terms, sql` AND `) : sql`1`;
}

/**
 * FROM and ORDER BY for a sort. Every sort ends on the customer id so pages never overlap or skip
 * one. Dates and order counts follow their indexes (a first page reads a hundred index entries);
 * a spend sort joins the currency's spend; names sort with the nameless last.
 */
export function customersSource(
  sort: CustomersSort,
  spendCurrency: string | null,
): { from: RawBuilder<unknown>; orderBy: RawBuilder<unknown> } {
  const dir = sql.raw(sort.direction === 'asc' ? 'ASC' : 'DESC');
  const plain = sql`customer_stats s`;
  switch (sort.key) {
    case 'last_order':
      return { from: plain, orderBy: sql`s.last_order_at ${dir}, s.customer_id ${dir}` };
    case 'first_order':
      return { from: plain, orderBy: sql`s.first_order_at ${dir}, s.customer_id ${dir}` };
    case 'orders':
      return { from: plain, orderBy: sql`s.paid_orders ${dir}, s.customer_id ${dir}` };
    case 'name':
      return { from: plain, orderBy: sql`s.name IS NULL, s.name ${dir}, s.customer_id ${dir}` };
    case 'spend':
      return {
        from: sql`customer_stats s LEFT JOIN customer_spend m
          ON m.customer_id = s.customer_id AND m.currency = ${spendCurrency ?? ''}`,
        orderBy: sql`coalesce(m.net_fen, 0) ${dir}, s.customer_id ${dir}`,
      };
  }
}
