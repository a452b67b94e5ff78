import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the production build served by `vite preview`.
 * No browser can be downloaded here: Debian's Chromium at /usr/bin/chromium
 * is used when present, otherwise Playwright's own (if installed).
 */
const systemChromium = '/usr/bin/chromium';
/** PW_PORT lets two runs share a machine (each builds and serves its own copy). */
const PORT = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: the suite must pass on a busy machine (npm run test:stress); tests wait for what a user sees, never for a fixed time.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${process.env.PW_PORT ? `node_modules/.e2e-dist-${PORT}` : 'dist'} && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 ${process.env.PW_PORT ? `--outDir node_modules/.e2e-dist-${PORT}` : ''}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
