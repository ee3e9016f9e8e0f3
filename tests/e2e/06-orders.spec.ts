import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ShopSummary } from '../../main/api/contract.js';
import { OrdersPage } from './pages/orders-page.js';
import { API_HEADERS, queryOne } from './support/database.js';

/**
 * The Orders page on the sample shop: find an order by the visible digits of its masked phone,
 * open it, follow its buyer, filter by platform and status (and see the URL carry them), open a
 * filtered link, export a CSV and check what it holds. Counts are checked against SQL on the same
 * database file.
 */

async function rpc<T>(request: APIRequestContext, channel: string, data: unknown = {}): Promise<T> {
  const response = await request.post(`/rpc/${channel}`, { headers: API_HEADERS, data });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** Earlier specs load the sample shop; run alone, this one loads it. */
test.beforeEach(async ({ request }) => {
  const shops = await rpc<ShopSummary[]>(request, 'shops.list');
  if (!shops.some((s) => s.isSample)) await rpc(request, 'demo.load', {});
});

/** A sample Tmall order with a masked phone and several lines. */
function targetOrder() {
  return queryOne<{
    id: number;
    orderId: string;
    phone: string;
    name: string;
    detail: string;
    district: string;
    lines: number;
    buyer: string;
  }>(
    `SELECT o.id, o.platform_order_id AS orderId, o.receiver_phone AS phone, o.receiver_name AS name,
       o.receiver_detail AS detail, o.receiver_district AS district, b.account_key AS buyer,
       (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines
     FROM orders o JOIN shops s ON s.id = o.shop_id JOIN buyer_accounts b ON b.id = o.buyer_account_id
     WHERE s.is_sample = 1 AND s.platform = 'tmall' AND o.receiver_phone GLOB '1[0-9][0-9][*][*][*][*][0-9][0-9][0-9][0-9]'
       AND o.receiver_detail IS NOT NULL
       AND (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) >= 2
     ORDER BY o.id LIMIT 1`,
  );
}

/** What the search box matches, written again in SQL: visible phone digits, ids, names, accounts. */
function countSearch(digits: string): number {
  return queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders o WHERE instr(o.receiver_phone, '${digits}') > 0
       OR o.platform_order_id LIKE '%${digits}%' OR o.receiver_name LIKE '%${digits}%'
       OR o.buyer_account_id IN (SELECT id FROM buyer_accounts
         WHERE account_key LIKE '%${digits}%' OR nickname LIKE '%${digits}%' OR instr(phone, '${digits}') > 0)`,
  ).n;
}

test('find an order by phone digits, open it, and follow its buyer', async ({ page }) => {
  const orders = new OrdersPage(page);
  const target = targetOrder();
  const lastFour = target.phone.slice(-4);

  await orders.open();
  await orders.search(lastFour);
  expect(await orders.totalOrders(), 'search by 4 digits: UI vs SQL').toBe(countSearch(lastFour));

  // The whole number, typed with spaces: the masked 138****5678 shows only its first three and
  // last four digits, and a phone whose visible digits agree is found.
  const whole = `${target.phone.slice(0, 3)} 1234 ${lastFour}`;
  await orders.search(whole);
  await expect(orders.row(target.orderId)).toBeVisible();
  await expect(orders.row(target.orderId)).toContainText(target.phone);

  await orders.openOrder(target.orderId);
  const drawer = orders.drawer();
  await expect(drawer).toContainText(target.orderId);
  await expect(drawer.getByTestId('order-lines').locator('tbody tr.ant-table-row')).toHaveCount(target.lines);
  const receiver = drawer.getByTestId('order-receiver');
  await expect(receiver).toContainText(`${[...target.name][0]}*`);
  await expect(receiver).toContainText(target.phone);
  await expect(receiver).toContainText(target.district);
  await expect(receiver).not.toContainText(target.detail);
  await expect(drawer.getByTestId('order-history')).toContainText('示例店铺');

  const buyerOrders = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders WHERE buyer_account_id = (SELECT buyer_account_id FROM orders WHERE id = ${target.id})`,
  ).n;
  await drawer.getByTestId('buyer-orders-link').click();
  await expect(page).toHaveURL(new RegExp(`buyer=${encodeURIComponent(target.buyer)}`));
  await orders.expectLoaded();
  expect(await orders.totalOrders()).toBe(buyerOrders);
  await expect(orders.filterControl('buyer')).toBeVisible();
});

