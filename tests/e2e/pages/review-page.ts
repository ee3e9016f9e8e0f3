import { expect, type Locator, type Page } from '@playwright/test';

/** 待确认合并: the buyer-merge review queue, one pair at a time. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/#/review${query ? `?${query}` : ''}`);
    await this.expectLoaded();
  }

  root(): Locator {
    return this.page.locator('[data-testid="review-page"][data-loading="false"]');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root()).toBeVisible();
  }

  /** The pair on screen, loaded: its account ids 'a-b'. */
  async expectPair(accountA: number, accountB: number): Promise<void> {
    await expect(this.root()).toHaveAttribute('data-pair', `${accountA}-${accountB}`);
  }

  progress(): Locator {
    return this.page.getByTestId('review-progress');
  }

  side(platform: string): Locator {
    return this.page.locator(`[data-testid="review-side"][data-platform="${platform}"]`);
  }

  evidenceRow(field: string): Locator {
    return this.page.locator(`[data-testid="evidence-row"][data-field="${field}"]`);
  }

  navCount(): Locator {
    return this.page.getByTestId('nav-review');
  }
}
