import { expect, type Locator, type Page } from '@playwright/test';

export interface InMemoryFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/import');
    await expect(this.page.getByTestId('drop-zone')).toBeVisible();
  }

  /** The browser build's chooser is a hidden file input; Playwright fills it directly. */
  async chooseFiles(files: InMemoryFile[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(files);
  }

  /** Drops files on the window, as a user dragging them from the desktop does. */
  async dropFiles(files: InMemoryFile[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      (list) => {
        // Runs in the page (these tests compile without the DOM's types).
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        };
        const transfer = new dom.DataTransfer();
        for (const f of list)
          transfer.items.add(new dom.File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
        return transfer;
      },
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
    );
    await this.page.dispatchEvent('body', 'drop', { dataTransfer });
  }

  previewCard(fileName: string): Locator {
    return this.page.locator(`[data-testid="preview-card"][data-file="${fileName}"]`);
  }

  async previewValue(
    fileName: string,
    key: 'rows' | 'orders' | 'lines' | 'paid' | 'refund',
  ): Promise<number> {
    const stat = this.previewCard(fileName).getByTestId(`preview-${key}`);
    await expect(stat).toHaveAttribute('data-value', /\d+/);
    return Number(await stat.getAttribute('data-value'));
  }

  /** Picks the currency of a file that names none (antd Select: open it, click the option). */
  async chooseCurrency(fileName: string, code: string): Promise<void> {
    await this.previewCard(fileName).getByTestId('preview-currency').click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(code, { exact: true }).click();
    await expect(this.previewCard(fileName).getByTestId('preview-currency')).toContainText(code);
  }

  async commit(): Promise<void> {
    const button = this.page.getByTestId('import-commit');
    await expect(button).toBeEnabled();
    await button.click();
    await expect(this.report()).toBeVisible({ timeout: 60_000 });
  }

  /** From the report back to an empty import page (继续导入). */
  async importMore(): Promise<void> {
    await this.report()
      .getByRole('button', { name: /继续导入|Import more/ })
      .click();
    await expect(this.page.getByTestId('drop-zone')).toBeVisible();
  }

  report(): Locator {
    return this.page.getByTestId('import-report');
  }
}
