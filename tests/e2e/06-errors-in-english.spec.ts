import { expect, test } from '@playwright/test';
import { TMALL_ORDER_54 } from '../fixtures/headers.js';
import { ImportPage } from './pages/import-page.js';
import { SettingsPage } from './pages/settings-page.js';

/** A Tmall 订单报表 whose last row was cut off in the middle (the download stopped). */
function cutOffExport(stamp: number): Buffer {
  const row = (n: number, address: string) =>
    TMALL_ORDER_54.map(
      (h) =>
        ({
          订单编号: `${stamp}${n}`,
          买家会员名: `tb_${n}`,
          买家实际支付金额: '10.00',
          订单状态: '交易成功',
          订单创建时间: '2026-11-01 10:00:00',
          收货地址: address,
        })[h.trim()] ?? '',
    ).join(',');
  const text = [
    TMALL_ORDER_54.join(','),
    row(1, '浙江省 杭州市 西湖区'),
    row(2, '江苏省 南京市 鼓楼区'),
  ].join('\r\n');
  return Buffer.from(text.slice(0, text.lastIndexOf('南京市')), 'utf8');
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

test('the English UI shows what the server says in English: a dropped picture, a cut-off row', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  const importPage = new ImportPage(page);
  const stamp = Date.now();
  const shots = process.env.HUIKE_SCREENSHOTS;
  await settings.open();
  try {
    await settings.chooseLanguage('en');
    await importPage.open();
    // Only what is read is offered; an old .xls is told what to do.
    await expect(page.getByTestId('drop-zone')).toContainText('CSV, Excel (.xlsx) and TXT files');
    await expect(page.getByTestId('drop-zone')).toContainText('save it as .xlsx');
    await expect(page.getByTestId('import-file-input')).toHaveAttribute('accept', '.csv,.xlsx,.txt');

    const picture = `screenshot-${stamp}.png`;
    const cut = `orders-cut-${stamp}.csv`;
    await importPage.dropFiles([
      { name: picture, mimeType: 'image/png', buffer: PNG },
      { name: cut, mimeType: 'text/csv', buffer: cutOffExport(stamp) },
    ]);

    const pictureCard = importPage.previewCard(picture);
    await expect(pictureCard.getByTestId('preview-error')).toContainText(
      `${picture} is not a text or Excel file (perhaps a picture, a program or another kind of file).`,
    );
    await expect(pictureCard.getByTestId('preview-error')).toHaveAttribute('data-code', 'file.binary');
    // Nothing to map or choose for a picture: no column mapping form, no file type or encoding.
    await expect(pictureCard.getByTestId('mapping-editor')).toHaveCount(0);
    await expect(pictureCard.getByTestId('preview-format')).toBeHidden();
    await expect(pictureCard.getByTestId('preview-encoding')).toBeHidden();

    const cutCard = importPage.previewCard(cut);
    await expect(cutCard.getByTestId('preview-rows-split')).toHaveAttribute('data-refused', '1');
    await expect(cutCard.getByTestId('preview-problems')).toContainText(
      'The file seems cut off here (it is incomplete), so this row was not imported.',
    );
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    if (shots) {
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 1100 });
        await page.screenshot({ path: `${shots}/import-errors-en-${width}.png`, fullPage: true });
      }
    }

    // The same messages in Chinese once the language is switched back: worded by the page, not the server.
    await settings.open();
    await settings.chooseLanguage('zh-CN');
    await page.goto('/#/import');
    await expect(pictureCard.getByTestId('preview-error')).toContainText(`${picture} 不是文本或 Excel 文件`);
    await expect(cutCard.getByTestId('preview-problems')).toContainText('文件似乎在这一行被截断了');
    if (shots) {
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 1100 });
        await page.screenshot({ path: `${shots}/import-errors-zh-${width}.png`, fullPage: true });
      }
    }
  } finally {
    // Later specs read Chinese labels; put the shared database back the way it was.
    await settings.open();
    await settings.chooseLanguage('zh-CN');
  }
});
