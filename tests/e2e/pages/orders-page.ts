import { expect, type Locator, type Page } from '@playwright/test';

/** The Orders page: search, filters, the virtual table, totals, the detail drawer, export. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/#/orders${query ? `?${query}` : ''}`);
    await this.expectLoaded();
  }

  /** The rows and totals on screen answer the filters in the URL (not the previous ones). */
  async expectLoaded(): Promise<void> {
    const hash = new URL(this.page.url()).hash;
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    await expect(this.page.getByTestId('orders-page')).toHaveAttribute('data-query', query);
    await expect(this.totals()).toBeVisible();
  }

  totals(): Locator {
    return this.page.getByTestId('orders-totals');
  }

  async totalOrders(): Promise<number> {
    return Number(await this.totals().getAttribute('data-orders'));
  }

  rows(): Locator {
    return this.page.getByTestId('order-row');
  }

  row(platformOrderId: string): Locator {
    return this.page.locator(`[data-testid="order-row"][data-order-id="${platformOrderId}"]`);
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('orders-search');
    await box.fill(text);
    await box.press('Enter');
    await expect(this.page).toHaveURL(
      new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '\\+')}(&|$)`),
    );
    await this.expectLoaded();
  }

  /** Picks `label` in one of the filter selects (platform, status, …). */
  async choose(filter: 'platform' | 'shop' | 'status' | 'currency' | 'refund', label: string): Promise<void> {
    await this.page.getByTestId(`filter-${filter}`).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .first()
      .click();
    await this.page.keyboard.press('Escape');
    await this.expectLoaded();
  }

  filterControl(filter: 'platform' | 'shop' | 'status' | 'currency' | 'refund' | 'dates' | 'buyer'): Locator {
    return this.page.getByTestId(`filter-${filter}`);
  }

  drawer(): Locator {
    return this.page.getByTestId('order-drawer');
  }

  async openOrder(platformOrderId: string): Promise<void> {
    await this.row(platformOrderId).click();
    await expect(this.page.getByTestId('order-detail')).toBeVisible();
  }
}
