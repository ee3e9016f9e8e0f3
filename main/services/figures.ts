/**
 * The definitions every screen and command counts with, written once: a paid order, and a buyer
 * (买家): a buyer account with at least one paid order among the orders considered.
 */
import { paidOrderSql } from './import/order-columns.js';

/** True for a paid order of `orders o`. */
export const PAID_SQL = paidOrderSql('o');

/**
 * Buyers and repeat buyers (two or more paid orders) among the orders `o` that `where` keeps
 * (an SQL condition on `orders o`; its parameters are bound by the caller).
 */
export function buyerCountsSql(where: string): string {
  return `SELECT count(*) AS buyers, coalesce(sum(n > 1), 0) AS repeatBuyers FROM (
      SELECT count(*) AS n FROM orders o
      WHERE ${PAID_SQL} AND o.buyer_account_id IS NOT NULL AND (${where})
      GROUP BY o.buyer_account_id)`;
}
