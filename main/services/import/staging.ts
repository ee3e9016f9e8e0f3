/**
 * The staging database of one file: its rows parsed and normalised once (in the parse worker), so
 * the preview is read from it and the commit applies it with set-based SQL without parsing again.
 *
 * One staged order per order id: the fragments of one order (consecutive line rows, or the sheets
 * of a 千牛 workbook) fold into it as they arrive — a value the file states for the order replaces
 * what an earlier fragment said, amounts derived from lines add up (each line is staged once), the
 * derived status is the furthest — so the staged row is what the whole file says of the order.
 * `stated` and `derived` are bitmasks over ORDER_COLUMNS: SQL NULL cannot tell "not said" from
 * "said empty".
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../../../db/open-sqlite.js';
import type { ParsedOrder, RowProblem } from '../../domain/orders/types.js';
import type { StatusValueCount } from '../../domain/results.js';
import {
  LINE_COLUMNS,
  ORDER_COLUMNS,
  ORDER_DATE_BIT,
  paidOrderSql,
  statusRankSql,
  type SqlValue,
} from './order-columns.js';

/** Bumped whenever what is staged changes: a staging of another version is parsed again. */
export const STAGING_VERSION = 1;

const ORDER_DATE_INDEX = ORDER_COLUMNS.findIndex((c) => c.name === 'order_date');
const BUYER_COLUMNS = ['buyer_kind', 'buyer_key', 'buyer_nickname', 'buyer_email', 'buyer_phone'];
const SAMPLE_ROWS = 8;
const MAX_STATUS_VALUES = 30;

export interface StagedSummary {
  orders: number;
  lines: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  paidFen: number;
  refundFen: number;
  statusValues: StatusValueCount[];
  problemCount: number;
}

function schema(): string {
  const orderCols = ORDER_COLUMNS.map((c) => `${c.name} ANY`).join(', ');
  const lineCols = LINE_COLUMNS.map((c) => `${c.name} ANY`).join(', ');
  return `
    CREATE TABLE st_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE st_orders (seq INTEGER PRIMARY KEY, order_key TEXT NOT NULL UNIQUE,
      stated INTEGER NOT NULL, derived INTEGER NOT NULL, buyer_said INTEGER NOT NULL,
      ${BUYER_COLUMNS.map((c) => `${c} TEXT`).join(', ')}, ${orderCols});
    CREATE TABLE st_lines (seq INTEGER PRIMARY KEY, order_key TEXT NOT NULL, line_key TEXT NOT NULL,
      stated INTEGER NOT NULL, ${lineCols}, UNIQUE (order_key, line_key));
    CREATE TABLE st_problems (seq INTEGER PRIMARY KEY, row INTEGER NOT NULL, sheet TEXT,
      column_name TEXT, reason TEXT NOT NULL);
    CREATE TABLE st_samples (seq INTEGER PRIMARY KEY, cells_json TEXT NOT NULL);`;
}

/** The fold of a later fragment of an order into the staged row (see the module comment). */
function orderUpsertSql(): string {
  const names = ORDER_COLUMNS.map((c) => c.name);
  const cols = ['order_key', 'stated', 'derived', 'buyer_said', ...BUYER_COLUMNS, ...names];
  const statusBit = 2 ** names.indexOf('status');
  // The later fragment's derived status wins when the staged one is not derived, or is less far.
  const laterStatusWins = `(st_orders.derived & ${statusBit} = 0
    OR ${statusRankSql('excluded.status')} > ${statusRankSql('st_orders.status')})`;
  const fold = ORDER_COLUMNS.map((c, i) => {
    const bit = 2 ** i;
    let combined = `st_orders.${c.name}`;
    if (c.combine === 'sum') combined = `coalesce(st_orders.${c.name}, 0) + excluded.${c.name}`;
    if (c.combine === 'status' || c.combine === 'follows-status')
      combined = `CASE WHEN ${laterStatusWins} THEN excluded.${c.name} ELSE st_orders.${c.name} END`;
    return `${c.name} = CASE WHEN excluded.stated & ${bit} THEN excluded.${c.name}
      WHEN st_orders.stated & ${bit} THEN st_orders.${c.name}
      WHEN excluded.derived & ${bit} THEN ${combined} ELSE st_orders.${c.name} END`;
  });
  const buyer = BUYER_COLUMNS.map(
    (c) => `${c} = CASE WHEN excluded.buyer_said THEN excluded.${c} ELSE st_orders.${c} END`,
  );
  return `INSERT INTO st_orders (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT (order_key) DO UPDATE SET ${[...fold, ...buyer].join(',\n')},
      stated = st_orders.stated | excluded.stated, derived = st_orders.derived | excluded.derived,
      buyer_said = st_orders.buyer_said | excluded.buyer_said`;
}

function lineUpsertSql(): string {
  const names = LINE_COLUMNS.map((c) => c.name);
  const cols = ['order_key', 'line_key', 'stated', ...names];
  const fold = names.map(
    (n, i) => `${n} = CASE WHEN excluded.stated & ${2 ** i} THEN excluded.${n} ELSE st_lines.${n} END`,
  );
  return `INSERT INTO st_lines (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT (order_key, line_key) DO UPDATE SET ${fold.join(', ')},
      stated = st_lines.stated | excluded.stated`;
}

