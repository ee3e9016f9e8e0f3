/**
 * The report's columnar analysis (analysis-columnar.ts) against the plain definition
 * (analysis.ts `analyseValue`, record by record): equal in every figure, on a random shop full of
 * ties (few distinct days, amounts and predictions) under each split rule and monetary basis, and
 * on the sample shop from the stored snapshot and from the orders.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import {
  analyseValue,
  analyseValueColumns,
  DEFAULT_HOLIDAYS,
  factsAt,
  factsToColumns,
  type AnalysisOptions,
  type CustomerFacts,
  type PredictionColumns,
  type SplitRule,
  type ValueAnalysis,
  type ValueOrder,
} from '../../../main/domain/value/index.js';
import { readCustomerFacts } from '../../../main/services/value/value-facts.js';
import { readValueSnapshot, readValueSnapshotColumns } from '../../../main/services/value/value-snapshot.js';
import { PLATFORMS } from '../../../main/shared/vocabulary.js';
import { sortedCopy } from '../../../main/domain/value/columnar-stats.js';
import { testApp } from '../../helpers/test-app.js';
import { factsOf, order } from './fixtures.js';

/** mulberry32: the same shop on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,500 customers over 40 distinct days, 6 amounts, 5 platforms: ties everywhere. */
function tiedShop(seed: number): { facts: CustomerFacts[]; predictions: PredictionColumns; asOf: string } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const days = Array.from({ length: 40 }, (_, k) => {
    const d = new Date(Date.UTC(2023, 0, 1) + k * 23 * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const platforms = ['tmall', 'jd', 'pdd', 'youzan', 'shopify'];
  const orders: ValueOrder[] = [];
  for (let customer = 1; customer <= 1500; customer++) {
    const count = next() < 0.6 ? 1 : 1 + Math.floor(next() * 6);
    for (let k = 0; k < count; k++) {
      const yuan = pick([10, 20, 20, 50, 99, 200]);
      const contribution = next() < 0.08 ? -pick([5, 30]) : yuan / 2;
      orders.push(
        order(customer, pick(days), pick(platforms), yuan, { contribution, discounted: next() < 0.4 }),
      );
    }
  }
  const asOf = '2025-07-31';
  const facts = factsOf(orders, asOf, [...DEFAULT_HOLIDAYS]);
  const clvFen = Float64Array.from(facts, () =>
    next() < 0.1 ? Number.NaN : pick([0, 500, 1000, 1000, 4000]),
  );
  const pAlive = Float64Array.from(facts, () => (next() < 0.2 ? Number.NaN : pick([0.1, 0.3, 0.5, 0.9])));
  return { facts, predictions: { clvFen, pAlive }, asOf };
}

/** Everything but the facts' own column layout (its platform table may be ordered differently). */
const figures = ({ facts: _facts, ...rest }: ValueAnalysis) => rest;

const RULES: SplitRule[] = [
  { kind: 'median' },
  { kind: 'mean' },
  { kind: 'fixed', recencyDays: 120, frequency: 2, monetaryFen: 5_000 },
];

describe('the columnar value analysis', () => {
  it('equals the plain definition on a random shop full of ties, for every split rule and basis', () => {
    for (const seed of [1, 2, 3]) {
      const { facts, predictions, asOf } = tiedShop(seed);
      for (const split of RULES)
        for (const basis of ['revenue', 'contribution'] as const) {
          const options: AnalysisOptions = { asOf, basis, split };
          const plain = analyseValue(facts, options, predictions);
          // Ties are real: the scores did not come out all distinct.
          expect(new Set(plain.columns.monetaryFen).size).toBeLessThan(facts.length / 3);
          expect(analyseValueColumns(factsToColumns(facts), options, predictions)).toEqual(plain);
          // The app's platform table (the snapshot's) gives the same figures.
          expect(
            figures(analyseValueColumns(factsToColumns(facts, [...PLATFORMS]), options, predictions)),
          ).toEqual(figures(plain));
        }
      expect(
        analyseValue(facts, { asOf, basis: 'contribution', split: RULES[0]! }, predictions).tiers[2]!
          .customers,
      ).toBeGreaterThan(0);
    }
  });

  it('scores by one sort where the days span too wide to count, alike', () => {
    // Twelve customers over 30 years: recency spans more days than counting is worth.
    const orders = Array.from({ length: 12 }, (_, k) =>
      order(
        k + 1,
        `${1995 + ((k * 7) % 30)}-0${1 + (k % 9)}-1${k % 10}`,
        k % 2 ? 'tmall' : 'youzan',
        10 + (k % 4) * 10,
      ),
    );
    orders.push(order(3, '2024-05-05', 'shopify', 30), order(4, '2024-06-06', 'tmall', 5));
    const asOf = '2025-01-01';
    const facts = factsOf(orders, asOf);
    const predictions = {
      clvFen: Float64Array.from(facts, (_, i) => (i % 3) * 100),
      pAlive: Float64Array.from(facts, (_, i) => (i % 4) / 4),
    };
    for (const split of RULES) {
      const options: AnalysisOptions = { asOf, basis: 'revenue', split };
      expect(analyseValueColumns(factsToColumns(facts), options, predictions)).toEqual(
        analyseValue(facts, options, predictions),
      );
    }
  });

  it('sorts money as the typed sort does: whole fen by radix, anything else by the typed sort', () => {
    const next = random(9);
    const whole = Float64Array.from({ length: 5000 }, () =>
      Math.round((next() - 0.3) * 2 ** (1 + next() * 31)),
    );
    whole[0] = -(2 ** 31);
    whole[1] = 2 ** 31 - 1;
    expect(sortedCopy(whole)).toEqual(Float64Array.from(whole).sort());
    for (const odd of [0.5, 2 ** 31, -0, Number.NaN]) {
      const values = Float64Array.from([...whole.subarray(0, 50), odd, 0]);
      expect(sortedCopy(values)).toEqual(Float64Array.from(values).sort());
    }
  });

  it('turns columns back into the same records', () => {
    const { facts } = tiedShop(4);
    const columns = factsToColumns(facts);
    expect(facts.map((_, i) => factsAt(columns, i))).toEqual(facts);
  });

  it('is empty on no customers', () => {
    const options: AnalysisOptions = { asOf: '2025-01-01', basis: 'revenue', split: { kind: 'median' } };
    const none = { clvFen: new Float64Array(0), pAlive: new Float64Array(0) };
    expect(analyseValueColumns(factsToColumns([]), options, none)).toEqual(analyseValue([], options, none));
  });
});

describe('the columnar value analysis on the sample shop', () => {
  let app: HuikeApp;
  let db: Database.Database;
  beforeAll(async () => {
    app = await testApp({ onDisk: true });
    await app.invoke('demo.load', {});
    await app.invoke('value.report', { waitForFit: true });
    db = new Database(app.dbPath, { readonly: true });
  }, 120_000);
  afterAll(async () => {
    db.close();
    await app.close();
  });

  it('reads the stored snapshot into the same analysis as the plain records give', async () => {
    const report = await app.invoke('value.report', {});
    expect(report.factsFrom).toBe('stored');
    const columns = readValueSnapshotColumns({ readSqlite: db })!;
    const records = readValueSnapshot({ readSqlite: db })!;
    for (const split of RULES)
      for (const basis of ['revenue', 'contribution'] as const) {
        const options: AnalysisOptions = { asOf: report.asOf!, basis, split };
        expect(figures(analyseValueColumns(columns.facts, options, columns.predictions))).toEqual(
          figures(analyseValue(records.facts, options, records.predictions)),
        );
      }
    // And the report's groups are the plain analysis' groups.
    const plain = analyseValue(
      records.facts,
      { asOf: report.asOf!, basis: report.settings.basis, split: report.settings.split },
      records.predictions,
    );
    expect(report.rfm.segments.map((s) => s.customers)).toEqual(plain.segments.map((s) => s.customers));
    expect(report.tiers).toEqual(plain.tiers);
    expect(report.cohorts).toEqual(plain.retention);
    expect(report.winBack.customers).toBe(plain.winBack.length);
  });

  it('analyses another as-of day from the orders alike', () => {
    const facts = readCustomerFacts(
      { readSqlite: db },
      { currency: 'CNY', asOf: '2025-06-30', holidays: DEFAULT_HOLIDAYS, mode: 'net-minus-goods-cost' },
    );
    const predictions = {
      clvFen: Float64Array.from(facts, (f) => (f.id % 7) * 1000),
      pAlive: Float64Array.from(facts, (f) => (f.id % 3) / 3),
    };
    const options: AnalysisOptions = { asOf: '2025-06-30', basis: 'contribution', split: { kind: 'median' } };
    expect(figures(analyseValueColumns(factsToColumns(facts, [...PLATFORMS]), options, predictions))).toEqual(
      figures(analyseValue(facts, options, predictions)),
    );
  });
});
