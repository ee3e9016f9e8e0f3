/**
 * Loads the hand-computed profit fixture (tests/fixtures/profit-shop.ts) into an app through its
 * real channels: the order exports through import.commit, the cost sheet, fee files, ads report,
 * shipping bill and rates through profit.importFile, the rules through profit.saveFeeRule and
 * profit.saveShipping.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HuikeApp } from '../../main/api/app-types.js';
import {
  FIXTURE_RULES,
  FIXTURE_SHIPPING,
  writeProfitFixture,
  type ProfitFixtureFiles,
} from '../fixtures/profit-shop.js';

export async function loadProfitFixture(
  app: HuikeApp,
): Promise<{ files: ProfitFixtureFiles; shops: Record<string, number> }> {
  const files = await writeProfitFixture(mkdtempSync(path.join(os.tmpdir(), 'huike-profit-')));
  for (const file of files.orders) {
    const staged = await app.stagePath(file);
    await app.invoke('import.commit', { files: [{ fileId: staged.fileId }], skipInvalidRows: false });
  }
  const shops = Object.fromEntries((await app.invoke('shops.list', {})).map((s) => [s.platform, s.id]));
  for (const [platform, rules] of Object.entries(FIXTURE_RULES)) {
    for (const rule of rules)
      await app.invoke('profit.saveFeeRule', {
        shopId: shops[platform]!,
        ...rule,
        categoryBp: { ...rule.categoryBp },
      });
  }
  await app.invoke('profit.saveShipping', { shopId: shops.tmall!, ...FIXTURE_SHIPPING });
  for (const file of [
    files.costs,
    files.tmallFees,
    files.jdLedger,
    files.pddLedger,
    files.douyinSettlement,
    files.pddAds,
    files.rates,
  ]) {
    const staged = await app.stagePath(file);
    await app.invoke('profit.importFile', { fileId: staged.fileId });
  }
  const bill = await app.stagePath(files.jdShipping);
  await app.invoke('profit.importFile', { fileId: bill.fileId, kind: 'shipping', shopId: shops.jd! });
  return { files, shops };
}
