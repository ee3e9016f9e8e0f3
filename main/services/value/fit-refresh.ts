/**
 * The customer-value fit kept fresh: after imports, undo, the sample shop and buyer merges, the
 * BG/NBD + Gamma-Gamma models are fitted again off the main thread (`clvFitInWorker`) and every
 * customer's facts as of the data's end and predictions stored (customer_value, value_fits), so
 * the value report, the customer page and the list's value filters read one row per customer
 * instead of every order, and never fit on a visit.
 *
 * A fit is due when the data changed since the stored one: the data stamp is the latest operation
 * that changes orders or customers and how many such operations were undone. Requests while a fit
 * runs are coalesced into one more fit after it. The transactions are read in chunks of orders by
 * id, yielding between chunks, so the main thread never stops for the whole read.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { HuikeDb } from '../../../db/index.js';
import {
  CustomerFactsBuilder,
  FIRST_MONTH_ONLY,
  dayNumber,
  orderActivity,
  recentCuts,
  type CustomerFacts,
  type Holiday,
  type StoredPrediction,
  type ValueModels,
} from '../../domain/value/index.js';
import type { ReadSource } from '../customers/search.js';
import { PAID_SQL } from '../figures.js';
import { clvFitInWorker } from '../import/worker-jobs.js';
import type { JobContext } from '../import/import-types.js';
import type { ClvFitJob, ClvFitResult } from './clv-fit-job.js';
import { contributionMode, contributionSql, NET_REVENUE_SQL } from './order-contribution.js';
import { latestOrderDay, mainCurrency, otherCurrencyOrders } from './value-facts.js';
import { readValueSettings } from './value-settings.js';
import { writeValueSnapshot } from './value-snapshot.js';

/**
 * Operations that change what the value analyses read: orders, accounts, customers, costs, and
 * shop edits (a time zone or currency moves the orders' days and money).
 */
const DATA_KINDS =
  "('import', 'demo', 'demo_removal', 'shop_edit', 'shop_merge', 'merge', 'merge_decision', 'cost_edit')";

export function dataStamp({ readSqlite }: Pick<ReadSource, 'readSqlite'>): string {
  const row = readSqlite
    .prepare(
      `SELECT coalesce(max(id), 0) AS last, coalesce(sum(state = 'undone'), 0) AS undone
       FROM operations WHERE kind IN ${DATA_KINDS}`,
    )
    .get() as { last: number; undone: number };
  return `${row.last}:${row.undone}`;
}

/** What the last fit was, as stored. */
export interface StoredFit {
  dataStamp: string;
  currency: string;
  calibrationEnd: string;
  models: ValueModels;
  /** The margin the CLV was multiplied by (contribution / revenue of the shop, or 1). */
  margin: number;
  /** The as-of day and holiday calendar of the stored facts. */
  asOf: string;
  holidays: Holiday[];
  /** Paid orders in other currencies up to `asOf` (not in the facts). */
  otherCurrencyOrders: number;
  customers: number;
  durationMs: number;
  fittedAt: string;
}

export function readStoredFit({ readSqlite }: Pick<ReadSource, 'readSqlite'>): StoredFit | null {
  const row = readSqlite.prepare('SELECT * FROM value_fits WHERE id = 1').get() as
    | {
        data_stamp: string;
        currency: string;
        calibration_end: string;
        models_json: string;
        options_json: string;
        customers: number;
        duration_ms: number;
        fitted_at: string;
      }
    | undefined;
  if (!row) return null;
  const options = JSON.parse(row.options_json) as {
    margin: number;
    asOf: string;
    holidays: Holiday[];
    otherCurrencyOrders: number;
  };
  return {
    dataStamp: row.data_stamp,
    currency: row.currency,
    calibrationEnd: row.calibration_end,
    models: JSON.parse(row.models_json) as ValueModels,
    margin: options.margin,
    asOf: options.asOf,
    holidays: options.holidays,
    otherCurrencyOrders: options.otherCurrencyOrders,
    customers: row.customers,
    durationMs: row.duration_ms,
    fittedAt: row.fitted_at,
  };
}

type ValueRow = [
  id: number,
  firstDay: string,
  lastDay: string,
  orders: number,
  revenue: number,
  contribution: number,
  firstPlatform: string,
  lastPlatform: string,
  platforms: string,
  discountOrders: number,
  holidayOrders: number,
  r6: number,
  c6: number,
  r8: number,
  c8: number,
  r12: number,
  c12: number,
  activeMonths: string,
  e3: number,
  e6: number,
  e12: number,
  ec3: number,
  ec6: number,
  ec12: number,
  pAlive: number | null,
  purchases90: number | null,
  purchases365: number | null,
  spendPerOrder: number | null,
  clv: number | null,
];

