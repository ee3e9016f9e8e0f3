/**
 * The orders a search text matches (see main/domain/orders/search.ts for what matches what): one
 * scan of the orders for order ids, receiver names and phones, plus the orders of the buyer
 * accounts whose key, nickname or phone matches (found through orders_buyer, not by testing every
 * order against the accounts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/index.js';
import { containsPattern, parseOrderSearch } from '../../domain/orders/search.js';
import type { OrdersFilter } from '../../shared/orders-query.js';
import type { ResolvedFilter } from './filter-sql.js';

/** Masks as platforms write them, turned into GLOB's one-character wildcard. */
const MASK_AS_WILDCARD = `replace(replace(replace(s.receiver_phone, '*', '?'), '＊', '?'), '×', '?')`;

export async function resolveFilter(db: Db, filter: OrdersFilter): Promise<ResolvedFilter> {
  const search = parseOrderSearch(filter.q);
  if (!search) return { filter, searchIds: null };
  // LIKE ignores the case of Latin letters (e2026 finds E2026…) but costs a fifth more per row
  // than instr(); text without Latin letters (digits, Chinese) has no case to ignore.
  const like = containsPattern(search.text);
  const contains = (column: string) =>
    /[A-Za-z]/.test(search.text)
      ? sql`${sql.ref(column)} LIKE ${like} ESCAPE '\\'`
      : sql`instr(${sql.ref(column)}, ${search.text}) > 0`;

  const orderTerms: RawBuilder<unknown>[] = [contains('s.platform_order_id'), contains('s.receiver_name')];
  const accountTerms: RawBuilder<unknown>[] = [contains('b.account_key'), contains('b.nickname')];
  if (search.phoneDigits) {
    // A run of visible digits: in a masked phone the mask characters end every run.
    orderTerms.push(sql`instr(s.receiver_phone, ${search.phoneDigits}) > 0`);
    accountTerms.push(sql`instr(b.phone, ${search.phoneDigits}) > 0`);
  }
  if (search.wholePhone) {
    // A whole number against a masked one of the same length: every visible digit must agree.
    // The instr() on the last four digits (always visible) keeps the GLOB off most rows.
    orderTerms.push(sql`(instr(s.receiver_phone, ${search.wholePhone.slice(-4)}) > 0
      AND s.receiver_phone GLOB '*[*＊×]*'
      AND ${search.wholePhone} GLOB ${sql.raw(MASK_AS_WILDCARD)})`);
  }

  const ids = new Set<number>();
  const direct = await sql<{ id: number }>`SELECT s.id FROM orders s
    WHERE ${sql.join(orderTerms, sql` OR `)}`.execute(db);
  for (const r of direct.rows) ids.add(r.id);
  const viaAccounts = await sql<{ id: number }>`SELECT o.id FROM orders o WHERE o.buyer_account_id IN (
      SELECT b.id FROM buyer_accounts b WHERE ${sql.join(accountTerms, sql` OR `)})`.execute(db);
  for (const r of viaAccounts.rows) ids.add(r.id);
  return { filter, searchIds: [...ids].sort((a, b) => a - b) };
}
