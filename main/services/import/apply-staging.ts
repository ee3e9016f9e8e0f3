/**
 * Applies one staged file to the real tables with set-based SQL, a chunk of staged rows per
 * statement, inside the writer's transaction:
 *   1. new buyer accounts (a repeated buyer is one INSERT … ON CONFLICT DO NOTHING, not a lookup);
 *   2. the before-image of every existing row the file changes, into the operation log;
 *   3. those rows updated — only what the file states replaces what is stored;
 *   4. rows the database does not have yet inserted.
 * An unchanged re-import is decided by the comparison in 2 and writes nothing but the log of the
 * batch itself. Counts come from the database (statement changes), not from the parse.
 *
 * Chunks keep every statement short: between them the event loop runs (the writer is the Electron
 * main process) and a cancel is noticed; the transaction makes the whole file one write.
 */
import type { WriteTx } from '../../../db/index.js';
import type { ImportCounts } from '../../domain/results.js';
import type { Platform } from '../../domain/orders/types.js';
import { createSlicer, throwIfCancelled } from '../long-work.js';
import type { JobContext } from './import-types.js';
import { LINE_COLUMNS, ORDER_COLUMNS } from './order-columns.js';

/** Staged rows per statement: a few milliseconds each on a laptop. */
const CHUNK = 4000;

export interface ApplyTarget {
  /** The alias the staging file is attached as. */
  staging: string;
  opId: number;
  shopId: number;
  platform: Platform;
  /** For a new order whose file names no currency (a 宝贝报表 line arriving first). */
  currency: string;
  now: string;
}

export interface ApplyResult {
  orders: ImportCounts;
  lines: ImportCounts;
}

const said = (bit: number) => `((s.stated | s.derived) & ${bit})`;

/** The buyer account of a staged order (its key was inserted in step 1). */
const BUYER_ID = `CASE WHEN s.buyer_key IS NULL THEN NULL ELSE (SELECT a.id FROM buyer_accounts a
  WHERE a.platform = @platform AND a.key_kind = s.buyer_kind AND a.account_key = s.buyer_key) END`;

function orderSql(st: string) {
  const cols = ORDER_COLUMNS.map((c, i) => ({ name: c.name, bit: 2 ** i }));
  const changed = (o: string) =>
    [
      ...cols.map((c) => `(${said(c.bit)} AND s.${c.name} IS NOT ${o}.${c.name})`),
      `(s.buyer_said AND (${BUYER_ID}) IS NOT ${o}.buyer_account_id)`,
    ].join(' OR ');
  const inChunk = 's.seq > @lo AND s.seq <= @hi';
  const before = `json_object('buyer_account_id', o.buyer_account_id, ${cols
    .map((c) => `'${c.name}', o.${c.name}`)
    .join(', ')}, 'last_op_id', o.last_op_id)`;
  return {
    accounts: `INSERT INTO buyer_accounts (platform, key_kind, account_key, nickname, email, phone, first_op_id, created_at)
      SELECT @platform, s.buyer_kind, s.buyer_key, s.buyer_nickname, s.buyer_email, s.buyer_phone, @op, @now
      FROM ${st}.st_orders s WHERE ${inChunk} AND s.buyer_said = 1 AND s.buyer_key IS NOT NULL
      ON CONFLICT (platform, key_kind, account_key) DO NOTHING`,
    record: `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
      SELECT @op, @base + row_number() OVER (ORDER BY o.id), 'orders', o.id, 'update', ${before}
      FROM ${st}.st_orders s JOIN orders o ON o.shop_id = @shop AND o.platform_order_id = s.order_key
      WHERE ${inChunk} AND (${changed('o')})`,
    update: `UPDATE orders SET ${cols
      .map((c) => `${c.name} = CASE WHEN ${said(c.bit)} THEN s.${c.name} ELSE orders.${c.name} END`)
      .join(', ')},
      buyer_account_id = CASE WHEN s.buyer_said THEN (${BUYER_ID}) ELSE orders.buyer_account_id END,
      last_op_id = @op
      FROM ${st}.st_orders s
      WHERE orders.shop_id = @shop AND orders.platform_order_id = s.order_key AND ${inChunk}
        AND (${changed('orders')})`,
    insert: `INSERT INTO orders (shop_id, platform_order_id, buyer_account_id, ${cols
      .map((c) => c.name)
      .join(', ')}, first_op_id, last_op_id)
      SELECT @shop, s.order_key, ${BUYER_ID}, ${cols
        .map((c) => (c.name === 'currency' ? 'coalesce(s.currency, @currency)' : `s.${c.name}`))
        .join(', ')}, @op, @op
      FROM ${st}.st_orders s WHERE ${inChunk}
        AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = @shop AND o.platform_order_id = s.order_key)`,
  };
}

