/**
 * The value report on a real database: the sample shop loaded through the handlers, the fit run in
 * the worker and stored, the report read from the tables. The grouped SQL read is held to the
 * plain definition (activityFromOrders) on the same orders.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import {
  activityFromOrders,
  DEFAULT_HOLIDAYS,
  EIGHT_SEGMENTS,
  foldCustomerFacts,
  type ValueOrder,
} from '../../../main/domain/value/index.js';
import { PAID_SQL } from '../../../main/services/figures.js';
import { dataStamp, readStoredFit, readStoredValue } from '../../../main/services/value/fit-refresh.js';
import { readCustomerFacts } from '../../../main/services/value/value-facts.js';
import { readValueSnapshot } from '../../../main/services/value/value-snapshot.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
let db: Database.Database;
beforeAll(async () => {
  app = await testApp({ onDisk: true });
  await app.invoke('demo.load', {});
  db = new Database(app.dbPath, { readonly: true });
}, 120_000);
afterAll(async () => {
  db.close();
  await app.close();
});

describe('value.report on the sample shop', () => {
  it('puts every customer in one segment and one tier, with predictions from the stored fit', async () => {
    const report = await app.invoke('value.report', { waitForFit: true });
    expect(report.currency).toBe('CNY');
    expect(report.customers).toBeGreaterThan(100);
    expect(report.clv.state).toBe('fresh');
    expect(report.clv.model).not.toBeNull();
    expect(report.clv.customersWithPrediction).toBe(report.customers);
    expect(report.clv.totalPredictedFen).toBeGreaterThan(0);
    const sum = (groups: { customers: number }[]) => groups.reduce((s, g) => s + g.customers, 0);
    expect(report.rfm.segments.map((s) => s.key)).toEqual([...EIGHT_SEGMENTS]);
    expect(report.rfm.segments[0]!.name).toBe('重要价值');
    expect(sum(report.rfm.segments)).toBe(report.customers);
    expect(sum(report.rfm.named)).toBe(report.customers);
    expect(sum(report.tiers)).toBe(report.customers);
    const revenue = report.rfm.segments.reduce((s, g) => s + g.revenueFen, 0);
    expect(revenue).toBe(report.valueToDate.revenueFen);
    // The sample shop keeps its products' unit costs: contribution is net paid less goods cost.
    expect(report.contributionMode).toBe('net-minus-goods-cost');
    expect(report.valueToDate.contributionFen).toBeLessThan(report.valueToDate.revenueFen);
    expect(report.valueToDate.contributionFen).toBeGreaterThan(0);
    expect(report.clv.model!.margin).toBeCloseTo(
      report.valueToDate.contributionFen / report.valueToDate.revenueFen,
      1,
    );
    expect(report.pareto.at(-1)!.revenueShare).toBeCloseTo(1);
    const all = report.cohorts.filter((c) => c.platform === 'all');
    expect(all.reduce((s, c) => s + c.customers, 0)).toBe(report.customers);
    expect(report.behaviour.find((b) => b.name === 'single_brand')!.available).toBe(false);
  });

  it('groups the orders in SQL exactly as the plain definition does', () => {
    const asOf = (db.prepare('SELECT max(order_date) AS d FROM orders').get() as { d: string }).d;
    const orders = (
      db
        .prepare(
          `SELECT a.customer_id AS customer, o.order_date AS day, a.platform AS platform,
            coalesce(o.paid_fen, 0) - coalesce(o.refund_fen, 0) AS net, coalesce(o.discount_fen, 0) > 0 AS disc
           FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
           WHERE ${PAID_SQL} AND a.customer_id IS NOT NULL AND o.currency = 'CNY'`,
        )
        .all() as { customer: number; day: string; platform: string; net: number; disc: number }[]
    ).map((o): ValueOrder => ({
      customer: o.customer,
      day: o.day,
      platform: o.platform,
      revenueFen: o.net,
      contributionFen: o.net,
      discounted: o.disc === 1,
    }));
    const plain = foldCustomerFacts(
      activityFromOrders(orders, { asOf: '2025-06-30', holidays: DEFAULT_HOLIDAYS }),
    );
    const sql = readCustomerFacts(
      { readSqlite: db },
      { currency: 'CNY', asOf: '2025-06-30', holidays: DEFAULT_HOLIDAYS, mode: 'net-after-refunds' },
    );
    expect(sql).toEqual(plain);
    const whole = readCustomerFacts(
      { readSqlite: db },
      { currency: 'CNY', asOf, holidays: DEFAULT_HOLIDAYS, mode: 'net-after-refunds' },
    );
    expect(whole).toEqual(foldCustomerFacts(activityFromOrders(orders, { asOf })));
    expect(whole.length).toBeGreaterThan(sql.length);
  });

  it('stores each customer’s facts with the fit exactly as the orders give them, and reports from them', async () => {
    const report = await app.invoke('value.report', {});
    expect(report.factsFrom).toBe('stored');
    const stored = readStoredValue({ readSqlite: db }).facts;
    const live = readCustomerFacts(
      { readSqlite: db },
      { currency: 'CNY', asOf: report.asOf!, holidays: DEFAULT_HOLIDAYS, mode: 'net-minus-goods-cost' },
    );
    expect(stored).toEqual(live);
    // The columnar snapshot the report reads holds the same facts and predictions.
    const snapshot = readValueSnapshot({ readSqlite: db })!;
    expect(snapshot.facts).toEqual(live);
    const rows = db
      .prepare('SELECT clv_fen AS clv, p_alive AS p FROM customer_value ORDER BY customer_id')
      .all() as {
      clv: number;
      p: number | null;
    }[];
    expect([...snapshot.predictions.clvFen]).toEqual(rows.map((r) => r.clv));
    expect([...snapshot.predictions.pAlive]).toEqual(rows.map((r) => r.p ?? Number.NaN));
    // Another day reads the orders.
    expect((await app.invoke('value.report', { asOf: '2025-06-30' })).factsFrom).toBe('orders');
  });

  it('opens the Customers list on a segment, a tier and the win-back list', async () => {
    const report = await app.invoke('value.report', {});
    for (const segment of report.rfm.segments.filter((s) => s.customers > 0).slice(0, 3)) {
      const page = await app.invoke('customers.list', { filter: { rfmSegment: segment.key }, limit: 500 });
      expect(page.total).toBe(segment.customers);
      const one = await app.invoke('value.customer', { id: page.rows[0]!.id });
      expect(one!.segment).toBe(segment.key);
    }
    const valuable = report.tiers.find((t) => t.name === 'most_valuable')!;
    const page = await app.invoke('customers.list', { filter: { valueTier: 'most_valuable' } });
    expect(page.total).toBe(valuable.customers);
    const winBack = await app.invoke('customers.list', { filter: { winBack: true } });
    expect(winBack.total).toBe(report.winBack.customers);
    // Filters combine: a segment within one platform is a subset.
    const tmall = await app.invoke('customers.list', {
      filter: { rfmSegment: report.rfm.segments[0]!.key, platforms: ['tmall'] },
    });
    expect(tmall.total).toBeLessThanOrEqual(report.rfm.segments[0]!.customers);
  });

  it('shows one customer’s RFM, P(alive) and CLV as stored by the fit', async () => {
    const report = await app.invoke('value.report', {});
    const top = report.winBack.list[0] ?? null;
    const id = top?.id ?? (await app.invoke('customers.list', {})).rows[0]!.id;
    const value = await app.invoke('value.customer', { id });
    expect(value).not.toBeNull();
    const stored = db.prepare('SELECT * FROM customer_value WHERE customer_id = ?').get(id) as {
      clv_fen: number;
      p_alive: number | null;
    };
    expect(value!.prediction!.clvFen).toBe(stored.clv_fen);
    expect(value!.prediction!.pAlive).toBe(stored.p_alive);
    expect(value!.rfm.frequency).toBeGreaterThan(0);
    expect(value!.scores.r).toBeGreaterThanOrEqual(1);
    if (top) expect(value!.winBack).toBe(true);
  });

  it('reports in the saved settings and moves with the as-of day', async () => {
    const before = await app.invoke('value.report', {});
    const mean = await app.invoke('value.report', { split: { kind: 'mean' } });
    expect(mean.rfm.thresholds!.rule).toBe('mean');
    await app.invoke('value.saveSettings', { basis: 'contribution', split: { kind: 'mean' }, holidays: [] });
    const saved = await app.invoke('value.report', {});
    expect(saved.monetary).toBe('contribution');
    expect(saved.rfm.thresholds!.rule).toBe('mean');
    expect(saved.behaviour.find((b) => b.name === 'holiday_only')!.customers).toBe(0);
    const earlier = await app.invoke('value.report', { asOf: '2025-06-30' });
    expect(earlier.customers).toBeLessThan(before.customers);
    await app.invoke('value.saveSettings', {
      basis: 'revenue',
      split: { kind: 'median' },
      holidays: [...DEFAULT_HOLIDAYS],
    });
  });

  it('keeps the fit until the data change, then refreshes it in the background', async () => {
    // The calendar changed and back in the test before: its refits done first.
    await app.invoke('value.report', { waitForFit: true });
    const fitted = readStoredFit({ readSqlite: db })!;
    expect(fitted.dataStamp).toBe(dataStamp({ readSqlite: db }));
    const again = await app.invoke('value.report', {});
    expect(again.clv.state).toBe('fresh');
    expect(readStoredFit({ readSqlite: db })!.fittedAt).toBe(fitted.fittedAt);
    const batches = (await app.invoke('imports.list', {})).batches;
    await app.invoke('imports.undo', { batchId: batches[0]!.id });
    const after = await app.invoke('value.report', { waitForFit: true });
    expect(after.clv.state).toBe('fresh');
    expect(readStoredFit({ readSqlite: db })!.dataStamp).not.toBe(fitted.dataStamp);
  });
});
