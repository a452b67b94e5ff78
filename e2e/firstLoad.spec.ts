import type { Request, Route } from '@playwright/test';
import { expect, Playground, test } from './playground';

/** Scripts of the TypeScript language service: its worker, its Monaco mode and its setup. */
const TYPESCRIPT_SCRIPT = /ts\.worker|typescriptWorker|tsMode|typescriptSetup/;

test('first load with the .mjs handler: the layout shows before Monaco is fetched, and no TypeScript worker is fetched', async ({ page }) => {
  const playground = new Playground(page);
  const requested: string[] = [];
  page.on('request', (request: Request) => requested.push(request.url()));
  // Hold Monaco's script until the page's layout is on screen: the layout must not need it.
  let held: Route | null = null;
  let release: () => void = () => undefined;
  const monacoAsked = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/editor\.api-[^/]*\.js$/, (route) => {
    held = route;
    release();
  });

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Code' })).toBeVisible();
  await expect(playground.invokeButton).toBeVisible();
  await expect(page.getByRole('region', { name: 'Response' })).toBeVisible();
  // Monaco is fetched after the layout shows (it is asked for, but the editor is not there yet).
  await monacoAsked;
  await expect(playground.code).not.toBeAttached();
  await (held as Route | null)?.continue();
  await page.unroute(/\/assets\/editor\.api-[^/]*\.js$/);

  await expect(playground.code).toBeAttached();
  await expect(playground.event).toBeAttached();
  await expect(playground.invokeButton).toBeEnabled();
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => TYPESCRIPT_SCRIPT.test(url))).toEqual([]);

  // The handler runs (invoke() waits for its REPORT line).
  await playground.invoke();
});
