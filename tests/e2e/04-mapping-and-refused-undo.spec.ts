import { expect, test } from '@playwright/test';
import { HistoryPage } from './pages/history-page.js';
import { ImportPage } from './pages/import-page.js';

const csv = (rows: string[]) => Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');

test('a home-made sheet is imported by mapping its columns, and the mapping is offered next time', async ({
  page,
}) => {
  const importPage = new ImportPage(page);
  const stamp = Date.now();
  const header = '订单号,下单时间,客户,手机,金额,商品名称,数量';
  const first = `weidian-${stamp}-a.csv`;
  await importPage.open();
  await importPage.chooseFiles([
    {
      name: first,
      mimeType: 'text/csv',
      buffer: csv([
        header,
        `W${stamp}1,2026-11-01 10:00,小王,13800000001,12.50,茶杯,1`,
        `W${stamp}2,2026-11-02 11:00,小李,13800000002,30,茶壶,2`,
      ]),
    },
  ]);
  const card = importPage.previewCard(first);
  // Unknown layout: an explanation, the first rows, and the column mapping with guesses filled in.
  await expect(card.getByTestId('preview-error')).toBeVisible();
  await expect(card.getByTestId('mapping-editor')).toBeVisible();
  await expect(card.getByTestId('preview-sample')).toContainText(`W${stamp}1`);
  await card.getByTestId('mapping-apply').click();
  await expect(card.getByTestId('preview-error')).toHaveCount(0);
  expect(await importPage.previewValue(first, 'orders')).toBe(2);
  expect(await importPage.previewValue(first, 'paid')).toBe(1250 + 3000);
  // A home-made sheet names no currency: nothing is imported until the user says which.
  await expect(page.getByTestId('currency-block')).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await importPage.chooseCurrency(first, 'CNY');
  await expect(page.getByTestId('currency-block')).toHaveCount(0);
  await importPage.commit();
  await expect(importPage.report()).toContainText(first);

  // The same layout again: read with the remembered mapping, no questions asked.
  await importPage.importMore();
  const second = `weidian-${stamp}-b.csv`;
  await importPage.chooseFiles([
    {
      name: second,
      mimeType: 'text/csv',
      buffer: csv([header, `W${stamp}3,2026-11-03 09:00,小张,13800000003,8.80,茶叶,1`]),
    },
  ]);
  const again = importPage.previewCard(second);
  await expect(again.getByTestId('preview-orders')).toHaveAttribute('data-value', '1');
  await expect(again.getByTestId('preview-error')).toHaveCount(0);
  // …and in the currency of the shop the first file went into.
  await expect(again.getByTestId('preview-currency')).toContainText('CNY');
});

test('undoing an older import under a newer one that changed its orders is refused with the reason', async ({
  page,
}) => {
  const importPage = new ImportPage(page);
  const history = new HistoryPage(page);
  const stamp = Date.now();
  const header = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,退款金额';
  const older = `older-${stamp}.csv`;
  const newer = `newer-${stamp}.csv`;
  const row = (status: string, refund: string) =>
    `${stamp}9,e2e买家丙,88.00,${status},2024-04-01 10:00:00,2024-04-01 10:01:00,${refund}`;

  await importPage.open();
  for (const [name, body] of [
    [older, csv([header, row('卖家已发货，等待买家确认', '0.00')])],
    [newer, csv([header, row('交易关闭', '88.00')])],
  ] as const) {
    if (await importPage.report().isVisible()) await importPage.importMore();
    await importPage.chooseFiles([{ name, mimeType: 'text/csv', buffer: body }]);
    await expect(importPage.previewCard(name).getByTestId('preview-orders')).toHaveAttribute(
      'data-value',
      '1',
    );
    await importPage.commit();
  }

  await history.open();
  const olderId = await history.batchIdOf(older);
  const newerId = await history.batchIdOf(newer);
  await history.undo(olderId);
  await expect(page.getByTestId('history-error')).toContainText(`#${newerId}`);
  await expect(history.state(olderId)).toHaveAttribute('data-state', 'committed');

  await history.undo(newerId);
  await expect(history.state(newerId)).toHaveAttribute('data-state', 'undone');
  await history.undo(olderId);
  await expect(history.state(olderId)).toHaveAttribute('data-state', 'undone');
});
