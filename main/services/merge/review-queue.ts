/**
 * The review queue as SQL, for the list (read connection) and for the decisions (write
 * transaction) alike: merge_links in the review zone whose two accounts are in different customers
 * and on which the owner has not decided (no live merge_assertions row for the two accounts'
 * identities, either way round). Not skipped first, then strongest first; account ids break ties,
 * so a pair's place is the same on every read.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { DECIDED_SQL } from '../customers/suggestions.js';

/** The queue's rows; `@customer` (or NULL) keeps those touching one customer. */
export const QUEUE_SQL = `
  SELECT l.account_a, l.account_b, l.weight, l.strong, l.rule, l.blocked_reason, l.deferred, l.evidence_json,
    row_number() OVER (ORDER BY l.deferred, l.weight DESC, l.account_a, l.account_b) - 1 AS position
  FROM merge_links l
  JOIN buyer_accounts a ON a.id = l.account_a
  JOIN buyer_accounts b ON b.id = l.account_b
  -- Both in a customer, different ones (an account without one is not the owner's to judge yet).
  WHERE l.zone = 'review' AND a.customer_id <> b.customer_id
    AND (@customer IS NULL OR a.customer_id = @customer OR b.customer_id = @customer)
    AND NOT ${DECIDED_SQL}`;

export interface QueueRow {
  account_a: number;
  account_b: number;
  weight: number;
  strong: number;
  rule: string;
  blocked_reason: string | null;
  deferred: number;
  evidence_json: string;
  position: number;
}

/** Pairs in the queue and how many of them were skipped. */
export function queueSize(
  sqlite: BetterSqlite3.Database,
  customerId: number | null = null,
): { total: number; deferred: number } {
  const row = sqlite
    .prepare(`SELECT count(*) AS total, coalesce(sum(deferred), 0) AS deferred FROM (${QUEUE_SQL})`)
    .get({ customer: customerId }) as { total: number; deferred: number };
  return row;
}

/** A page of the queue, in its order. */
export function queuePage(
  sqlite: BetterSqlite3.Database,
  page: { customerId: number | null; offset: number; limit: number },
): QueueRow[] {
  return sqlite
    .prepare(`SELECT * FROM (${QUEUE_SQL}) ORDER BY position LIMIT @limit OFFSET @offset`)
    .all({ customer: page.customerId, limit: page.limit, offset: page.offset }) as QueueRow[];
}

/** Where the pair stands in the queue, or null when it is not in it (decided, merged, gone). */
export function queuePosition(
  sqlite: BetterSqlite3.Database,
  pair: { customerId: number | null; accountA: number; accountB: number },
): number | null {
  const row = sqlite
    .prepare(`SELECT position FROM (${QUEUE_SQL}) WHERE account_a = @a AND account_b = @b`)
    .get({ customer: pair.customerId, a: pair.accountA, b: pair.accountB }) as
    { position: number } | undefined;
  return row?.position ?? null;
}
