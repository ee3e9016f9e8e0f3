/**
 * Writing the profit inputs — SKU costs and aliases, fee and shipping rules, actual shipping and
 * fees, ad spend, currency rates, the refund policy — each write one operation in the log (kind
 * `cost_edit`, `fee_edit`, or `profit_import` for a file), undone like an order import.
 *
 * Every row carries the operation that last wrote it (`op_id`); a row it replaced or deleted has its
 * whole before-image in operation_changes. Each write marks the (shop, day) facts it can change
 * dirty (facts.ts recomputes them before the commit).
 */
import type { WriteTx } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';

export const PROFIT_TABLES = {
  sku_costs: {
    key: ['sku', 'effective_from'],
    columns: ['sku', 'effective_from', 'unit_cost_fen', 'title', 'category'],
  },
  sku_aliases: { key: ['alias'], columns: ['alias', 'sku'] },
  fee_rules: {
    key: ['shop_id', 'effective_from'],
    columns: [
      'shop_id',
      'effective_from',
      'preset',
      'commission_bp',
      'category_bp_json',
      'payment_bp',
      'points_bp',
      'per_order_fen',
      'monthly_fen',
    ],
  },
  shipping_rules: {
    key: ['shop_id', 'effective_from', 'province'],
    columns: ['shop_id', 'effective_from', 'province', 'per_order_fen', 'packaging_fen'],
  },
  shipping_costs: {
    key: ['shop_id', 'platform_order_id'],
    columns: ['shop_id', 'platform_order_id', 'tracking_no', 'cost_fen'],
  },
  ad_spend: { key: ['shop_id', 'day', 'channel'], columns: ['shop_id', 'day', 'channel', 'amount_fen'] },
  currency_rates: { key: ['currency', 'month'], columns: ['currency', 'month', 'cny_ppm'] },
  order_fees: {
    key: ['shop_id', 'platform_order_id', 'kind'],
    columns: ['shop_id', 'platform_order_id', 'kind', 'amount_fen'],
  },
  profit_policy: { key: ['id'], columns: ['id', 'refund_day', 'returned_goods'] },
} as const;

export type ProfitTable = keyof typeof PROFIT_TABLES;
export type ProfitOperationKind = 'cost_edit' | 'fee_edit' | 'profit_import';
export type Row = Record<string, string | number | null>;

export function newProfitOperation(
  tx: WriteTx,
  kind: ProfitOperationKind,
  now: string,
  summary: Record<string, unknown>,
): number {
  return Number(
    tx.sqlite
      .prepare('INSERT INTO operations (kind, created_at, summary_json) VALUES (?, ?, ?)')
      .run(kind, now, JSON.stringify(summary)).lastInsertRowid,
  );
}

function nextSeq(tx: WriteTx, opId: number): number {
  const r = tx.sqlite
    .prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM operation_changes WHERE op_id = ?')
    .get(opId) as { seq: number };
  return r.seq;
}

