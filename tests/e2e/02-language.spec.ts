import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.js';
import { SettingsPage } from './pages/settings-page.js';

test('the English switch relabels the menu and survives a reload', async ({ page }) => {
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);

  await settings.open();
  await expect(shell.menuItem('dashboard')).toHaveText('总览');
  await expect(shell.menuItem('settings')).toHaveText('设置');

  try {
    await settings.chooseLanguage('en');
    await expect(shell.menuItem('dashboard')).toHaveText('Dashboard');
    await expect(shell.menuItem('import')).toHaveText('Import');
    await expect(shell.menuItem('settings')).toHaveText('Settings');

    await page.reload();
    await expect(shell.menuItem('dashboard')).toHaveText('Dashboard');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    // Later specs read Chinese labels; put the shared database back the way it was.
    await settings.open();
    await settings.chooseLanguage('zh-CN');
  }
  await expect(shell.menuItem('dashboard')).toHaveText('总览');
});
