/**
 * `huike report profit` and the `huike profit` loaders on the hand-computed fixture: every input
 * loaded by commands, the report's JSON exactly the contract's fields with the expected fen.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXPECTED_BY_PLATFORM_MONTH,
  FIXTURE_RULES,
  SHOP_NAMES,
  expectedProfit,
  writeProfitFixture,
  type ExpectedCell,
} from '../../fixtures/profit-shop.js';
import { runCliInProcess } from '../../helpers/run-cli-in-process.js';
import { runCli } from '../../helpers/run-cli.js';

const pct = (bp: number) => (bp / 100).toFixed(2);
const yuan = (fen: number) => (fen / 100).toFixed(2);
/** profit / net sales in percent, two decimals, half away from zero. */
const halfUpPct = (profit: number, net: number) => {
  const x = (profit * 10_000) / net;
  return (Math.sign(x) * Math.floor(Math.abs(x) + 0.5)) / 100;
};

async function huike(db: string, args: string[]) {
  const r = await runCliInProcess(['--db', db, ...args]);
  expect(r.code, `${args.join(' ')}\n${r.stderr}\n${r.stdout}`).toBe(0);
  return r.stdout;
}

describe('huike report profit on the fixture', () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'huike-profit-cli-')), 'profit.db');

  beforeAll(async () => {
    const files = await writeProfitFixture(path.dirname(db));
    await huike(db, ['import', ...files.orders, '--json']);
    const shops = JSON.parse(await huike(db, ['shops', '--json'])) as {
      shops: Array<{ id: number; platform: string }>;
    };
    const shopOf = (platform: string) => String(shops.shops.find((s) => s.platform === platform)!.id);
    for (const [platform, rules] of Object.entries(FIXTURE_RULES)) {
      for (const rule of rules) {
        const args = ['profit', 'rule', '--shop', shopOf(platform), '--from', rule.effectiveFrom];
        args.push(
          '--commission',
          pct(rule.commissionBp),
          '--payment',
          pct(rule.paymentBp),
          '--points',
          pct(rule.pointsBp),
        );
        args.push('--per-order', yuan(rule.perOrderFen), '--monthly', yuan(rule.monthlyFen));
        for (const [category, bp] of Object.entries(rule.categoryBp))
          args.push('--category', `${category}=${pct(bp)}`);
        await huike(db, [...args, '--json']);
      }
    }
    await huike(db, [
      'profit',
      'shipping-rule',
      '--shop',
      SHOP_NAMES.tmall,
      '--from',
      '2026-01-01',
      '--per-order',
      '6',
      '--packaging',
      '1',
      '--province',
      '新疆=20',
      '--json',
    ]);
    await huike(db, [
      'profit',
      'load',
      files.costs,
      files.tmallFees,
      files.jdLedger,
      files.pddLedger,
      files.douyinSettlement,
      files.pddAds,
      files.rates,
      '--json',
    ]);
    await huike(db, [
      'profit',
      'load',
      files.jdShipping,
      '--kind',
      'shipping',
      '--shop',
      SHOP_NAMES.jd,
      '--json',
    ]);
  }, 60_000);

  it('prints exactly the contract fields, with the fen worked out by hand', async () => {
    const doc = JSON.parse(
      await huike(db, ['report', 'profit', '--from', '2026-02-01', '--to', '2026-03-31', '--json']),
    ) as {
      currency: string;
      rows: Array<Record<string, number | string | null>>;
      totals: Record<string, number | null>;
      warnings: Array<{ code: string; message: string }>;
    };
    expect(Object.keys(doc)).toEqual(['currency', 'rows', 'totals', 'warnings']);
    expect(doc.currency).toBe('CNY');
    const fields = [
      'platform',
      'shop',
      'period',
      'orders',
      'gmvFen',
      'discountFen',
      'refundFen',
      'netSalesFen',
      'cogsFen',
      'platformFeeFen',
      'paymentFeeFen',
      'shippingFen',
      'adsFen',
      'fixedFen',
      'profitFen',
      'marginPct',
      'buyers',
      'newBuyers',
    ];
    for (const row of doc.rows) expect(Object.keys(row)).toEqual(fields);
    expect(doc.rows).toHaveLength(Object.keys(EXPECTED_BY_PLATFORM_MONTH).length);
    for (const row of doc.rows) {
      const e: ExpectedCell = EXPECTED_BY_PLATFORM_MONTH[`${row.platform}|${row.period}`]!;
      const netSales = e.gmvFen - e.discountFen - e.refundFen;
      expect(row).toEqual({
        platform: row.platform,
        shop: null,
        period: row.period,
        ...e,
        netSalesFen: netSales,
        profitFen: expectedProfit(e),
        marginPct: netSales === 0 ? null : halfUpPct(expectedProfit(e), netSales),
      });
    }
    expect(doc.totals.profitFen).toBe(
      Object.values(EXPECTED_BY_PLATFORM_MONTH).reduce((a, c) => a + expectedProfit(c), 0),
    );
    expect(doc.warnings.map((w) => w.code)).toEqual(['profit.warnMissingCosts']);
    expect(doc.warnings[0]!.message).toContain('BRUSH');
  });

  it('--by shop --period week names shops and Monday weeks', async () => {
    const doc = JSON.parse(
      await huike(db, [
        'report',
        'profit',
        '--by',
        'shop',
        '--period',
        'week',
        '--from',
        '2026-02-01',
        '--to',
        '2026-03-31',
        '--json',
      ]),
    ) as {
      rows: Array<{ shop: string; period: string; orders: number }>;
    };
    // T1001 (Tue 10 Feb) falls in the week of Monday 9 February.
    expect(doc.rows).toContainEqual(
      expect.objectContaining({ shop: SHOP_NAMES.tmall, period: '2026-02-09', orders: 1 }),
    );
    expect(doc.rows.every((r) => new Date(`${r.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('undoes a loaded file by its operation, and says when it cannot', async () => {
    const history = JSON.parse(await huike(db, ['profit', 'history', '--json'])) as {
      history: Array<{ operationId: number; summary: { fileName?: string } }>;
    };
    const ads = history.history.find((h) => h.summary.fileName === 'pdd-ads-daily.csv')!;
    await huike(db, ['profit', 'undo', String(ads.operationId), '--json']);
    const doc = JSON.parse(
      await huike(db, ['report', 'profit', '--from', '2026-02-01', '--to', '2026-03-31', '--json']),
    ) as {
      rows: Array<{ platform: string; period: string; adsFen: number }>;
    };
    expect(doc.rows.filter((r) => r.platform === 'pdd').map((r) => r.adsFen)).toEqual([0, 0]);
    const again = await runCliInProcess(['--db', db, 'profit', 'undo', String(ads.operationId), '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'profit.alreadyUndone' } });
  });

  it('prints a table in a real process, in English', () => {
    const r = runCli([
      '--db',
      db,
      '--lang',
      'en',
      'report',
      'profit',
      '--from',
      '2026-02-01',
      '--to',
      '2026-03-31',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Period\s+Platform\/shop\s+Orders/);
    expect(r.stdout).toMatch(/^\s*Total\s/m);
    expect(r.stdout).toContain('Note: Order lines without a goods cost: 1');
  });
});
