/**
 * The daily screens fit a 1280 and a 1440 px window in both languages: no table scrolls sideways in
 * the import history and report, no KPI amount runs past its card. Screenshots of each are kept
 * under test-results/screenshots/ to be looked at.
 */
import { expect, test } from '@playwright/test';
import { API_HEADERS } from './support/database.js';
import {
  expectNoClippedText,
  expectNoSidewaysScroll,
  LANGUAGES,
  screenshotPath,
  setLanguage,
  WIDTHS,
} from './support/layout.js';
import { ImportPage } from './pages/import-page.js';
import { DashboardPage } from './pages/dashboard-page.js';

/** A Tmall 订单报表 with a refused row, so the report has its problems to show. */
function tmallCsv(stamp: string): string {
  const header = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额';
  const rows = [
    `${stamp}01,layout买家甲,12800.00,交易成功,2024-03-01 10:00:00,2024-03-01 10:01:00,0.00`,
    `${stamp}02,layout买家乙,59.90,卖家已发货，等待买家确认,2024-03-02 11:00:00,2024-03-02 11:05:00,0.00`,
    `${stamp}03,layout买家甲,abc,交易成功,2024-03-05 09:30:00,2024-03-05 09:31:00,10.00`,
  ];
  return [header, ...rows].join('\r\n') + '\r\n';
}

test.beforeAll(async ({ request }) => {
  const info = await request.post('/rpc/app.info', { headers: API_HEADERS, data: {} });
  const body = (await info.json()) as { result: { hasData: boolean } };
  if (!body.result.hasData) await request.post('/rpc/demo.load', { headers: API_HEADERS, data: { seed: 1 } });
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setLanguage(page, 'zh-CN');
  await page.close();
});

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`dashboard, import report and history fit ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      const tag = `${language}-${width}`;

      await page.goto('/#/dashboard');
      const dashboard = new DashboardPage(page);
      await dashboard.expectLoaded();
      await page.waitForTimeout(300); // chart.js lays out after the first frame
      await page.screenshot({ path: screenshotPath(`dashboard-${tag}`), fullPage: true });
      await expectNoClippedText(page.getByTestId('dashboard'), '.ant-statistic-content');
      await expectNoSidewaysScroll(page.getByTestId('platform-table'));

      const importPage = new ImportPage(page);
      await importPage.open();
      const fileName = `layout-${tag}-${Date.now()}.csv`;
      await importPage.chooseFiles([
        { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(tmallCsv(String(Date.now())), 'utf8') },
      ]);
      await expect(importPage.previewCard(fileName)).toBeVisible();
      await expect(importPage.previewCard(fileName).locator('.ant-spin-spinning')).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`import-preview-${tag}`), fullPage: true });
      await page.getByTestId('skip-invalid').check();
      await importPage.commit();
      const report = importPage.report();
      // The refused row is listed under the table with its reason, not cut at the table edge.
      await expect(report.getByText('abc')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`import-report-${tag}`), fullPage: true });
      await expectNoSidewaysScroll(report);

      await page.goto('/#/history');
      const history = page.getByTestId('history-table');
      await expect(history).toBeVisible();
      await expect(history.locator('.ant-spin-spinning')).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`history-${tag}`), fullPage: true });
      await expectNoSidewaysScroll(history);
      // The undo button of the newest batch is on screen, not cut off.
      const undo = history.getByRole('button', { name: /撤销|Undo/ }).first();
      await expect(undo).toBeInViewport();
    });
  }
}
