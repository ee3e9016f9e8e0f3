import { expect, type Locator, type Page } from '@playwright/test';

export type NavRoute =
  'dashboard' | 'orders' | 'import' | 'customers' | 'profit' | 'value' | 'vip' | 'settings';

/** The frame every screen shares: the left menu and hash routing. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(route: NavRoute | 'history' = 'dashboard'): Promise<void> {
    await this.page.goto(`/#/${route}`);
    await expect(this.page.getByTestId('main-menu')).toBeVisible();
  }

  menuItem(route: NavRoute): Locator {
    return this.page.getByTestId(`nav-${route}`);
  }

  async navigate(route: NavRoute): Promise<void> {
    await this.menuItem(route).click();
    await expect(this.page).toHaveURL(new RegExp(`#/${route}$`));
  }
}
