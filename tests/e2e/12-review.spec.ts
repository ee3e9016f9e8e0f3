import { expect, test, type APIRequestContext } from '@playwright/test';
import type { ShopSummary } from '../../main/api/contract.js';
import { createDb } from '../../db/index.js';
import { CustomersPage } from './pages/customers-page.js';
import { ReviewPage } from './pages/review-page.js';
import { API_HEADERS, e2eDbPath, queryOne } from './support/database.js';
import { expectNoSidewaysScroll, LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';

/**
 * The buyer-merge review screen on the sample shop. The engine is not part of this spec: the
 * suggestions are written into merge_links on the server's database file (the server is idle
 * between requests) the way the merge writes them — zone 'review', evidence per field from the two
 * accounts' own receivers. The test: search a customer on 客户, open its suggestion, merge
 * it in the UI, and see the customer page show both platforms' orders. Then the keyboard (skip,
 * not the same, undo) and the layout at 1280 and 1440 px in both languages.
 */
test.describe.configure({ mode: 'serial' });

async function rpc<T>(request: APIRequestContext, channel: string, data: unknown = {}): Promise<T> {
  const response = await request.post(`/rpc/${channel}`, { headers: API_HEADERS, data });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

interface Account {
  id: number;
  customer_id: number;
  account_key: string;
  platform: string;
  name: string | null;
  phone: string | null;
  district: string | null;
  detail: string | null;
  order_id: string;
}

interface Seeded {
  target: { tmall: Account; other: Account };
  /** The other pairs, strongest first. */
  more: Array<[Account, Account]>;
}

let seeded: Seeded;

/**
 * Single-account sample customers with 1–4 orders, no link yet, and a receiver phone: their latest
 * order's receiver, for the evidence.
 */
const ACCOUNTS = `
  SELECT a.id, a.customer_id, a.account_key, a.platform,
    o.receiver_name AS name, o.receiver_phone AS phone, o.receiver_district AS district,
    o.receiver_detail AS detail, o.platform_order_id AS order_id
  FROM buyer_accounts a JOIN customer_stats s ON s.customer_id = a.customer_id
  JOIN orders o ON o.id = (SELECT max(id) FROM orders WHERE buyer_account_id = a.id)
  WHERE s.accounts = 1 AND s.orders BETWEEN 1 AND 4 AND o.receiver_phone IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM merge_links l WHERE l.account_a = a.id OR l.account_b = a.id)`;

/**
 * Tmall buyers and JD or PDD buyers whose masked phones end alike and whose names start alike:
 * the pairs the merge would suggest (the sample has such people on several platforms).
 */
const PAIRS = `WITH acc AS (${ACCOUNTS})
  SELECT json_object('id', t.id, 'customer_id', t.customer_id, 'account_key', t.account_key, 'platform', t.platform,
      'name', t.name, 'phone', t.phone, 'district', t.district, 'detail', t.detail, 'order_id', t.order_id) AS tmall,
    json_object('id', x.id, 'customer_id', x.customer_id, 'account_key', x.account_key, 'platform', x.platform,
      'name', x.name, 'phone', x.phone, 'district', x.district, 'detail', x.detail, 'order_id', x.order_id) AS other
  FROM acc t JOIN acc x ON x.platform IN ('jd', 'pdd') AND substr(x.phone, -4) = substr(t.phone, -4)
    AND substr(x.name, 1, 1) = substr(t.name, 1, 1)
  WHERE t.platform = 'tmall' ORDER BY t.id, x.id LIMIT 40`;

/**
 * What the merge would have weighed, from the two receivers (as compared: the screen masks them),
 * in the fields and levels the merge writes (domain/merge/compare.ts).
 */
function evidenceOf(a: Account, b: Account) {
  const sameDistrict = !!a.district && a.district === b.district;
  return [
    { field: 'phone', level: 'suffix4', bits: 12, a: a.phone, b: b.phone },
    { field: 'name', level: 'surname', bits: 3.4, a: a.name, b: b.name },
    {
      field: 'address',
      level: sameDistrict ? 'district' : 'city',
      bits: sameDistrict ? 7.2 : 3,
      a: a.detail,
      b: b.detail,
    },
  ];
}

async function seedSuggestions(): Promise<Seeded> {
  const huikeDb = await createDb({ filename: e2eDbPath() });
  try {
    return await huikeDb.writer.transaction(async (tx) => {
      const rows = tx.sqlite.prepare(PAIRS).all() as Array<{ tmall: string; other: string }>;
      // Four pairs of eight different accounts.
      const used = new Set<number>();
      const pairs: Array<[Account, Account]> = [];
      for (const row of rows) {
        const [t, o] = [JSON.parse(row.tmall) as Account, JSON.parse(row.other) as Account];
        if (used.has(t.id) || used.has(o.id) || pairs.length === 4) continue;
        used.add(t.id).add(o.id);
        pairs.push([t, o]);
      }
      expect(pairs.length, 'sample buyers on Tmall and on JD or PDD who look alike').toBe(4);
      const op = Number(
        tx.sqlite
          .prepare("INSERT INTO operations (kind, created_at) VALUES ('merge', ?)")
          .run(new Date().toISOString()).lastInsertRowid,
      );
      pairs.forEach(([t, o], i) => {
        const [a, b] = t.id < o.id ? [t, o] : [o, t];
        const evidence = evidenceOf(a, b);
        tx.sqlite
          .prepare(
            `INSERT INTO merge_links (account_a, account_b, weight, zone, strong, evidence_json, rule, run_op_id)
             VALUES (?, ?, ?, 'review', 0, ?, 'd4', ?)`,
          )
          .run(a.id, b.id, 9.5 - i, JSON.stringify(evidence), op);
      });
      return { target: { tmall: pairs[0]![0], other: pairs[0]![1] }, more: pairs.slice(1) };
    });
  } finally {
    await huikeDb.close();
  }
}

test.beforeAll(async ({ request }) => {
  const shops = await rpc<ShopSummary[]>(request, 'shops.list');
  if (!shops.some((s) => s.isSample)) await rpc(request, 'demo.load', { confirmMixed: true });
  seeded = await seedSuggestions();
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await setLanguage(page, 'zh-CN');
  await page.close();
});

const pairIds = (x: Account, y: Account) => [Math.min(x.id, y.id), Math.max(x.id, y.id)] as const;

test('searches a customer, reviews a suggested pair in the UI and sees the customer page show both platforms’ orders', async ({
  page,
}) => {
  const { tmall, other } = seeded.target;
  const customers = new CustomersPage(page);
  await customers.open();
  await customers.search(tmall.account_key);
  await expect(customers.row(tmall.customer_id)).toBeVisible();
  const suggestions = customers.row(tmall.customer_id).getByTestId('customer-suggestions');
  await expect(suggestions).toBeVisible();
  // The list's tag leads to the same review (the row itself to the customer page).
  await expect(suggestions.locator('xpath=..')).toHaveAttribute(
    'href',
    `#/review?customer=${tmall.customer_id}`,
  );
  await customers.row(tmall.customer_id).click();
  await expect(customers.customer()).toHaveAttribute('data-customer-id', String(tmall.customer_id));

  // Its open suggestion leads to the review of that pair.
  await page.getByTestId('customer-open-suggestions').click();
  const review = new ReviewPage(page);
  await expect(page).toHaveURL(new RegExp(`#/review\\?customer=${tmall.customer_id}$`));
  await review.expectPair(...pairIds(tmall, other));
  await expect(review.progress()).toHaveText('1 / 1');
  await expect(review.side('tmall').getByTestId('review-side-key')).toHaveText(tmall.account_key);
  await expect(review.side(other.platform).getByTestId('review-side-key')).toHaveText(other.account_key);
  // Masked values, the agreeing characters marked, a bar per field.
  await expect(review.side('tmall')).toContainText('*');
  await expect(review.evidenceRow('phone').getByTestId('agree').first()).toBeVisible();
  await expect(review.evidenceRow('address').getByTestId('evidence-bar')).toHaveAttribute(
    'data-bits',
    String(evidenceOf(tmall, other).find((e) => e.field === 'address')!.bits),
  );
  await expect(review.side('tmall').getByTestId('review-order').first()).toBeVisible();

  await page.keyboard.press('m');
  await expect(page.getByTestId('review-merged')).toBeVisible();
  await expect(page.getByTestId('review-empty')).toBeVisible();
  await page.screenshot({ path: screenshotPath('review-merged-zh-CN-1440') });
  const survivor = Math.min(tmall.customer_id, other.customer_id);
  expect(
    queryOne<{ n: number }>(
      `SELECT count(DISTINCT customer_id) AS n FROM buyer_accounts WHERE id IN (${tmall.id}, ${other.id})`,
    ).n,
  ).toBe(1);

  await page.getByTestId('review-merged-link').click();
  await expect(customers.customer()).toHaveAttribute('data-customer-id', String(survivor));
  await expect(page.getByTestId('customer-account')).toHaveCount(2);
  for (const platform of ['tmall', other.platform])
    await expect(
      page.locator(`[data-testid="customer-platform-row"][data-platform="${platform}"]`),
    ).toBeVisible();
  // Both platforms' orders on the one timeline.
  for (const orderId of [tmall.order_id, other.order_id])
    await expect(
      page.locator(`[data-testid="customer-order-row"][data-order-id="${orderId}"]`),
    ).toBeVisible();
  await expect(page.getByTestId('customer-joins')).toContainText(other.account_key);
});

test('the keyboard: move, skip, not the same and undo, with the progress and the menu’s count', async ({
  page,
}) => {
  const review = new ReviewPage(page);
  await review.open();
  const [first, second, third] = seeded.more;
  const total = queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM merge_links l JOIN buyer_accounts a ON a.id = l.account_a
     JOIN buyer_accounts b ON b.id = l.account_b WHERE l.zone = 'review' AND a.customer_id <> b.customer_id`,
  ).n;
  await review.expectPair(...pairIds(...first!));
  await expect(review.progress()).toHaveText(`1 / ${total}`);
  await expect(review.navCount()).toHaveAttribute('data-count', String(total));

  await page.keyboard.press('ArrowRight');
  await review.expectPair(...pairIds(...second!));
  await expect(review.progress()).toHaveText(`2 / ${total}`);
  await page.keyboard.press('k');
  await review.expectPair(...pairIds(...first!));

  // Skip: the next pair takes its place, the skipped one waits at the end.
  await page.keyboard.press('s');
  await review.expectPair(...pairIds(...second!));
  await page.keyboard.press('u');
  await review.expectPair(...pairIds(...first!));

  // Not the same: a cannot assertion; the pair leaves the queue, the count drops.
  await page.keyboard.press('n');
  await review.expectPair(...pairIds(...second!));
  await expect(review.navCount()).toHaveAttribute('data-count', String(total - 1));
  expect(queryOne<{ n: number }>("SELECT count(*) AS n FROM merge_assertions WHERE kind = 'cannot'").n).toBe(
    1,
  );
  await page.keyboard.press('Control+z');
  await review.expectPair(...pairIds(...first!));
  await expect(review.navCount()).toHaveAttribute('data-count', String(total));
  expect(queryOne<{ n: number }>("SELECT count(*) AS n FROM merge_assertions WHERE kind = 'cannot'").n).toBe(
    0,
  );
  void third;
});

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test(`the review screen fits ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      const review = new ReviewPage(page);
      await review.open();
      await expect(review.side('tmall')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`review-${language}-${width}`), fullPage: true });
      await expectNoSidewaysScroll(review.root());
      expect(
        await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      ).toBe(0);
      // A customer with no suggestion left: the empty state.
      await review.open(`customer=${seeded.target.tmall.customer_id}`);
      await expect(page.getByTestId('review-empty')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`review-empty-${language}-${width}`) });
    });
  }
}
