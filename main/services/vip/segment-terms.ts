/**
 * The filters segments add to the Customers list (region, products, tags, VIP level, consent) as
 * SQL conditions on `customer_stats s`; customers/filter-sql.ts joins them with its own.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CustomersFilter } from '../../shared/customers-query.js';
import { PAID_SQL } from '../figures.js';
import { NO_MARKETING_IDS_SQL } from './consent-sql.js';
import { predictionTerms } from '../value/prediction-terms.js';

const json = (values: readonly unknown[]) => JSON.stringify(values);

/** Customers with a paid order whose receiver is in one of the divisions (`column` of orders o). */
function regionTerm(
  column: 'identity_prov_code' | 'identity_city_code',
  codes: string[],
): RawBuilder<unknown> {
  return sql`s.customer_id IN (SELECT a.customer_id FROM orders o
    JOIN buyer_accounts a ON a.id = o.buyer_account_id
    WHERE ${sql.ref(`o.${column}`)} IN (SELECT value FROM json_each(${json(codes)})) AND ${sql.raw(PAID_SQL)})`;
}

export function segmentTerms(filter: CustomersFilter): RawBuilder<unknown>[] {
  const terms: RawBuilder<unknown>[] = [];
  if (filter.provinces?.length) terms.push(regionTerm('identity_prov_code', filter.provinces));
  if (filter.cities?.length) terms.push(regionTerm('identity_city_code', filter.cities));
  if (filter.products?.length)
    terms.push(sql`s.customer_id IN (SELECT a.customer_id FROM order_lines l
      JOIN orders o ON o.id = l.order_id JOIN buyer_accounts a ON a.id = o.buyer_account_id
      WHERE coalesce(l.sku, l.title) IN (SELECT value FROM json_each(${json(filter.products)}))
        AND ${sql.raw(PAID_SQL)})`);
  if (filter.tags?.length)
    terms.push(sql`EXISTS (SELECT 1 FROM customers c, json_each(c.tags_json) t
      WHERE c.id = s.customer_id AND t.value IN (SELECT value FROM json_each(${json(filter.tags)})))`);
  if (filter.note)
    terms.push(sql`EXISTS (SELECT 1 FROM customers c
      WHERE c.id = s.customer_id AND instr(lower(c.note), lower(${filter.note})) > 0)`);
  // Levels are kept fresh by the callers that read them (levels.ts ensureVipLevels).
  if (filter.vipLevels?.length)
    terms.push(sql`s.customer_id IN (SELECT v.customer_id FROM customer_vip v
      WHERE v.level IN (SELECT value FROM json_each(${json(filter.vipLevels)})))`);
  if (filter.marketing === 'refused') terms.push(sql`s.customer_id IN (${sql.raw(NO_MARKETING_IDS_SQL)})`);
  if (filter.marketing === 'allowed')
    terms.push(sql`s.customer_id NOT IN (${sql.raw(NO_MARKETING_IDS_SQL)})`);
  terms.push(...predictionTerms(filter));
  return terms;
}