/** Writes one file's staging (in the parse worker). The file is scratch: no journal, no fsync. */
export class StagingWriter {
  private readonly db: BetterSqlite3.Database;
  private readonly insertOrder: BetterSqlite3.Statement;
  private readonly insertLine: BetterSqlite3.Statement;
  private readonly insertProblem: BetterSqlite3.Statement;
  private readonly insertSample: BetterSqlite3.Statement;
  private samples = 0;
  private pending = 0;

  constructor(
    path: string,
    /** The shop-local calendar day of an instant (the shop's time zone). */
    private readonly localDate: (iso: string) => string,
  ) {
    this.db = openSqlite(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -65536');
    this.db.exec(schema());
    this.insertOrder = this.db.prepare(orderUpsertSql());
    this.insertLine = this.db.prepare(lineUpsertSql());
    this.insertProblem = this.db.prepare(
      'INSERT INTO st_problems (row, sheet, column_name, reason) VALUES (?, ?, ?, ?)',
    );
    this.insertSample = this.db.prepare('INSERT INTO st_samples (cells_json) VALUES (?)');
    this.db.exec('BEGIN');
  }

  writeOrder(order: ParsedOrder): void {
    const derived = new Set<string>(order.derived ?? []);
    let stated = 0;
    let derivedBits = 0;
    const values: SqlValue[] = ORDER_COLUMNS.map((c, i) => {
      const v = c.pick(order);
      if (v === undefined) return null;
      if (c.derivedField && derived.has(c.derivedField)) derivedBits += 2 ** i;
      else stated += 2 ** i;
      return v;
    });
    // The shop-local day goes with the instant (order_date's own pick never says anything).
    if (order.orderedAt !== undefined) {
      values[ORDER_DATE_INDEX] = order.orderedAt === null ? null : this.localDate(order.orderedAt);
      stated += ORDER_DATE_BIT;
    }
    const b = order.buyer;
    const buyer: SqlValue[] =
      b === undefined || b === null
        ? [null, null, null, null, null]
        : [b.kind, b.key, b.nickname ?? null, b.email ?? null, b.phone ?? null];
    this.insertOrder.run(
      order.platformOrderId,
      stated,
      derivedBits,
      b === undefined ? 0 : 1,
      ...buyer,
      ...values,
    );
    for (const line of order.lines ?? []) {
      let lineStated = 0;
      const lineValues = LINE_COLUMNS.map((c, i) => {
        const v = c.pick(line);
        if (v === undefined) return null;
        lineStated += 2 ** i;
        return v;
      });
      this.insertLine.run(order.platformOrderId, line.lineKey, lineStated, ...lineValues);
    }
    this.breathe();
  }

  writeProblem(problem: RowProblem): void {
    this.insertProblem.run(problem.row, problem.sheet ?? null, problem.column, problem.reason);
    this.breathe();
  }

  writeSample(cells: string[]): void {
    if (this.samples >= SAMPLE_ROWS) return;
    this.samples++;
    this.insertSample.run(JSON.stringify(cells));
  }

  setMeta(values: Record<string, unknown>): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO st_meta (key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(values)) put.run(key, JSON.stringify(value));
  }

  /** What the whole file says, from the staged rows (each order once, folded). */
  summarize(): StagedSummary {
    const o = this.db
      .prepare(
        `SELECT count(*) AS orders, min(ordered_at) AS firstOrderAt, max(ordered_at) AS lastOrderAt,
           coalesce(sum(CASE WHEN ${paidOrderSql('s')} THEN paid_fen END), 0) AS paidFen,
           coalesce(sum(CASE WHEN ${paidOrderSql('s')} THEN refund_fen END), 0) AS refundFen
         FROM st_orders s`,
      )
      .get() as Omit<StagedSummary, 'lines' | 'statusValues' | 'problemCount'>;
    const lines = (this.db.prepare('SELECT count(*) AS n FROM st_lines').get() as { n: number }).n;
    const problemCount = (this.db.prepare('SELECT count(*) AS n FROM st_problems').get() as { n: number }).n;
    const statusValues = this.db
      .prepare(
        `SELECT status_raw AS value, count(*) AS orders, max(status) AS status FROM st_orders
         WHERE status_raw IS NOT NULL GROUP BY status_raw ORDER BY orders DESC, value LIMIT ${MAX_STATUS_VALUES}`,
      )
      .all() as StatusValueCount[];
    return { ...o, lines, problemCount, statusValues };
  }

  /** Marks the staging complete (a crash or cancel before this leaves it unusable) and closes it. */
  finish(meta: Record<string, unknown>): void {
    this.setMeta({ ...meta, version: STAGING_VERSION, complete: true });
    this.db.exec('COMMIT');
    this.db.close();
  }

  abandon(): void {
    if (this.db.open) this.db.close();
  }

  /** Long single transactions are fine here, but commit now and then so memory stays flat. */
  private breathe(): void {
    if (++this.pending < 50_000) return;
    this.pending = 0;
    this.db.exec('COMMIT; BEGIN');
  }
}

/** The meta of a finished staging, or null when it is missing, unfinished or of another version. */
export function readStagingMeta(
  sqlite: BetterSqlite3.Database,
  schemaName = 'main',
): Record<string, unknown> | null {
  try {
    const rows = sqlite.prepare(`SELECT key, value FROM ${schemaName}.st_meta`).all() as Array<{
      key: string;
      value: string;
    }>;
    const meta = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return meta.complete === true && meta.version === STAGING_VERSION ? meta : null;
  } catch {
    return null;
  }
}
