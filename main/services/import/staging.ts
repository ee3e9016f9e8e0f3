/**
 * The staging database of one file: its rows parsed and normalised once, so the preview is read
 * from it and the commit applies it with set-based SQL without parsing again.
 *
 * The parse worker turns each order fragment into an encoded row (`encodeOrder`, encode-order.ts:
 * plain arrays, cheap to post between threads); the thread that writes the database stores them here
 * (`StagingTables`). One staged order per order id: the fragments of one order (consecutive line
 * rows, or the sheets of a 千牛 workbook) fold into it as they arrive — a value the file states for
 * the order replaces what an earlier fragment said, amounts derived from lines add up (each line is
 * staged once), the derived status is the furthest — so the staged row is what the whole file says
 * of the order. `stated` and `derived` are bitmasks over ORDER_COLUMNS: SQL NULL cannot tell "not
 * said" from "said empty". A fold into a row the commit already applied marks it `dirty`, and the
 * commit applies it again at the end.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RowProblem } from '../../domain/orders/types.js';
import type { StatusValueCount } from '../../domain/results.js';
import { LINE_COLUMNS, ORDER_COLUMNS, paidOrderSql, statusRankSql, type SqlValue } from './order-columns.js';

/** Bumped whenever what is staged changes: a staging of another version is parsed again. */
export const STAGING_VERSION = 3;

/**
 * The buyer as staged: the key that finds or creates its account, the account's raw values, and
 * their normalised identity (buyer_accounts.identity_*, computed in the worker like the order's).
 */
export const BUYER_COLUMNS = [
  'buyer_kind',
  'buyer_key',
  'buyer_nickname',
  'buyer_email',
  'buyer_phone',
  'buyer_identity_email',
  'buyer_identity_email_phone',
  'buyer_identity_qq',
  'buyer_identity_phone_class',
  'buyer_identity_phone',
  'buyer_identity_nickname',
  'buyer_identity_nickname_generic',
];
const MAX_STATUS_VALUES = 30;

/**
 * What a fragment says of its buyer (`buyer_said`, bit flags): NAMED — the file names the buyer, or
 * says there is none; FALLBACK — it names none, and its receiver keys a `receiver` account
 * (拼多多, 抖店), which never replaces a named buyer (staging fold, apply-staging.ts).
 */
export const BUYER_NAMED = 1;
export const BUYER_FALLBACK = 2;

/** [order_key, stated, derived, buyer_said, ...BUYER_COLUMNS values, ...ORDER_COLUMNS values] */
export type EncodedOrder = SqlValue[];
/** [order_key, line_key, stated, ...LINE_COLUMNS values] */
export type EncodedLine = SqlValue[];

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

/** The staging tables, created in schema `alias` of a connection (a file of its own, or attached). */
export function createStagingTables(sqlite: BetterSqlite3.Database, alias: string): void {
  // Value columns are declared without a type: no affinity, so a value is kept exactly as staged.
  // (`ANY` in a table that is not STRICT means NUMERIC affinity: the text 057188886666 or a sku 007
  // would come back as a number without its leading zero.)
  const orderCols = ORDER_COLUMNS.map((c) => c.name).join(', ');
  const lineCols = LINE_COLUMNS.map((c) => c.name).join(', ');
  const buyerCols = BUYER_COLUMNS.map((c) => `${c} ${c.endsWith('_generic') ? 'INTEGER' : 'TEXT'}`).join(
    ', ',
  );
  sqlite.exec(`
    CREATE TABLE ${alias}.st_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE ${alias}.st_orders (seq INTEGER PRIMARY KEY, order_key TEXT NOT NULL UNIQUE,
      stated INTEGER NOT NULL, derived INTEGER NOT NULL, buyer_said INTEGER NOT NULL,
      ${buyerCols}, ${orderCols},
      dirty INTEGER NOT NULL DEFAULT 0,
      -- Filled by the commit (apply-staging.ts): the row it matches and what it does to it.
      target_id INTEGER, buyer_id INTEGER, action TEXT);
    CREATE TABLE ${alias}.st_lines (seq INTEGER PRIMARY KEY, order_key TEXT NOT NULL, line_key TEXT NOT NULL,
      stated INTEGER NOT NULL, ${lineCols}, dirty INTEGER NOT NULL DEFAULT 0,
      order_id INTEGER, target_id INTEGER, action TEXT, UNIQUE (order_key, line_key));
    CREATE INDEX ${alias}.st_orders_dirty ON st_orders (seq) WHERE dirty = 1;
    CREATE INDEX ${alias}.st_lines_dirty ON st_lines (seq) WHERE dirty = 1;
    CREATE TABLE ${alias}.st_problems (seq INTEGER PRIMARY KEY, row INTEGER NOT NULL, sheet TEXT,
      column_name TEXT, code TEXT NOT NULL, params_json TEXT NOT NULL);
    CREATE TABLE ${alias}.st_samples (seq INTEGER PRIMARY KEY, cells_json TEXT NOT NULL);`);
}

