/**
 * The profit report's speed (issue 10): for each size (ORDERS here), build a database of generated
 * orders (bench/profit/build-db.ts: the real schema, triggers and commit, so the daily facts and
 * buyer counts are computed as an import would), then time in this process:
 *
 * - the report by platform by month over everything (`profitReport`, what `profit.report` and
 *   `huike report profit --json` run): the target is < 200 ms at 1M orders;
 * - DuckDB (@duckdb/node-api) computing the same aggregate — per platform and month: orders, GMV,
 *   discounts, refunds, goods cost less returned goods, platform and payment fees, shipping, ads,
 *   each shop-day converted to yuan at its month's rate, and distinct buyers — over the same rows
 *   (one per paid order, with what it adds, as the facts are built from) loaded into its own table.
 *   Target: ratio ≤ 1 in the same run. Fixed monthly fees are left out of DuckDB's side (a few rows
 *   of rules; Huike's side computes them too).
 *
 * Both results are compared figure by figure: a difference is a failure.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  buildOrderFacts,
  markAllProfitFactsDirty,
  PAYMENT_FEE_SQL,
  PLATFORM_FEE_SQL,
} from '../../main/services/profit/facts.js';
import { profitReport } from '../../main/services/profit/report.js';
import type { WriteTx } from '../../db/index.js';
import { buildProfitDb, type BuiltDb } from '../profit/build-db.js';
import { fmtInt, fmtMs, fmtSeconds, median, round, sizeLabel } from '../lib/units.js';
import type { Suite, SuiteContext, SuiteResult, TargetCheck } from './types.js';

const TARGET_ORDERS = 1_000_000;
const TARGET_MS = 200;
const TRIALS = 7;

interface ProfitCase {
  orders: number;
  build: BuiltDb;
  reportMs: number[];
  duckdbLoadS: number;
  duckdbMs: number[];
  rows: number;
  mismatches: string[];
}

interface Cell {
  orders: number;
  gmv: number;
  discount: number;
  refund: number;
  cogs: number;
  platformFee: number;
  paymentFee: number;
  shipping: number;
  ads: number;
  buyers: number;
}

const DUCKDB_SQL = `
  WITH daily AS (
    SELECT shop_id, day, count(*) AS orders, sum(gmv) AS gmv, sum(discount) AS discount, sum(refund) AS refund,
      sum(cogs) - sum(returned) AS cogs, sum(platform_fee) AS platform_fee, sum(payment_fee) AS payment_fee,
      sum(shipping) AS shipping
    FROM orders_flat GROUP BY shop_id, day),
  ads_daily AS (SELECT shop_id, day, sum(amount) AS ads FROM ads GROUP BY shop_id, day),
  joined AS (
    SELECT coalesce(d.shop_id, a.shop_id) AS shop_id, coalesce(d.day, a.day) AS day, coalesce(d.orders, 0) AS orders,
      coalesce(d.gmv, 0) AS gmv, coalesce(d.discount, 0) AS discount, coalesce(d.refund, 0) AS refund,
      coalesce(d.cogs, 0) AS cogs, coalesce(d.platform_fee, 0) AS platform_fee, coalesce(d.payment_fee, 0) AS payment_fee,
      coalesce(d.shipping, 0) AS shipping, coalesce(a.ads, 0) AS ads
    FROM daily d FULL JOIN ads_daily a ON a.shop_id = d.shop_id AND a.day = d.day),
  conv AS (
    SELECT s.platform, substr(j.day, 1, 7) AS month, s.currency = 'CNY' AS same, r.ppm, j.*
    FROM joined j JOIN shops s ON s.id = j.shop_id
    LEFT JOIN rates r ON r.currency = s.currency AND r.month = substr(j.day, 1, 7)),
  money AS (
    SELECT platform, month, sum(orders) AS orders,
      sum(CASE WHEN same THEN gmv ELSE (gmv * ppm + 500000) // 1000000 END) AS gmv,
      sum(CASE WHEN same THEN discount ELSE (discount * ppm + 500000) // 1000000 END) AS discount,
      sum(CASE WHEN same THEN refund ELSE (refund * ppm + 500000) // 1000000 END) AS refund,
      sum(cogs) AS cogs,
      sum(CASE WHEN same THEN platform_fee ELSE (platform_fee * ppm + 500000) // 1000000 END) AS platform_fee,
      sum(CASE WHEN same THEN payment_fee ELSE (payment_fee * ppm + 500000) // 1000000 END) AS payment_fee,
      sum(CASE WHEN same THEN shipping ELSE (shipping * ppm + 500000) // 1000000 END) AS shipping,
      sum(CASE WHEN same THEN ads ELSE (ads * ppm + 500000) // 1000000 END) AS ads
    FROM conv GROUP BY platform, month),
  buyers AS (
    SELECT s.platform, substr(o.day, 1, 7) AS month, count(DISTINCT o.buyer) AS buyers
    FROM orders_flat o JOIN shops s ON s.id = o.shop_id GROUP BY s.platform, month)
  SELECT m.*, coalesce(b.buyers, 0) AS buyers FROM money m LEFT JOIN buyers b USING (platform, month)
  ORDER BY month, platform`;

/** The per-order rows the facts are built from, read back from SQLite (then rolled back). */
function perOrderRows(file: string): Array<Record<string, number | string | null>> {
  const db = new Database(file);
  try {
    db.exec('BEGIN');
    // A bench-only transaction handle: the real writer is not running in this process.
    const tx = { sqlite: db, attached: [] } as WriteTx;
    markAllProfitFactsDirty(tx);
    const span = db.prepare('SELECT min(day) AS lo, max(day) AS hi FROM profit_dirty').get() as {
      lo: string;
      hi: string;
    };
    buildOrderFacts(tx, span.lo, span.hi);
    const rows = db
      .prepare(
        `SELECT p.shop_id, p.order_date AS day, p.paid + p.discount AS gmv, p.discount, p.refund, p.cogs,
           p.returned_cogs AS returned, ${PLATFORM_FEE_SQL} AS platform_fee, ${PAYMENT_FEE_SQL} AS payment_fee,
           p.shipping, o.buyer_account_id AS buyer
         FROM temp.pf_orders p JOIN orders o ON o.id = p.id`,
      )
      .all() as Array<Record<string, number | string | null>>;
    db.exec('ROLLBACK');
    return rows;
  } finally {
    db.close();
  }
}

