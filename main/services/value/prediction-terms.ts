/**
 * The Customers filter's ranges on the last value fit's predictions (predicted 12-month CLV,
 * P(alive)) as SQL conditions on `customer_stats s`, read from `customer_value` where the fit
 * stored them (fit-refresh.ts): no analysis is run, and a customer without the prediction (no fit
 * yet, or P(alive) NULL when the simple rules stood in for the model) never falls in a range.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CustomersFilter } from '../../shared/customers-query.js';

function rangeTerm(column: 'clv_fen' | 'p_alive', min?: number, max?: number): RawBuilder<unknown> | null {
  if (min === undefined && max === undefined) return null;
  const bounds = [
    ...(min === undefined ? [] : [sql`${sql.ref(`v.${column}`)} >= ${min}`]),
    ...(max === undefined ? [] : [sql`${sql.ref(`v.${column}`)} <= ${max}`]),
  ];
  return sql`s.customer_id IN (SELECT v.customer_id FROM customer_value v WHERE ${sql.join(bounds, sql` AND `)})`;
}

export function predictionTerms(filter: CustomersFilter): RawBuilder<unknown>[] {
  return [
    rangeTerm('clv_fen', filter.clvMinFen, filter.clvMaxFen),
    rangeTerm('p_alive', filter.pAliveMin, filter.pAliveMax),
  ].filter((t): t is RawBuilder<unknown> => t !== null);
}