/** The fold of a later fragment of an order into the staged row (see the module comment). */
function orderUpsertSql(alias: string): string {
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
  // A named buyer replaces what an earlier fragment said; a fallback only replaces another fallback.
  const laterBuyerWins = `((excluded.buyer_said & ${BUYER_NAMED})
    OR ((excluded.buyer_said & ${BUYER_FALLBACK}) AND NOT (st_orders.buyer_said & ${BUYER_NAMED})))`;
  const buyer = BUYER_COLUMNS.map(
    (c) => `${c} = CASE WHEN ${laterBuyerWins} THEN excluded.${c} ELSE st_orders.${c} END`,
  );
  return `INSERT INTO ${alias}.st_orders (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT (order_key) DO UPDATE SET ${[...fold, ...buyer].join(',\n')},
      stated = st_orders.stated | excluded.stated, derived = st_orders.derived | excluded.derived,
      buyer_said = st_orders.buyer_said | excluded.buyer_said,
      dirty = st_orders.seq <= ${APPLIED_PARAM}`;
}

function lineUpsertSql(alias: string): string {
  const names = LINE_COLUMNS.map((c) => c.name);
  const cols = ['order_key', 'line_key', 'stated', ...names];
  const fold = names.map(
    (n, i) => `${n} = CASE WHEN excluded.stated & ${2 ** i} THEN excluded.${n} ELSE st_lines.${n} END`,
  );
  return `INSERT INTO ${alias}.st_lines (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
    ON CONFLICT (order_key, line_key) DO UPDATE SET ${fold.join(', ')},
      stated = st_lines.stated | excluded.stated, dirty = st_lines.seq <= ${APPLIED_PARAM}`;
}

/** The seq up to which the commit has applied staged rows (−1: nothing applied, a preview). */
const APPLIED_PARAM = '?';

/**
 * Writes encoded rows into staging tables — a staging file's own connection (preview), or one
 * attached to the write connection inside the commit's transaction.
 */
