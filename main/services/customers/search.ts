/**
 * The customers a search text finds, read the way the Orders page reads a search
 * (domain/orders/search.ts): a name, a buyer key or nickname, an e-mail, a tag, or some digits of
 * a phone — a masked phone by its visible digits ("5678" finds 138****5678, a whole number finds a
 * masked phone whose visible digits all agree) — and an order id of theirs, from its start.
 *
 * Names, keys and phones are one scan of customer_search (one short lower-cased text per customer,
 * kept by stats.ts), never of the orders; an order id goes through the orders' unique index
 * (shop, order id) as a prefix range, shop by shop. Resolved once per request into the matching
 * ids, which the list, its total and the export then share.
 */
import { sql, type RawBuilder } from 'kysely';
import type { HuikeDb } from '../../../db/index.js';
import { parseOrderSearch } from '../../domain/orders/search.js';

/** Order ids shorter than this would match half the shop by their first digits. */
const MIN_ORDER_ID_PREFIX = 4;

/** Masks as platforms write them (stats.ts MASK_GLOB), turned into GLOB's one-character wildcard. */
const MASK_AS_WILDCARD = ['*', '＊', '×', '✱', '•', '●'].reduce(
  (expr, mask) => `replace(${expr}, '${mask}', '?')`,
  'p.value',
);

/** Latin letters lower-cased as SQLite's lower() does (ASCII only), the rest left as typed. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The read connection, through Kysely and raw (ids are plucked: no row object per match). */
export type ReadSource = Pick<HuikeDb, 'reader' | 'readSqlite'>;

function pluckIds({ reader, readSqlite }: ReadSource, query: RawBuilder<unknown>): number[] {
  const compiled = query.compile(reader);
  return readSqlite
    .prepare(compiled.sql)
    .pluck()
    .all(...compiled.parameters) as number[];
}

/** The ids of the customers `q` finds, ascending; null when there is no search. */
export async function searchCustomerIds(
  source: ReadSource,
  q: string | null | undefined,
): Promise<number[] | null> {
  const search = parseOrderSearch(q);
  if (!search) return null;
  const text = lowerAscii(search.text);
  const terms: RawBuilder<unknown>[] = [sql`instr(x.text, ${text}) > 0`];
  // 138-1234-5678 typed with separators: the stored phones have none.
  if (search.phoneDigits && search.phoneDigits !== text)
    terms.push(sql`instr(x.text, ${search.phoneDigits}) > 0`);
  if (search.wholePhone) {
    // The last four digits are visible in every platform's mask: they keep json_each off most rows.
    terms.push(sql`(instr(x.masked_phones, ${search.wholePhone.slice(-4)}) > 0
      AND EXISTS (SELECT 1 FROM json_each(x.masked_phones) p
        WHERE ${search.wholePhone} GLOB ${sql.raw(MASK_AS_WILDCARD)}))`);
  }
  // A short text ("tb") may match most customers: their ids come ascending, as plain numbers.
  const named = pluckIds(
    source,
    sql`SELECT x.customer_id FROM customer_search x WHERE ${sql.join(terms, sql` OR `)} ORDER BY x.customer_id`,
  );

  if ([...search.text].length >= MIN_ORDER_ID_PREFIX && !/\s/.test(search.text)) {
    // Every order id that starts with the text: a range of the unique index, for each shop.
    const byOrder = pluckIds(
      source,
      sql`SELECT DISTINCT a.customer_id FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
        WHERE o.shop_id IN (SELECT id FROM shops)
          AND o.platform_order_id >= ${search.text} AND o.platform_order_id < ${search.text} || char(1114111)
          AND a.customer_id IS NOT NULL`,
    );
    if (byOrder.length > 0) return [...new Set([...named, ...byOrder])].sort((a, b) => a - b);
  }
  return named;
}
