/**
 * The dashboard leads to the orders behind it: a platform row and a chart bar open the Orders page
 * filtered the same way (range, currency, platform, paid only), and the list counts exactly what
 * the dashboard showed. A chosen range is said in the subtitle and every figure follows it.
 */
import { expect, test, type Page } from '@playwright/test';
import type { DashboardSummary } from '../../main/api/contract.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { API_HEADERS } from './support/database.js';

async function summary(page: Page, input: Record<string, string> = {}): Promise<DashboardSummary> {
  const response = await page.request.post('/rpc/dashboard.summary', { headers: API_HEADERS, data: input });
  return ((await response.json()) as { result: DashboardSummary }).result;
}

test.beforeEach(async ({ request }) => {
  const info = await request.post('/rpc/app.info', { headers: API_HEADERS, data: {} });
  if (!((await info.json()) as { result: { hasData: boolean } }).result.hasData)
    await request.post('/rpc/demo.load', { headers: API_HEADERS, data: {} });
});

test('a platform row opens its paid orders, the same count as the row', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  const orders = new OrdersPage(page);
  await page.goto('/#/dashboard');
  await dashboard.expectLoaded();
  const api = await summary(page);
  const row = api.byPlatform.find((p) => p.currency === api.currency)!;

  await page.locator(`[data-testid="platform-table"] tr[data-platform="${row.platform}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`#/orders\\?.*platform=${row.platform}`));
  await expect(page).toHaveURL(/paid=1/);
  await orders.expectLoaded();
  expect(await orders.totalOrders()).toBe(row.paidOrders);
  await expect(orders.page.getByTestId('filter-paid')).toBeVisible();
});

test('a chart bar opens the paid orders of its month; a custom range is said and followed', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page);
  const orders = new OrdersPage(page);
  await page.goto('/#/dashboard');
  await dashboard.expectLoaded();
  const api = await summary(page);
  const index = api.series.points.findLastIndex((p) => p.paidOrders > 0);
  const point = api.series.points[index]!;

  // Where chart.js drew that bar, from the chart itself.
  const canvas = page.getByTestId('period-chart').locator('canvas');
  await expect(canvas).toBeVisible();
  await expect(canvas.locator('..')).toHaveAttribute('data-bars', /\[\[/);
  const bars = JSON.parse((await canvas.locator('..').getAttribute('data-bars')) ?? '[]') as number[][];
  const [x, y] = bars[index]!;
  const at = { x: x!, y: Math.max(y!, 1) };
  await canvas.click({ position: at });
  const from = api.series.unit === 'month' ? `${point.key}-01` : point.key;
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  await orders.expectLoaded();
  expect(await orders.totalOrders()).toBe(point.paidOrders);

  // A custom range: the subtitle says it, and the figures are those of the range.
  await page.goto('/#/dashboard');
  await dashboard.expectLoaded();
  await page.getByTestId('dashboard-preset').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').last().click();
  const picker = page.getByTestId('dashboard').locator('.ant-picker-range');
  const to = `${from.slice(0, 8)}28`;
  await picker.locator('input').first().click();
  await picker.locator('input').first().fill(from);
  await picker.locator('input').first().press('Enter');
  await picker.locator('input').last().fill(to);
  await picker.locator('input').last().press('Enter');
  await expect(page.getByTestId('dashboard-subtitle')).toContainText(`${from} 至 ${to}`);
  const ranged = await summary(page, { from, to });
  await expect(dashboard.kpi('paidOrders')).toHaveAttribute('data-value', String(ranged.current.paidOrders));
  // A closed range is compared with the period before it and the same days a year earlier.
  await expect(page.getByTestId('kpi-paid-orders-mom')).toBeVisible();
  await expect(page.getByTestId('kpi-paid-orders-yoy')).toBeVisible();
});