export class StagingTables {
  private readonly upsertOrder: BetterSqlite3.Statement;
  private readonly upsertLine: BetterSqlite3.Statement;
  private readonly insertProblem: BetterSqlite3.Statement;
  private readonly insertSample: BetterSqlite3.Statement;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    readonly alias: string,
  ) {
    this.upsertOrder = sqlite.prepare(orderUpsertSql(alias));
    this.upsertLine = sqlite.prepare(lineUpsertSql(alias));
    this.insertProblem = sqlite.prepare(
      `INSERT INTO ${alias}.st_problems (row, sheet, column_name, code, params_json) VALUES (?, ?, ?, ?, ?)`,
    );
    this.insertSample = sqlite.prepare(`INSERT INTO ${alias}.st_samples (cells_json) VALUES (?)`);
  }

  /** Stores a batch; `applied` = the highest order / line seq the commit has applied so far. */
  write(
    batch: { orders: EncodedOrder[]; lines: EncodedLine[]; problems: RowProblem[]; samples: string[][] },
    applied = { orders: -1, lines: -1 },
  ): void {
    for (const o of batch.orders) this.upsertOrder.run(...o, applied.orders);
    for (const l of batch.lines) this.upsertLine.run(...l, applied.lines);
    for (const p of batch.problems)
      this.insertProblem.run(p.row, p.sheet ?? null, p.column, p.code, JSON.stringify(p.params));
    for (const s of batch.samples) this.insertSample.run(JSON.stringify(s));
  }

  lastSeq(): { orders: number; lines: number } {
    const max = (table: string) =>
      (
        this.sqlite.prepare(`SELECT coalesce(max(seq), 0) AS n FROM ${this.alias}.${table}`).get() as {
          n: number;
        }
      ).n;
    return { orders: max('st_orders'), lines: max('st_lines') };
  }

  setMeta(values: Record<string, unknown>): void {
    const put = this.sqlite.prepare(
      `INSERT OR REPLACE INTO ${this.alias}.st_meta (key, value) VALUES (?, ?)`,
    );
    for (const [key, value] of Object.entries(values)) put.run(key, JSON.stringify(value));
  }

  /**
   * What the whole file says, from the staged rows (each order once, folded). Summed a slice of
   * rows at a time, giving the event loop a turn between slices (`pause`): the writer is the
   * Electron main process, and a million staged orders take a while to add up.
   */
  async summarize(pause: () => Promise<void> = async () => {}): Promise<StagedSummary> {
    const a = this.alias;
    const slice = this.sqlite.prepare(
      `SELECT count(*) AS orders, min(ordered_at) AS firstOrderAt, max(ordered_at) AS lastOrderAt,
         coalesce(sum(CASE WHEN ${paidOrderSql('s')} THEN paid_fen END), 0) AS paidFen,
         coalesce(sum(CASE WHEN ${paidOrderSql('s')} THEN refund_fen END), 0) AS refundFen
       FROM ${a}.st_orders s WHERE seq > ? AND seq <= ?`,
    );
    const statusSlice = this.sqlite.prepare(
      `SELECT status_raw AS value, count(*) AS orders, max(status) AS status FROM ${a}.st_orders
       WHERE seq > ? AND seq <= ? AND status_raw IS NOT NULL GROUP BY status_raw`,
    );
    const out: StagedSummary = {
      orders: 0,
      lines: 0,
      firstOrderAt: null,
      lastOrderAt: null,
      paidFen: 0,
      refundFen: 0,
      statusValues: [],
      problemCount: 0,
    };
    const statuses = new Map<string, StatusValueCount>();
    const last = this.lastSeq();
    for (let lo = 0; lo < last.orders; lo += SUMMARY_SLICE) {
      const r = slice.get(lo, lo + SUMMARY_SLICE) as Omit<
        StagedSummary,
        'lines' | 'statusValues' | 'problemCount'
      >;
      out.orders += r.orders;
      out.paidFen += r.paidFen;
      out.refundFen += r.refundFen;
      if (r.firstOrderAt && (!out.firstOrderAt || r.firstOrderAt < out.firstOrderAt))
        out.firstOrderAt = r.firstOrderAt;
      if (r.lastOrderAt && (!out.lastOrderAt || r.lastOrderAt > out.lastOrderAt))
        out.lastOrderAt = r.lastOrderAt;
      for (const v of statusSlice.all(lo, lo + SUMMARY_SLICE) as StatusValueCount[]) {
        const seen = statuses.get(v.value);
        if (seen) seen.orders += v.orders;
        else statuses.set(v.value, { ...v });
      }
      await pause();
    }
    const count = (table: string) =>
      (this.sqlite.prepare(`SELECT count(*) AS n FROM ${a}.${table}`).get() as { n: number }).n;
    out.lines = count('st_lines');
    out.problemCount = count('st_problems');
    out.statusValues = [...statuses.values()]
      .sort((x, y) => y.orders - x.orders || (x.value < y.value ? -1 : 1))
      .slice(0, MAX_STATUS_VALUES);
    return out;
  }
}

/** Staged orders added up per statement (a few milliseconds). */
const SUMMARY_SLICE = 20_000;

/** The meta of a finished staging, or null when it is missing, unfinished or of another version. */
export function readStagingMeta(
  sqlite: BetterSqlite3.Database,
  alias = 'main',
): Record<string, unknown> | null {
  try {
    const rows = sqlite.prepare(`SELECT key, value FROM ${alias}.st_meta`).all() as Array<{
      key: string;
      value: string;
    }>;
    const meta = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return meta.complete === true && meta.version === STAGING_VERSION ? meta : null;
  } catch {
    return null;
  }
}

export function markComplete(tables: StagingTables, meta: Record<string, unknown>): void {
  tables.setMeta({ ...meta, version: STAGING_VERSION, complete: true });
}

/** A refused row as stored (st_problems, batch_problems) → as the API carries it. */
export interface StoredProblem {
  row: number;
  sheet: string | null;
  column: string | null;
  code: string;
  params_json: string;
}

export const PROBLEM_COLUMNS = 'row, sheet, column_name AS "column", code, params_json';

export function toRowProblem(p: StoredProblem): RowProblem {
  const problem: RowProblem = {
    row: p.row,
    column: p.column,
    code: p.code as RowProblem['code'],
    params: JSON.parse(p.params_json) as RowProblem['params'],
  };
  return p.sheet === null ? problem : { ...problem, sheet: p.sheet };
}
