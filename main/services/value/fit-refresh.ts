/**
 * The customer-value fit kept fresh: after imports, undo, the sample shop and buyer merges, the
 * BG/NBD + Gamma-Gamma models are fitted again off the main thread (`clvFitInWorker`) and every
 * customer's predictions stored (customer_predictions, value_fits), so the value report and the
 * customer page read them instead of fitting on each visit.
 *
 * A fit is due when the data changed since the stored one: the data stamp is the latest operation
 * that changes orders or customers and how many such operations were undone. Requests while a fit
 * runs are coalesced into one more fit after it. The transactions are read in chunks of orders by
 * id, yielding between chunks, so the main thread never stops for the whole read.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { HuikeDb } from '../../../db/index.js';
import { dayNumber, type StoredPrediction, type ValueModels } from '../../domain/value/index.js';
import type { ReadSource } from '../customers/search.js';
import { PAID_SQL } from '../figures.js';
import { clvFitInWorker } from '../import/worker-jobs.js';
import type { JobContext } from '../import/import-types.js';
import type { ClvFitJob, ClvFitResult } from './clv-fit-job.js';
import { contributionMode, contributionSql, NET_REVENUE_SQL } from './order-contribution.js';
import { mainCurrency } from './value-facts.js';

/** Operations that change what the value analyses read (orders, accounts, customers, costs). */
const DATA_KINDS = "('import', 'demo', 'demo_removal', 'shop_merge', 'merge', 'merge_decision', 'cost_edit')";

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
  const options = JSON.parse(row.options_json) as { margin: number };
  return {
    dataStamp: row.data_stamp,
    currency: row.currency,
    calibrationEnd: row.calibration_end,
    models: JSON.parse(row.models_json) as ValueModels,
    margin: options.margin,
    customers: row.customers,
    durationMs: row.duration_ms,
    fittedAt: row.fitted_at,
  };
}

/** Every stored prediction, by customer id (one read of a narrow table). */
export function readPredictions({
  readSqlite,
}: Pick<ReadSource, 'readSqlite'>): Map<number, StoredPrediction> {
  const rows = readSqlite
    .prepare(
      'SELECT customer_id, p_alive, purchases_90, purchases_365, spend_per_order_fen, clv_fen FROM customer_predictions',
    )
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
       FROM customer_predictions WHERE customer_id = ?`,
    )
    .get(customerId) as
    (StoredPrediction & { frequency: number; recencyDays: number; ageDays: number }) | undefined;
  return row ?? null;
}

const READ_CHUNK = 50_000;

/** Each paid order in the currency as (customer, day, net revenue), and the shop's margin. */
export async function readFitTransactions(
  source: Pick<ReadSource, 'readSqlite'>,
  currency: string,
  signal?: AbortSignal,
): Promise<{ transactions: ClvFitJob['transactions']; margin: number }> {
  const mode = contributionMode(source);
  const statement = source.readSqlite
    .prepare(
      `SELECT o.id, a.customer_id, o.order_date, ${NET_REVENUE_SQL}, ${contributionSql(mode)}
       FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE o.id > ? AND ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.currency = ? AND o.order_date IS NOT NULL
       ORDER BY o.id LIMIT ${READ_CHUNK}`,
    )
    .raw();
  const customers: number[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  let revenue = 0;
  let contribution = 0;
  let after = 0;
  for (;;) {
    const rows = statement.all(after, currency) as [number, number, string, number, number][];
    for (const [, customer, day, net, con] of rows) {
      customers.push(customer);
      days.push(dayNumber(day));
      amounts.push(net);
      revenue += net;
      contribution += con;
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
  if (!currency) return clearFit(huikeDb);
  const { transactions, margin } = await readFitTransactions(huikeDb, currency, ctx.signal);
  if (transactions.customer.length === 0) return clearFit(huikeDb);
  const result = await fit({ transactions, unit: 'day', predictions: { margin } }, ctx);
  const { models, summaries, predictions } = result;
  const durationMs = Date.now() - started;
  const fittedAt = ctx.now().toISOString();
  await huikeDb.writer.transaction(async (tx) => {
    tx.sqlite.prepare('DELETE FROM customer_predictions').run();
    const insert = tx.sqlite.prepare(
      `INSERT INTO customer_predictions SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE EXISTS (SELECT 1 FROM customers WHERE id = ?)`,
    );
    const n = summaries.ids.length;
    for (let i = 0; i < n; i++) {
      const pAlive = predictions.pAlive[i]!;
      insert.run(
        summaries.ids[i],
        summaries.frequency[i],
        summaries.recency[i],
        summaries.age[i],
        Number.isNaN(pAlive) ? null : pAlive,
        predictions.purchases90[i],
        predictions.purchases365[i],
        predictions.spendPerOrder[i],
        predictions.clv[i],
        summaries.ids[i],
      );
      if (i % WRITE_CHUNK === WRITE_CHUNK - 1) await yieldToLoop();
    }
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
        JSON.stringify({ margin }),
        n,
        durationMs,
        fittedAt,
      );
  });
  return readStoredFit(huikeDb);
}

async function clearFit(huikeDb: HuikeDb): Promise<null> {
  await huikeDb.writer.transaction(async (tx) => {
    tx.sqlite.prepare('DELETE FROM customer_predictions').run();
    tx.sqlite.prepare('DELETE FROM value_fits').run();
  });
  return null;
}

export type FitState = 'fresh' | 'refreshing' | 'stale' | 'none';

export interface ValueFitScheduler {
  /** Starts a fit when the data changed since the stored one (coalesced with a running fit). */
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

  const due = () => {
    const stored = readStoredFit(huikeDb);
    return stored === null ? mainCurrency(huikeDb) !== null : stored.dataStamp !== dataStamp(huikeDb);
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
      return stored.dataStamp === dataStamp(huikeDb) ? 'fresh' : 'stale';
    },
    lastError: () => error,
    async close() {
      closed = true;
      controller?.abort();
      await running?.catch(() => undefined);
    },
  };
}
