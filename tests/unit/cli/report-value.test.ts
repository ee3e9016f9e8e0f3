/** `huike report value [--as-of DATE] [--json]` on the sample shop, run in-process. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as huike } from '../../helpers/run-cli-in-process.js';

interface Doc {
  asOf: string;
  customers: number;
  contributionMode: string;
  rfm: { segments: { name: string; key: string; customers: number; revenueFen: number }[] };
  clv: {
    state: string;
    model: { purchasesMethod: string; margin: number } | null;
    totalPredictedFen: number;
  };
  cohorts: { month: string; platform: string; customers: number; active: number[] }[];
  tiers: { name: string; customers: number }[];
  durationMs: number;
}

let db: string;
beforeAll(async () => {
  db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-cli-value-')), 'a.db');
  expect((await huike(['--db', db, 'demo', '--json'])).code).toBe(0);
}, 120_000);

describe('huike report value', () => {
  it('--json prints the report with the eight segments, the fitted model, cohorts and tiers', async () => {
    const r = await huike(['--db', db, 'report', 'value', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.customers).toBeGreaterThan(100);
    expect(doc.rfm.segments.map((s) => s.name)).toEqual([
      '重要价值',
      '重要发展',
      '重要保持',
      '重要挽留',
      '一般价值',
      '一般发展',
      '一般保持',
      '一般挽留',
    ]);
    expect(doc.rfm.segments.reduce((s, x) => s + x.customers, 0)).toBe(doc.customers);
    expect(doc.clv.state).toBe('fresh');
    expect(doc.clv.model).not.toBeNull();
    expect(doc.clv.totalPredictedFen).toBeGreaterThan(0);
    expect(doc.cohorts.length).toBeGreaterThan(0);
    expect(doc.tiers.map((t) => t.name)).toEqual(['most_valuable', 'most_growable', 'negative', 'others']);
    expect(doc.contributionMode).toBe('net-minus-goods-cost');
  });

  it('--as-of counts only the orders up to that day', async () => {
    const all = JSON.parse((await huike(['--db', db, 'report', 'value', '--json'])).stdout) as Doc;
    const r = await huike(['--db', db, 'report', 'value', '--as-of', '2025-06-30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.asOf).toBe('2025-06-30');
    expect(doc.customers).toBeLessThan(all.customers);
    expect(doc.cohorts.every((c) => c.month <= '2025-06')).toBe(true);
  });

  it('prints the segments in words, in English with --lang en', async () => {
    const r = await huike(['--db', db, '--lang', 'en', 'report', 'value']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Important value');
    expect(r.stdout).toContain('Predicted 12-month value');
    const zh = await huike(['--db', db, 'report', 'value']);
    expect(zh.stdout).toContain('重要价值');
  });
});
