/**
 * Applies a staged file to the real tables with set-based SQL, a chunk of staged rows per
 * statement, inside the writer's transaction. It can follow the staging as it fills (the parse
 * worker is still reading the file): `applyThrough` applies the chunks staged so far, `finish` the
 * rest. Per chunk of staged orders (then of staged lines):
 *   1. buyer accounts not seen before are inserted (one INSERT … SELECT per chunk);
 *   2. the stored rows whose stated values differ from the staged ones are noted (a temporary
 *      table of changed ids, so nothing is written into the staging while a parse fills it);
 *   3. their before-images into the operation log, then 4. update them — only what the file states
 *      replaces what is stored;
 *   5. insert the staged rows that match no stored row.
 * An unchanged re-import is decided by the comparison in 2 and writes nothing else. A staged row a
 * later fragment of the file changed after it was applied (`dirty`) is applied again at the end.
 * Counts come from the database, not from the parse.
 *
 * Chunks keep every statement short: between them the event loop runs (the writer is the Electron
 * main process) and a cancel is noticed; the transaction makes the whole file one write.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WriteTx } from '../../../db/index.js';
import type { ImportCounts } from '../../domain/results.js';
import type { Platform } from '../../domain/orders/types.js';
import { throwIfCancelled, yieldToEventLoop } from '../long-work.js';
import { createSingleCustomers } from '../customers/single-customers.js';
import { noteCustomersOfOperation, refreshStaleCustomers } from '../customers/stats.js';
import type { JobContext } from './import-types.js';
import { LINE_COLUMNS, ORDER_COLUMNS } from './order-columns.js';
import { BUYER_FALLBACK, BUYER_NAMED } from './staging.js';

/** buyer_accounts' identity columns and the staged columns they are filled from (staging.ts). */
const ACCOUNT_IDENTITY = [
  'email',
  'email_phone',
  'qq',
  'phone_class',
  'phone',
  'nickname',
  'nickname_generic',
].map((name) => ({ column: `identity_${name}`, staged: `buyer_identity_${name}` }));

/**
 * Staged rows per statement: a few milliseconds each (about 20 ms for all steps of a chunk when the
 * parse worker competes for the same core), and the event loop gets a turn after every chunk.
 */
const CHUNK = 500;

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

interface Steps {
  accounts?: string;
  /** The file's marketing consent onto its accounts (services/vip/consent-sql.ts reads it). */
  consent?: string;
  /** Before `consent`: the consent of the accounts it will change, so an undo puts it back. */
  consentRecord?: string;
  mark: string;
  record: string;
  update: string;
  insert: string;
}

/** The staged rows of a step: a chunk by seq, or (at the end) the rows folded after being applied. */
const CHUNK_ROWS = 's.seq > @lo AND s.seq <= @hi';
const DIRTY_ROWS = 's.dirty = 1';

/**
 * The stored rows a chunk changes: (staged seq, stored id). A temporary table of the write
 * connection, so nothing is written into the staging (a parse may still be filling it).
 */
const CHANGED = 'temp.apply_changed';

