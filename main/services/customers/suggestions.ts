/**
 * Open review suggestions: merge_links in the review zone between an account of the customer and
 * an account of another customer, on which the owner has not decided (no merge_assertions row for
 * the two accounts' identities, either way round, that is not revoked). The merge keeps the links;
 * this only counts them, for the customers of a page.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/index.js';

/** `EXISTS` a live decision on accounts `a` and `b` (aliases of buyer_accounts). */
export const DECIDED_SQL = `EXISTS (SELECT 1 FROM merge_assertions d WHERE d.revoked_op_id IS NULL AND (
    (d.a_platform = a.platform AND d.a_key_kind = a.key_kind AND d.a_key = a.account_key
      AND d.b_platform = b.platform AND d.b_key_kind = b.key_kind AND d.b_key = b.account_key)
    OR (d.a_platform = b.platform AND d.a_key_kind = b.key_kind AND d.a_key = b.account_key
      AND d.b_platform = a.platform AND d.b_key_kind = a.key_kind AND d.b_key = a.account_key)))`;

/** customer id → open suggestions, for the given customers (absent: none). */
export async function openSuggestionCounts(
  db: Db,
  customerIds: readonly number[],
): Promise<Map<number, number>> {
  if (customerIds.length === 0) return new Map();
  const ids = JSON.stringify(customerIds);
  const { rows } = await sql<{ customer_id: number; n: number }>`
    WITH mine (account_id, customer_id) AS (
      SELECT x.id, x.customer_id FROM buyer_accounts x WHERE x.customer_id IN (SELECT value FROM json_each(${ids}))
    ), touching (customer_id, account_a, account_b) AS (
      SELECT mine.customer_id, l.account_a, l.account_b FROM mine
        JOIN merge_links l ON l.account_a = mine.account_id WHERE l.zone = 'review'
      UNION
      SELECT mine.customer_id, l.account_a, l.account_b FROM mine
        JOIN merge_links l ON l.account_b = mine.account_id WHERE l.zone = 'review'
    )
    SELECT t.customer_id, count(*) AS n FROM touching t
    JOIN buyer_accounts a ON a.id = t.account_a JOIN buyer_accounts b ON b.id = t.account_b
    WHERE a.customer_id IS NOT b.customer_id AND NOT ${sql.raw(DECIDED_SQL)}
    GROUP BY t.customer_id`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, r.n]));
}
