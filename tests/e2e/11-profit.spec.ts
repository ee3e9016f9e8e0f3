/**
 * 利润 on the hand-computed fixture (tests/fixtures/profit-shop.ts), loaded through the same API
 * the screens use: the report's table shows exactly the expected fen per shop and month; the
 * reconciliation shows rule estimate against actual fees; entering a cost and a fee rule on the
 * 成本与费用 tab changes the profit chart. Screenshots at 1280 and 1440 px in both languages.
 */
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ProfitReport, ShopSummary } from '../../main/api/contract.js';
import { formatMoney } from '../../main/shared/money.js';
import {
  EXPECTED_BY_PLATFORM_MONTH,
  EXPECTED_RECONCILIATION,
  FIXTURE_RULES,
  FIXTURE_SHIPPING,
  expectedProfit,
  writeProfitFixture,
} from '../fixtures/profit-shop.js';
import { API_HEADERS } from './support/database.js';
import { LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';

const SHOPS = {
  tmall: '汇客天猫店',
  jd: '汇客京东店',
  pdd: '汇客拼多多店',
  douyin: '汇客抖店',
  shopify: 'Huike US',
} as const;
const RANGE = 'from=2026-02-01&to=2026-03-31';

async function rpc<T>(request: APIRequestContext, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`/rpc/${channel}`, { headers: API_HEADERS, data });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.result;
}

async function upload(request: APIRequestContext, file: string): Promise<string> {
  const response = await request.post(`/upload?name=${encodeURIComponent(path.basename(file))}`, {
    headers: { ...API_HEADERS, 'Content-Type': 'application/octet-stream' },
    data: await readFile(file),
  });
  return ((await response.json()) as { result: { fileId: string } }).result.fileId;
}

let shopIds: Record<keyof typeof SHOPS, number>;

test.beforeAll(async ({ request }) => {
  const files = await writeProfitFixture(mkdtempSync(path.join(os.tmpdir(), 'huike-e2e-profit-')));
  const platforms: Array<keyof typeof SHOPS> = ['tmall', 'tmall', 'jd', 'pdd', 'douyin', 'shopify'];
  for (const [i, file] of files.orders.entries()) {
    const fileId = await upload(request, file);
    await rpc(request, 'import.commit', {
      files: [{ fileId, shopName: SHOPS[platforms[i]!] }],
      skipInvalidRows: false,
    });
  }
  const shops = await rpc<ShopSummary[]>(request, 'shops.list', {});
  shopIds = Object.fromEntries(
    Object.entries(SHOPS).map(([platform, name]) => [platform, shops.find((s) => s.name === name)!.id]),
  ) as typeof shopIds;
  for (const [platform, rules] of Object.entries(FIXTURE_RULES)) {
    for (const rule of rules)
      await rpc(request, 'profit.saveFeeRule', { shopId: shopIds[platform as keyof typeof SHOPS], ...rule });
  }
  await rpc(request, 'profit.saveShipping', { shopId: shopIds.tmall, ...FIXTURE_SHIPPING });
  const byShop: Array<[string, number | undefined]> = [
    [files.costs, undefined],
    [files.tmallFees, shopIds.tmall],
    [files.jdLedger, shopIds.jd],
    [files.pddLedger, shopIds.pdd],
    [files.douyinSettlement, shopIds.douyin],
    [files.pddAds, shopIds.pdd],
    [files.rates, undefined],
    [files.jdShipping, shopIds.jd],
  ];
  for (const [file, shopId] of byShop)
    await rpc(request, 'profit.importFile', {
      fileId: await upload(request, file),
      ...(shopId ? { shopId } : {}),
    });
});

async function openReport(page: Page) {
  await page.goto(`/#/profit?by=shop&${RANGE}`);
  await expect(page.getByTestId('profit-table')).toBeVisible();
}

test('the table shows exactly the hand-computed fen of every fixture shop and month', async ({ page }) => {
  await setLanguage(page, 'zh-CN');
  await openReport(page);
  await page.reload();
  for (const [key, expected] of Object.entries(EXPECTED_BY_PLATFORM_MONTH)) {
    const [platform, month] = key.split('|') as [keyof typeof SHOPS, string];
    const row = page.locator(`[data-testid="profit-table"] tr[data-row-key="${month}|${shopIds[platform]}"]`);
    await expect(row, key).toBeVisible();
    const money = {
      gmvFen: expected.gmvFen,
      discountFen: expected.discountFen,
      refundFen: expected.refundFen,
      netSalesFen: expected.gmvFen - expected.discountFen - expected.refundFen,
      cogsFen: expected.cogsFen,
      platformFeeFen: expected.platformFeeFen,
      paymentFeeFen: expected.paymentFeeFen,
      shippingFen: expected.shippingFen,
      adsFen: expected.adsFen,
      fixedFen: expected.fixedFen,
      profitFen: expectedProfit(expected),
    };
    for (const [field, fen] of Object.entries(money))
      await expect(row.getByTestId(`cell-${field}`), `${key} ${field}`).toHaveText(formatMoney(fen, 'CNY'));
    await expect(row.getByTestId('cell-orders')).toHaveText(String(expected.orders));
  }
  // A figure says how it was computed and opens its orders.
  const tmallMarch = page.locator(`tr[data-row-key="2026-03|${shopIds.tmall}"]`);
  await tmallMarch.getByTestId('cell-cogsFen').click();
  await expect(page.getByTestId('explain').first()).toContainText('¥74.00 − ¥10.00 = ¥64.00');
  await page.getByTestId('explain-open-orders').first().click();
  await expect(page).toHaveURL(
    new RegExp(`#/orders\\?.*shop=${shopIds.tmall}.*from=2026-03-01.*to=2026-03-31.*paid=1`),
  );
});

