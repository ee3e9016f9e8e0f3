/** Layout checks for the e2e tests: screenshots to look at, and tables that must not scroll sideways. */
import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { API_HEADERS } from './database.js';

export const WIDTHS = [1280, 1440] as const;
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the layout screenshots go (test-results/ is kept by CI as an artefact). */
export function screenshotPath(name: string): string {
  return path.resolve('test-results', 'screenshots', `${name}.png`);
}

export async function setLanguage(page: Page, language: Language): Promise<void> {
  const response = await page.request.post('/rpc/settings.set', { headers: API_HEADERS, data: { language } });
  expect(response.ok()).toBe(true);
}

/** Every antd table inside `scope` shows all its columns without a horizontal scrollbar. */
export async function expectNoSidewaysScroll(scope: Locator): Promise<void> {
  const overflow = await scope.evaluate((root) =>
    [...root.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-container')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(overflow, 'tables that scroll sideways').toEqual([]);
}

/** No element inside `scope` draws its text beyond its own box (a KPI amount past the card edge). */
export async function expectNoClippedText(scope: Locator, selector: string): Promise<void> {
  const clipped = await scope.evaluate(
    (root, sel) =>
      [...root.querySelectorAll(sel)]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.textContent ?? ''}: ${el.scrollWidth} > ${el.clientWidth}`),
    selector,
  );
  expect(clipped, 'text wider than its box').toEqual([]);
}
