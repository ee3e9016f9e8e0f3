import { expect, type Locator, type Page } from '@playwright/test';

export class HistoryPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/history');
    await expect(this.table()).toBeVisible();
  }

  table(): Locator {
    return this.page.getByTestId('history-table');
  }

  /** The batch id of the newest history row for a file (rows carry antd's data-row-key). */
  async batchIdOf(fileName: string): Promise<number> {
    const row = this.table().locator('tr[data-row-key]', { hasText: fileName }).first();
    await expect(row).toBeVisible();
    return Number(await row.getAttribute('data-row-key'));
  }

  state(batchId: number): Locator {
    return this.page.getByTestId(`state-${batchId}`);
  }

  async undo(batchId: number): Promise<void> {
    await this.page.getByTestId(`undo-${batchId}`).click();
    await this.page.getByTestId(`undo-confirm-${batchId}`).click();
  }
}
