import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tmallFile, youzanFile } from '../fixtures/merge-files.js';
import { ImportPage } from './pages/import-page.js';
import { ReviewPage } from './pages/review-page.js';
import { queryOne } from './support/database.js';
import { LANGUAGES, screenshotPath, setLanguage, WIDTHS } from './support/layout.js';

/**
 * The merge rules, end to end on imported files: 顾晓峰 buys on 有赞 (whole name and phone) and on
 * Tmall (顾**, 136****4589, a login that says nothing). By default a masked name waits for the owner
 * (a suggestion); under 合并规则 the owner previews "also merge when the phone, address and surname
 * agree", applies it (one full merge: the two accounts become one customer; only the rule changed
 * becomes the owner's, the review line keeps following the shop's size), and undoes it (the
 * customers and the earlier rule come back).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = '13671234589';
const MEMBER = 'tb7301946628';

async function importFiles(page: import('@playwright/test').Page, files: string[]) {
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.chooseFiles(
    await Promise.all(
      files.map(async (f) => ({ name: path.basename(f), mimeType: 'text/csv', buffer: await readFile(f) })),
    ),
  );
  for (const f of files)
    await expect(importPage.previewCard(path.basename(f)).getByTestId('preview-error')).toHaveCount(0);
  await importPage.commit();
  await expect(importPage.report()).toContainText(path.basename(files[0]!));
}

function customersOfPair(): { n: number; youzan: number; tmall: number } {
  return queryOne(
    `SELECT count(DISTINCT customer_id) AS n,
       max(CASE WHEN platform = 'youzan' THEN customer_id END) AS youzan,
       max(CASE WHEN platform = 'tmall' THEN customer_id END) AS tmall
     FROM buyer_accounts WHERE account_key IN ('${PHONE}', '${MEMBER}')`,
  );
}

test('a masked name waits for the owner; the lenient rule is previewed, applied and undone', async ({
  page,
}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'huike-e2e-rules-'));
  const address = '浙江省 杭州市 西湖区 文三路478号华星时代广场A座1203';
  const youzan = await youzanFile(dir, 'youzan-gu.csv', [
    { id: 'E9901', receiver: '顾晓峰', phone: PHONE, address: address.replace(/ /g, ''), buyerPhone: PHONE },
    { id: 'E9902', receiver: '顾晓峰', phone: PHONE, address: address.replace(/ /g, ''), buyerPhone: PHONE },
  ]);
  const tmall = await tmallFile(
    dir,
    'tmall-gu.csv',
    ['770199001', '770199002'].map((id) => ({
      id,
      member: MEMBER,
      receiver: '顾**',
      phone: '136****4589',
      address,
    })),
  );
  await setLanguage(page, 'zh-CN');
  await importFiles(page, [youzan, tmall]);

  // The import's own merge: a suggestion, not a merge, and why.
  const before = customersOfPair();
  expect(before.n).toBe(2);
  const link = queryOne<{ zone: string; reason: string }>(
    `SELECT zone, blocked_reason AS reason FROM merge_links
     WHERE account_a IN (SELECT id FROM buyer_accounts WHERE account_key IN ('${PHONE}', '${MEMBER}'))
       AND account_b IN (SELECT id FROM buyer_accounts WHERE account_key IN ('${PHONE}', '${MEMBER}'))`,
  );
  expect(link).toEqual({ zone: 'review', reason: 'name_unconfirmed' });

  const review = new ReviewPage(page);
  await review.open(`customer=${before.tmall}`);
  await expect(page.getByText('未自动合并：平台遮挡了姓名，只有姓氏一致')).toBeVisible();
  await expect(page.getByText('候选规则：手机号前 3 位和后 4 位相同')).toBeVisible();

  await page.getByTestId('review-rules').click();
  const drawer = page.getByTestId('merge-rules');
  const strict = drawer.getByRole('radio', { name: /姓名得到确认才自动合并/ });
  const lenient = drawer.getByRole('radio', { name: /手机号、地址和姓氏一致时也自动合并/ });
  await expect(strict).toBeChecked();
  // A shop of a few accounts suggests from 5 bits lower than a busy one (params.ts reviewThresholdFor).
  await expect(drawer).toContainText('默认 -5：按本店的买家账号数设定');
  await expect(drawer.getByTestId('merge-rules-apply')).toBeDisabled();
  await lenient.check();
  await drawer.getByTestId('merge-rules-preview').click();
  const preview = drawer.getByTestId('merge-rules-preview-result');
  await expect(preview).toContainText('尚未写入任何内容');
  expect(Number(/将合并 (\d+) 处/.exec((await preview.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(1);
  // A preview writes nothing.
  expect(customersOfPair().n).toBe(2);

  await drawer.getByTestId('merge-rules-apply').click();
  await expect(drawer.getByTestId('merge-rules-applied')).toContainText('已按新规则重新合并');
  const merged = customersOfPair();
  expect(merged.n).toBe(1);
  // The rule stays for the runs after it.
  await expect(lenient).toBeChecked();
  expect(
    queryOne<{ chosen: string }>(
      `SELECT json_extract(params_json, '$.chosen') AS chosen FROM merge_runs ORDER BY op_id DESC LIMIT 1`,
    ).chosen,
  ).toBe('{"confirmNames":false}');

  await drawer.getByTestId('merge-rules-undo').click();
  await expect(page.getByText('已撤销，恢复原来的规则和客户。')).toBeVisible();
  await expect(strict).toBeChecked();
  expect(customersOfPair()).toEqual(before);
});

for (const language of LANGUAGES)
  for (const width of WIDTHS)
    test(`the merge rules fit ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await setLanguage(page, language);
      const review = new ReviewPage(page);
      await review.open();
      await page.getByTestId('review-rules').click();
      const drawer = page.getByTestId('merge-rules');
      await expect(drawer).toContainText(
        language === 'en' ? 'When to merge automatically' : '什么情况下自动合并',
      );
      await drawer.getByTestId('merge-rules-preview').click();
      await expect(drawer.getByTestId('merge-rules-preview-result')).toContainText(
        language === 'en' ? 'Nothing written yet' : '尚未写入任何内容',
      );
      // Nothing in the drawer runs past its edge.
      const overflow = await drawer
        .locator('.ant-drawer-body')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: screenshotPath(`merge-rules-${language}-${width}`) });
      await setLanguage(page, 'zh-CN');
    });
