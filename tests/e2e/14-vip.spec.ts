import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ShopSummary } from '../../main/api/contract.js';
import { maskPersonName, maskPhone } from '../../main/domain/orders/privacy.js';
import { API_HEADERS, e2eDbPath, queryOne } from './support/database.js';
import { LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';
import { ImportPage } from './pages/import-page.js';
import { readPdf, pdfTextHas } from './support/pdf-text.js';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * VIP lists on the sample shop: build a segment in the UI (the province most customers live in)
 * with its live count, save it, open its print preview, print it to PDF in Chromium and read the
 * PDF back — masked phones and Chinese names in a CJK font, the column header and page numbers on
 * every page. Then the VIP page and the preview at 1280 and 1440 px in both languages.
 */

async function rpc<T>(request: APIRequestContext, channel: string, data: unknown = {}): Promise<T> {
  const response = await request.post(`/rpc/${channel}`, { headers: API_HEADERS, data });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(e2eDbPath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const PAID = `(o.paid_at IS NOT NULL OR o.status IN ('paid', 'shipped', 'completed')
  OR (o.status = 'closed' AND o.refund_fen > 0) OR (o.status IS NULL AND o.paid_fen > 0))`;

/** The province most sample customers had a paid order sent to, and how many they are. */
function topProvince() {
  return queryOne<{ code: string; customers: number }>(
    `SELECT o.identity_prov_code AS code, count(DISTINCT a.customer_id) AS customers
     FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
     WHERE ${PAID} AND a.customer_id IS NOT NULL AND o.identity_prov_code IS NOT NULL
     GROUP BY o.identity_prov_code ORDER BY customers DESC, code LIMIT 1`,
  );
}

const SEGMENT = `测试分群-${Date.now()}`;

test.beforeEach(async ({ request }) => {
  const shops = await rpc<ShopSummary[]>(request, 'shops.list');
  if (!shops.some((s) => s.isSample)) await rpc(request, 'demo.load', { confirmMixed: true });
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setLanguage(page, 'zh-CN');
  await page.close();
});

async function openVip(page: Page) {
  await page.goto('/#/vip');
  await expect(page.getByTestId('vip-page')).toBeVisible();
  await expect(page.getByTestId('segment-count')).toBeVisible();
}

test('build a segment, print it to PDF: masked phones, Chinese names, header and page numbers on every page', async ({
  page,
}) => {
  await setLanguage(page, 'zh-CN');
  const province = topProvince();
  expect(province.customers, 'the sample has customers with addresses').toBeGreaterThan(20);
  const everyone = queryOne<{ n: number }>('SELECT count(*) AS n FROM customers').n;

  await openVip(page);
  await expect(page.getByTestId('segment-count')).toHaveText(
    `符合条件：${everyone.toLocaleString('en-US')} 位客户`,
  );
  // The province with the most customers is the first choice offered.
  await page.getByTestId('segment-provinces').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(option).toContainText(`(${province.customers})`);
  await option.click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('segment-count')).toHaveText(
    `符合条件：${province.customers.toLocaleString('en-US')} 位客户`,
  );
  await page.getByTestId('segment-name').fill(SEGMENT);
  await page.getByTestId('segment-save').click();
  await expect(page.getByText(`已保存分群「${SEGMENT}」`)).toBeVisible();
  const saved = queryOne<{ id: number; filter_json: string }>(
    `SELECT id, filter_json FROM segments WHERE name = '${SEGMENT}'`,
  );
  expect(JSON.parse(saved.filter_json)).toEqual({ provinces: [province.code] });

  await page.screenshot({ path: screenshotPath('vip-segment-built'), fullPage: true });

  await page.getByTestId('segment-print').click();
  await expect(page).toHaveURL(new RegExp(`#/vip/print\\?segment=${saved.id}$`));
  const table = page.getByTestId('print-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('print-heading')).toHaveText(SEGMENT);
  await expect(page.getByTestId('print-count')).toHaveText(
    `共 ${province.customers.toLocaleString('en-US')} 位客户`,
  );
  await expect(table.locator('tbody tr')).toHaveCount(province.customers);
  await page.screenshot({ path: screenshotPath('vip-print-preview'), fullPage: false });

  // The customers in the printed order (most recent buyers first), as the database has them.
  const expected = queryAll<{ name: string | null; phone: string | null }>(
    `SELECT s.name, s.phone FROM customer_stats s WHERE s.customer_id IN (
       SELECT a.customer_id FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
       WHERE ${PAID} AND o.identity_prov_code = ?)
     ORDER BY s.last_order_at DESC, s.customer_id DESC`,
    province.code,
  );
  expect(expected).toHaveLength(province.customers);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  writeFileSync(test.info().outputPath('vip-list.pdf'), pdf);
  const read = await readPdf(pdf);
  const pages = read.pages.length;
  expect(pages, 'a list this long takes more than one A4 page').toBeGreaterThan(1);
  const texts = read.pages.map((p) => p.text);
  // Chinese text is drawn in the CJK font, embedded.
  expect(
    read.fonts.some((f) => /CJK/i.test(f)),
    read.fonts.join(', '),
  ).toBe(true);
  texts.forEach((text, i) => {
    // The column header on every page, and the page number "n / N" in its margin.
    expect(text, `page ${i + 1}`).toContain('姓名');
    expect(text, `page ${i + 1}`).toContain('手机');
    expect(text, `page ${i + 1}`).toContain(`${i + 1} / ${pages}`);
  });
  const all = texts.join('\n');
  expect(texts[0]).toContain(SEGMENT);
  // Every masked phone and name printed; no full mobile number anywhere.
  const phones = expected.map((c) => maskPhone(c.phone)).filter((p): p is string => !!p);
  const names = expected.map((c) => maskPersonName(c.name)).filter((n): n is string => !!n);
  expect(phones.length).toBeGreaterThan(0);
  for (const phone of phones) expect(all).toContain(phone);
  expect(
    names.some((n) => /[\u4e00-\u9fff]/.test(n)),
    'Chinese names in the segment',
  ).toBe(true);
  for (const name of names) expect(pdfTextHas(all, name), name).toBe(true);
  expect(all).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);

  // A4 portrait (595 × 842 pt) on every page; landscape turns it.
  for (const p of read.pages) {
    expect(Math.round(p.width)).toBeGreaterThanOrEqual(594);
    expect(Math.round(p.width)).toBeLessThanOrEqual(596);
    expect(Math.round(p.height)).toBeGreaterThanOrEqual(841);
    expect(Math.round(p.height)).toBeLessThanOrEqual(843);
  }
  await page.getByTestId('print-orientation').getByText('A4 横向').click();
  const landscape = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(landscape.pages[0]!.width).toBeGreaterThan(landscape.pages[0]!.height);
  expect(landscape.pages[0]!.text).toContain(`1 / ${landscape.pages.length}`);

  // Unmasked is an explicit choice, recorded in the operation log.
  const before = queryOne<{ n: number }>(`SELECT count(*) AS n FROM operations WHERE kind = 'unmask'`).n;
  await page.getByTestId('print-unmasked').click();
  await expect(page.getByText('含完整个人信息，请妥善保管')).toBeVisible();
  expect(queryOne<{ n: number }>(`SELECT count(*) AS n FROM operations WHERE kind = 'unmask'`).n).toBe(
    before + 1,
  );
});

test('a saved segment opens in the Customers list: its conditions as removable tags, at 1280 and 1440 px', async ({
  page,
}) => {
  const province = topProvince();
  const everyone = queryOne<{ n: number }>('SELECT count(*) AS n FROM customers').n;
  const options = await rpc<{ provinces: Array<{ code: string; name: string }> }>(
    page.request,
    'segments.options',
  );
  const provinceName = options.provinces.find((p) => p.code === province.code)!.name;
  const name = `客户列表分群-${Date.now()}`;
  const segment = await rpc<{ id: number }>(page.request, 'segments.save', {
    name,
    filter: { provinces: [province.code], marketing: 'allowed' },
  });
  const allowed = (
    await rpc<{ total: number }>(page.request, 'segments.count', {
      filter: { provinces: [province.code], marketing: 'allowed' },
    })
  ).total;
  const total = page.getByTestId('customers-total');
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/#/vip');
      await page.reload();
      await openVip(page);
      await page.getByTestId(`segment-customers-${segment.id}`).click();
      await expect(page).toHaveURL(new RegExp(`#/customers\\?segment=${segment.id}$`));
      await expect(total).toHaveAttribute('data-customers', String(allowed));
      await expect(page.getByTestId('customers-segment')).toContainText(name);
      await expect(page.getByTestId(`condition-prov-${province.code}`)).toContainText(provinceName);
      await expect(page.getByTestId('condition-marketing')).toHaveText(
        language === 'zh-CN' ? '接受营销' : 'Accepts marketing',
      );
      await page.screenshot({
        path: screenshotPath(`customers-segment-${language}-${width}`),
        fullPage: false,
      });
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0);
    }
  }
  await setLanguage(page, 'zh-CN');
  await page.reload();
  await expect(total).toHaveAttribute('data-customers', String(allowed));
  // Removing a condition writes the rest into the address: the list no longer follows the segment.
  await page.getByTestId('condition-marketing').locator('.ant-tag-close-icon').click();
  await expect(page).toHaveURL(new RegExp(`#/customers\\?prov=${province.code}$`));
  await expect(total).toHaveAttribute('data-customers', String(province.customers));
  await expect(page.getByTestId('customers-segment')).toHaveCount(0);
  await page.getByTestId(`condition-prov-${province.code}`).locator('.ant-tag-close-icon').click();
  await expect(total).toHaveAttribute('data-customers', String(everyone));
  await expect(page.getByTestId('customers-conditions')).toHaveCount(0);
  // A deleted segment says so and lists everyone.
  await rpc(page.request, 'segments.delete', { id: segment.id });
  await page.goto(`/#/customers?segment=${segment.id}`);
  await expect(page.getByTestId('customers-segment-missing')).toBeVisible();
  await expect(total).toHaveAttribute('data-customers', String(everyone));
});

