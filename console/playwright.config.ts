import { defineConfig } from '@playwright/test';

// End-to-end tests of the built console against a real `trellis serve`
// (started by e2e/global-setup.ts, which sets TRELLIS_E2E_BASE_URL before
// the workers start). The browser is the system's Chromium: Playwright
// never downloads one (install with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: two browsers at a time, next to the server.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.TRELLIS_E2E_BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
});
