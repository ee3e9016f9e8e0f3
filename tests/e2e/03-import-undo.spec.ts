import { expect, test } from '@playwright/test';
import { HistoryPage } from './pages/history-page.js';
import { ImportPage } from './pages/import-page.js';

/** A Tmall 订单报表 as the back office exports it: note the trailing space in "订单付款时间 ". */
function tmallCsv(stamp: number): string {
  const header = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额';
  const rows = [
    `${stamp}01,e2e买家甲,128.00,交易成功,2024-03-01 10:00:00,2024-03-01 10:01:00,0.00`,
    `${stamp}02,e2e买家乙,59.90,卖家已发货，等待买家确认,2024-03-02 11:00:00,2024-03-02 11:05:00,0.00`,
    `${stamp}03,e2e买家甲,35.00,交易成功,2024-03-05 09:30:00,2024-03-05 09:31:00,10.00`,
  ];
  return [header, ...rows].join('\r\n') + '\r\n';
}

test('import a Tmall CSV through the preview, then undo it from the history', async ({ page }) => {
  const importPage = new ImportPage(page);
  const history = new HistoryPage(page);
  const stamp = Date.now();
  const fileName = `tmall-e2e-${stamp}.csv`;

  await importPage.open();
  await importPage.chooseFiles([
    { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(tmallCsv(stamp), 'utf8') },
  ]);

  const card = importPage.previewCard(fileName);
  await expect(card).toBeVisible();
  expect(await importPage.previewValue(fileName, 'orders')).toBe(3);
  expect(await importPage.previewValue(fileName, 'paid')).toBe(12800 + 5990 + 3500);
  await expect(card.getByTestId('preview-error')).toHaveCount(0);

  await importPage.commit();
  await expect(importPage.report()).toContainText(fileName);

  await page.getByTestId('report-history').click();
  await expect(history.table()).toBeVisible();
  const batchId = await history.batchIdOf(fileName);
  await expect(history.state(batchId)).toHaveAttribute('data-state', 'committed');

  await history.undo(batchId);
  await expect(history.state(batchId)).toHaveAttribute('data-state', 'undone');
  await expect(history.state(batchId)).toContainText('已撤销');
});
