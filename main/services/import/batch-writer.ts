/**
 * Writes order fragments of one import batch: upserts orders, lines and buyer accounts, counts
 * inserted / updated / unchanged, and records the previous value of every existing row it changes
 * in batch_changes so the batch can be undone. Rows it inserts need no record: their
 * first_batch_id names the batch. Runs inside the transaction its caller opened.
 *
 * Hot path of a 1M-row import: raw prepared statements instead of Kysely.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ParsedBuyer, ParsedLine, ParsedOrder, Platform } from '../../domain/orders/types.js';
import type { ImportCounts } from './import-types.js';
import {
  isPaidFragment,
  LINE_DATA_COLUMNS,
  LINE_DEFAULTS,
  lineColumnValues,
  ORDER_DATA_COLUMNS,
  ORDER_DEFAULTS,
  orderColumnValues,
} from './order-columns.js';

type Row = Record<string, unknown>;
type Outcome = 'updated' | 'unchanged';

export interface BatchWriterOptions {
  batchId: number;
  shopId: number;
  platform: Platform;
  now: string;
  /** The currency of a new order whose fragment does not name one (a line-only 宝贝报表 row). */
  currency: string;
}

export function createBatchWriter(sqlite: BetterSqlite3.Database, options: BatchWriterOptions) {
  const { batchId, shopId, platform, now } = options;
  const orderDefaults = { ...ORDER_DEFAULTS, currency: options.currency };
  // Per-batch scratch tables: which rows this batch has touched (so a row seen twice in one file
  // is counted once and its "before" recorded once) and the file's own money per order.
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.batch_seen;
    CREATE TEMP TABLE batch_seen (table_name TEXT NOT NULL, row_id INTEGER NOT NULL, outcome TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id)) WITHOUT ROWID;
    DROP TABLE IF EXISTS temp.batch_money;
    CREATE TEMP TABLE batch_money (order_key TEXT PRIMARY KEY, paid INTEGER, paid_fen INTEGER, refund_fen INTEGER)
      WITHOUT ROWID;
  `);

  const orderCols = ORDER_DATA_COLUMNS;
  const lineCols = LINE_DATA_COLUMNS;
  const stmt = {
    findOrder: sqlite.prepare('SELECT * FROM orders WHERE shop_id = ? AND platform_order_id = ?'),
    insertOrder: sqlite.prepare(
      `INSERT INTO orders (shop_id, platform_order_id, first_batch_id, last_batch_id, ${orderCols.join(', ')})
       VALUES (?, ?, ?, ?, ${orderCols.map(() => '?').join(', ')})`,
    ),
    updateOrder: sqlite.prepare(
      `UPDATE orders SET last_batch_id = ?, ${orderCols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    findLine: sqlite.prepare('SELECT * FROM order_lines WHERE order_id = ? AND line_key = ?'),
    insertLine: sqlite.prepare(
      `INSERT INTO order_lines (order_id, line_key, first_batch_id, last_batch_id, ${lineCols.join(', ')})
       VALUES (?, ?, ?, ?, ${lineCols.map(() => '?').join(', ')})`,
    ),
    updateLine: sqlite.prepare(
      `UPDATE order_lines SET last_batch_id = ?, ${lineCols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    findAccount: sqlite.prepare(
      'SELECT * FROM buyer_accounts WHERE platform = ? AND key_kind = ? AND account_key = ?',
    ),
    insertAccount: sqlite.prepare(
      `INSERT INTO buyer_accounts (platform, key_kind, account_key, nickname, email, phone, first_batch_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    seen: sqlite.prepare('SELECT outcome FROM temp.batch_seen WHERE table_name = ? AND row_id = ?'),
    markSeen: sqlite.prepare(
      `INSERT INTO temp.batch_seen (table_name, row_id, outcome) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET outcome = excluded.outcome`,
    ),
    recordChange: sqlite.prepare(
      `INSERT INTO batch_changes (batch_id, seq, table_name, row_id, before_json) VALUES (?, ?, ?, ?, ?)`,
    ),
    money: sqlite.prepare(
      `INSERT INTO temp.batch_money (order_key, paid, paid_fen, refund_fen) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET paid = coalesce(excluded.paid, paid),
         paid_fen = coalesce(excluded.paid_fen, paid_fen), refund_fen = coalesce(excluded.refund_fen, refund_fen)`,
    ),
    counts: sqlite.prepare(
      'SELECT table_name, outcome, count(*) AS n FROM temp.batch_seen GROUP BY table_name, outcome',
    ),
    moneyTotals: sqlite.prepare(
      `SELECT coalesce(sum(paid_fen), 0) AS paidFen, coalesce(sum(refund_fen), 0) AS refundFen
       FROM temp.batch_money WHERE paid = 1`,
    ),
  };
  let seq = 0;

  const inserted = { orders: 0, order_lines: 0 };

  function recordUpdate(table: string, rowId: number, before: Row): void {
    stmt.recordChange.run(batchId, ++seq, table, rowId, JSON.stringify(before));
  }

  /**
   * Counts a row that existed before this batch once, and records its first "before". A row this
   * batch inserted and meets again (a non-contiguous repeat) is already counted as inserted.
   */
  function touchExisting(table: 'orders' | 'order_lines', row: Row, changed: boolean): void {
    if (row.first_batch_id === batchId) return;
    const id = row.id as number;
    const prior = stmt.seen.get(table, id) as { outcome: Outcome } | undefined;
    if (!prior) {
      if (changed) recordUpdate(table, id, row);
      stmt.markSeen.run(table, id, changed ? 'updated' : 'unchanged');
    } else if (changed && prior.outcome === 'unchanged') {
      recordUpdate(table, id, row);
      stmt.markSeen.run(table, id, 'updated');
    }
  }

  function mergedValues(
    pairs: Array<[string, unknown]>,
    existing: Row | undefined,
    defaults: Record<string, unknown>,
  ): unknown[] {
    return pairs.map(([col, value]) => {
      if (value !== undefined) return value;
      if (existing) return existing[col];
      return defaults[col] ?? null;
    });
  }

  function accountId(buyer: ParsedBuyer): number {
    const found = stmt.findAccount.get(platform, buyer.kind, buyer.key) as Row | undefined;
    if (found) return found.id as number;
    const info = stmt.insertAccount.run(
      platform,
      buyer.kind,
      buyer.key,
      buyer.nickname ?? null,
      buyer.email ?? null,
      buyer.phone ?? null,
      batchId,
      now,
    );
    return Number(info.lastInsertRowid);
  }

  function writeLine(orderId: number, line: ParsedLine): void {
    const existing = stmt.findLine.get(orderId, line.lineKey) as Row | undefined;
    const values = mergedValues(lineColumnValues(line), existing, LINE_DEFAULTS);
    if (!existing) {
      stmt.insertLine.run(orderId, line.lineKey, batchId, batchId, ...values);
      inserted.order_lines++;
      return;
    }
    const changed = lineCols.some((c, i) => existing[c] !== values[i]);
    touchExisting('order_lines', existing, changed);
    if (changed) stmt.updateLine.run(batchId, ...values, existing.id);
  }

  function settleRoundTrips(table: 'orders' | 'order_lines', columns: readonly string[]): void {
    const changes = sqlite
      .prepare('SELECT seq, row_id, before_json FROM batch_changes WHERE batch_id = ? AND table_name = ?')
      .all(batchId, table) as Array<{ seq: number; row_id: number; before_json: string }>;
    if (changes.length === 0) return;
    const current = sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    const restore = sqlite.prepare(`UPDATE ${table} SET last_batch_id = ? WHERE id = ?`);
    const forget = sqlite.prepare('DELETE FROM batch_changes WHERE batch_id = ? AND seq = ?');
    for (const change of changes) {
      const before = JSON.parse(change.before_json) as Row;
      const now = current.get(change.row_id) as Row;
      if (columns.some((c) => before[c] !== now[c])) continue;
      restore.run(before.last_batch_id, change.row_id);
      forget.run(batchId, change.seq);
      stmt.markSeen.run(table, change.row_id, 'unchanged');
    }
  }

  return {
    write(order: ParsedOrder): void {
      const existing = stmt.findOrder.get(shopId, order.platformOrderId) as Row | undefined;
      const buyerId =
        order.buyer === undefined ? undefined : order.buyer === null ? null : accountId(order.buyer);
      const pairs: Array<[string, unknown]> = [['buyer_account_id', buyerId], ...orderColumnValues(order)];
      const values = mergedValues(pairs, existing, orderDefaults);
      let orderId: number;
      if (!existing) {
        const info = stmt.insertOrder.run(shopId, order.platformOrderId, batchId, batchId, ...values);
        orderId = Number(info.lastInsertRowid);
        inserted.orders++;
      } else {
        orderId = existing.id as number;
        const changed = orderCols.some((c, i) => existing[c] !== values[i]);
        touchExisting('orders', existing, changed);
        if (changed) stmt.updateOrder.run(batchId, ...values, orderId);
      }
      for (const line of order.lines ?? []) writeLine(orderId, line);
      const paid = isPaidFragment(order);
      stmt.money.run(
        order.platformOrderId,
        paid === undefined ? null : paid ? 1 : 0,
        order.paidFen ?? null,
        order.refundFen ?? null,
      );
    },

    /**
     * Counts per table and the file's money (paid orders once each), read from the scratch tables.
     * A row that two sheets of one workbook described differently is changed and changed back
     * within the batch: it ends as it was, so it counts as unchanged and needs no undo record.
     */
    summary(): { orders: ImportCounts; lines: ImportCounts; money: { paidFen: number; refundFen: number } } {
      settleRoundTrips('orders', orderCols);
      settleRoundTrips('order_lines', lineCols);
      const orders: ImportCounts = { inserted: inserted.orders, updated: 0, unchanged: 0 };
      const lines: ImportCounts = { inserted: inserted.order_lines, updated: 0, unchanged: 0 };
      for (const r of stmt.counts.all() as Array<{ table_name: string; outcome: Outcome; n: number }>) {
        if (r.table_name === 'orders') orders[r.outcome] = r.n;
        if (r.table_name === 'order_lines') lines[r.outcome] = r.n;
      }
      const money = stmt.moneyTotals.get() as { paidFen: number; refundFen: number };
      return { orders, lines, money };
    },

    dispose(): void {
      sqlite.exec('DROP TABLE IF EXISTS temp.batch_seen; DROP TABLE IF EXISTS temp.batch_money;');
    },
  };
}

export type BatchWriter = ReturnType<typeof createBatchWriter>;