test('a mapped sheet’s 接受营销 column is guessed in the mapping and sets the buyers’ consent', async ({
  page,
}) => {
  const importPage = new ImportPage(page);
  const stamp = Date.now();
  const name = `consent-${stamp}.csv`;
  const body = Buffer.from(
    [
      '订单号,下单时间,手机,金额,接受营销',
      `C${stamp}1,2026-11-01 10:00,13700000${String(stamp).slice(-3)},12.50,否`,
      `C${stamp}2,2026-11-02 11:00,13600000${String(stamp).slice(-3)},30,是`,
    ].join('\r\n') + '\r\n',
    'utf8',
  );
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await importPage.open();
      await page.reload();
      await importPage.chooseFiles([{ name, mimeType: 'text/csv', buffer: body }]);
      const editor = importPage.previewCard(name).getByTestId('mapping-editor');
      await expect(editor).toBeVisible();
      await expect(editor.getByTestId('mapping-acceptsMarketing')).toContainText('接受营销');
      await editor.scrollIntoViewIfNeeded();
      await editor.screenshot({ path: screenshotPath(`import-mapping-consent-${language}-${width}`) });
    }
  }
  const card = importPage.previewCard(name);
  await card.getByTestId('mapping-apply').click();
  await importPage.chooseCurrency(name, 'CNY');
  await importPage.commit();
  await expect(importPage.report()).toContainText(name);
  const consent = queryAll<{ key: string; accepts: number | null }>(
    `SELECT account_key AS key, accepts_marketing AS accepts FROM buyer_accounts
     WHERE account_key IN (?, ?) ORDER BY account_key`,
    `13600000${String(stamp).slice(-3)}`,
    `13700000${String(stamp).slice(-3)}`,
  );
  expect(consent.map((c) => c.accepts)).toEqual([1, 0]);
  await setLanguage(page, 'zh-CN');
});

