import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { douyinOrdersBom, pddOrders27Gbk } from '../fixtures/pdd-douyin.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { ImportPage } from './pages/import-page.js';
import { queryOne } from './support/database.js';

/**
 * A 拼多多 export (GBK) and a 抖店 export (ciphertext receivers, a gift sub-order) dropped together:
 * the preview recognises each, names its refused row, and the dashboard shows them under their
 * own platforms with their own money.
 */
test('a Pinduoduo and a Douyin export go through the preview onto the dashboard', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'huike-e2e-pdd-'));
  const pdd = await pddOrders27Gbk(dir);
  const douyin = await douyinOrdersBom(dir);
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.chooseFiles(
    await Promise.all(
      [pdd, douyin].map(async (f) => ({
        name: path.basename(f.path),
        mimeType: 'text/csv',
        buffer: await readFile(f.path),
      })),
    ),
  );

  for (const f of [pdd, douyin]) {
    const name = path.basename(f.path);
    const card = importPage.previewCard(name);
    await expect(card.getByTestId('preview-error')).toHaveCount(0);
    expect(await importPage.previewValue(name, 'orders')).toBe(f.expected.orders);
    expect(await importPage.previewValue(name, 'paid')).toBe(f.expected.paidFen);
    // Every row is accounted for: imported or refused.
    const split = card.getByTestId('preview-rows-split');
    await expect(split).toHaveAttribute('data-refused', String(f.expected.problems.length));
    await expect(split).toHaveAttribute(
      'data-imported',
      String(f.expected.rows - f.expected.problems.length),
    );
  }
  await expect(importPage.previewCard(path.basename(pdd.path)).getByTestId('preview-format')).toContainText(
    '拼多多',
  );
  await expect(
    importPage.previewCard(path.basename(douyin.path)).getByTestId('preview-format'),
  ).toContainText('抖店');

  await page.getByTestId('skip-invalid').check();
  await importPage.commit();
  await expect(importPage.report()).toContainText(path.basename(pdd.path));

  const dashboard = new DashboardPage(page);
  await page.goto('/#/dashboard');
  await dashboard.expectLoaded();
  const pddRow = page.locator('[data-testid="platform-table"] tr[data-platform="pdd"]');
  const douyinRow = page.locator('[data-testid="platform-table"] tr[data-platform="douyin"]');
  await expect(pddRow).toContainText('拼多多');
  await expect(douyinRow).toContainText('抖店');
  // Every PDD order was paid; Douyin's unpaid and closed-before-payment orders are not sales.
  await expect(pddRow).toContainText('¥343.50');
  await expect(douyinRow).toContainText('¥240.00');

  // The receivers the Douyin file carried as ciphertext are stored as unknown.
  const stored = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id
     WHERE s.platform = 'douyin' AND (receiver_name IS NOT NULL OR receiver_phone IS NOT NULL)`,
  );
  expect(stored.n).toBe(0);
});
