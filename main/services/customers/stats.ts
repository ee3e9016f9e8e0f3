/**
 * The per-customer summary the Customers list reads (customer_stats, customer_spend,
 * customer_search): derived from the customer's accounts and their orders, and recomputed — never
 * patched — for exactly the customers a change touched. Every change that moves an order, an
 * account or a customer notes the customers concerned (`noteStaleCustomers`, before and/or after
 * the change, as SQL selecting their ids) and then calls `refreshStaleCustomers`, in the same write
 * transaction: imports and the sample's load (apply-staging.ts), undo, the sample's removal, shop
 * edits and merges, customer edits, and the buyer merge's runs and decisions.
 *
 * The refresh is set-based, a chunk of customers per statement with the event loop given a turn
 * between chunks (in the desktop app the writer is the main process).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteTx } from '../../../db/index.js';
import { paidOrderSql } from '../import/order-columns.js';
import { createSlicer } from '../long-work.js';

/** Customers per refresh step: a few milliseconds of work, whatever their order count. */
const CHUNK = 2000;

/** Mask characters as platforms and tools write them (domain/import/masks.ts MASK_CHAR). */
export const MASK_GLOB = '*[*＊×✱•●]*';

type Sqlite = BetterSqlite3.Database;

function ensureTables(sqlite: Sqlite): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS stale_customers (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS stale_chunk (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS stale_orders (
      customer_id INTEGER NOT NULL, order_id INTEGER NOT NULL, shop_id INTEGER NOT NULL,
      ordered_at TEXT, order_date TEXT, currency TEXT NOT NULL, paid_fen INTEGER, refund_fen INTEGER,
      is_paid INTEGER NOT NULL, receiver_name TEXT, receiver_phone TEXT,
      PRIMARY KEY (customer_id, order_id)) WITHOUT ROWID`);
}

/**
 * Notes customers whose summary a change makes stale: `select` is SQL returning one column of
 * customer ids (NULLs are ignored), bound with `params`. Note them before a change that takes
 * orders or accounts away from them, after one that gives them some, or both.
 */
export function noteStaleCustomers(tx: WriteTx, select: string, params?: Record<string, unknown>): number {
  ensureTables(tx.sqlite);
  const statement = tx.sqlite.prepare(
    `WITH noted (id) AS (${select})
     INSERT OR IGNORE INTO temp.stale_customers (id) SELECT id FROM noted WHERE id IS NOT NULL`,
  );
  return (params ? statement.run(params) : statement.run()).changes;
}

/** The summary statements over the customers in temp.stale_chunk. */
function refreshStatements(sqlite: Sqlite) {
  const chunk = 'SELECT id FROM temp.stale_chunk';
  // The latest order's value, a whole one (an own shop's) before a masked one.
  const latest = (column: string) =>
    `(SELECT t.${column} FROM temp.stale_orders t WHERE t.customer_id = c.id AND t.${column} IS NOT NULL
      ORDER BY t.${column} GLOB '${MASK_GLOB}', t.ordered_at DESC, t.order_id DESC LIMIT 1)`;
  const ownPhone = `(SELECT coalesce(a.phone, CASE WHEN a.key_kind = 'phone' THEN a.account_key END)
      FROM buyer_accounts a WHERE a.customer_id = c.id
        AND coalesce(a.phone, CASE WHEN a.key_kind = 'phone' THEN a.account_key END) IS NOT NULL
      ORDER BY a.id LIMIT 1)`;
  const nickname = `(SELECT a.nickname FROM buyer_accounts a WHERE a.customer_id = c.id AND a.nickname IS NOT NULL
      ORDER BY a.id LIMIT 1)`;
  const searchable = `SELECT t.receiver_name AS v FROM temp.stale_orders t WHERE t.customer_id = c.id
      UNION SELECT t.receiver_phone FROM temp.stale_orders t WHERE t.customer_id = c.id
      UNION SELECT a.account_key FROM buyer_accounts a WHERE a.customer_id = c.id
      UNION SELECT a.nickname FROM buyer_accounts a WHERE a.customer_id = c.id
      UNION SELECT a.email FROM buyer_accounts a WHERE a.customer_id = c.id
      UNION SELECT a.phone FROM buyer_accounts a WHERE a.customer_id = c.id
      UNION SELECT j.value FROM json_each(c.tags_json) j
      UNION SELECT c.display_name`;
  const maskedPhones = `SELECT t.receiver_phone AS v FROM temp.stale_orders t
        WHERE t.customer_id = c.id AND t.receiver_phone GLOB '${MASK_GLOB}'
      UNION SELECT a.phone FROM buyer_accounts a WHERE a.customer_id = c.id AND a.phone GLOB '${MASK_GLOB}'`;
  return [
    sqlite.prepare(`DELETE FROM customer_stats WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_spend WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_search WHERE customer_id IN (${chunk})`),
    sqlite.prepare('DELETE FROM temp.stale_orders'),
    sqlite.prepare(`INSERT INTO temp.stale_orders (customer_id, order_id, shop_id, ordered_at, order_date,
        currency, paid_fen, refund_fen, is_paid, receiver_name, receiver_phone)
      SELECT a.customer_id, o.id, o.shop_id, o.ordered_at, o.order_date, o.currency, o.paid_fen, o.refund_fen,
        coalesce(${paidOrderSql('o')}, 0), o.receiver_name, o.receiver_phone
      FROM temp.stale_chunk s JOIN buyer_accounts a ON a.customer_id = s.id
      JOIN orders o ON o.buyer_account_id = a.id`),
    sqlite.prepare(`INSERT INTO customer_stats (customer_id, name, phone, accounts, platforms, shop_ids, orders,
        paid_orders, first_order_at, last_order_at, first_order_date, last_order_date)
      SELECT c.id,
        coalesce(c.display_name, ${latest('receiver_name')}, ${nickname}),
        coalesce(${ownPhone}, ${latest('receiver_phone')}),
        (SELECT count(*) FROM buyer_accounts a WHERE a.customer_id = c.id),
        coalesce((SELECT ',' || group_concat(p, ',') || ',' FROM (SELECT DISTINCT a.platform AS p
          FROM buyer_accounts a WHERE a.customer_id = c.id ORDER BY p)), ','),
        coalesce((SELECT ',' || group_concat(sid, ',') || ',' FROM (SELECT DISTINCT t.shop_id AS sid
          FROM temp.stale_orders t WHERE t.customer_id = c.id ORDER BY sid)), ','),
        count(o.order_id), coalesce(sum(o.is_paid), 0),
        min(o.ordered_at), max(o.ordered_at), min(o.order_date), max(o.order_date)
      FROM temp.stale_chunk s JOIN customers c ON c.id = s.id
      LEFT JOIN temp.stale_orders o ON o.customer_id = c.id
      GROUP BY c.id`),
    sqlite.prepare(`INSERT INTO customer_spend (customer_id, currency, paid_orders, paid_fen, refund_fen, net_fen)
      SELECT customer_id, currency, count(*), coalesce(sum(paid_fen), 0), coalesce(sum(refund_fen), 0),
        coalesce(sum(paid_fen), 0) - coalesce(sum(refund_fen), 0)
      FROM temp.stale_orders WHERE is_paid GROUP BY customer_id, currency`),
    sqlite.prepare(`INSERT INTO customer_search (customer_id, text, masked_phones)
      SELECT c.id, lower(coalesce((SELECT group_concat(v, char(10)) FROM (${searchable}) WHERE v <> ''), '')),
        coalesce((SELECT json_group_array(v) FROM (${maskedPhones})), '[]')
      FROM temp.stale_chunk s JOIN customers c ON c.id = s.id`),
  ];
}

/**
 * Recomputes the summary of every customer noted stale, and forgets them. A noted customer that
 * no longer exists just loses its summary. Returns how many customers were refreshed.
 */
export async function refreshStaleCustomers(tx: WriteTx): Promise<number> {
  const sqlite = tx.sqlite;
  ensureTables(sqlite);
  const statements = refreshStatements(sqlite);
  const takeChunk = sqlite.prepare(
    `INSERT INTO temp.stale_chunk (id) SELECT id FROM temp.stale_customers WHERE id > ? ORDER BY id LIMIT ${CHUNK}`,
  );
  const lastOfChunk = sqlite.prepare('SELECT max(id) AS id FROM temp.stale_chunk');
  const clearChunk = sqlite.prepare('DELETE FROM temp.stale_chunk');
  const slicer = createSlicer();
  let refreshed = 0;
  clearChunk.run();
  for (let after = 0; ;) {
    const taken = takeChunk.run(after).changes;
    if (taken === 0) break;
    for (const statement of statements) statement.run();
    refreshed += taken;
    after = (lastOfChunk.get() as { id: number }).id;
    clearChunk.run();
    await slicer.maybeYield();
  }
  sqlite.exec('DELETE FROM temp.stale_orders; DELETE FROM temp.stale_customers');
  return refreshed;
}

/** Notes the customers `select` returns and refreshes them at once. */
export async function refreshCustomerStats(
  tx: WriteTx,
  select: string,
  params?: Record<string, unknown>,
): Promise<number> {
  noteStaleCustomers(tx, select, params);
  return refreshStaleCustomers(tx);
}

/**
 * Deletes the customers noted stale that have no account left (their last account went with an
 * undone import, a shop's platform change, the sample), optionally only those `opId` created.
 * Their summaries go with them (ON DELETE CASCADE).
 */
export function dropEmptyStaleCustomers(tx: WriteTx, options: { createdBy?: number } = {}): number {
  ensureTables(tx.sqlite);
  const empty = `id IN (SELECT id FROM temp.stale_customers)
    AND NOT EXISTS (SELECT 1 FROM buyer_accounts a WHERE a.customer_id = customers.id)`;
  if (options.createdBy === undefined)
    return tx.sqlite.prepare(`DELETE FROM customers WHERE ${empty}`).run().changes;
  return tx.sqlite.prepare(`DELETE FROM customers WHERE ${empty} AND first_op_id = ?`).run(options.createdBy)
    .changes;
}

/**
 * Notes the customers an import (or the sample's load) touched: those of the orders it inserted,
 * and of the orders it changed, both the buyer they had (their before-image) and the one they have.
 * Called after the import has written, and by undo before it puts things back.
 */
export function noteCustomersOfOperation(tx: WriteTx, opId: number): void {
  noteStaleCustomers(
    tx,
    `SELECT a.customer_id FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
     WHERE o.first_op_id = @op`,
    { op: opId },
  );
  noteStaleCustomers(
    tx,
    `SELECT a.customer_id FROM operation_changes c
       JOIN buyer_accounts a ON a.id = json_extract(c.before_json, '$.buyer_account_id')
       WHERE c.op_id = @op AND c.table_name = 'orders'
     UNION ALL
     SELECT a.customer_id FROM operation_changes c JOIN orders o ON o.id = c.row_id
       JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE c.op_id = @op AND c.table_name = 'orders'`,
    { op: opId },
  );
}
