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

/** The customers to refresh, the chunk at hand, and the chunk's facts gathered step by step. */
const TEMP_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS stale_customers (id INTEGER PRIMARY KEY);
  CREATE TEMP TABLE IF NOT EXISTS stale_chunk (id INTEGER PRIMARY KEY);
  CREATE TEMP TABLE IF NOT EXISTS stale_orders (
    customer_id INTEGER NOT NULL, order_id INTEGER NOT NULL, shop_id INTEGER NOT NULL,
    ordered_at TEXT, order_date TEXT, currency TEXT NOT NULL, paid_fen INTEGER, refund_fen INTEGER,
    is_paid INTEGER NOT NULL, receiver_name TEXT, receiver_phone TEXT,
    PRIMARY KEY (customer_id, order_id)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS stale_figures (
    customer_id INTEGER PRIMARY KEY, orders INTEGER, paid_orders INTEGER, first_at TEXT, last_at TEXT,
    first_date TEXT, last_date TEXT, shop_ids TEXT);
  CREATE TEMP TABLE IF NOT EXISTS stale_accounts (
    customer_id INTEGER PRIMARY KEY, accounts INTEGER, platforms TEXT, own_phone TEXT, nickname TEXT);
  CREATE TEMP TABLE IF NOT EXISTS stale_names (customer_id INTEGER PRIMARY KEY, name TEXT);
  CREATE TEMP TABLE IF NOT EXISTS stale_phones (customer_id INTEGER PRIMARY KEY, phone TEXT);`;

const CHUNK_TABLES = ['stale_orders', 'stale_figures', 'stale_accounts', 'stale_names', 'stale_phones'];

function ensureTables(sqlite: Sqlite): void {
  sqlite.exec(TEMP_TABLES);
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

/**
 * The summary statements over the customers in temp.stale_chunk. Each reads in customer order and
 * groups as it goes (no per-customer subquery): the chunk's orders once, then their figures, the
 * accounts' facts, the latest name and phone (a whole one, an own shop's, before a masked one),
 * and joins them into the summary by customer id. The joins are written CROSS JOIN so SQLite walks
 * the chunk first: without statistics it would rather scan every order.
 */
function refreshStatements(sqlite: Sqlite) {
  const chunk = 'SELECT id FROM temp.stale_chunk';
  const ownPhone = `coalesce(a.phone, CASE WHEN a.key_kind = 'phone' THEN a.account_key END)`;
  // The row a bare column comes from is the one with the max() (SQLite's documented rule).
  const latest = (column: string, into: string, as: string) =>
    `INSERT INTO temp.${into} (customer_id, ${as})
     SELECT customer_id, v FROM (SELECT customer_id, ${column} AS v,
       max((${column} NOT GLOB '${MASK_GLOB}') || coalesce(ordered_at, '') || printf('%015d', order_id))
       FROM temp.stale_orders WHERE ${column} IS NOT NULL GROUP BY customer_id)`;
  // Every searchable value of the chunk's customers, as (customer, value) rows.
  const searchable = `SELECT customer_id, receiver_name AS v FROM temp.stale_orders
    UNION SELECT customer_id, receiver_phone FROM temp.stale_orders
    UNION SELECT a.customer_id, a.account_key FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
    UNION SELECT a.customer_id, a.nickname FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
    UNION SELECT a.customer_id, a.email FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
    UNION SELECT a.customer_id, a.phone FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
    UNION SELECT c.id, j.value FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id, json_each(c.tags_json) j
    UNION SELECT c.id, c.display_name FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id`;
  const maskedPhones = `SELECT customer_id, receiver_phone AS v FROM temp.stale_orders WHERE receiver_phone GLOB '${MASK_GLOB}'
    UNION SELECT a.customer_id, a.phone FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
      WHERE a.phone GLOB '${MASK_GLOB}'`;
  return [
    sqlite.prepare(`DELETE FROM customer_stats WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_spend WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_search WHERE customer_id IN (${chunk})`),
    ...CHUNK_TABLES.map((t) => sqlite.prepare(`DELETE FROM temp.${t}`)),
    sqlite.prepare(`INSERT INTO temp.stale_orders (customer_id, order_id, shop_id, ordered_at, order_date,
        currency, paid_fen, refund_fen, is_paid, receiver_name, receiver_phone)
      SELECT a.customer_id, o.id, o.shop_id, o.ordered_at, o.order_date, o.currency, o.paid_fen, o.refund_fen,
        coalesce(${paidOrderSql('o')}, 0), o.receiver_name, o.receiver_phone
      FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id
      CROSS JOIN orders o ON o.buyer_account_id = a.id`),
    sqlite.prepare(`INSERT INTO temp.stale_figures (customer_id, orders, paid_orders, first_at, last_at,
        first_date, last_date, shop_ids)
      SELECT customer_id, count(*), sum(is_paid), min(ordered_at), max(ordered_at), min(order_date),
        max(order_date), ',' || group_concat(DISTINCT shop_id) || ','
      FROM temp.stale_orders GROUP BY customer_id`),
    sqlite.prepare(`INSERT INTO temp.stale_accounts (customer_id, accounts, platforms, own_phone, nickname)
      SELECT a.customer_id, count(*), ',' || group_concat(DISTINCT a.platform) || ',', min(${ownPhone}),
        min(a.nickname)
      FROM temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id GROUP BY a.customer_id`),
    sqlite.prepare(latest('receiver_name', 'stale_names', 'name')),
    sqlite.prepare(latest('receiver_phone', 'stale_phones', 'phone')),
    sqlite.prepare(`INSERT INTO customer_stats (customer_id, name, phone, accounts, platforms, shop_ids, orders,
        paid_orders, first_order_at, last_order_at, first_order_date, last_order_date)
      SELECT s.id, coalesce(c.display_name, n.name, a.nickname), coalesce(a.own_phone, p.phone),
        coalesce(a.accounts, 0), coalesce(a.platforms, ','), coalesce(f.shop_ids, ','),
        coalesce(f.orders, 0), coalesce(f.paid_orders, 0), f.first_at, f.last_at, f.first_date, f.last_date
      FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id
      LEFT JOIN temp.stale_figures f ON f.customer_id = s.id
      LEFT JOIN temp.stale_accounts a ON a.customer_id = s.id
      LEFT JOIN temp.stale_names n ON n.customer_id = s.id
      LEFT JOIN temp.stale_phones p ON p.customer_id = s.id`),
    sqlite.prepare(`INSERT INTO customer_spend (customer_id, currency, paid_orders, paid_fen, refund_fen, net_fen)
      SELECT customer_id, currency, count(*), coalesce(sum(paid_fen), 0), coalesce(sum(refund_fen), 0),
        coalesce(sum(paid_fen), 0) - coalesce(sum(refund_fen), 0)
      FROM temp.stale_orders WHERE is_paid GROUP BY customer_id, currency`),
    sqlite.prepare(`INSERT INTO customer_search (customer_id, text, masked_phones)
      SELECT s.id, lower(coalesce(t.text, '')), coalesce(m.phones, '[]')
      FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id
      LEFT JOIN (SELECT customer_id, group_concat(v) AS text FROM (${searchable})
        WHERE v <> '' GROUP BY customer_id) t ON t.customer_id = s.id
      LEFT JOIN (SELECT customer_id, json_group_array(v) AS phones FROM (${maskedPhones})
        GROUP BY customer_id) m ON m.customer_id = s.id`),
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
  for (const t of [...CHUNK_TABLES, 'stale_customers']) sqlite.exec(`DELETE FROM temp.${t}`);
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
