import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.page.getByTestId('language-switch')).toBeVisible();
  }

  async chooseLanguage(language: 'zh-CN' | 'en'): Promise<void> {
    await this.page.getByTestId(`language-${language}`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  /** A shop's row in the 店铺 table (rows carry the shop's name). */
  shopRow(name: string): Locator {
    return this.page.getByTestId('shops-table').locator(`tr[data-shop="${name}"]`);
  }

  async renameShop(from: string, to: string): Promise<void> {
    await this.shopRow(from)
      .getByRole('button', { name: /编辑|Edit/ })
      .click();
    const input = this.page.getByTestId('shop-name-input');
    await input.fill(to);
    await this.page.getByTestId('shop-save').click();
    await expect(this.shopRow(to)).toBeVisible();
  }

  sampleStatus(): Locator {
    return this.page.getByTestId('sample-status');
  }

  async removeSampleData(): Promise<void> {
    await this.page.getByTestId('sample-remove').click();
    await this.page.getByTestId('sample-remove-confirm').click();
    await expect(this.sampleStatus()).toHaveAttribute('data-loaded', 'false', { timeout: 60_000 });
  }

  /** Clicks 备份数据 and returns the browser's download. */
  async backup(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('backup-create').click();
    return download;
  }

  /** Restores from a backup file, confirms, and returns the safety copy the app names. */
  async restore(file: string): Promise<string> {
    await this.page.getByTestId('restore-input').setInputFiles(file);
    await this.page.getByTestId('restore-confirm').click();
    const done = this.page.getByTestId('restore-done');
    await expect(done).toBeVisible({ timeout: 60_000 });
    const safety = (await this.page.getByTestId('restore-safety-copy').innerText()).trim();
    await this.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /OK|确\s*定|知道了/ })
      .click();
    await expect(done).toBeHidden();
    return safety;
  }
}