function orderSteps(st: string, rows: string): Steps {
  const cols = ORDER_COLUMNS.map((c, i) => ({ name: c.name, bit: 2 ** i }));
  const said = (bit: number) => `((s.stated | s.derived) & ${bit})`;
  const buyerId = `CASE WHEN s.buyer_key IS NULL THEN NULL ELSE (SELECT a.id FROM buyer_accounts a
    WHERE a.platform = @platform AND a.key_kind = s.buyer_kind AND a.account_key = s.buyer_key) END`;
  // A receiver-keyed (fallback) account links the order only when no named buyer does: the stored
  // order has no buyer, or a fallback one itself.
  const unnamed = (
    order: string,
  ) => `(${order}.buyer_account_id IS NULL OR EXISTS (SELECT 1 FROM buyer_accounts n
    WHERE n.id = ${order}.buyer_account_id AND n.key_kind = 'receiver'))`;
  const setsBuyer = (order: string) => `((s.buyer_said & ${BUYER_NAMED})
    OR ((s.buyer_said & ${BUYER_FALLBACK}) AND ${unnamed(order)}))`;
  const changed = [
    ...cols.map((c) => `(${said(c.bit)} AND s.${c.name} IS NOT o.${c.name})`),
    `(${setsBuyer('o')} AND (${buyerId}) IS NOT o.buyer_account_id)`,
  ].join(' OR ');
  const before = `json_object('buyer_account_id', o.buyer_account_id, ${cols
    .map((c) => `'${c.name}', o.${c.name}`)
    .join(', ')}, 'last_op_id', o.last_op_id)`;
  const stored = 'o.shop_id = @shop AND o.platform_order_id = s.order_key';
  return {
    // A fallback account is made only for an order it will link (a new one, or one without a named buyer).
    accounts: `INSERT INTO buyer_accounts (platform, key_kind, account_key, nickname, email, phone,
        ${ACCOUNT_IDENTITY.map((c) => c.column).join(', ')}, first_op_id, created_at)
      SELECT @platform, s.buyer_kind, s.buyer_key, s.buyer_nickname, s.buyer_email, s.buyer_phone,
        ${ACCOUNT_IDENTITY.map((c) => `s.${c.staged}`).join(', ')}, @op, @now
      FROM ${st}.st_orders s WHERE ${rows} AND s.buyer_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM buyer_accounts a
        WHERE a.platform = @platform AND a.key_kind = s.buyer_kind AND a.account_key = s.buyer_key)
        AND ((s.buyer_said & ${BUYER_NAMED}) OR NOT EXISTS (SELECT 1 FROM orders o
          WHERE ${stored} AND NOT ${unnamed('o')}))
      ON CONFLICT (platform, key_kind, account_key) DO NOTHING`,
    // An account that existed before this import keeps its earlier consent in the operation log,
    // once per import (the first before-image is the one an undo restores). Accounts this import
    // made go with its undo, so they need none.
    consentRecord: `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
      SELECT @op, @base + row_number() OVER (ORDER BY a.id), 'buyer_accounts', a.id, 'update',
        json_object('accepts_marketing', a.accepts_marketing)
      FROM ${st}.st_orders s JOIN buyer_accounts a ON a.platform = @platform
        AND a.key_kind = s.buyer_kind AND a.account_key = s.buyer_key
      WHERE ${rows} AND s.buyer_key IS NOT NULL AND s.buyer_accepts_marketing IS NOT NULL
        AND a.accepts_marketing IS NOT s.buyer_accepts_marketing AND a.first_op_id IS NOT @op
        AND NOT EXISTS (SELECT 1 FROM operation_changes m
          WHERE m.op_id = @op AND m.table_name = 'buyer_accounts' AND m.row_id = a.id)
      GROUP BY a.id`,
    // The latest file that says wins.
    consent: `UPDATE buyer_accounts SET accepts_marketing = s.buyer_accepts_marketing
      FROM (SELECT s.buyer_kind, s.buyer_key, s.buyer_accepts_marketing FROM ${st}.st_orders s
        WHERE ${rows} AND s.buyer_key IS NOT NULL AND s.buyer_accepts_marketing IS NOT NULL) AS s
      WHERE buyer_accounts.platform = @platform AND buyer_accounts.key_kind = s.buyer_kind
        AND buyer_accounts.account_key = s.buyer_key
        AND buyer_accounts.accepts_marketing IS NOT s.buyer_accepts_marketing`,
    mark: `INSERT INTO ${CHANGED} (seq, id) SELECT s.seq, o.id
      FROM ${st}.st_orders s CROSS JOIN orders o ON ${stored} WHERE ${rows} AND (${changed})`,
    // A row this operation inserted, or already recorded, has no (other) before-image to keep.
    record: `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
      SELECT @op, @base + row_number() OVER (ORDER BY o.id), 'orders', o.id, 'update', ${before}
      FROM ${CHANGED} c CROSS JOIN orders o ON o.id = c.id
      WHERE o.first_op_id <> @op AND o.last_op_id <> @op`,
    update: `UPDATE orders SET ${cols
      .map((c) => `${c.name} = CASE WHEN ${said(c.bit)} THEN s.${c.name} ELSE orders.${c.name} END`)
      .join(', ')},
      buyer_account_id = CASE WHEN ${setsBuyer('orders')} THEN (${buyerId}) ELSE orders.buyer_account_id END,
      last_op_id = @op
      FROM (SELECT c.id AS changed_id, st.* FROM ${CHANGED} c CROSS JOIN ${st}.st_orders st ON st.seq = c.seq) AS s
      WHERE orders.id = s.changed_id`,
    insert: `INSERT INTO orders (shop_id, platform_order_id, buyer_account_id, ${cols
      .map((c) => c.name)
      .join(', ')}, first_op_id, last_op_id)
      SELECT @shop, s.order_key, ${buyerId}, ${cols
        .map((c) => (c.name === 'currency' ? 'coalesce(s.currency, @currency)' : `s.${c.name}`))
        .join(', ')}, @op, @op
      FROM ${st}.st_orders s WHERE ${rows} AND NOT EXISTS (SELECT 1 FROM orders o WHERE ${stored})`,
  };
}

