import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.HUIKE_E2E_PORT ?? 5199);
// Set once in the runner; workers inherit the environment and so see the same database file.
process.env.HUIKE_E2E_DB ??= path.join(os.tmpdir(), `huike-e2e-${Date.now()}.db`);

// A system Chromium (CI images, apt) when there is one; otherwise Playwright's own download.
const chromium = process.env.HUIKE_CHROMIUM ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // `npm run test:e2e` builds the UI (vite build) first; the server only serves out/renderer.
  webServer: {
    command: 'node main/web/start.mjs',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), HUIKE_DB: process.env.HUIKE_E2E_DB },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
