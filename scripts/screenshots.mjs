// Screenshots of each view at 1280×720 (a projector) and 390×844 (a phone), for the README.
// Usage: npx vite build && (npx vite preview --port 4199 &) && node scripts/screenshots.mjs http://127.0.0.1:4199/
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4199/';
const VIEWS = ['Run', 'Configuration', 'Triggers', 'Metrics', 'Billing', 'Simulation'];
const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
];
const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: 'light' });
  await page.goto(base);
  await page.getByRole('textbox', { name: 'Handler code' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Invoke', exact: true }).click();
  await page.getByRole('region', { name: 'Response' }).getByText('Succeeded').waitFor();
  await page.getByRole('button', { name: 'Invoke', exact: true }).click();
  await page.getByRole('region', { name: 'Response' }).getByText('Warm start').waitFor();
  for (const view of VIEWS) {
    await page.getByRole('tab', { name: view, exact: true }).click();
    await page.getByRole('tabpanel', { name: view }).getByText('Loading…').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = `docs/screenshots/${view.toLowerCase()}-${size.name}.png`;
    await page.screenshot({ path: file });
    console.log(file);
  }
  await page.close();
}
await browser.close();
