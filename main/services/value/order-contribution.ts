/**
 * An order's contribution, in ONE place, for the value analyses ("monetary as contribution
 * profit", tiers by profit, negative-value customers).
 *
 * Today: the net paid (paid − refunded) minus the goods cost of its lines where the products table
 * gives the SKU's unit cost (lines refunded in full brought no goods cost: their goods came back or
 * never left). Without any product cost the contribution is the net paid. When the profit report
 * (issue 10) lands, its per-order contribution (platform fees, shipping, packaging, cost to serve)
 * replaces this expression; the analyses read nothing else.
 */
import type { ReadSource } from '../customers/search.js';

/**
 * - net-after-refunds: no product costs are known; contribution = paid − refunded;
 * - net-minus-goods-cost: paid − refunded − quantity × unit cost of the lines whose SKU has a cost.
 */
export type ContributionMode = 'net-after-refunds' | 'net-minus-goods-cost';

/** Net paid after refunds of `orders o`, minor units. */
export const NET_REVENUE_SQL = '(coalesce(o.paid_fen, 0) - coalesce(o.refund_fen, 0))';

export function contributionMode({ readSqlite }: Pick<ReadSource, 'readSqlite'>): ContributionMode {
  const hasCost = readSqlite.prepare('SELECT 1 FROM products WHERE unit_cost_fen > 0 LIMIT 1').get();
  return hasCost ? 'net-minus-goods-cost' : 'net-after-refunds';
}

/** The contribution of `orders o` in the given mode, as an SQL expression (minor units). */
export function contributionSql(mode: ContributionMode): string {
  if (mode === 'net-after-refunds') return NET_REVENUE_SQL;
  return `(${NET_REVENUE_SQL} - coalesce((SELECT sum(l.quantity * p.unit_cost_fen)
      FROM order_lines l JOIN products p ON p.sku = l.sku
      WHERE l.order_id = o.id AND NOT (coalesce(l.refund_fen, 0) > 0 AND l.refund_fen >= coalesce(l.paid_fen, 0))), 0))`;
}