const VALUE_COLUMNS = `customer_id, first_day, last_day, orders, revenue_fen, contribution_fen, first_platform,
  last_platform, platforms, discount_orders, holiday_orders, revenue_6m_fen, contribution_6m_fen, revenue_8m_fen,
  contribution_8m_fen, revenue_12m_fen, contribution_12m_fen, active_months, first_3m_revenue_fen,
  first_6m_revenue_fen, first_12m_revenue_fen, first_3m_contribution_fen, first_6m_contribution_fen,
  first_12m_contribution_fen`;
const PREDICTION_COLUMNS = 'p_alive, purchases_90, purchases_365, spend_per_order_fen, clv_fen';

/** The stored facts (customer order) and predictions of every customer: one read of one table. */
export function readStoredValue({ readSqlite }: Pick<ReadSource, 'readSqlite'>): {
  facts: CustomerFacts[];
  predictions: Map<number, StoredPrediction>;
} {
  const rows = readSqlite
    .prepare(`SELECT ${VALUE_COLUMNS}, ${PREDICTION_COLUMNS} FROM customer_value ORDER BY customer_id`)
    .raw()
    .all() as ValueRow[];
  const facts: CustomerFacts[] = new Array<CustomerFacts>(rows.length);
  const predictions = new Map<number, StoredPrediction>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    facts[i] = {
      id: r[0],
      firstDay: r[1],
      lastDay: r[2],
      orders: r[3],
      revenueFen: r[4],
      contributionFen: r[5],
      firstPlatform: r[6],
      lastPlatform: r[7],
      platforms: r[8].split(','),
      discountOrders: r[9],
      holidayOrders: r[10],
      revenue6mFen: r[11],
      contribution6mFen: r[12],
      revenue8mFen: r[13],
      contribution8mFen: r[14],
      revenue12mFen: r[15],
      contribution12mFen: r[16],
      activeMonths: r[17] === '0' ? FIRST_MONTH_ONLY : r[17].split(',').map(Number),
      first3mRevenueFen: r[18],
      first6mRevenueFen: r[19],
      first12mRevenueFen: r[20],
      first3mContributionFen: r[21],
      first6mContributionFen: r[22],
      first12mContributionFen: r[23],
    };
    if (r[28] !== null)
      predictions.set(r[0], {
        pAlive: r[24],
        purchases90: r[25]!,
        purchases365: r[26]!,
        spendPerOrderFen: r[27]!,
        clvFen: r[28],
      });
  }
  return { facts, predictions };
}

/** Every stored prediction, by customer id. */
export function readPredictions(source: Pick<ReadSource, 'readSqlite'>): Map<number, StoredPrediction> {
  const rows = source.readSqlite
    .prepare(`SELECT customer_id, ${PREDICTION_COLUMNS} FROM customer_value WHERE clv_fen IS NOT NULL`)
    .raw()
    .all() as [number, number | null, number, number, number, number][];
  const out = new Map<number, StoredPrediction>();
  for (const r of rows) {
    out.set(r[0], {
      pAlive: r[1],
      purchases90: r[2],
      purchases365: r[3],
      spendPerOrderFen: r[4],
      clvFen: r[5],
    });
  }
  return out;
}

export function readPrediction(
  { readSqlite }: Pick<ReadSource, 'readSqlite'>,
  customerId: number,
): (StoredPrediction & { frequency: number; recencyDays: number; ageDays: number }) | null {
  const row = readSqlite
    .prepare(
      `SELECT frequency, recency_days AS recencyDays, age_days AS ageDays, p_alive AS pAlive,
        purchases_90 AS purchases90, purchases_365 AS purchases365,
        spend_per_order_fen AS spendPerOrderFen, clv_fen AS clvFen
       FROM customer_value WHERE customer_id = ? AND clv_fen IS NOT NULL`,
    )
    .get(customerId) as
    (StoredPrediction & { frequency: number; recencyDays: number; ageDays: number }) | undefined;
  return row ?? null;
}

const READ_CHUNK = 50_000;

/**
 * Each paid order in the currency as (customer, day, net revenue) for the fit, the customers'
 * facts as of `asOf` (the data's end) built as the chunks pass, and the shop's margin.
 */