function lineSql(st: string) {
  const cols = LINE_COLUMNS.map((c, i) => ({ name: c.name, bit: 2 ** i }));
  const stated = (bit: number) => `(s.stated & ${bit})`;
  const changed = (l: string) =>
    cols.map((c) => `(${stated(c.bit)} AND s.${c.name} IS NOT ${l}.${c.name})`).join(' OR ');
  const staged = `(SELECT s.*, o.id AS order_id FROM ${st}.st_lines s
    JOIN orders o ON o.shop_id = @shop AND o.platform_order_id = s.order_key
    WHERE s.seq > @lo AND s.seq <= @hi)`;
  const before = `json_object(${cols.map((c) => `'${c.name}', l.${c.name}`).join(', ')}, 'last_op_id', l.last_op_id)`;
  return {
    record: `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
      SELECT @op, @base + row_number() OVER (ORDER BY l.id), 'order_lines', l.id, 'update', ${before}
      FROM ${staged} s JOIN order_lines l ON l.order_id = s.order_id AND l.line_key = s.line_key
      WHERE ${changed('l')}`,
    update: `UPDATE order_lines SET ${cols
      .map((c) => `${c.name} = CASE WHEN ${stated(c.bit)} THEN s.${c.name} ELSE order_lines.${c.name} END`)
      .join(', ')}, last_op_id = @op
      FROM ${staged} s
      WHERE order_lines.order_id = s.order_id AND order_lines.line_key = s.line_key AND (${changed('order_lines')})`,
    insert: `INSERT INTO order_lines (order_id, line_key, ${cols.map((c) => c.name).join(', ')}, first_op_id, last_op_id)
      SELECT s.order_id, s.line_key, ${cols
        .map((c) => (c.name === 'quantity' ? 'coalesce(s.quantity, 1)' : `s.${c.name}`))
        .join(', ')}, @op, @op
      FROM ${staged} s
      WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = s.order_id AND l.line_key = s.line_key)`,
  };
}

export async function applyStaging(tx: WriteTx, target: ApplyTarget, ctx: JobContext): Promise<ApplyResult> {
  const sqlite = tx.sqlite;
  const st = target.staging;
  const slicer = createSlicer();
  const count = (table: string) =>
    (sqlite.prepare(`SELECT coalesce(max(seq), 0) AS n FROM ${st}.${table}`).get() as { n: number }).n;
  const lastOrder = count('st_orders');
  const lastLine = count('st_lines');
  const total = lastOrder + lastLine;
  let base = (
    sqlite
      .prepare('SELECT coalesce(max(seq), 0) AS n FROM operation_changes WHERE op_id = ?')
      .get(target.opId) as {
      n: number;
    }
  ).n;
  const params = {
    op: target.opId,
    shop: target.shopId,
    platform: target.platform,
    currency: target.currency,
    now: target.now,
  };

  const run = async (
    sql: { record: string; update: string; insert: string; accounts?: string },
    last: number,
    done: number,
  ): Promise<ImportCounts> => {
    const statements = {
      accounts: sql.accounts ? sqlite.prepare(sql.accounts) : null,
      record: sqlite.prepare(sql.record),
      update: sqlite.prepare(sql.update),
      insert: sqlite.prepare(sql.insert),
    };
    const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let lo = 0; lo < last; lo += CHUNK) {
      const hi = Math.min(lo + CHUNK, last);
      const chunk = { ...params, lo, hi };
      statements.accounts?.run(chunk);
      const recorded = statements.record.run({ ...chunk, base }).changes;
      base += recorded;
      const updated = statements.update.run(chunk).changes;
      if (updated !== recorded) throw new Error(`import: ${updated} rows updated, ${recorded} recorded`);
      counts.updated += updated;
      counts.inserted += statements.insert.run(chunk).changes;
      ctx.progress?.('writing', done + hi, total);
      throwIfCancelled(ctx.signal);
      await slicer.maybeYield();
    }
    return counts;
  };

  const orders = await run(orderSql(st), lastOrder, 0);
  orders.unchanged =
    (sqlite.prepare(`SELECT count(*) AS n FROM ${st}.st_orders`).get() as { n: number }).n -
    orders.inserted -
    orders.updated;
  const lines = await run(lineSql(st), lastLine, lastOrder);
  lines.unchanged =
    (sqlite.prepare(`SELECT count(*) AS n FROM ${st}.st_lines`).get() as { n: number }).n -
    lines.inserted -
    lines.updated;
  return { orders, lines };
}