async function duckdbCase(file: string): Promise<{ loadS: number; ms: number[]; cells: Map<string, Cell> }> {
  const started = performance.now();
  const rows = perOrderRows(file);
  const sqlite = new Database(file, { readonly: true });
  const shops = sqlite.prepare('SELECT id, platform, currency FROM shops').all() as Array<{
    id: number;
    platform: string;
    currency: string;
  }>;
  const ads = sqlite.prepare('SELECT shop_id, day, amount_fen FROM ad_spend').all() as Array<{
    shop_id: number;
    day: string;
    amount_fen: number;
  }>;
  const rates = sqlite.prepare('SELECT currency, month, cny_ppm FROM currency_rates').all() as Array<{
    currency: string;
    month: string;
    cny_ppm: number;
  }>;
  sqlite.close();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`CREATE TABLE orders_flat (shop_id INTEGER, day VARCHAR, gmv BIGINT, discount BIGINT, refund BIGINT,
      cogs BIGINT, returned BIGINT, platform_fee BIGINT, payment_fee BIGINT, shipping BIGINT, buyer INTEGER)`);
    await conn.run('CREATE TABLE shops (id INTEGER, platform VARCHAR, currency VARCHAR)');
    await conn.run('CREATE TABLE ads (shop_id INTEGER, day VARCHAR, amount BIGINT)');
    await conn.run('CREATE TABLE rates (currency VARCHAR, month VARCHAR, ppm BIGINT)');
    const orders = await conn.createAppender('orders_flat');
    for (const r of rows) {
      orders.appendInteger(Number(r.shop_id));
      orders.appendVarchar(String(r.day));
      for (const k of [
        'gmv',
        'discount',
        'refund',
        'cogs',
        'returned',
        'platform_fee',
        'payment_fee',
        'shipping',
      ])
        orders.appendBigInt(BigInt(Number(r[k] ?? 0)));
      if (r.buyer === null) orders.appendNull();
      else orders.appendInteger(Number(r.buyer));
      orders.endRow();
    }
    orders.closeSync();
    const small = async (table: string, values: Array<Array<number | string>>) => {
      const a = await conn.createAppender(table);
      for (const row of values) {
        for (const v of row) {
          if (typeof v === 'string') a.appendVarchar(v);
          else a.appendBigInt(BigInt(v));
        }
        a.endRow();
      }
      a.closeSync();
    };
    await conn.run('DROP TABLE shops');
    await conn.run('CREATE TABLE shops (id BIGINT, platform VARCHAR, currency VARCHAR)');
    await small(
      'shops',
      shops.map((s) => [s.id, s.platform, s.currency]),
    );
    await conn.run('DROP TABLE ads');
    await conn.run('CREATE TABLE ads (shop_id BIGINT, day VARCHAR, amount BIGINT)');
    await small(
      'ads',
      ads.map((a) => [a.shop_id, a.day, a.amount_fen]),
    );
    await small(
      'rates',
      rates.map((r) => [r.currency, r.month, r.cny_ppm]),
    );
    const loadS = (performance.now() - started) / 1000;
    const ms: number[] = [];
    let result: Array<Record<string, unknown>> = [];
    for (let i = 0; i <= TRIALS; i++) {
      const t = performance.now();
      const reader = await conn.runAndReadAll(DUCKDB_SQL);
      result = reader.getRowObjects() as Array<Record<string, unknown>>;
      if (i > 0) ms.push(performance.now() - t);
    }
    const cells = new Map<string, Cell>();
    for (const r of result) {
      const n = (k: string) => Number(r[k] ?? 0);
      cells.set(`${String(r.platform)}|${String(r.month)}`, {
        orders: n('orders'),
        gmv: n('gmv'),
        discount: n('discount'),
        refund: n('refund'),
        cogs: n('cogs'),
        platformFee: n('platform_fee'),
        paymentFee: n('payment_fee'),
        shipping: n('shipping'),
        ads: n('ads'),
        buyers: n('buyers'),
      });
    }
    return { loadS, ms, cells };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function huikeCase(file: string): { ms: number[]; cells: Map<string, Cell>; rows: number } {
  const db = new Database(file, { readonly: true });
  try {
    const ms: number[] = [];
    let report = profitReport(db, { by: 'platform', period: 'month' });
    for (let i = 0; i < TRIALS; i++) {
      const t = performance.now();
      report = profitReport(db, { by: 'platform', period: 'month' });
      ms.push(performance.now() - t);
    }
    const cells = new Map<string, Cell>();
    for (const r of report.rows) {
      cells.set(`${r.platform}|${r.period}`, {
        orders: r.orders,
        gmv: r.gmvFen,
        discount: r.discountFen,
        refund: r.refundFen,
        cogs: r.cogsFen,
        platformFee: r.platformFeeFen,
        paymentFee: r.paymentFeeFen,
        shipping: r.shippingFen,
        ads: r.adsFen,
        buyers: r.buyers,
      });
    }
    return { ms, cells, rows: report.rows.length };
  } finally {
    db.close();
  }
}

