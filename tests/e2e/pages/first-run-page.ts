import { expect, type Page } from '@playwright/test';

export class FirstRunPage {
  constructor(readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByTestId('first-run')).toBeVisible();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByTestId('load-demo').click();
    // The progress modal closes and the dashboard replaces the welcome screen.
    await expect(this.page.getByTestId('first-run')).toBeHidden({ timeout: 60_000 });
  }
}
