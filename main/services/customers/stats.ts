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
    first_date TEXT, last_date TEXT, shop_ids TEXT, name TEXT, phone TEXT, names TEXT, phones TEXT,
    masked_phones TEXT);
  CREATE TEMP TABLE IF NOT EXISTS stale_accounts (
    customer_id INTEGER PRIMARY KEY, accounts INTEGER, platforms TEXT, own_phone TEXT, nickname TEXT,
    texts TEXT, masked_phones TEXT);`;

const CHUNK_TABLES = ['stale_orders', 'stale_figures', 'stale_accounts'];

/** An instant as stored (toISOString: always 24 characters), and the stand-in for none. */
const NO_INSTANT = '0000-00-00T00:00:00.000Z';

/**
 * `max()` of this picks an order's value the way the summary wants it: a whole value (an own
 * shop's) before a masked one, then the latest order; the value follows a fixed-width prefix
 * (RANK_PREFIX characters). Ties between orders of one instant go to the greater value.
 */
function rankedValue(column: string): string {
  return `CASE WHEN ${column} IS NOT NULL THEN (${column} NOT GLOB '${MASK_GLOB}')
    || CASE WHEN length(ordered_at) = 24 THEN ordered_at ELSE '${NO_INSTANT}' END || ${column} END`;
}
const RANK_PREFIX = 1 + NO_INSTANT.length;

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
 * groups as it goes (no per-customer subquery): the chunk's orders once, then one pass over them
 * for the figures, the latest name and phone and the searchable values, one over the accounts, one
 * for the money per currency; the summary rows join those by customer id. The joins are written
 * CROSS JOIN so SQLite walks the chunk first: without statistics it would rather scan every order.
 */
function refreshStatements(sqlite: Sqlite) {
  const chunk = 'SELECT id FROM temp.stale_chunk';
  const masked = (column: string) => `${column} GLOB '${MASK_GLOB}'`;
  const ownPhone = `coalesce(a.phone, CASE WHEN a.key_kind = 'phone' THEN a.account_key END)`;
  const accounts = 'temp.stale_chunk s CROSS JOIN buyer_accounts a ON a.customer_id = s.id';
  return [
    sqlite.prepare(`DELETE FROM customer_stats WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_spend WHERE customer_id IN (${chunk})`),
    sqlite.prepare(`DELETE FROM customer_search WHERE customer_id IN (${chunk})`),
    ...CHUNK_TABLES.map((t) => sqlite.prepare(`DELETE FROM temp.${t}`)),
    sqlite.prepare(`INSERT INTO temp.stale_orders (customer_id, order_id, shop_id, ordered_at, order_date,
        currency, paid_fen, refund_fen, is_paid, receiver_name, receiver_phone)
      SELECT a.customer_id, o.id, o.shop_id, o.ordered_at, o.order_date, o.currency, o.paid_fen, o.refund_fen,
        coalesce(${paidOrderSql('o')}, 0), o.receiver_name, o.receiver_phone
      FROM ${accounts} CROSS JOIN orders o ON o.buyer_account_id = a.id`),
    sqlite.prepare(`INSERT INTO temp.stale_figures (customer_id, orders, paid_orders, first_at, last_at,
        first_date, last_date, shop_ids, name, phone, names, phones, masked_phones)
      SELECT customer_id, count(*), sum(is_paid), min(ordered_at), max(ordered_at), min(order_date),
        max(order_date), ',' || group_concat(DISTINCT shop_id) || ',',
        substr(max(${rankedValue('receiver_name')}), ${RANK_PREFIX + 1}),
        substr(max(${rankedValue('receiver_phone')}), ${RANK_PREFIX + 1}),
        group_concat(DISTINCT receiver_name), group_concat(DISTINCT receiver_phone),
        json_group_array(DISTINCT receiver_phone) FILTER (WHERE ${masked('receiver_phone')})
      FROM temp.stale_orders GROUP BY customer_id`),
    sqlite.prepare(`INSERT INTO temp.stale_accounts (customer_id, accounts, platforms, own_phone, nickname,
        texts, masked_phones)
      SELECT a.customer_id, count(*), ',' || group_concat(DISTINCT a.platform) || ',', min(${ownPhone}),
        min(a.nickname),
        concat_ws(',', group_concat(a.account_key), group_concat(a.nickname), group_concat(a.email),
          group_concat(a.phone)),
        json_group_array(DISTINCT a.phone) FILTER (WHERE ${masked('a.phone')})
      FROM ${accounts} GROUP BY a.customer_id`),
    sqlite.prepare(`INSERT INTO customer_stats (customer_id, name, phone, accounts, platforms, shop_ids, orders,
        paid_orders, first_order_at, last_order_at, first_order_date, last_order_date)
      SELECT s.id, coalesce(c.display_name, f.name, a.nickname), coalesce(a.own_phone, f.phone),
        coalesce(a.accounts, 0), coalesce(a.platforms, ','), coalesce(f.shop_ids, ','),
        coalesce(f.orders, 0), coalesce(f.paid_orders, 0), f.first_at, f.last_at, f.first_date, f.last_date
      FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id
      LEFT JOIN temp.stale_figures f ON f.customer_id = s.id
      LEFT JOIN temp.stale_accounts a ON a.customer_id = s.id`),
    sqlite.prepare(`INSERT INTO customer_spend (customer_id, currency, paid_orders, paid_fen, refund_fen, net_fen)
      SELECT customer_id, currency, count(*), coalesce(sum(paid_fen), 0), coalesce(sum(refund_fen), 0),
        coalesce(sum(paid_fen), 0) - coalesce(sum(refund_fen), 0)
      FROM temp.stale_orders WHERE is_paid GROUP BY customer_id, currency`),
    sqlite.prepare(`INSERT INTO customer_search (customer_id, text, masked_phones)
      SELECT s.id,
        lower(concat_ws(',', f.names, f.phones, a.texts,
          (SELECT group_concat(j.value) FROM json_each(c.tags_json) j), c.display_name)),
        CASE WHEN coalesce(a.masked_phones, '[]') = '[]' THEN coalesce(f.masked_phones, '[]')
          ELSE (SELECT json_group_array(DISTINCT value) FROM (SELECT value FROM json_each(f.masked_phones)
            UNION ALL SELECT value FROM json_each(a.masked_phones))) END
      FROM temp.stale_chunk s CROSS JOIN customers c ON c.id = s.id
      LEFT JOIN temp.stale_figures f ON f.customer_id = s.id
      LEFT JOIN temp.stale_accounts a ON a.customer_id = s.id`),
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
