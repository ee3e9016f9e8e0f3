/**
 * merge.review.undo: takes back the owner's latest review decision (the latest committed
 * 'merge_decision' operation) exactly — the assertion it wrote goes, the customers and accounts a
 * merge changed get their before-images back (the joined customer again under its own id, with its
 * note and tags), a skipped pair returns to its place — and marks the operation undone. Refused
 * while a later operation changed the same rows (an engine run or an edit building on the merge):
 * undoing underneath it would lose that work.
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { ReviewUndoResult } from '../../domain/review/views.js';
import { dropEmptyStaleCustomers, noteStaleCustomers, refreshStaleCustomers } from '../customers/stats.js';
import type { DecisionSummary } from './review-decide.js';
import { queueSize } from './review-queue.js';

/** The tables a decision changes, and so the only ones its undo writes. */
const RESTORED_TABLES = new Set(['buyer_accounts', 'customers', 'merge_links']);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

interface Change {
  seq: number;
  table_name: string;
  row_id: number;
  action: 'insert' | 'update' | 'delete';
  before_json: string;
}

/**
 * Later committed operations that changed a customer or an account this one changed, with both
 * before-images: only a later change to the same columns builds on the decision (a consent mark on
 * a merged account does not).
 */
const LATER_SQL = `
  SELECT later.id, mine.before_json AS mine, c.action AS action, c.before_json AS theirs
  FROM operation_changes mine
  JOIN operation_changes c ON c.table_name = mine.table_name AND c.row_id = mine.row_id AND c.op_id > mine.op_id
  JOIN operations later ON later.id = c.op_id AND later.state = 'committed'
  WHERE mine.op_id = @op AND mine.table_name IN ('buyer_accounts', 'customers')
  ORDER BY later.id`;

/** Whether a later change of a row touches a column the decision's before-image holds. */
function overlaps(mine: string, action: string, theirs: string): boolean {
  if (action !== 'update') return true;
  const columns = new Set(Object.keys(JSON.parse(mine) as Record<string, unknown>));
  return Object.keys(JSON.parse(theirs) as Record<string, unknown>).some((c) => columns.has(c));
}

function latestDecision(tx: WriteTx): { id: number; summary: DecisionSummary } {
  const op = tx.sqlite
    .prepare(
      `SELECT id, summary_json FROM operations WHERE kind = 'merge_decision' AND state = 'committed'
       ORDER BY id DESC LIMIT 1`,
    )
    .get() as { id: number; summary_json: string } | undefined;
  if (!op) throw new UserError({ code: 'review.nothingToUndo' });
  return { id: op.id, summary: JSON.parse(op.summary_json) as DecisionSummary };
}

function refuseIfBuiltOn(tx: WriteTx, opId: number, summary: DecisionSummary): void {
  const later = (
    tx.sqlite.prepare(LATER_SQL).all({ op: opId }) as Array<{
      id: number;
      mine: string;
      action: string;
      theirs: string;
    }>
  )
    .filter((r) => overlaps(r.mine, r.action, r.theirs))
    .map((r) => r.id);
  // The joined customer's id was given to a new customer since: it cannot come back under it.
  if (summary.mergedCustomerId !== null) {
    const taken = tx.sqlite
      .prepare('SELECT first_op_id FROM customers WHERE id = ?')
      .get(summary.mergedCustomerId) as { first_op_id: number | null } | undefined;
    if (taken) later.push(taken.first_op_id ?? opId);
  }
  if (later.length > 0)
    throw new UserError({
      code: 'review.undoBlocked',
      params: { later: [...new Set(later)].map((id) => `#${id}`).join(', ') },
    });
}

function columnsOf(tx: WriteTx, table: string): Set<string> {
  const rows = tx.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{
    name: string;
  }>;
  return new Set(rows.map((r) => r.name));
}

/** Puts one before-image back: the columns it holds, on the row it names. */
function restore(tx: WriteTx, change: Change): void {
  if (!RESTORED_TABLES.has(change.table_name))
    throw new Error(`review undo: unexpected ${change.table_name}`);
  const image = JSON.parse(change.before_json) as Record<string, unknown>;
  const known = columnsOf(tx, change.table_name);
  const columns = Object.keys(image).filter((c) => IDENTIFIER.test(c) && known.has(c));
  const value = (c: string) => `json_extract(@image, '$.${c}')`;
  const params = { image: change.before_json, id: change.row_id };
  if (change.action === 'delete') {
    tx.sqlite
      .prepare(
        `INSERT INTO ${change.table_name} (${columns.join(', ')}) VALUES (${columns.map(value).join(', ')})`,
      )
      .run(params);
    return;
  }
  const set = columns.filter((c) => c !== 'id' && c !== 'account_a' && c !== 'account_b');
  const where =
    change.table_name === 'merge_links'
      ? `account_a = json_extract(@image, '$.account_a') AND account_b = json_extract(@image, '$.account_b')`
      : 'id = @id';
  tx.sqlite
    .prepare(
      `UPDATE ${change.table_name} SET ${set.map((c) => `${c} = ${value(c)}`).join(', ')} WHERE ${where}`,
    )
    .run(params);
}

export function undoLatestReviewDecision(huikeDb: HuikeDb, now: string): Promise<ReviewUndoResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const { id: opId, summary } = latestDecision(tx);
    refuseIfBuiltOn(tx, opId, summary);
    const changes = tx.sqlite
      .prepare(
        'SELECT seq, table_name, row_id, action, before_json FROM operation_changes WHERE op_id = ? ORDER BY seq DESC',
      )
      .all(opId) as Change[];
    const accountIds = changes.filter((c) => c.table_name === 'buyer_accounts').map((c) => c.row_id);
    // The customers the accounts are in now (before) and will be in again (after).
    const noteCustomers = () =>
      noteStaleCustomers(
        tx,
        'SELECT customer_id FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@ids))',
        {
          ids: JSON.stringify(accountIds),
        },
      );
    noteCustomers();
    // Newest first: the deleted customer is back before its accounts point at it again.
    for (const change of changes) restore(tx, change);
    tx.sqlite.prepare('DELETE FROM merge_assertions WHERE op_id = ?').run(opId);
    noteCustomers();
    const customerIds = [summary.customerId, summary.mergedCustomerId].filter(
      (id): id is number => id !== null,
    );
    // A customer whose accounts went with an undone import meanwhile comes back empty: it goes.
    dropEmptyStaleCustomers(tx);
    await refreshStaleCustomers(tx);
    tx.sqlite.prepare("UPDATE operations SET state = 'undone', undone_at = ? WHERE id = ?").run(now, opId);
    return {
      opId,
      decision: summary.decision,
      accountA: summary.accountA,
      accountB: summary.accountB,
      customerIds,
      remaining: queueSize(tx.sqlite).total,
    };
  });
}
