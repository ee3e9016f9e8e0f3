/**
 * Writing the operation log (`operations`, `operation_changes`) for changes other than imports:
 * shop edits, shop merges, the sample data's removal. Before-images are recorded set-based, one
 * INSERT … SELECT per kind of change, so a change to a million orders is one statement.
 *
 * What an 'update' before-image holds: the columns the operation changes (so undoing it puts
 * exactly those back); a 'delete' holds the whole row.
 */
import type { WriteTx } from '../../db/index.js';

export type OperationKind =
  | 'shop_edit'
  | 'shop_merge'
  | 'demo_removal'
  | 'customer_edit'
  | 'merge'
  | 'merge_decision'
  | 'consent_edit'
  | 'optout_import'
  | 'unmask'
  | 'erasure'
  | 'customer_split'
  | 'customer_lock';

export function newOperation(tx: WriteTx, kind: OperationKind, now: string, summary: object): number {
  return Number(
    tx.sqlite
      .prepare('INSERT INTO operations (kind, created_at, summary_json) VALUES (?, ?, ?)')
      .run(kind, now, JSON.stringify(summary)).lastInsertRowid,
  );
}

export function setSummary(tx: WriteTx, opId: number, summary: object): void {
  tx.sqlite.prepare('UPDATE operations SET summary_json = ? WHERE id = ?').run(JSON.stringify(summary), opId);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function columnsOf(tx: WriteTx, table: string): string[] {
  const rows = tx.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{
    name: string;
  }>;
  return rows.map((r) => r.name);
}

/**
 * Records the rows of `table` matching `where` (SQL over the table's own columns, with `params`)
 * as changed by operation `opId`: their current values of `columns` for an update, the whole row
 * for a delete. Returns how many rows were recorded.
 */
export function recordRows(
  tx: WriteTx,
  opId: number,
  change: {
    table: string;
    action: 'update' | 'delete';
    /** For updates: the columns the operation is about to change. */
    columns?: readonly string[];
    where: string;
    params?: Record<string, unknown>;
  },
): number {
  const columns = change.action === 'delete' ? columnsOf(tx, change.table) : (change.columns ?? []);
  if (![change.table, ...columns].every((c) => IDENTIFIER.test(c)))
    throw new Error(`operation log: bad identifier in ${change.table}`);
  if (columns.length === 0) throw new Error('operation log: an update must name its columns');
  const { lastSeq } = tx.sqlite
    .prepare('SELECT coalesce(max(seq), 0) AS lastSeq FROM operation_changes WHERE op_id = ?')
    .get(opId) as { lastSeq: number };
  const image = `json_object(${columns.map((c) => `'${c}', t.${c}`).join(', ')})`;
  return tx.sqlite
    .prepare(
      `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
       SELECT @opId, @lastSeq + row_number() OVER (ORDER BY t.id),
         '${change.table}', t.id, '${change.action}', ${image}
       FROM ${change.table} t WHERE ${change.where}`,
    )
    .run({ ...change.params, opId, lastSeq }).changes;
}
