/**
 * Value conditions in saved segments (the VIP segment builder): RFM segment, named segment, tier,
 * win-back and ranges on the stored predictions (CLV, P(alive)), through the real handlers on the
 * sample shop. The expected customers come from the stored snapshot and the plain analysis, not
 * from the SQL the filter runs.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import {
  analyseValue,
  EIGHT_SEGMENTS,
  VALUE_TIERS,
  type ValueAnalysis,
} from '../../../main/domain/value/index.js';
import { readValueSnapshot } from '../../../main/services/value/value-snapshot.js';
import type { CustomersFilter } from '../../../main/shared/customers-query.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
let db: Database.Database;
let ids: Int32Array;
let clv: Float64Array;
let pAlive: Float64Array;
let analysis: ValueAnalysis;
beforeAll(async () => {
  app = await testApp({ onDisk: true });
  await app.invoke('demo.load', {});
  const report = await app.invoke('value.report', { waitForFit: true });
  db = new Database(app.dbPath, { readonly: true });
  const snapshot = readValueSnapshot({ readSqlite: db })!;
  ids = Int32Array.from(snapshot.facts, (f) => f.id);
  clv = snapshot.predictions.clvFen;
  pAlive = snapshot.predictions.pAlive;
  analysis = analyseValue(
    snapshot.facts,
    { asOf: report.asOf!, basis: report.settings.basis, split: report.settings.split },
    snapshot.predictions,
  );
}, 120_000);
afterAll(async () => {
  db.close();
  await app.close();
});

const count = async (filter: CustomersFilter) => (await app.invoke('segments.count', { filter })).total;
const where = (keep: (i: number) => boolean) => [...ids].filter((_, i) => keep(i));
const medianOf = (values: Float64Array) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  return sorted[sorted.length >> 1]!;
};

describe('value conditions in segments', () => {
  it('counts the customers whose stored predicted CLV and P(alive) lie in the ranges', async () => {
    const clvMid = Math.round(medianOf(clv));
    const upper = where((i) => clv[i]! >= clvMid);
    expect(upper.length).toBeGreaterThan(0);
    expect(upper.length).toBeLessThan(ids.length);
    expect(await count({ clvMinFen: clvMid })).toBe(upper.length);
    expect(await count({ clvMaxFen: clvMid - 1 })).toBe(ids.length - upper.length);
    // The sample shop is fitted by the model: every customer has a P(alive).
    expect(pAlive.every((p) => !Number.isNaN(p))).toBe(true);
    const band = where((i) => pAlive[i]! >= 0.3 && pAlive[i]! <= 0.8);
    expect(band.length).toBeGreaterThan(0);
    expect(await count({ pAliveMin: 0.3, pAliveMax: 0.8 })).toBe(band.length);
    expect(await count({ pAliveMin: 0.8, pAliveMax: 0.3 })).toBe(0);
  });

  it('combines RFM segment, tier and the prediction ranges, and keeps them in a saved segment for print and export', async () => {
    const c = analysis.columns;
    const segment = [...analysis.segments].sort((a, b) => b.customers - a.customers)[0]!.name;
    const s = EIGHT_SEGMENTS.indexOf(segment);
    const pMid = medianOf(pAlive);
    const clvFloor = Math.round(medianOf(clv) / 2);
    const expected = where((i) => c.segment[i] === s && clv[i]! >= clvFloor && pAlive[i]! <= pMid);
    expect(expected.length).toBeGreaterThan(0);
    const filter: CustomersFilter = { rfmSegment: segment, clvMinFen: clvFloor, pAliveMax: pMid };
    expect(await count(filter)).toBe(expected.length);

    const saved = await app.invoke('segments.save', { name: '高价值待唤醒', filter });
    const listed = (await app.invoke('segments.list', {})).segments.find((x) => x.id === saved.id)!;
    expect(listed.filter).toEqual(filter);
    const print = await app.invoke('vip.list', { segmentId: saved.id });
    expect(print.matched).toBe(expected.length);
    expect(print.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    const file = await app.invoke('vip.export', { segmentId: saved.id, marketing: false });
    expect(file.rows).toBe(expected.length);

    // A tier and the win-back list with a CLV floor.
    const valuable = VALUE_TIERS.indexOf('most_valuable');
    expect(await count({ valueTier: 'most_valuable', clvMinFen: clvFloor })).toBe(
      where((i) => c.tier[i] === valuable && clv[i]! >= clvFloor).length,
    );
    expect(await count({ winBack: true, pAliveMax: 0.5 })).toBe(
      where((i) => c.winBack[i] === 1 && pAlive[i]! <= 0.5).length,
    );
  });

  it('refuses a P(alive) outside 0–1 and a CLV bound that is not whole fen', async () => {
    await expect(app.invoke('segments.count', { filter: { pAliveMin: 1.5 } })).rejects.toMatchObject({
      code: expect.any(String),
    });
    await expect(app.invoke('segments.count', { filter: { clvMinFen: 10.5 } })).rejects.toMatchObject({
      code: expect.any(String),
    });
  });
});
