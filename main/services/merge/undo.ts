/**
 * Undoing a merge run, a split or a lock: the accounts go back to the customers they had, the
 * customers it emptied come back and those it created go, the links it replaced come back, the
 * decisions it wrote are revoked and those it revoked stand again. Refused while a later committed
 * operation changed the same accounts or customers (undo that first).
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { MergeUndoResult } from '../../domain/merge/results.js';
import { noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';

export const UNDOABLE_KINDS = ['merge', 'merge_decision', 'customer_split', 'customer_lock'] as const;

const CUSTOMER_COLUMNS = ['id', 'display_name', 'locked', 'note', 'tags_json', 'first_op_id', 'created_at'];
const LINK_COLUMNS = [
  'account_a',
  'account_b',
  'weight',
  'zone',
  'strong',
  'evidence_json',
  'blocked_reason',
  'rule',
  'deferred',
  'run_op_id',
];

const LATER_SQL = `
  SELECT DISTINCT c.op_id AS id FROM operation_changes c
  JOIN operations later ON later.id = c.op_id AND later.state = 'committed'
  WHERE c.op_id > @op AND c.table_name IN ('buyer_accounts', 'customers')
    AND EXISTS (SELECT 1 FROM operation_changes m
                WHERE m.op_id = @op AND m.table_name = c.table_name AND m.row_id = c.row_id)
  ORDER BY 1`;

function refuseUnlessUndoable(tx: WriteTx, opId: number): void {
  const op = tx.sqlite.prepare('SELECT kind, state FROM operations WHERE id = ?').get(opId) as
    { kind: string; state: string } | undefined;
  const params = { opId: String(opId) };
  if (!op || !(UNDOABLE_KINDS as readonly string[]).includes(op.kind))
    throw new UserError({ code: 'merge.noOperation', params });
  if (op.state === 'undone') throw new UserError({ code: 'merge.alreadyUndone', params });
  const later = tx.sqlite.prepare(LATER_SQL).all({ op: opId }) as { id: number }[];
  if (later.length > 0)
    throw new UserError({
      code: 'merge.undoBlocked',
      params: { ...params, later: later.map((r) => `#${r.id}`).join(', ') },
    });
}

export function undoMergeOperation(huikeDb: HuikeDb, opId: number, now: string): Promise<MergeUndoResult> {
  return huikeDb.writer.transaction(async (tx) => {
    refuseUnlessUndoable(tx, opId);
    const sqlite = tx.sqlite;
    const changes = `FROM operation_changes c WHERE c.op_id = @op`;
    noteStaleCustomers(
      tx,
      `SELECT a.customer_id ${changes.replace('WHERE', 'JOIN buyer_accounts a ON a.id = c.row_id WHERE')}
         AND c.table_name = 'buyer_accounts'`,
      { op: opId },
    );
    // The customers it emptied (deleted), then the values it changed (a lock).
    const customersRestored = sqlite
      .prepare(
        `INSERT OR IGNORE INTO customers (${CUSTOMER_COLUMNS.join(', ')})
         SELECT ${CUSTOMER_COLUMNS.map((col) => `json_extract(c.before_json, '$.${col}')`).join(', ')}
         ${changes} AND c.table_name = 'customers' AND c.action = 'delete'`,
      )
      .run({ op: opId }).changes;
    sqlite
      .prepare(
        `UPDATE customers SET locked = json_extract(c.before_json, '$.locked')
         ${changes} AND c.table_name = 'customers' AND c.action = 'update' AND customers.id = c.row_id`,
      )
      .run({ op: opId });
    const accountsRestored = sqlite
      .prepare(
        `UPDATE buyer_accounts SET customer_id = json_extract(c.before_json, '$.customer_id'),
           customer_via = json_extract(c.before_json, '$.customer_via')
         ${changes} AND c.table_name = 'buyer_accounts' AND c.action = 'update' AND buyer_accounts.id = c.row_id
           AND EXISTS (SELECT 1 FROM customers k WHERE k.id = json_extract(c.before_json, '$.customer_id'))`,
      )
      .run({ op: opId }).changes;
    noteStaleCustomers(
      tx,
      `SELECT json_extract(c.before_json, '$.customer_id') ${changes} AND c.table_name = 'buyer_accounts'
       UNION ALL SELECT id FROM customers WHERE first_op_id = @op`,
      { op: opId },
    );
    // Links: its own go, the ones it replaced come back (where both accounts are still there).
    sqlite.prepare('DELETE FROM merge_links WHERE run_op_id = ?').run(opId);
    sqlite
      .prepare(
        `INSERT OR REPLACE INTO merge_links (${LINK_COLUMNS.join(', ')})
         SELECT ${LINK_COLUMNS.map((col) => `json_extract(c.before_json, '$.${col}')`).join(', ')}
         ${changes} AND c.table_name = 'merge_links' AND c.action = 'delete'
           AND EXISTS (SELECT 1 FROM buyer_accounts x WHERE x.id = json_extract(c.before_json, '$.account_a'))
           AND EXISTS (SELECT 1 FROM buyer_accounts y WHERE y.id = json_extract(c.before_json, '$.account_b'))`,
      )
      .run({ op: opId });
    // Decisions: those it revoked stand again, those it wrote are revoked (by this undone operation).
    sqlite
      .prepare('UPDATE merge_assertions SET revoked_op_id = NULL WHERE revoked_op_id = ? AND op_id <> ?')
      .run(opId, opId);
    sqlite
      .prepare('UPDATE merge_assertions SET revoked_op_id = ? WHERE op_id = ? AND revoked_op_id IS NULL')
      .run(opId, opId);
    // Customers left without accounts (those it created; those it brought back for accounts gone since).
    sqlite.exec(`DELETE FROM customers WHERE id IN (SELECT id FROM temp.stale_customers)
      AND NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = customers.id)`);
    await refreshStaleCustomers(tx);
    sqlite.prepare("UPDATE operations SET state = 'undone', undone_at = ? WHERE id = ?").run(now, opId);
    return { opId, accountsRestored, customersRestored };
  });
}
