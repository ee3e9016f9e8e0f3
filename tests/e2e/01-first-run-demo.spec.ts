import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { DashboardSummary } from '../../main/api/contract.js';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage, KPI_TEST_IDS, type KpiName } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { API_HEADERS, queryOne } from './support/database.js';

// What the dashboard counts, written again here in SQL to check the app's arithmetic: orders the
// buyer paid (or, with no status in the file, that state a paid amount), in CNY.
const PAID = `(paid_at is not null or status in ('paid','shipped','completed') or (status is null and paid_fen > 0))
  and currency = 'CNY'`;

test('first run → sample shop → dashboard KPIs match the API and the database', async ({ page, request }) => {
  const shell = new AppShell(page);
  const firstRun = new FirstRunPage(page);
  const dashboard = new DashboardPage(page);

  await shell.open('dashboard');
  await firstRun.expectShown();
  await firstRun.loadDemo();
  await dashboard.expectLoaded();

  const response = await request.post('/rpc/dashboard.summary', { headers: API_HEADERS, data: {} });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { ok: boolean; result: DashboardSummary };
  expect(body.ok).toBe(true);
  const api = body.result;
  expect(api.current.paidOrders).toBeGreaterThan(0);

  for (const name of Object.keys(KPI_TEST_IDS) as KpiName[]) {
    expect(await dashboard.kpiValue(name), `${name}: UI vs API`).toBe(api.current[name]);
  }

  const sql = queryOne<{ paidOrders: number; paidFen: number }>(
    `select count(*) as paidOrders, coalesce(sum(paid_fen), 0) as paidFen from orders where ${PAID}`,
  );
  expect(await dashboard.kpiValue('paidOrders'), 'paid orders: UI vs SQL').toBe(sql.paidOrders);
  expect(await dashboard.kpiValue('paidFen'), 'paid fen: UI vs SQL').toBe(sql.paidFen);

  await expect(dashboard.platformRows().first()).toBeVisible();
  // One row per platform, and the currency's total row.
  expect(await dashboard.platformRows().count()).toBe(api.byPlatform.length + 1);

  if (process.env.HUIKE_SCREENSHOT) {
    await page.reload(); // without the "sample loaded" toast
    await dashboard.expectLoaded();
    await page.waitForTimeout(500); // let chart.js finish its first layout
    await page.screenshot({ path: path.resolve('resources/screenshot-dashboard.png'), fullPage: true });
  }
});