function recordBefore(
  tx: WriteTx,
  opId: number,
  table: ProfitTable,
  before: Row,
  action: 'update' | 'delete',
) {
  tx.sqlite
    .prepare(
      `INSERT INTO operation_changes (op_id, seq, table_name, row_id, action, before_json) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(opId, nextSeq(tx, opId), table, before.id, action, JSON.stringify(before));
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Inserts or replaces rows of one table by its key; unchanged rows are left alone (no record). */
export function upsertRows(tx: WriteTx, opId: number, table: ProfitTable, rows: Row[]): UpsertCounts {
  const spec = PROFIT_TABLES[table];
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const find = tx.sqlite.prepare(
    `SELECT * FROM ${table} WHERE ${spec.key.map((k) => `${k} IS @${k}`).join(' AND ')}`,
  );
  const insert = tx.sqlite.prepare(
    `INSERT INTO ${table} (${spec.columns.join(', ')}, op_id) VALUES (${spec.columns.map((c) => `@${c}`).join(', ')}, @op_id)`,
  );
  const update = tx.sqlite.prepare(
    `UPDATE ${table} SET ${spec.columns.map((c) => `${c} = @${c}`).join(', ')}, op_id = @op_id WHERE id = @id`,
  );
  for (const row of rows) {
    const values = Object.fromEntries(spec.columns.map((c) => [c, row[c] ?? null]));
    const before = find.get(values) as Row | undefined;
    if (before && spec.columns.every((c) => before[c] === values[c])) {
      counts.unchanged++;
      continue;
    }
    if (before) {
      recordBefore(tx, opId, table, before, 'update');
      markRowDirty(tx, table, before);
      update.run({ ...values, op_id: opId, id: before.id });
      counts.updated++;
    } else {
      insert.run({ ...values, op_id: opId });
      counts.inserted++;
    }
    markRowDirty(tx, table, values);
  }
  return counts;
}

/** Deletes one row by id (its before-image kept); false when there is none. */
export function deleteRow(tx: WriteTx, opId: number, table: ProfitTable, id: number): boolean {
  const before = tx.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!before) return false;
  recordBefore(tx, opId, table, before, 'delete');
  markRowDirty(tx, table, before);
  tx.sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  return true;
}

/**
 * Marks the days of the orders `from` selects (an SQL FROM … WHERE over `orders o`): each order's
 * own day, and for a refunded one the days around its close, where its refund may be counted.
 */
function markOrdersDirty(tx: WriteTx, from: string, params: Record<string, string | number | null>): void {
  tx.sqlite
    .prepare(
      `INSERT OR IGNORE INTO profit_dirty (shop_id, day)
       SELECT o.shop_id, o.order_date ${from} AND o.order_date IS NOT NULL
       UNION
       SELECT o.shop_id, date(o.closed_at, d.shift) ${from.replace('FROM orders o', "FROM (SELECT '-1 day' AS shift UNION ALL SELECT '+0 day' UNION ALL SELECT '+1 day') d, orders o")}
         AND o.refund_fen > 0 AND o.closed_at IS NOT NULL`,
    )
    .run(params);
}

/** Marks the facts a row of a profit table feeds (as it was, or as it is) for recomputation. */
export function markRowDirty(tx: WriteTx, table: ProfitTable, row: Row): void {
  const v = (key: string) => row[key] ?? null;
  switch (table) {
    case 'sku_costs':
      markOrdersDirty(
        tx,
        `FROM orders o WHERE o.id IN (SELECT l.order_id FROM order_lines l
           WHERE l.sku = @sku OR l.sku IN (SELECT alias FROM sku_aliases WHERE sku = @sku))
         AND o.order_date >= @day`,
        { sku: v('sku'), day: v('effective_from') ?? '0000-01-01' },
      );
      return;
    case 'sku_aliases':
      markOrdersDirty(
        tx,
        'FROM orders o WHERE o.id IN (SELECT l.order_id FROM order_lines l WHERE l.sku = @alias)',
        {
          alias: v('alias'),
        },
      );
      return;
    case 'fee_rules':
    case 'shipping_rules':
      markOrdersDirty(tx, 'FROM orders o WHERE o.shop_id = @shop AND o.order_date >= @day', {
        shop: v('shop_id'),
        day: v('effective_from'),
      });
      return;
    case 'shipping_costs':
    case 'order_fees':
      markOrdersDirty(tx, 'FROM orders o WHERE o.shop_id = @shop AND o.platform_order_id = @order', {
        shop: v('shop_id'),
        order: v('platform_order_id'),
      });
      return;
    default:
      // Ads, rates and the refund policy are applied when the report is read.
      return;
  }
}

/** Operations whose rows may be undone here. */
const PROFIT_KINDS = "('cost_edit', 'fee_edit', 'profit_import')";

/**
 * Undoes a profit operation: its rows go, the rows it replaced or deleted come back. Refused while
 * a later, still committed operation changed one of the same rows (its work would be lost).
 */
export function undoProfitOperation(
  tx: WriteTx,
  opId: number,
  now: string,
): { restored: number; removed: number } {
  const params = { opId: String(opId) };
  const op = tx.sqlite
    .prepare(`SELECT state FROM operations WHERE id = ? AND kind IN ${PROFIT_KINDS}`)
    .get(opId) as { state: string } | undefined;
  if (!op) throw new UserError({ code: 'profit.noOperation', params });
  if (op.state === 'undone') throw new UserError({ code: 'profit.alreadyUndone', params });
  const tables = Object.keys(PROFIT_TABLES) as ProfitTable[];
  const later = tx.sqlite
    .prepare(
      `SELECT DISTINCT c.op_id AS id FROM operation_changes c
       JOIN operations l ON l.id = c.op_id AND l.state = 'committed'
       WHERE c.op_id > @op AND c.table_name IN (${tables.map((t) => `'${t}'`).join(', ')})
         AND (json_extract(c.before_json, '$.op_id') = @op
           OR EXISTS (SELECT 1 FROM operation_changes m
                      WHERE m.op_id = @op AND m.table_name = c.table_name AND m.row_id = c.row_id))
       ORDER BY 1`,
    )
    .all({ op: opId }) as Array<{ id: number }>;
  if (later.length > 0)
    throw new UserError({
      code: 'profit.undoBlocked',
      params: { ...params, later: later.map((l) => `#${l.id}`).join(', ') },
    });
  let removed = 0;
  for (const table of tables) {
    const rows = tx.sqlite.prepare(`SELECT * FROM ${table} WHERE op_id = ?`).all(opId) as Row[];
    for (const row of rows) markRowDirty(tx, table, row);
    removed += tx.sqlite.prepare(`DELETE FROM ${table} WHERE op_id = ?`).run(opId).changes;
  }
  const images = tx.sqlite
    .prepare(
      `SELECT table_name AS tableName, before_json AS beforeJson FROM operation_changes WHERE op_id = ? ORDER BY seq DESC`,
    )
    .all(opId) as Array<{ tableName: ProfitTable; beforeJson: string }>;
  for (const image of images) {
    const row = JSON.parse(image.beforeJson) as Row;
    const columns = Object.keys(row);
    tx.sqlite
      .prepare(
        `INSERT OR REPLACE INTO ${image.tableName} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      .run(row);
    markRowDirty(tx, image.tableName, row);
  }
  tx.sqlite.prepare("UPDATE operations SET state = 'undone', undone_at = ? WHERE id = ?").run(now, opId);
  return { restored: images.length, removed };
}