test('filter by platform and status; the URL keeps them for back, forward and reload', async ({ page }) => {
  const orders = new OrdersPage(page);
  await orders.open();
  const all = await orders.totalOrders();

  await orders.choose('platform', '京东');
  await expect(page).toHaveURL(/platform=jd/);
  await orders.choose('status', '已完成');
  await expect(page).toHaveURL(/platform=jd&status=completed|status=completed.*platform=jd/);
  const jdCompleted = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.platform = 'jd' AND o.status = 'completed'`,
  ).n;
  expect(await orders.totalOrders()).toBe(jdCompleted);
  const firstRows = orders.rows();
  await expect(firstRows.first()).toContainText('京东');
  for (const text of await firstRows.allTextContents()) expect(text).toContain('已完成');

  await page.goBack();
  await orders.expectLoaded();
  await expect(page).not.toHaveURL(/status=/);
  await page.goBack();
  await orders.expectLoaded();
  expect(await orders.totalOrders()).toBe(all);
  await page.goForward();
  await page.goForward();
  await page.reload();
  await orders.expectLoaded();
  expect(await orders.totalOrders()).toBe(jdCompleted);
});

test('a link with filters opens the page with them applied', async ({ page }) => {
  const orders = new OrdersPage(page);
  await orders.open('platform=tmall&status=closed&refund=1&from=2025-01-01&to=2025-12-31');
  await expect(orders.filterControl('platform')).toContainText('天猫');
  await expect(orders.filterControl('status')).toContainText('已关闭');
  await expect(orders.filterControl('refund')).toContainText('有退款');
  await expect(orders.filterControl('dates').locator('input').first()).toHaveValue('2025-01-01');
  const expected = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.platform = 'tmall'
       AND o.status = 'closed' AND o.refund_fen > 0 AND o.order_date BETWEEN '2025-01-01' AND '2025-12-31'`,
  ).n;
  expect(expected).toBeGreaterThan(0);
  expect(await orders.totalOrders()).toBe(expected);
  await expect(orders.rows().first()).toContainText('已关闭');
});

test('export the filtered list as CSV: every order, masked, money in its currency', async ({ page }) => {
  const orders = new OrdersPage(page);
  const month = queryOne<{ m: string }>(
    `SELECT substr(max(order_date), 1, 7) AS m FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.platform = 'youzan' AND s.is_sample = 1`,
  ).m;
  await orders.open(`platform=youzan&from=${month}-01&to=${month}-31`);
  const total = await orders.totalOrders();
  expect(total).toBeGreaterThan(0);

  await page.getByTestId('orders-export').click();
  const dialog = page.getByTestId('orders-export-dialog');
  await expect(dialog).toContainText(total.toLocaleString());
  const downloading = page.waitForEvent('download');
  await page.getByTestId('orders-export-start').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^订单-\d{8}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 3)).toEqual(['平台', '店铺', '订单号']);
  expect(lines).toHaveLength(total + 1);
  const phoneAt = header.indexOf('收货电话');
  const currencyAt = header.indexOf('币种');
  const paidAt = header.indexOf('实付金额');
  const rows = lines.slice(1).map((l) => l.split(','));
  // Youzan exports full phones; the CSV shows them as on screen.
  for (const r of rows) {
    if (r[phoneAt]) expect(r[phoneAt]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(r[currencyAt]).toBe('CNY');
    expect(r[paidAt]).toMatch(/^\d+\.\d{2}$/);
  }
  const paid = queryOne<{ fen: number }>(
    `SELECT coalesce(sum(o.paid_fen), 0) AS fen FROM orders o JOIN shops s ON s.id = o.shop_id
     WHERE s.platform = 'youzan' AND o.order_date BETWEEN '${month}-01' AND '${month}-31'`,
  ).fen;
  const exportedFen = rows.reduce((sum, r) => sum + Math.round(Number(r[paidAt]) * 100), 0);
  expect(exportedFen).toBe(paid);
  await expect(dialog).toBeHidden();
});

/** The page and the drawer at both widths in both languages, for a person to look at. */
test('screenshots at 1280 and 1440 px in Chinese and English, with no sideways scrolling', async ({
  page,
  request,
}) => {
  const dir = path.resolve('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  const orders = new OrdersPage(page);
  const target = targetOrder();
  try {
    for (const language of ['zh-CN', 'en'] as const) {
      await rpc(request, 'settings.set', { language });
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 860 });
        await orders.open();
        await page.reload(); // the window reads its language when it starts
        await orders.expectLoaded();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectNoSidewaysScroll(page);
        await page.screenshot({ path: path.join(dir, `orders-${language}-${width}.png`) });
        await orders.search(target.orderId);
        await orders.openOrder(target.orderId);
        await page.waitForTimeout(400); // the drawer's slide-in
        await page.screenshot({ path: path.join(dir, `orders-drawer-${language}-${width}.png`) });
      }
    }
  } finally {
    // Later specs read Chinese labels; put the shared database back the way it was.
    await rpc(request, 'settings.set', { language: 'zh-CN' });
  }
});

/** A string, so this Node-typed file needs no DOM types: run in the page, measuring overflow. */
const OVERFLOW = `(() => {
  const over = (el) => (el ? el.scrollWidth - el.clientWidth : -1);
  return {
    body: over(document.querySelector('.ant-table-tbody-virtual-holder, .ant-table-body')),
    header: over(document.querySelector('.ant-table-header')),
    page: over(document.documentElement),
  };
})()`;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(OVERFLOW)).toEqual({ body: 0, header: 0, page: 0 });
}