function lineSteps(st: string, rows: string): Steps {
  const cols = LINE_COLUMNS.map((c, i) => ({ name: c.name, bit: 2 ** i }));
  const stated = (bit: number) => `(s.stated & ${bit})`;
  const changed = cols.map((c) => `(${stated(c.bit)} AND s.${c.name} IS NOT l.${c.name})`).join(' OR ');
  const before = `json_object(${cols.map((c) => `'${c.name}', l.${c.name}`).join(', ')}, 'last_op_id', l.last_op_id)`;
  // A line's order is applied before the line, so it exists by now.
  const order = 'o.shop_id = @shop AND o.platform_order_id = s.order_key';
  return {
    mark: `INSERT INTO ${CHANGED} (seq, id) SELECT s.seq, l.id
      FROM ${st}.st_lines s CROSS JOIN orders o ON ${order}
      CROSS JOIN order_lines l ON l.order_id = o.id AND l.line_key = s.line_key
      WHERE ${rows} AND (${changed})`,
    record: `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json)
      SELECT @op, @base + row_number() OVER (ORDER BY l.id), 'order_lines', l.id, 'update', ${before}
      FROM ${CHANGED} c CROSS JOIN order_lines l ON l.id = c.id
      WHERE l.first_op_id <> @op AND l.last_op_id <> @op`,
    update: `UPDATE order_lines SET ${cols
      .map((c) => `${c.name} = CASE WHEN ${stated(c.bit)} THEN s.${c.name} ELSE order_lines.${c.name} END`)
      .join(', ')}, last_op_id = @op
      FROM (SELECT c.id AS changed_id, st.* FROM ${CHANGED} c CROSS JOIN ${st}.st_lines st ON st.seq = c.seq) AS s
      WHERE order_lines.id = s.changed_id`,
    insert: `INSERT INTO order_lines (order_id, line_key, ${cols.map((c) => c.name).join(', ')}, first_op_id, last_op_id)
      SELECT o.id, s.line_key, ${cols
        .map((c) => (c.name === 'quantity' ? 'coalesce(s.quantity, 1)' : `s.${c.name}`))
        .join(', ')}, @op, @op
      FROM ${st}.st_lines s CROSS JOIN orders o ON ${order}
      WHERE ${rows} AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.line_key = s.line_key)`,
  };
}

type Run = (values: Record<string, unknown>) => BetterSqlite3.RunResult;

/** Prepares the steps; better-sqlite3 wants exactly the named parameters a statement uses. */
function prepare(sqlite: BetterSqlite3.Database, steps: Steps): Record<keyof Steps, Run | null> {
  const bind = (sql: string | undefined): Run | null => {
    if (!sql) return null;
    const statement = sqlite.prepare(sql);
    const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
    return (values) => statement.run(Object.fromEntries(names.map((n) => [n, values[n]])));
  };
  return {
    accounts: bind(steps.accounts),
    consent: bind(steps.consent),
    consentRecord: bind(steps.consentRecord),
    mark: bind(steps.mark),
    record: bind(steps.record),
    update: bind(steps.update),
    insert: bind(steps.insert),
  };
}

/** Applies one attached staging as it fills; see the module comment. */
export class StagingApplier {
  private readonly sqlite: BetterSqlite3.Database;
  readonly steps: {
    orders: Record<keyof Steps, Run | null>;
    lines: Record<keyof Steps, Run | null>;
    dirtyOrders: Record<keyof Steps, Run | null>;
    dirtyLines: Record<keyof Steps, Run | null>;
  };
  /** The highest order / line seq applied so far. */
  readonly applied = { orders: 0, lines: 0 };
  /** Rows to apply in all, when known (a staging read from a preview): the progress bar's end. */
  total = 0;
  private readonly counts = { orders: { inserted: 0, updated: 0 }, lines: { inserted: 0, updated: 0 } };
  private readonly clearChanged: BetterSqlite3.Statement;
  private base: number;