function compare(huike: Map<string, Cell>, duck: Map<string, Cell>): string[] {
  const out: string[] = [];
  const keys = new Set([...huike.keys(), ...duck.keys()]);
  for (const key of keys) {
    const a = huike.get(key);
    const b = duck.get(key);
    if (!a || !b) {
      out.push(`${key}: only in ${a ? 'Huike' : 'DuckDB'}`);
      continue;
    }
    for (const field of Object.keys(a) as Array<keyof Cell>) {
      if (a[field] !== b[field]) out.push(`${key} ${field}: Huike ${a[field]}, DuckDB ${b[field]}`);
    }
  }
  return out;
}

async function runCase(ctx: SuiteContext, orders: number): Promise<ProfitCase> {
  const dir = path.join(ctx.workDir, `profit-${sizeLabel(orders)}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'profit.db');
  ctx.log(`profit ${sizeLabel(orders)}: building the database`);
  const build = await buildProfitDb(file, orders, path.join(dir, 'stage'));
  ctx.log(
    `profit ${sizeLabel(orders)}: ${fmtSeconds(build.insertS)} rows, ${fmtSeconds(build.factsS)} facts; timing`,
  );
  const huike = huikeCase(file);
  const duck = await duckdbCase(file);
  return {
    orders,
    build,
    reportMs: huike.ms.map((v) => round(v, 2)),
    duckdbLoadS: round(duck.loadS, 2),
    duckdbMs: duck.ms.map((v) => round(v, 2)),
    rows: huike.rows,
    mismatches: compare(huike.cells, duck.cells),
  };
}

export const profitSuite: Suite = {
  name: 'profit',
  description: 'the profit report by platform by month against DuckDB on the same rows',
  async run(ctx: SuiteContext): Promise<SuiteResult> {
    const sizes = ctx.params.smoke ? [2000] : ctx.params.sizes;
    const cases: ProfitCase[] = [];
    const failures: string[] = [];
    for (const size of sizes) {
      const c = await runCase(ctx, size);
      cases.push(c);
      for (const m of c.mismatches.slice(0, 10)) failures.push(`profit ${sizeLabel(size)}: ${m}`);
    }
    const targets: TargetCheck[] = [];
    for (const c of cases) {
      const ours = median(c.reportMs)!;
      const theirs = median(c.duckdbMs)!;
      const label = `${sizeLabel(c.orders)} orders`;
      if (c.orders >= TARGET_ORDERS) {
        targets.push({
          target: `profit report by platform by month < ${TARGET_MS} ms`,
          case: label,
          value: fmtMs(ours),
          status: ours < TARGET_MS ? 'pass' : 'miss',
        });
      }
      targets.push({
        target: 'profit report ≤ DuckDB on the same aggregate (ratio ≤ 1)',
        case: label,
        value: `${round(ours / theirs, 2)}×`,
        status: ours <= theirs ? 'pass' : 'miss',
      });
    }
    if (!cases.some((c) => c.orders >= TARGET_ORDERS))
      targets.push({
        target: `profit report by platform by month < ${TARGET_MS} ms`,
        case: '1m orders',
        value: '—',
        status: 'not measured',
      });
    return {
      suite: 'profit',
      title: 'Profit report (by platform, by month) against DuckDB',
      measurements: cases,
      table: {
        columns: [
          'orders',
          'lines',
          'insert',
          'facts at commit',
          'report rows',
          'Huike report (median)',
          'DuckDB (median)',
          'ratio',
          'DuckDB load',
          'same figures',
        ],
        rows: cases.map((c) => [
          fmtInt(c.orders),
          fmtInt(c.build.lines),
          fmtSeconds(c.build.insertS),
          fmtSeconds(c.build.factsS),
          fmtInt(c.rows),
          fmtMs(median(c.reportMs)),
          fmtMs(median(c.duckdbMs)),
          `${round(median(c.reportMs)! / median(c.duckdbMs)!, 2)}×`,
          fmtSeconds(c.duckdbLoadS),
          c.mismatches.length === 0 ? 'yes' : `${c.mismatches.length} differences`,
        ]),
      },
      targets,
      failures,
      notes: [
        'Times are in-process, after one warm-up run, median of 7; DuckDB runs in memory on the per-order rows the facts are built from.',
      ],
    };
  },
};