test('the VIP page and the print preview fit 1280 and 1440 px in both languages', async ({ page }) => {
  const segment = queryOne<{ id: number } | undefined>(`SELECT id FROM segments ORDER BY id DESC LIMIT 1`);
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // The language is read when the app starts.
      await page.goto('/#/vip');
      await page.reload();
      await openVip(page);
      await page.screenshot({ path: screenshotPath(`vip-segments-${language}-${width}`), fullPage: true });
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0);
      await page.getByTestId('vip-tab-levels').click();
      await expect(page.getByTestId('levels-table')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`vip-levels-${language}-${width}`), fullPage: true });
      await page.goto(`/#/vip/print${segment ? `?segment=${segment.id}` : ''}`);
      await expect(page.getByTestId('print-table')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`vip-print-${language}-${width}`), fullPage: false });
    }
  }
});

test('on the customer page: mark 不接受营销 by hand, then delete the personal data after confirming', async ({
  page,
}) => {
  await setLanguage(page, 'zh-CN');
  // A sample customer with a full phone and a name (the owner's own shop keeps them) that no other
  // customer's orders carry: what is left of them afterwards would be someone else's.
  const target = queryOne<{ id: number; name: string; phone: string }>(
    `SELECT s.customer_id AS id, s.name, s.phone FROM customer_stats s
     WHERE s.phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND s.name IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM orders o JOIN buyer_accounts a ON a.id = o.buyer_account_id
         WHERE (o.receiver_phone = s.phone OR o.receiver_name = s.name) AND a.customer_id <> s.customer_id)
     ORDER BY s.customer_id LIMIT 1`,
  );
  expect(target, 'a sample customer with a full phone').toBeTruthy();
  const refusedBefore = (
    await rpc<{ total: number }>(page.request, 'segments.count', { filter: { marketing: 'refused' } })
  ).total;

  await page.goto(`/#/customers/${target.id}`);
  const privacy = page.getByTestId('customer-privacy');
  await expect(privacy).toBeVisible();
  await privacy.getByText('不接受营销').click();
  await expect(page.getByText('已更新营销许可')).toBeVisible();
  const refused = await rpc<{ total: number }>(page.request, 'segments.count', {
    filter: { marketing: 'refused' },
  });
  expect(refused.total).toBe(refusedBefore + 1);
  await privacy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('vip-customer-privacy'), fullPage: false });

  await page.getByTestId('customer-erase').click();
  await expect(page.getByText('此操作无法撤销')).toBeVisible();
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByText(/已删除个人信息/)).toBeVisible();
  const after = queryOne<{ name: string | null; phone: string | null }>(
    `SELECT name, phone FROM customer_stats WHERE customer_id = ${target.id}`,
  );
  expect(after).toEqual({ name: null, phone: null });
  const left = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM orders WHERE receiver_phone = '${target.phone}' OR receiver_name = '${target.name.replace(/'/g, "''")}'`,
  );
  expect(left.n).toBe(0);
  expect(
    queryOne<{ n: number }>(`SELECT count(*) AS n FROM operations WHERE kind = 'erasure'`).n,
  ).toBeGreaterThan(0);
});
