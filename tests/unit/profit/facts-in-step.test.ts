/**
 * The daily facts stay exactly in step with every write: after imports, a re-import that changes a
 * refund, undoing an import, cost and fee-rule edits and their undo, a shop's time-zone change and
 * the sample shop, the facts kept incrementally equal the facts recomputed from scratch.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { TMALL_ORDER_54 } from '../../fixtures/headers.js';
import { EXPECTED_BY_PLATFORM_MONTH } from '../../fixtures/profit-shop.js';
import { csvText, gbk, write } from '../../fixtures/write.js';
import { loadProfitFixture } from '../../helpers/profit-fixture-load.js';
import { testApp } from '../../helpers/test-app.js';

const RANGE = { from: '2026-02-01', to: '2026-03-31' };

function snapshot(app: HuikeApp): Record<string, unknown[]> {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return {
      facts: db.prepare('SELECT * FROM profit_daily ORDER BY shop_id, day').all(),
      scopes: db.prepare('SELECT * FROM buyer_scopes ORDER BY scope, buyer_account_id').all(),
      buyers: db.prepare('SELECT * FROM profit_buyers ORDER BY scope, period').all(),
      missing: db.prepare('SELECT * FROM profit_missing_costs ORDER BY shop_id, day, sku').all(),
    };
  } finally {
    db.close();
  }
}

/** The incremental facts, then the same recomputed from the orders: they must be equal. */
async function expectInStep(app: HuikeApp): Promise<void> {
  const kept = snapshot(app);
  await app.invoke('profit.rebuild', {});
  expect(snapshot(app)).toEqual(kept);
}

async function cell(app: HuikeApp, key: string) {
  const report = await app.invoke('profit.report', { by: 'platform', period: 'month', ...RANGE });
  return report.rows.find((r) => `${r.platform}|${r.period}` === key);
}

describe('profit facts follow every write', () => {
  let app: HuikeApp;
  let shops: Record<string, number>;
  beforeEach(async () => {
    app = await testApp({ onDisk: true });
    ({ shops } = await loadProfitFixture(app));
  });
  afterEach(() => app.close());

  it('after loading, re-importing a changed refund and undoing that import', async () => {
    await expectInStep(app);
    // A newer 订单报表: T1003 is now refunded in full.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-profit-reimport-'));
    const file = await write(
      dir,
      'ExportOrderList202604150900.csv',
      gbk(
        csvText(
          TMALL_ORDER_54,
          [
            {
              订单编号: 'T1003',
              买家会员名: 'tb_a',
              总金额: '120.00',
              买家实际支付金额: '120.00',
              订单状态: '交易关闭',
              收货地址: '浙江省 杭州市 西湖区 文三路1号',
              订单创建时间: '2026-03-05 10:00:00',
              订单付款时间: '2026-03-05 10:01:00',
              退款金额: '120.00',
              店铺名称: '汇客天猫店',
            },
          ],
          '\r\n',
        ),
      ),
    );
    const staged = await app.stagePath(file);
    const { batches } = await app.invoke('import.commit', {
      files: [{ fileId: staged.fileId }],
      skipInvalidRows: false,
    });
    await expectInStep(app);
    const march = await cell(app, 'tmall|2026-03');
    // T1003's refund grows from 2000 to 12000; its CUP-W (3200) now goes back to stock; its fees
    // fall to 0 (base 0); BRUSH has no cost to return.
    const before = EXPECTED_BY_PLATFORM_MONTH['tmall|2026-03']!;
    expect(march).toMatchObject({
      refundFen: before.refundFen + 10_000,
      cogsFen: before.cogsFen - 3200,
      platformFeeFen: before.platformFeeFen - 650,
    });
    await app.invoke('imports.undo', { batchId: batches[0]!.id });
    await expectInStep(app);
    expect(await cell(app, 'tmall|2026-03')).toMatchObject({
      refundFen: before.refundFen,
      cogsFen: before.cogsFen,
    });
  });

  it('after cost and fee-rule edits, their undo, and a time-zone change', async () => {
    const cost = await app.invoke('profit.saveCosts', {
      costs: [
        { sku: 'CUP-W', effectiveFrom: '2026-03-10', unitCostFen: 4000 },
        { sku: 'BRUSH', unitCostFen: 700 },
      ],
    });
    await expectInStep(app);
    const before = EXPECTED_BY_PLATFORM_MONTH['tmall|2026-03']!;
    // T1005 (12 Mar) now costs 4000 instead of 3200; BRUSH in T1003 costs 700.
    expect(await cell(app, 'tmall|2026-03')).toMatchObject({
      cogsFen: before.cogsFen + 800 + 700,
      missingCostLines: 0,
    });
    const inputs = await app.invoke('profit.inputs', {});
    const r2 = inputs.feeRules.find((r) => r.shopId === shops.tmall && r.effectiveFrom === '2026-02-15')!;
    const removed = await app.invoke('profit.delete', { table: 'fee_rules', id: r2.id });
    await expectInStep(app);
    // T1002 (20 Feb) falls back to the 5 % rule: its category rate is the same, so only points… and
    // in March T1003 pays 5 % + 0.5 % on 10000 = 550 instead of 650.
    expect((await cell(app, 'tmall|2026-03'))!.platformFeeFen).toBe(before.platformFeeFen - 100);
    await app.invoke('profit.undo', { operationId: removed.operationId });
    await app.invoke('profit.undo', { operationId: cost.operationId });
    await expectInStep(app);
    expect(await cell(app, 'tmall|2026-03')).toMatchObject({
      cogsFen: before.cogsFen,
      platformFeeFen: before.platformFeeFen,
      missingCostLines: 1,
    });
    await app.invoke('shops.update', { shopId: shops.shopify!, timezone: 'Asia/Tokyo' });
    await expectInStep(app);
  });

  it('refuses to undo a cost edit under a later one that changed the same row', async () => {
    const first = await app.invoke('profit.saveCosts', { costs: [{ sku: 'BRUSH', unitCostFen: 700 }] });
    await app.invoke('profit.saveCosts', { costs: [{ sku: 'BRUSH', unitCostFen: 800 }] });
    await expect(app.invoke('profit.undo', { operationId: first.operationId })).rejects.toMatchObject({
      code: 'profit.undoBlocked',
    });
  });

  it('after the sample shop is loaded beside the data', async () => {
    await app.invoke('demo.load', { confirmMixed: true });
    await expectInStep(app);
    await app.invoke('demo.remove', {});
    await expectInStep(app);
    const report = await app.invoke('profit.report', { by: 'platform', period: 'month', ...RANGE });
    expect(report.rows.find((r) => r.platform === 'tmall' && r.period === '2026-03')).toMatchObject(
      EXPECTED_BY_PLATFORM_MONTH['tmall|2026-03']!,
    );
  }, 60_000);
});
