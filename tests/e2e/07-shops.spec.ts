import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { createDb } from '../../db/index.js';
import { tmallTianchiUtf16TitleRows, type Fixture } from '../fixtures/generate.js';
import { tmallErpCsv } from '../fixtures/variants.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { HistoryPage } from './pages/history-page.js';
import { ImportPage } from './pages/import-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { e2eDbPath, queryOne } from './support/database.js';

/**
 * Shops and the sample shop kept apart, through the settings page: the run starts from an empty
 * database restored from a backup (the other specs' data is set aside in the safety copy), loads
 * the sample, imports a real Tmall file beside it, removes the sample, renames the real shop, and
 * downloads a backup.
 */
test.describe.configure({ mode: 'serial' });

const SHOTS = path.join('test-results', 'screenshots');
let dir: string;
let real: Fixture;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'huike-e2e-shops-'));
  real = await tmallTianchiUtf16TitleRows(dir);
});

async function screenshots(page: Page, settings: SettingsPage, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // The toasts of earlier steps are not part of the page.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  for (const language of ['zh-CN', 'en'] as const) {
    await settings.chooseLanguage(language);
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(page.getByTestId('shops-table')).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, `${name}-${language}-${width}.png`), fullPage: true });
    }
  }
  await settings.chooseLanguage('zh-CN');
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('from an empty backup: the sample beside a real file, then only the real orders remain', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  const importPage = new ImportPage(page);
  const dashboard = new DashboardPage(page);

  // An empty Huike database, restored through the settings page (upload, confirm, safety copy).
  const empty = path.join(dir, 'empty-huike.db');
  await (await createDb({ filename: empty })).close();
  await settings.open();
  const safety = await settings.restore(empty);
  expect(path.dirname(safety)).toBe(path.dirname(e2eDbPath()));
  expect(existsSync(safety)).toBe(true);
  expect(queryOne<{ n: number }>('SELECT count(*) AS n FROM orders').n).toBe(0);

  await page.goto('/#/dashboard');
  await new FirstRunPage(page).loadDemo();
  await dashboard.expectLoaded();

  // A real Tmall file that names no shop: its default is a new shop of the owner's, never the sample.
  await importPage.open();
  const name = path.basename(real.path);
  await importPage.chooseFiles([{ name, mimeType: 'text/csv', buffer: await readFile(real.path) }]);
  const card = importPage.previewCard(name);
  expect(await importPage.previewValue(name, 'orders')).toBe(real.expected.orders);
  const shopInput = card.getByTestId('preview-shop').locator('input');
  await expect(shopInput).toHaveValue('天猫/淘宝店铺');
  await expect(card.getByTestId('preview-shop-new')).toBeVisible();
  // The sample shop is offered, labelled and disabled.
  await shopInput.click();
  const sampleOption = page.locator('.ant-select-item-option', { hasText: '青禾家居旗舰店' });
  await expect(sampleOption).toHaveClass(/ant-select-item-option-disabled/);
  await expect(sampleOption.getByTestId('sample-tag')).toBeVisible();
  await mkdir(SHOTS, { recursive: true });
  await page.waitForTimeout(400); // the dropdown's opening animation
  await page.screenshot({ path: path.join(SHOTS, 'import-shop-picker-zh-CN-1440.png') });
  await page.keyboard.press('Escape');
  await importPage.commit();

  await settings.open();
  await expect(settings.shopRow('天猫/淘宝店铺')).toBeVisible();
  await expect(settings.shopRow('天猫/淘宝店铺').getByTestId('sample-tag')).toHaveCount(0);
  await expect(settings.shopRow('青禾家居旗舰店').getByTestId('sample-tag')).toBeVisible();
  await expect(settings.sampleStatus()).toHaveAttribute('data-loaded', 'true');
  await screenshots(page, settings, 'settings');

  await settings.removeSampleData();
  await expect(page.getByTestId('shops-table').locator('tr[data-shop]')).toHaveCount(1);

  await page.goto('/#/dashboard');
  await dashboard.expectLoaded();
  expect(await dashboard.kpiValue('paidFen')).toBe(real.expected.paidFen);
  expect(queryOne<{ n: number }>('SELECT count(*) AS n FROM orders').n).toBe(real.expected.orders);

  // Loading the sample again beside the real orders asks first; cancelling loads nothing.
  await settings.open();
  await page.getByTestId('sample-load').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('你自己的 2 笔订单');
  await page.getByTestId('mixed-cancel').click();
  await expect(confirm).toBeHidden();
  await expect(settings.sampleStatus()).toHaveAttribute('data-loaded', 'false');
  expect(queryOne<{ n: number }>('SELECT count(*) AS n FROM shops WHERE is_sample = 1').n).toBe(0);
});

test('renaming a shop in settings shows the new name in the import history', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.shopRow('天猫/淘宝店铺').getByRole('button', { name: '编辑' }).click();
  await expect(page.getByTestId('shop-edit-form')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'shop-edit-zh-CN-1440.png') });
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await settings.renameShop('天猫/淘宝店铺', '汇客天猫旗舰店');
  const history = new HistoryPage(page);
  await history.open();
  const row = history.table().locator('tr[data-row-key]', { hasText: path.basename(real.path) });
  await expect(row).toContainText('汇客天猫旗舰店');
  expect(queryOne<{ kind: string }>("SELECT kind FROM operations WHERE kind = 'shop_edit'").kind).toBe(
    'shop_edit',
  );
});

test('two shops that are one are merged in settings', async ({ page }) => {
  const erp = await tmallErpCsv(dir);
  const importPage = new ImportPage(page);
  await importPage.open();
  const name = path.basename(erp.path);
  await importPage.chooseFiles([{ name, mimeType: 'text/csv', buffer: await readFile(erp.path) }]);
  // The file names its shop: that is the default.
  await expect(importPage.previewCard(name).getByTestId('preview-shop').locator('input')).toHaveValue(
    '汇客ERP店',
  );
  await importPage.commit();

  const settings = new SettingsPage(page);
  await settings.open();
  await settings
    .shopRow('汇客ERP店')
    .getByRole('button', { name: /合并到/ })
    .click();
  // Under load a click can land while the dropdown still opens and choose nothing: choose again.
  await expect(async () => {
    await page.getByTestId('merge-target').click();
    await page.locator('.ant-select-item-option', { hasText: '汇客天猫旗舰店' }).click();
    await expect(page.getByTestId('merge-confirm')).toBeEnabled({ timeout: 1000 });
  }).toPass();
  await page.screenshot({ path: path.join(SHOTS, 'shop-merge-zh-CN-1440.png') });
  await page.getByTestId('merge-confirm').click();
  await expect(settings.shopRow('汇客ERP店')).toHaveCount(0);
  await expect(settings.shopRow('汇客天猫旗舰店')).toContainText(
    String(real.expected.orders + erp.expected.orders),
  );
});

test('backup downloads a copy of the database', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const download = await settings.backup();
  expect(download.suggestedFilename()).toMatch(/^汇客备份-\d{8}-\d{6}\.db$/);
  const saved = path.join(dir, 'downloaded.db');
  await download.saveAs(saved);
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  const copy = new Database(saved, { readonly: true });
  try {
    const shops = copy.prepare('SELECT name FROM shops').all();
    expect(shops).toEqual([{ name: '汇客天猫旗舰店' }]);
  } finally {
    copy.close();
  }
});
