import { expect, test, type APIRequestContext } from '@playwright/test';
import type { ShopSummary } from '../../main/api/contract.js';
import { createDb } from '../../db/index.js';
import { refreshCustomerStats } from '../../main/services/customers/stats.js';
import { CustomersPage } from './pages/customers-page.js';
import { API_HEADERS, e2eDbPath, queryOne } from './support/database.js';
import { expectNoSidewaysScroll, LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';

/**
 * The Customers page on the sample shop: find a customer by its buyer key and by the visible digits
 * of its masked phone, open its page, see its accounts and orders, open an order, write a note.
 * The Orders drawer's buyer link leads to the same page. A customer of two accounts on two
 * platforms (joined in SQL, as the buyer merge will join them) shows both on one page with the
 * evidence of the join. Every screen fits 1280 and 1440 px in both languages.
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
  if (!shops.some((s) => s.isSample)) await rpc(request, 'demo.load', { confirmMixed: true });
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setLanguage(page, 'zh-CN');
  await page.close();
});

/** A sample Tmall buyer with several orders and a masked phone on file. */
function targetCustomer() {
  return queryOne<{ id: number; key: string; orders: number; phone: string }>(
    `SELECT s.customer_id AS id, a.account_key AS key, s.orders, s.phone
     FROM customer_stats s JOIN buyer_accounts a ON a.customer_id = s.customer_id
     WHERE a.platform = 'tmall' AND s.accounts = 1 AND s.orders >= 3
       AND s.phone GLOB '1[0-9][0-9][*][*][*][*][0-9][0-9][0-9][0-9]'
     ORDER BY s.customer_id LIMIT 1`,
  );
}

test('search a customer by buyer key and phone digits, open the page, see accounts and orders, write a note', async ({
  page,
}) => {
  const target = targetCustomer();
  expect(target, 'a sample Tmall buyer with orders').toBeTruthy();
  const customers = new CustomersPage(page);
  await customers.open();
  expect(await customers.totalCustomers()).toBe(
    queryOne<{ n: number }>('SELECT count(*) AS n FROM customers').n,
  );

  await customers.search(target.key);
  await expect(customers.row(target.id)).toBeVisible();
  // The visible digits of the masked phone find the customer too.
  await customers.search(target.phone.slice(-4));
  await expect(customers.row(target.id)).toBeVisible();
  await expect(customers.rows().first()).toContainText(/\*{4}/);

  await customers.row(target.id).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${target.id}$`));
  await expect(customers.customer()).toBeVisible();
  const accounts = page.getByTestId('customer-account');
  await expect(accounts).toHaveCount(1);
  await expect(accounts.first()).toContainText(target.key);
  await expect(page.getByTestId('customer-orders')).toContainText(String(target.orders));
  await expect(page.getByTestId('customer-order-row')).toHaveCount(Math.min(target.orders, 20));

  // An order of the timeline opens the order drawer, whose buyer link is this very customer.
  await page.getByTestId('customer-order-row').first().click();
  const drawer = page.getByTestId('order-drawer');
  await expect(drawer.getByTestId('order-detail')).toBeVisible();
  await expect(drawer.getByTestId('order-buyer')).toContainText(target.key);
  await drawer.getByTestId('buyer-customer-link').click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/customers/${target.id}$`));

  const note = `e2e 备注 ${Date.now()}`;
  await page.getByTestId('customer-note').fill(note);
  await page.getByTestId('customer-save').click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  expect(queryOne<{ note: string }>(`SELECT note FROM customers WHERE id = ${target.id}`).note).toBe(note);
  await page.reload();
  await expect(page.getByTestId('customer-note')).toHaveValue(note);

  await page.getByTestId('customer-back').click();
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(customers.total()).toBeVisible();
});

