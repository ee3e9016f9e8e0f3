/**
 * The owner's note and tags on a customer: one write, one 'customer_edit' entry in the operation
 * log with the values it replaced. Tags are searchable, so the customer's search text is computed
 * again in the same transaction.
 */
import type { HuikeDb } from '../../../db/index.js';
import type { CustomerEditResult } from '../../domain/customers/views.js';
import { UserError } from '../../domain/errors.js';
import { normaliseTags } from '../../shared/customers-query.js';
import { newOperation, recordRows } from '../operation-log.js';
import { tagsOf } from './rows.js';
import { refreshCustomerStats } from './stats.js';

export interface CustomerChanges {
  /** null or '' clears the note. */
  note?: string | null;
  tags?: string[];
}

export function updateCustomer(
  huikeDb: HuikeDb,
  id: number,
  changes: CustomerChanges,
  now: string,
): Promise<CustomerEditResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const before = tx.sqlite.prepare('SELECT note, tags_json FROM customers WHERE id = ?').get(id) as
      { note: string | null; tags_json: string } | undefined;
    if (!before) throw new UserError({ code: 'customers.notFound', params: { id: String(id) } });
    const note = changes.note === undefined ? before.note : changes.note?.trim() || null;
    const tags = changes.tags === undefined ? tagsOf(before.tags_json) : normaliseTags(changes.tags);
    const tagsJson = JSON.stringify(tags);
    if (note === before.note && tagsJson === before.tags_json) return { operationId: null, id, note, tags };

    const operationId = newOperation(tx, 'customer_edit', now, { customerIds: [id] });
    recordRows(tx, operationId, {
      table: 'customers',
      action: 'update',
      columns: ['note', 'tags_json'],
      where: 't.id = @id',
      params: { id },
    });
    tx.sqlite.prepare('UPDATE customers SET note = ?, tags_json = ? WHERE id = ?').run(note, tagsJson, id);
    await refreshCustomerStats(tx, 'SELECT @id', { id });
    return { operationId, id, note, tags };
  });
}