export async function readFitTransactions(
  source: Pick<ReadSource, 'readSqlite'>,
  request: { currency: string; asOf: string; holidays: readonly Holiday[] },
  signal?: AbortSignal,
): Promise<{ transactions: ClvFitJob['transactions']; margin: number; facts: CustomerFacts[] }> {
  const mode = contributionMode(source);
  const statement = source.readSqlite
    .prepare(
      `SELECT o.id, a.customer_id, o.order_date, ${NET_REVENUE_SQL}, ${contributionSql(mode)}, a.platform,
         coalesce(o.discount_fen, 0) > 0
       FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE o.id > ? AND ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.currency = ?
         AND o.order_date IS NOT NULL AND o.order_date <= ?
       ORDER BY o.id LIMIT ${READ_CHUNK}`,
    )
    .raw();
  const cuts = recentCuts(request.asOf);
  const builder = new CustomerFactsBuilder();
  const customers: number[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  let revenue = 0;
  let contribution = 0;
  let after = 0;
  for (;;) {
    const rows = statement.all(after, request.currency, request.asOf) as [
      number,
      number,
      string,
      number,
      number,
      string,
      number,
    ][];
    for (const [, customer, day, net, con, platform, discounted] of rows) {
      customers.push(customer);
      days.push(dayNumber(day));
      amounts.push(net);
      revenue += net;
      contribution += con;
      builder.add(
        orderActivity(
          { customer, day, platform, revenueFen: net, contributionFen: con, discounted: discounted === 1 },
          cuts,
          request.holidays,
        ),
      );
    }
    if (rows.length < READ_CHUNK) break;
    after = rows[rows.length - 1]![0];
    await yieldToLoop();
    signal?.throwIfAborted();
  }
  // CLV is a profit when the contribution knows costs: the shop's contribution margin, within 0..1.
  const margin =
    mode === 'net-after-refunds' || revenue <= 0 ? 1 : Math.min(1, Math.max(0, contribution / revenue));
  return {
    transactions: {
      customer: Int32Array.from(customers),
      day: Int32Array.from(days),
      amount: Float64Array.from(amounts),
    },
    margin,
    facts: builder.build(),
  };
}

export type FitRunner = (job: ClvFitJob, ctx: JobContext) => Promise<ClvFitResult>;

const WRITE_CHUNK = 20_000;

/**
 * Fits on the data as it is and stores the predictions; null without paid orders to fit on.
 * Costs one read of the orders here (in chunks) and the fit in the worker.
 */
export async function refreshValueFit(
  huikeDb: HuikeDb,
  ctx: JobContext,
  fit: FitRunner = clvFitInWorker,
): Promise<StoredFit | null> {
  const started = Date.now();
  const stamp = dataStamp(huikeDb);
  const currency = mainCurrency(huikeDb);
  const asOf = latestOrderDay(huikeDb);
  if (!currency || !asOf) return clearFit(huikeDb);
  const { holidays } = readValueSettings(huikeDb);
  const { transactions, margin, facts } = await readFitTransactions(
    huikeDb,
    { currency, asOf, holidays },
    ctx.signal,
  );
  if (transactions.customer.length === 0) return clearFit(huikeDb);
  const others = otherCurrencyOrders(huikeDb, currency, asOf);
  const result = await fit({ transactions, unit: 'day', predictions: { margin } }, ctx);
  const { models, summaries, predictions } = result;
  // Summaries are in the order customers first appear; facts in customer order.
  const at = new Map<number, number>();
  summaries.ids.forEach((id, i) => at.set(Number(id), i));
  const durationMs = Date.now() - started;
  const fittedAt = ctx.now().toISOString();
  await huikeDb.writer.transaction(async (tx) => {
    tx.sqlite.prepare('DELETE FROM customer_value').run();
    // A customer merged away while the fit ran is left out (the next fit sees the merge).
    const insert = tx.sqlite.prepare(
      `INSERT INTO customer_value (${VALUE_COLUMNS}, frequency, recency_days, age_days, ${PREDICTION_COLUMNS})
       SELECT ${Array.from({ length: 32 }, () => '?').join(', ')}
       WHERE EXISTS (SELECT 1 FROM customers WHERE id = ?)`,
    );
    for (let k = 0; k < facts.length; k++) {
      const c = facts[k]!;
      const i = at.get(c.id);
      const p = (column: ArrayLike<number>) => (i === undefined ? null : column[i]!);
      const pAlive = p(predictions.pAlive);
      insert.run(
        c.id,
        c.firstDay,
        c.lastDay,
        c.orders,
        c.revenueFen,
        c.contributionFen,
        c.firstPlatform,
        c.lastPlatform,
        c.platforms.join(','),
        c.discountOrders,
        c.holidayOrders,
        c.revenue6mFen,
        c.contribution6mFen,
        c.revenue8mFen,
        c.contribution8mFen,
        c.revenue12mFen,
        c.contribution12mFen,
        c.activeMonths.join(','),
        c.first3mRevenueFen,
        c.first6mRevenueFen,
        c.first12mRevenueFen,
        c.first3mContributionFen,
        c.first6mContributionFen,
        c.first12mContributionFen,
        p(summaries.frequency),
        p(summaries.recency),
        p(summaries.age),
        pAlive === null || Number.isNaN(pAlive) ? null : pAlive,
        p(predictions.purchases90),
        p(predictions.purchases365),
        p(predictions.spendPerOrder),
        p(predictions.clv),
        c.id,
      );
      if (k % WRITE_CHUNK === WRITE_CHUNK - 1) await yieldToLoop();
    }
    writeValueSnapshot(tx, facts, (id) => {
      const i = at.get(id);
      if (i === undefined) return null;
      const pAlive = predictions.pAlive[i]!;
      return {
        pAlive: Number.isNaN(pAlive) ? null : pAlive,
        purchases90: predictions.purchases90[i]!,
        purchases365: predictions.purchases365[i]!,
        spendPerOrderFen: predictions.spendPerOrder[i]!,
        clvFen: predictions.clv[i]!,
      };
    });
    tx.sqlite
      .prepare(
        `INSERT OR REPLACE INTO value_fits (id, data_stamp, currency, calibration_end, models_json, options_json,
          customers, duration_ms, fitted_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        stamp,
        currency,
        models.calibrationEnd,
        JSON.stringify(models),
        JSON.stringify({ margin, asOf, holidays, otherCurrencyOrders: others }),
        facts.length,
        durationMs,
        fittedAt,
      );
  });
  return readStoredFit(huikeDb);
}

async function clearFit(huikeDb: HuikeDb): Promise<null> {
  await huikeDb.writer.transaction(async (tx) => {
    tx.sqlite.prepare('DELETE FROM customer_value').run();
    tx.sqlite.prepare('DELETE FROM value_snapshot').run();
    tx.sqlite.prepare('DELETE FROM value_fits').run();
  });
  return null;
}

export type FitState = 'fresh' | 'refreshing' | 'stale' | 'none';

export interface ValueFitScheduler {
  /**
   * Starts a fit when the data changed since the stored one (coalesced with a running fit);
   * returns at once, the fit runs in the worker. Call it after anything that writes an operation
   * of DATA_KINDS: imports, undo, the sample shop, shop edits, and each buyer-merge run or review
   * decision (`services.valueFit.schedule()`; its `merge` / `merge_decision` operation moves the
   * data stamp, so the merge engine needs nothing else; tests/unit/value/after-merge.test.ts).
   */
  schedule(): void;
  /** Resolves when no fit runs or is due after the running one (the CLI and tests wait). */
  settle(): Promise<void>;
  state(): FitState;
  /** The last fit's failure, if the last attempt failed (the next change tries again). */
  lastError(): string | null;
  /** Cancels a running fit and waits for it to stop. */
  close(): Promise<void>;
}

export function createValueFitScheduler(
  huikeDb: HuikeDb,
  now: () => Date,
  fit: FitRunner = clvFitInWorker,
): ValueFitScheduler {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let controller: AbortController | null = null;
  let error: string | null = null;
  /** True while a fit is actually under way (not merely a look at whether one is due). */
  let fitting = false;

  // Due when the data changed since the stored fit, or the holiday calendar its facts used.
  const behind = (stored: StoredFit) =>
    stored.dataStamp !== dataStamp(huikeDb) ||
    JSON.stringify(stored.holidays) !== JSON.stringify(readValueSettings(huikeDb).holidays);
  const due = () => {
    const stored = readStoredFit(huikeDb);
    return stored === null ? mainCurrency(huikeDb) !== null : behind(stored);
  };

  const loop = async () => {
    do {
      again = false;
      if (closed || !due()) continue;
      controller = new AbortController();
      fitting = true;
      try {
        await refreshValueFit(huikeDb, { signal: controller.signal, now }, fit);
        error = null;
      } catch (e) {
        if (!controller.signal.aborted) error = e instanceof Error ? e.message : String(e);
      } finally {
        controller = null;
        fitting = false;
      }
    } while (again && !closed);
  };

  return {
    schedule() {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      if (!due()) return;
      running = loop().finally(() => {
        running = null;
      });
    },
    async settle() {
      while (running) await running;
    },
    state() {
      if (fitting) return 'refreshing';
      const stored = readStoredFit(huikeDb);
      if (!stored) return 'none';
      return behind(stored) ? 'stale' : 'fresh';
    },
    lastError: () => error,
    async close() {
      closed = true;
      controller?.abort();
      await running?.catch(() => undefined);
    },
  };
}
