import { expect, type Locator, type Page } from '@playwright/test';

export const KPI_TEST_IDS = {
  paidOrders: 'kpi-paid-orders',
  paidFen: 'kpi-paid',
  refundFen: 'kpi-refund',
  netFen: 'kpi-net',
  buyers: 'kpi-buyers',
  repeatBuyers: 'kpi-repeat-buyers',
} as const;
export type KpiName = keyof typeof KPI_TEST_IDS;

export class DashboardPage {
  constructor(readonly page: Page) {}

  kpi(name: KpiName): Locator {
    return this.page.getByTestId(KPI_TEST_IDS[name]);
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByTestId('dashboard')).toBeVisible();
    await expect(this.kpi('paidOrders')).toBeVisible();
  }

  /** The raw integer behind a KPI card (fen for money), as the page received it. */
  async kpiValue(name: KpiName): Promise<number> {
    const raw = await this.kpi(name).getAttribute('data-value');
    expect(raw, `${name} has data-value`).not.toBeNull();
    return Number(raw);
  }

  platformRows(): Locator {
    return this.page.getByTestId('platform-table').locator('tr[data-platform]');
  }
}
