/**
 * The owner's decisions on a customer: split (move chosen accounts out into a new customer, with
 * cannot-links between the two parts so no later run joins them again) and lock (no automatic
 * change adds to it or splits it). Each is one operation, undone by undo.ts.
 */
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { CustomerLockResult, CustomerSplitResult } from '../../domain/merge/results.js';
import { noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';
import { newOperation, recordRows } from '../operation-log.js';
import { insertAssertion } from './assertions.js';

export function splitCustomer(
  huikeDb: HuikeDb,
  customerId: number,
  accountIds: readonly number[],
  now: string,
): Promise<CustomerSplitResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const sqlite = tx.sqlite;
    const members = (
      sqlite
        .prepare('SELECT id FROM buyer_accounts WHERE customer_id = ? ORDER BY id')
        .raw()
        .all(customerId) as [number][]
    ).map((r) => r[0]);
    if (members.length === 0)
      throw new UserError({ code: 'customers.notFound', params: { id: String(customerId) } });
    const chosen = [...new Set(accountIds)];
    if (!chosen.every((id) => members.includes(id)))
      throw new UserError({ code: 'merge.splitNotMember', params: { id: String(customerId) } });
    const rest = members.filter((id) => !chosen.includes(id));
    if (rest.length === 0)
      throw new UserError({ code: 'merge.splitAll', params: { id: String(customerId) } });

    const opId = newOperation(tx, 'customer_split', now, { customerId, accounts: chosen });
    const newCustomerId = Number(
      sqlite.prepare('INSERT INTO customers (first_op_id, created_at) VALUES (?, ?)').run(opId, now)
        .lastInsertRowid,
    );
    const where = `id IN (${chosen.map(Number).join(', ')})`;
    recordRows(tx, opId, {
      table: 'buyer_accounts',
      action: 'update',
      columns: ['customer_id', 'customer_via'],
      where,
    });
    sqlite
      .prepare(`UPDATE buyer_accounts SET customer_id = ?, customer_via = 'manual' WHERE ${where}`)
      .run(newCustomerId);
    // The parts are not one person: earlier must-links between them no longer hold.
    sqlite
      .prepare(
        `UPDATE merge_assertions SET revoked_op_id = @op WHERE kind = 'must' AND revoked_op_id IS NULL AND id IN (
           SELECT m.id FROM merge_assertions m
           JOIN buyer_accounts a ON a.platform = m.a_platform AND a.key_kind = m.a_key_kind AND a.account_key = m.a_key
           JOIN buyer_accounts b ON b.platform = m.b_platform AND b.key_kind = m.b_key_kind AND b.account_key = m.b_key
           WHERE (a.id IN (${chosen.join(', ')}) AND b.id IN (${rest.join(', ')}))
              OR (b.id IN (${chosen.join(', ')}) AND a.id IN (${rest.join(', ')})))`,
      )
      .run({ op: opId });
    for (const a of chosen) for (const b of rest) insertAssertion(sqlite, 'cannot', a, b, opId, now);
    noteStaleCustomers(tx, 'SELECT @a UNION ALL SELECT @b', { a: customerId, b: newCustomerId });
    await refreshStaleCustomers(tx);
    return { opId, newCustomerId, moved: chosen.length };
  });
}

export function lockCustomer(
  huikeDb: HuikeDb,
  customerId: number,
  locked: boolean,
  now: string,
): Promise<CustomerLockResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const exists = tx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId);
    if (!exists) throw new UserError({ code: 'customers.notFound', params: { id: String(customerId) } });
    const opId = newOperation(tx, 'customer_lock', now, { customerId, locked });
    recordRows(tx, opId, {
      table: 'customers',
      action: 'update',
      columns: ['locked'],
      where: 'id = @id',
      params: { id: customerId },
    });
    tx.sqlite.prepare('UPDATE customers SET locked = ? WHERE id = ?').run(locked ? 1 : 0, customerId);
    return { opId, id: customerId, locked };
  });
}
