import { expect, type Locator, type Page } from '@playwright/test';

/** The 价值 (customer value) dashboard. */
export class ValuePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/value');
    await this.expectLoaded();
  }

  /** The report on screen has predictions from a fit on the current data. */
  async expectLoaded(): Promise<void> {
    await expect(this.page.locator('[data-testid="value-page"][data-loading="false"]')).toBeVisible();
    await expect(this.page.getByTestId('value-fit-state')).toHaveAttribute('data-state', 'fresh', {
      timeout: 30_000,
    });
  }

  segmentLink(key: string): Locator {
    return this.page.getByTestId(`segment-table-open-${key}`);
  }

  tierLink(key: string): Locator {
    return this.page.getByTestId(`tier-table-open-${key}`);
  }
}
