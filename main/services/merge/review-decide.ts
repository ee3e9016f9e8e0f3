/**
 * merge.review.decide: the owner's answer on one suggested pair, as one operation
 * ('merge_decision') in the operation log, so merge.review.undo can put everything back.
 *
 * - merge: a must assertion, and the two customers become one at once — every account of the newer
 *   customer moves into the older (its id is the one that stays; customer_via 'manual'), the newer
 *   customer's note, tags and name are kept on the older, and the newer is deleted. Refused when
 *   either customer is locked: the owner fixed its accounts.
 * - notSame: a cannot assertion; nothing moves. The buyer merge honours it on every later run.
 * - skip: the pair goes to the end of the queue (merge_links.deferred).
 *
 * Assertions are keyed by the accounts' platform, key kind and key, not their row ids, so a
 * decision outlives undoing and re-importing the files. The pair leaves the queue by itself: it is
 * decided (merge, notSame) or deferred (skip).
 */
import type { HuikeDb, WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { ReviewDecision, ReviewDecisionResult } from '../../domain/review/views.js';
import { MAX_NOTE_LENGTH, MAX_TAGS, normaliseTags } from '../../shared/customers-query.js';
import { newOperation, recordRows } from '../operation-log.js';
import { tagsOf } from '../customers/rows.js';
import { refreshCustomerStats } from '../customers/stats.js';
import { queuePosition, queueSize } from './review-queue.js';

export interface ReviewDecisionInput {
  accountA: number;
  accountB: number;
  decision: ReviewDecision;
}

interface AccountRecord {
  id: number;
  platform: string;
  key_kind: string;
  account_key: string;
  customer_id: number;
}

interface CustomerRecord {
  id: number;
  display_name: string | null;
  locked: number;
  note: string | null;
  tags_json: string;
  created_at: string;
}

/** What the operation's summary says, for merge.review.undo and the history. */
export interface DecisionSummary {
  decision: ReviewDecision;
  accountA: number;
  accountB: number;
  customerId: number | null;
  mergedCustomerId: number | null;
}

function account(tx: WriteTx, id: number): AccountRecord {
  return tx.sqlite
    .prepare('SELECT id, platform, key_kind, account_key, customer_id FROM buyer_accounts WHERE id = ?')
    .get(id) as AccountRecord;
}

function customer(tx: WriteTx, id: number): CustomerRecord {
  return tx.sqlite
    .prepare('SELECT id, display_name, locked, note, tags_json, created_at FROM customers WHERE id = ?')
    .get(id) as CustomerRecord;
}

function assert(
  tx: WriteTx,
  kind: 'must' | 'cannot',
  a: AccountRecord,
  b: AccountRecord,
  opId: number,
  now: string,
) {
  tx.sqlite
    .prepare(
      `INSERT INTO merge_assertions (kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(kind, a.platform, a.key_kind, a.account_key, b.platform, b.key_kind, b.account_key, opId, now);
}

/** Both notes, the older customer's first; cut to what a note may hold. */
function joinedNote(into: string | null, from: string | null): string | null {
  const note = [into, from].filter((n): n is string => !!n?.trim()).join('\n');
  return note ? [...note].slice(0, MAX_NOTE_LENGTH).join('') : null;
}

/** Moves every account of `from` into `into` and deletes `from`, recording what it replaced. */
function joinCustomers(tx: WriteTx, opId: number, into: CustomerRecord, from: CustomerRecord): number {
  const params = { into: into.id, from: from.id };
  recordRows(tx, opId, {
    table: 'buyer_accounts',
    action: 'update',
    columns: ['customer_id', 'customer_via'],
    where: 't.customer_id = @from',
    params,
  });
  recordRows(tx, opId, {
    table: 'customers',
    action: 'update',
    columns: ['display_name', 'note', 'tags_json'],
    where: 't.id = @into',
    params,
  });
  recordRows(tx, opId, { table: 'customers', action: 'delete', where: 't.id = @from', params });
  const moved = tx.sqlite
    .prepare(
      "UPDATE buyer_accounts SET customer_id = @into, customer_via = 'manual' WHERE customer_id = @from",
    )
    .run(params).changes;
  const tags = normaliseTags([...tagsOf(into.tags_json), ...tagsOf(from.tags_json)]).slice(0, MAX_TAGS);
  tx.sqlite
    .prepare('UPDATE customers SET display_name = ?, note = ?, tags_json = ? WHERE id = ?')
    .run(
      into.display_name ?? from.display_name,
      joinedNote(into.note, from.note),
      JSON.stringify(tags),
      into.id,
    );
  tx.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(from.id);
  return moved;
}

/** Records the pair's `deferred` before a skip (merge_links has no row id: the pair is in the image). */
function recordDeferred(tx: WriteTx, opId: number, a: number, b: number): void {
  tx.sqlite
    .prepare(
      `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
       SELECT @op, 1, 'merge_links', l.account_a, 'update',
         json_object('account_a', l.account_a, 'account_b', l.account_b, 'deferred', l.deferred)
       FROM merge_links l WHERE l.account_a = @a AND l.account_b = @b`,
    )
    .run({ op: opId, a, b });
}

export function decideReview(
  huikeDb: HuikeDb,
  input: ReviewDecisionInput,
  now: string,
): Promise<ReviewDecisionResult> {
  const accountA = Math.min(input.accountA, input.accountB);
  const accountB = Math.max(input.accountA, input.accountB);
  return huikeDb.writer.transaction(async (tx) => {
    if (queuePosition(tx.sqlite, { customerId: null, accountA, accountB }) === null)
      throw new UserError({
        code: 'review.notInQueue',
        params: { accountA: String(accountA), accountB: String(accountB) },
      });
    const [a, b] = [account(tx, accountA), account(tx, accountB)];
    const summary: DecisionSummary = {
      decision: input.decision,
      accountA,
      accountB,
      customerId: null,
      mergedCustomerId: null,
    };

    if (input.decision === 'merge') {
      const [ca, cb] = [customer(tx, a.customer_id), customer(tx, b.customer_id)];
      const locked = [ca, cb].find((c) => c.locked === 1);
      if (locked) throw new UserError({ code: 'review.customerLocked', params: { id: String(locked.id) } });
      // The older customer stays: its id is the one the owner has seen longest.
      const [into, from] =
        ca.created_at < cb.created_at || (ca.created_at === cb.created_at && ca.id < cb.id)
          ? [ca, cb]
          : [cb, ca];
      summary.customerId = into.id;
      summary.mergedCustomerId = from.id;
      const opId = newOperation(tx, 'merge_decision', now, summary);
      assert(tx, 'must', a, b, opId, now);
      joinCustomers(tx, opId, into, from);
      await refreshCustomerStats(tx, 'SELECT @into UNION ALL SELECT @from', { into: into.id, from: from.id });
      return { opId, ...summary, remaining: queueSize(tx.sqlite).total };
    }

    const opId = newOperation(tx, 'merge_decision', now, summary);
    if (input.decision === 'notSame') assert(tx, 'cannot', a, b, opId, now);
    else {
      recordDeferred(tx, opId, accountA, accountB);
      tx.sqlite
        .prepare('UPDATE merge_links SET deferred = 1 WHERE account_a = ? AND account_b = ?')
        .run(accountA, accountB);
    }
    return { opId, ...summary, remaining: queueSize(tx.sqlite).total };
  });
}