  constructor(
    private readonly tx: WriteTx,
    private readonly target: ApplyTarget,
    private readonly ctx: JobContext,
  ) {
    this.sqlite = tx.sqlite;
    const st = target.staging;
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS ${CHANGED} (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL)`);
    this.clearChanged = this.sqlite.prepare(`DELETE FROM ${CHANGED}`);
    this.steps = {
      orders: prepare(this.sqlite, orderSteps(st, CHUNK_ROWS)),
      lines: prepare(this.sqlite, lineSteps(st, CHUNK_ROWS)),
      dirtyOrders: prepare(this.sqlite, orderSteps(st, DIRTY_ROWS)),
      dirtyLines: prepare(this.sqlite, lineSteps(st, DIRTY_ROWS)),
    };
    this.base = this.scalar(
      'SELECT coalesce(max(seq), 0) AS n FROM operation_changes WHERE op_id = ?',
      target.opId,
    );
  }

  /**
   * Applies every row staged so far (`staged` = the highest seqs): all of its orders first, so the
   * order of every staged line exists when the lines are applied.
   */
  async applyThrough(staged: { orders: number; lines: number }): Promise<void> {
    await this.run('orders', staged.orders);
    await this.run('lines', staged.lines);
  }

  /**
   * Applies what is left, and again the rows folded after they were applied. Counts are the rows
   * the statements inserted and the before-images they recorded: a row this operation inserted and
   * then changed again is one inserted row.
   */
  async finish(staged: { orders: number; lines: number }): Promise<ApplyResult> {
    await this.applyThrough(staged);
    this.runChunk('dirtyOrders', 0, 0);
    this.runChunk('dirtyLines', 0, 0);
    // Each new buyer account is a customer of its own until the buyer merge joins it to others;
    // then the summaries of every customer whose orders changed are computed again.
    createSingleCustomers(this.tx, this.target.opId, this.target.now);
    noteCustomersOfOperation(this.tx, this.target.opId);
    await refreshStaleCustomers(this.tx);
    const st = this.target.staging;
    const result = (kind: 'orders' | 'lines', staging: string): ImportCounts => {
      const total = this.scalar(`SELECT count(*) AS n FROM ${st}.${staging}`);
      const { inserted, updated } = this.counts[kind];
      return { inserted, updated, unchanged: total - inserted - updated };
    };
    return { orders: result('orders', 'st_orders'), lines: result('lines', 'st_lines') };
  }

  private async run(kind: 'orders' | 'lines', staged: number): Promise<void> {
    for (;;) {
      const lo = this.applied[kind];
      const hi = Math.min(lo + CHUNK, staged);
      if (hi <= lo) return;
      this.runChunk(kind, lo, hi);
      this.applied[kind] = hi;
      if (this.total > 0)
        this.ctx.progress?.('writing', this.applied.orders + this.applied.lines, this.total);
      throwIfCancelled(this.ctx.signal);
      await yieldToEventLoop();
    }
  }

  private runChunk(kind: keyof StagingApplier['steps'], lo: number, hi: number): void {
    const step = this.steps[kind];
    const counts = this.counts[kind === 'orders' || kind === 'dirtyOrders' ? 'orders' : 'lines'];
    const t = this.target;
    const values = {
      op: t.opId,
      shop: t.shopId,
      platform: t.platform,
      currency: t.currency,
      now: t.now,
      lo,
      hi,
    };
    step.accounts?.(values);
    // Consent before-images take seqs of the log too, but are not order updates: not counted.
    if (step.consentRecord) this.base += step.consentRecord({ ...values, base: this.base }).changes;
    step.consent?.(values);
    this.clearChanged.run();
    step.mark!(values);
    const recorded = step.record!({ ...values, base: this.base }).changes;
    this.base += recorded;
    counts.updated += recorded;
    step.update!(values);
    counts.inserted += step.insert!(values).changes;
  }

  private scalar(sql: string, ...params: unknown[]): number {
    return (this.sqlite.prepare(sql).get(...params) as { n: number }).n;
  }
}
