/**
 * The owner's decisions (merge_assertions: must / cannot, keyed by the accounts' platform, key kind
 * and key so they outlive undoing and re-importing) resolved to the accounts present now.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface ResolvedAssertion {
  kind: 'must' | 'cannot';
  a: number;
  b: number;
}

export function activeAssertions(sqlite: BetterSqlite3.Database): ResolvedAssertion[] {
  return sqlite
    .prepare(
      `SELECT m.kind AS kind, a.id AS a, b.id AS b FROM merge_assertions m
       JOIN buyer_accounts a ON a.platform = m.a_platform AND a.key_kind = m.a_key_kind AND a.account_key = m.a_key
       JOIN buyer_accounts b ON b.platform = m.b_platform AND b.key_kind = m.b_key_kind AND b.account_key = m.b_key
       WHERE m.revoked_op_id IS NULL AND a.id <> b.id
       ORDER BY m.id`,
    )
    .all() as ResolvedAssertion[];
}

/** Writes a decision between two accounts (by id), as the operation `opId`. */
export function insertAssertion(
  sqlite: BetterSqlite3.Database,
  kind: 'must' | 'cannot',
  a: number,
  b: number,
  opId: number,
  now: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO merge_assertions (kind, a_platform, a_key_kind, a_key, b_platform, b_key_kind, b_key, op_id, created_at)
       SELECT @kind, x.platform, x.key_kind, x.account_key, y.platform, y.key_kind, y.account_key, @op, @now
       FROM buyer_accounts x, buyer_accounts y WHERE x.id = @a AND y.id = @b`,
    )
    .run({ kind, a, b, op: opId, now });
}
