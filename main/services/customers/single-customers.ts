/**
 * Until the buyer merge has looked at them, each new buyer account is a customer of its own
 * (customer_via 'single'), so the Customers list and the customer page cover every buyer from the
 * first import on. Set-based: the accounts an operation inserted without a customer get consecutive
 * new customer ids, one INSERT … SELECT for the customers and one UPDATE for the accounts. The
 * customers carry the operation's id (`first_op_id`), so undoing it removes them again.
 */
import type { WriteTx } from '../../../db/index.js';

export function createSingleCustomers(tx: WriteTx, opId: number, now: string): number {
  const sqlite = tx.sqlite;
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS new_single_customers (
    account_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL)`);
  sqlite.exec('DELETE FROM temp.new_single_customers');
  const { base } = sqlite.prepare('SELECT coalesce(max(id), 0) AS base FROM customers').get() as {
    base: number;
  };
  const created = sqlite
    .prepare(
      `INSERT INTO temp.new_single_customers (account_id, customer_id)
       SELECT a.id, @base + row_number() OVER (ORDER BY a.id) FROM buyer_accounts a
       WHERE a.first_op_id = @op AND a.customer_id IS NULL`,
    )
    .run({ base, op: opId }).changes;
  if (created === 0) return 0;
  sqlite
    .prepare(
      `INSERT INTO customers (id, first_op_id, created_at)
       SELECT customer_id, @op, @now FROM temp.new_single_customers ORDER BY customer_id`,
    )
    .run({ op: opId, now });
  sqlite.exec(`UPDATE buyer_accounts SET customer_id = n.customer_id, customer_via = 'single'
    FROM temp.new_single_customers n WHERE buyer_accounts.id = n.account_id`);
  sqlite.exec('DELETE FROM temp.new_single_customers');
  return created;
}