test('the Orders drawer’s buyer link opens the buyer’s customer page', async ({ page }) => {
  const target = targetCustomer();
  const order = queryOne<{ orderId: string }>(
    `SELECT o.platform_order_id AS orderId FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
     WHERE a.customer_id = ${target.id} ORDER BY o.id LIMIT 1`,
  );
  await page.goto(`/#/orders?q=${order.orderId}`);
  await page.locator(`[data-testid="order-row"][data-order-id="${order.orderId}"]`).click();
  await page.getByTestId('buyer-customer-link').click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${target.id}$`));
  await expect(page.getByTestId('customer-page')).toHaveAttribute('data-customer-id', String(target.id));
});

/**
 * Joins a sample Tmall buyer's account and a sample JD buyer's account into one customer, as the
 * owner's merge of a suggestion with its evidence, on the server's database file (the server is
 * idle between requests), and sums both up again. The two are a pair the merge would suggest:
 * their parcels go to one district, under one surname, to phones with the same last four digits;
 * the evidence shows their own values. Returns the customer's id, the Tmall key and phone.
 */
async function joinTwoPlatforms(): Promise<{ id: number; tmallKey: string; tmallPhone: string }> {
  const huikeDb = await createDb({ filename: e2eDbPath() });
  try {
    return await huikeDb.writer.transaction(async (tx) => {
      const pair = tx.sqlite
        .prepare(
          `SELECT t.id AS tId, t.customer_id AS tCustomer, t.account_key AS tKey, j.id AS jId,
             j.customer_id AS jCustomer, ot.receiver_phone AS tPhone, oj.receiver_phone AS jPhone,
             ot.identity_name_mask AS tName, oj.identity_name_mask AS jName,
             ot.receiver_district AS tPlace, oj.receiver_district AS jPlace
           FROM buyer_accounts t JOIN orders ot ON ot.buyer_account_id = t.id
           JOIN customer_stats ts ON ts.customer_id = t.customer_id
           JOIN orders oj ON oj.identity_dist_code = ot.identity_dist_code
             AND oj.identity_surname = ot.identity_surname
             AND substr(oj.receiver_phone, -4) = substr(ot.receiver_phone, -4)
           JOIN buyer_accounts j ON j.id = oj.buyer_account_id AND j.platform = 'jd'
           JOIN customer_stats js ON js.customer_id = j.customer_id
           WHERE t.platform = 'tmall' AND ts.accounts = 1 AND js.accounts = 1 AND ts.orders >= 2
             AND js.orders >= 2 AND t.customer_id <> j.customer_id
           ORDER BY t.id DESC, j.id DESC LIMIT 1`,
        )
        .get() as {
        tId: number;
        tCustomer: number;
        tKey: string;
        jId: number;
        jCustomer: number;
        tPhone: string;
        jPhone: string;
        tName: string;
        jName: string;
        tPlace: string;
        jPlace: string;
      };
      expect(pair, 'the sample shop has a Tmall and a JD buyer the merge would suggest').toBeTruthy();
      const op = Number(
        tx.sqlite
          .prepare("INSERT INTO operations (kind, created_at) VALUES ('merge', ?)")
          .run(new Date().toISOString()).lastInsertRowid,
      );
      tx.sqlite
        .prepare("UPDATE buyer_accounts SET customer_id = ?, customer_via = 'manual' WHERE id = ?")
        .run(pair.tCustomer, pair.jId);
      tx.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(pair.jCustomer);
      const evidence = [
        { field: 'phone', level: 'suffix4', bits: 12, a: pair.tPhone, b: pair.jPhone },
        { field: 'name', level: 'surname', bits: 3.1, a: pair.tName, b: pair.jName },
        { field: 'address', level: 'district', bits: 7.2, a: pair.tPlace, b: pair.jPlace },
      ];
      tx.sqlite
        .prepare(
          `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
           VALUES (?, ?, 2.3, 'review', 1, ?, 'd4', ?)`,
        )
        .run(Math.min(pair.tId, pair.jId), Math.max(pair.tId, pair.jId), JSON.stringify(evidence), op);
      await refreshCustomerStats(tx, 'SELECT @a UNION SELECT @b', {
        a: pair.tCustomer,
        b: pair.jCustomer,
      });
      return { id: pair.tCustomer, tmallKey: pair.tKey, tmallPhone: pair.tPhone };
    });
  } finally {
    await huikeDb.close();
  }
}

test('a customer of two platforms shows both accounts, both platforms’ orders and the join’s evidence', async ({
  page,
}) => {
  const { id, tmallKey, tmallPhone } = await joinTwoPlatforms();
  const customers = new CustomersPage(page);
  await customers.openCustomer(id);
  await expect(page.getByTestId('customer-account')).toHaveCount(2);
  await expect(page.locator('[data-testid="customer-platform-row"][data-platform="jd"]')).toBeVisible();
  await expect(page.locator('[data-testid="customer-platform-row"][data-platform="tmall"]')).toBeVisible();
  const link = page.getByTestId('customer-link');
  await expect(link).toContainText('2.3');
  await expect(link).toContainText(tmallPhone.slice(-4));
  // Both platforms' orders on the one timeline.
  const orders = queryOne<{ n: number }>(
    `SELECT count(DISTINCT s.platform) AS n FROM orders o JOIN shops s ON s.id = o.shop_id
     JOIN buyer_accounts a ON a.id = o.buyer_account_id WHERE a.customer_id = ${id}`,
  );
  expect(orders.n).toBe(2);
  // The list has it once, on JD as on Tmall: a JD filter finds it by its Tmall key.
  await customers.open(`q=${encodeURIComponent(tmallKey)}&platform=jd`);
  await expect(customers.rows()).toHaveCount(1);
  await expect(customers.row(id)).toContainText('京东');
});

/** Strings, so this Node-typed file needs no DOM types: run in the page, measuring overflow. */
const PAGE_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const VIRTUAL_OVERFLOW = `(() => {
  const el = document.querySelector('.ant-table-tbody-virtual-holder');
  return el ? el.scrollWidth - el.clientWidth : -1;
})()`;

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`the customers list and a customer page fit ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      const tag = `${language}-${width}`;
      const customers = new CustomersPage(page);
      await customers.open();
      await expect(customers.rows().first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`customers-${tag}`) });
      await expectNoSidewaysScroll(page.getByTestId('customers-page'));
      expect(await page.evaluate(VIRTUAL_OVERFLOW), 'the virtual table scrolls sideways').toBe(0);
      expect(await page.evaluate(PAGE_OVERFLOW), 'the page scrolls sideways').toBe(0);
      const filters = await page
        .getByTestId('customers-filters')
        .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(filters, 'the filter bar fits').toBe(true);

      // The richest customer: most accounts, then most orders.
      const rich = queryOne<{ id: number }>(
        'SELECT customer_id AS id FROM customer_stats ORDER BY accounts DESC, orders DESC LIMIT 1',
      );
      await customers.openCustomer(rich.id);
      await page.screenshot({ path: screenshotPath(`customer-360-${tag}`), fullPage: true });
      await expectNoSidewaysScroll(page.getByTestId('customer-page'));
      expect(await page.evaluate(PAGE_OVERFLOW), 'the page scrolls sideways').toBe(0);
    });
  }
}