test('the reconciliation compares rule estimates with the fee files', async ({ page }) => {
  await page.goto('/#/profit?tab=reconciliation&' + RANGE);
  for (const [key, e] of Object.entries(EXPECTED_RECONCILIATION)) {
    const [platform, month] = key.split('|') as [keyof typeof SHOPS, string];
    const row = page.getByTestId(`recon-${shopIds[platform]}-${month}`);
    await expect(row, key).toBeVisible();
    await expect(row.getByTestId('recon-difference')).toHaveText(
      formatMoney(e.ruleFeeFen - e.actualFeeFen, 'CNY'),
    );
    await expect(row).toContainText(formatMoney(e.actualFeeFen, 'CNY'));
  }
  // JD: 2160 estimated against 2530 charged, −14.62 %: beyond 5 %, in red.
  await expect(page.getByTestId(`recon-${shopIds.jd}-2026-02`).locator('.ant-tag')).toHaveText('-14.62%');
});

async function chartProfit(page: Page): Promise<Map<string, number>> {
  const canvas = page.getByTestId('profit-chart-canvas');
  await expect(canvas).toHaveAttribute('data-profit', /\[/);
  return new Map(JSON.parse((await canvas.getAttribute('data-profit')) ?? '[]') as Array<[string, number]>);
}

test('a cost and a fee rule entered on the costs tab change the profit chart', async ({ page, request }) => {
  await setLanguage(page, 'zh-CN');
  await openReport(page);
  const before = await chartProfit(page);
  const tmall = String(shopIds.tmall);
  expect(before.get(tmall)).toBe(
    expectedProfit(EXPECTED_BY_PLATFORM_MONTH['tmall|2026-02']!) +
      expectedProfit(EXPECTED_BY_PLATFORM_MONTH['tmall|2026-03']!),
  );

  // BRUSH had no cost: found in the list of products without one, it takes ¥7.00 a piece.
  await page.getByTestId('profit-tab-costs').click();
  await page.getByTestId('missing-search').locator('input').fill('BRUSH');
  const cost = page.getByTestId('cost-input-BRUSH');
  await cost.fill('7.00');
  await cost.press('Enter');
  await expect(page.getByTestId('cost-input-BRUSH')).toHaveValue('7.00');
  await page.getByTestId('profit-tab-report').click();
  await expect.poll(async () => (await chartProfit(page)).get(tmall)).toBe(before.get(tmall)! - 700);

  // A fee rule for the Tmall shop from 1 March: 10 % commission instead of 6 %.
  await page.getByTestId('profit-tab-costs').click();
  await page.getByTestId('fee-shop').click();
  await page.locator('.ant-select-dropdown:visible').getByText(SHOPS.tmall, { exact: true }).click();
  const from = page.getByTestId('fee-from');
  await from.click();
  await from.fill('2026-03-01');
  await from.press('Enter');
  await page.getByTestId('fee-commission').fill('10');
  await page.getByTestId('fee-points').fill('0.5');
  await page.getByTestId('fee-save').click();
  await expect
    .poll(async () => {
      const inputs = await rpc<{
        feeRules: Array<{ shopId: number; effectiveFrom: string; commissionBp: number }>;
      }>(request, 'profit.inputs', {});
      return inputs.feeRules.find((r) => r.shopId === shopIds.tmall && r.effectiveFrom === '2026-03-01')
        ?.commissionBp;
    })
    .toBe(1000);
  await page.getByTestId('profit-tab-report').click();
  // March's rule-based commission: T1003 on 10000 → 1000 instead of 600; T1004 on 0; T1005 has the
  // order file's fee. 400 more in fees, 400 less profit.
  await expect.poll(async () => (await chartProfit(page)).get(tmall)).toBe(before.get(tmall)! - 700 - 400);
  const report = await rpc<ProfitReport>(request, 'profit.report', {
    by: 'shop',
    period: 'month',
    from: '2026-02-01',
    to: '2026-03-31',
  });
  expect(report.groups.find((g) => g.shopId === shopIds.tmall)!.profitFen).toBe(before.get(tmall)! - 1100);
});

test('screenshots of the profit screens at 1280 and 1440 px, in both languages', async ({ page }) => {
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(`/#/profit?by=shop&${RANGE}`);
      // The language is read when the app starts.
      await page.reload();
      await expect(page.getByTestId('profit-table')).toBeVisible();
      await expect(page.getByTestId('profit-chart-reading')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`profit-report-${width}-${language}`), fullPage: true });
      await page.goto(`/#/profit?tab=costs`);
      await expect(page.getByTestId('fee-rules')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`profit-costs-${width}-${language}`), fullPage: true });
      await page.goto(`/#/profit?tab=reconciliation&${RANGE}`);
      await expect(page.getByTestId('reconciliation')).toBeVisible();
      await page.screenshot({
        path: screenshotPath(`profit-reconciliation-${width}-${language}`),
        fullPage: true,
      });
    }
  }
  await setLanguage(page, 'zh-CN');
});
