import { expect, test, type APIRequestContext } from '@playwright/test';
import type { ShopSummary } from '../../main/api/contract.js';
import type { ValueReport } from '../../main/domain/value/report-types.js';
import { CustomersPage } from './pages/customers-page.js';
import { ValuePage } from './pages/value-page.js';
import { API_HEADERS, queryOne } from './support/database.js';
import { expectNoSidewaysScroll, LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';

/**
 * The 价值 dashboard on the sample shop: segments, tiers, cohorts, Pareto and the win-back list,
 * each with its reading; a segment's count opens the Customers list narrowed to exactly those
 * customers, and a customer's page shows its RFM, segment, P(alive) and predicted CLV. Every screen
 * fits 1280 and 1440 px in both languages.
 */

async function rpc<T>(request: APIRequestContext, channel: string, data: unknown = {}): Promise<T> {
  const response = await request.post(`/rpc/${channel}`, { headers: API_HEADERS, data });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** Earlier specs load the sample shop; run alone, this one loads it. The fit is waited for once. */
test.beforeEach(async ({ request }) => {
  const shops = await rpc<ShopSummary[]>(request, 'shops.list');
  if (!shops.some((s) => s.isSample)) await rpc(request, 'demo.load', { confirmMixed: true });
  await rpc(request, 'value.report', { waitForFit: true });
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setLanguage(page, 'zh-CN');
  await page.close();
});

test('open the value dashboard, read the charts and follow a segment to its customers', async ({
  page,
  request,
}) => {
  const report = await rpc<ValueReport>(request, 'value.report');
  const value = new ValuePage(page);
  await value.open();

  // Each chart says what it shows in one line, from its numbers.
  const pareto =
    report.pareto.find((p) => p.customerShare >= 5 && p.revenueShare >= 0.5) ?? report.pareto[4]!;
  await expect(page.getByTestId('reading-pareto')).toHaveText(
    `${Math.round(pareto.revenueShare * 100)}% 的销售额来自前 ${pareto.customerShare}% 的客户。`,
  );
  for (const reading of ['segments', 'tiers', 'cohorts', 'cumulative', 'winback'])
    await expect(page.getByTestId(`reading-${reading}`)).not.toBeEmpty();
  await expect(page.getByTestId('cohort-table').locator('tbody tr').first()).toBeVisible();

  // The biggest segment's count opens the Customers list with exactly its customers.
  const segment = [...report.rfm.segments].sort((a, b) => b.customers - a.customers)[0]!;
  await expect(value.segmentLink(segment.key)).toHaveText(segment.customers.toLocaleString('en-US'));
  await value.segmentLink(segment.key).click();
  await expect(page).toHaveURL(new RegExp(`#/customers\\?rfm=${segment.key}$`));
  const customers = new CustomersPage(page);
  await customers.expectLoaded();
  expect(await customers.totalCustomers()).toBe(segment.customers);
  await expect(page.getByTestId('filter-value-rfmSegment')).toBeVisible();

  // One of them: its page says the same segment, with its P(alive) and predicted CLV.
  const first = customers.rows().first();
  const id = Number(await first.getAttribute('data-customer-id'));
  await customers.openCustomer(id);
  const section = page.getByTestId('customer-value');
  await expect(section.getByTestId('customer-value-segment')).toHaveText(segment.name);
  const stored = queryOne<{ clv: number; p: number | null }>(
    `SELECT round(clv_fen) AS clv, p_alive AS p FROM customer_value WHERE customer_id = ${id}`,
  );
  await expect(section.getByTestId('customer-value-clv')).toHaveText(
    `¥${(stored.clv / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  );
  await expect(section.getByTestId('customer-value-palive')).toHaveText(
    stored.p === null ? '数据太少，未估计' : `${(stored.p * 100).toFixed(1)}%`,
  );

  // Closing the value filter brings the whole list back.
  await page.goBack();
  await customers.expectLoaded();
  await page.getByTestId('filter-value-rfmSegment').locator('.ant-tag-close-icon').click();
  await expect(page).toHaveURL(/#\/customers$/);
  await customers.expectLoaded();
  expect(await customers.totalCustomers()).toBe(
    queryOne<{ n: number }>('SELECT count(*) AS n FROM customers').n,
  );
});

test('a tier and the win-back list open the customers list too', async ({ page, request }) => {
  const report = await rpc<ValueReport>(request, 'value.report');
  const value = new ValuePage(page);
  await value.open();
  const valuable = report.tiers.find((t) => t.name === 'most_valuable')!;
  await value.tierLink('most_valuable').click();
  const customers = new CustomersPage(page);
  await customers.expectLoaded();
  expect(await customers.totalCustomers()).toBe(valuable.customers);

  await value.open();
  await page.getByTestId('winback-open-all').click();
  await customers.expectLoaded();
  expect(await customers.totalCustomers()).toBe(report.winBack.customers);
});

test('the sales calendar is the owner’s to edit, and holiday-only buyers follow it', async ({
  page,
  request,
}) => {
  const report = await rpc<ValueReport>(request, 'value.report');
  const holidayOnly = report.behaviour.find((b) => b.name === 'holiday_only')!;
  expect(holidayOnly.customers).toBeGreaterThan(0);
  const value = new ValuePage(page);
  await value.open();
  await expect(page.getByTestId('behaviour-table-open-holiday_only')).toHaveText(
    String(holidayOnly.customers),
  );
  try {
    await page.getByTestId('holiday-calendar-edit').click();
    const calendar = page.getByTestId('holiday-calendar');
    const remove = calendar.getByRole('button', { name: '删除' });
    await expect(remove).toHaveCount(report.settings.holidays.length);
    while ((await remove.count()) > 0) await remove.first().click();
    await page.getByTestId('holiday-calendar-save').click();
    // No holiday left: nobody buys only on holidays.
    await expect(page.getByTestId('behaviour-table-open-holiday_only')).toHaveCount(0);
    const saved = await rpc<ValueReport>(request, 'value.report');
    expect(saved.settings.holidays).toEqual([]);
    expect(saved.behaviour.find((b) => b.name === 'holiday_only')!.customers).toBe(0);
  } finally {
    await rpc(request, 'value.saveSettings', { ...report.settings });
    await rpc(request, 'value.report', { waitForFit: true });
  }
});

test('the segment builder offers the value groups with their counts and ranges on CLV and P(alive), and a saved segment keeps them', async ({
  page,
  request,
}) => {
  const report = await rpc<ValueReport>(request, 'value.report');
  const segment = [...report.rfm.segments].sort((a, b) => b.customers - a.customers)[0]!;
  const count = async (filter: object) =>
    (await rpc<{ total: number }>(request, 'segments.count', { filter })).total;
  await page.goto('/#/vip');
  await expect(page.getByTestId('segment-count')).toBeVisible();
  const builder = page.getByTestId('segment-value');
  await builder.getByTestId('segment-rfm').click();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: segment.name });
  await expect(option).toHaveText(`${segment.name} (${segment.customers})`);
  await option.click();
  await expect(page.getByTestId('segment-count')).toHaveText(
    `符合条件：${segment.customers.toLocaleString('en-US')} 位客户`,
  );
  // A floor on the predicted CLV at the shop's lower quartile, in yuan, and P(alive) at most 80 %.
  const quartile = queryOne<{ clv: number }>(
    `SELECT clv_fen AS clv FROM customer_value ORDER BY clv_fen
     LIMIT 1 OFFSET (SELECT count(*) / 4 FROM customer_value)`,
  ).clv;
  const yuan = Math.floor(quartile / 100);
  await builder.getByTestId('segment-clvMinFen').fill(String(yuan));
  await builder.getByTestId('segment-pAliveMax').fill('80');
  await builder.getByTestId('segment-pAliveMax').blur();
  const filter = { rfmSegment: segment.key, clvMinFen: yuan * 100, pAliveMax: 0.8 };
  const expected = await count(filter);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThanOrEqual(segment.customers);
  await expect(page.getByTestId('segment-count')).toHaveText(
    `符合条件：${expected.toLocaleString('en-US')} 位客户`,
  );
  const name = '价值分群测试';
  await page.getByTestId('segment-name').fill(name);
  await page.getByTestId('segment-save').click();
  await expect(page.getByText(`已保存分群「${name}」`)).toBeVisible();
  const saved = queryOne<{ id: number; filter_json: string }>(
    `SELECT id, filter_json FROM segments WHERE name = '${name}'`,
  );
  try {
    expect(JSON.parse(saved.filter_json)).toEqual(filter);
    // The print list of the saved segment has the same customers.
    const list = await rpc<{ matched: number }>(request, 'vip.list', { segmentId: saved.id });
    expect(list.matched).toBe(expected);
  } finally {
    await rpc(request, 'segments.delete', { id: saved.id });
  }
});

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`the segment builder's value conditions fit ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      await page.goto('/#/vip');
      await expect(page.getByTestId('segment-count')).toBeVisible();
      const builder = page.getByTestId('segment-value');
      await builder.getByTestId('segment-rfm').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await builder.getByTestId('segment-clvMinFen').fill('100');
      await builder.getByTestId('segment-pAliveMin').fill('50');
      await builder.getByTestId('segment-pAliveMin').blur();
      await expect(page.getByTestId('segment-count')).toBeVisible();
      await page.screenshot({
        path: screenshotPath(`value-segment-builder-${language}-${width}`),
        fullPage: true,
      });
      await expectNoSidewaysScroll(builder);
      expect(await page.evaluate(PAGE_OVERFLOW), 'the page scrolls sideways').toBe(0);
    });
  }
}

/** Strings, so this Node-typed file needs no DOM types: run in the page, measuring overflow. */
const PAGE_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`the value dashboard and a customer's value fit ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      const tag = `${language}-${width}`;
      const value = new ValuePage(page);
      await value.open();
      await page.screenshot({ path: screenshotPath(`value-${tag}`), fullPage: true });
      await expectNoSidewaysScroll(page.getByTestId('value-page'));
      expect(await page.evaluate(PAGE_OVERFLOW), 'the page scrolls sideways').toBe(0);

      const rich = queryOne<{ id: number }>(
        'SELECT customer_id AS id FROM customer_value ORDER BY clv_fen DESC LIMIT 1',
      );
      const customers = new CustomersPage(page);
      await customers.openCustomer(rich.id);
      await expect(page.getByTestId('customer-value-details')).toBeVisible();
      await page.getByTestId('customer-value').screenshot({ path: screenshotPath(`value-customer-${tag}`) });
      expect(await page.evaluate(PAGE_OVERFLOW), 'the page scrolls sideways').toBe(0);
    });
  }
}
