import { expect, type Locator, type Page } from '@playwright/test';

/** The Customers page (list, search, filters, export) and a customer's page (客户 360). */
export class CustomersPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/#/customers${query ? `?${query}` : ''}`);
    await this.expectLoaded();
  }

  /** The rows and total on screen answer the filters in the URL (not the previous ones). */
  async expectLoaded(): Promise<void> {
    const hash = new URL(this.page.url()).hash;
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    await expect(this.page.getByTestId('customers-page')).toHaveAttribute('data-query', query);
    await expect(this.total()).toBeVisible();
  }

  total(): Locator {
    return this.page.getByTestId('customers-total');
  }

  async totalCustomers(): Promise<number> {
    return Number(await this.total().getAttribute('data-customers'));
  }

  rows(): Locator {
    return this.page.getByTestId('customer-row');
  }

  row(id: number): Locator {
    return this.page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('customers-search');
    await box.fill(text);
    await box.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}(&|$)`));
    await this.expectLoaded();
  }

  /** The customer page, loaded. */
  customer(): Locator {
    return this.page.locator('[data-testid="customer-page"][data-loading="false"]');
  }

  async openCustomer(id: number): Promise<void> {
    await this.page.goto(`/#/customers/${id}`);
    await expect(this.customer()).toHaveAttribute('data-customer-id', String(id));
  }
}
