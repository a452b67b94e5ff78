import type { Page } from '@playwright/test';
import { expect, Playground, showView, test, type ViewName } from './playground';

const VIEWS: ViewName[] = ['Run', 'Configuration', 'Triggers', 'Resources', 'Metrics', 'Billing', 'Traces', 'Simulation'];

/** Whether the page is wider than the window (a sideways scroll). */
const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth);

test.describe('at 1280×720, a projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the Run view shows the editor, Invoke, the Response, the load controls and the Timeline at once, without scrolling', async ({ page }) => {
    // As a first visit shows it: the Logs panel folded to its bar on a screen this short.
    const playground = new Playground(page);
    await page.goto('/');
    await expect(playground.code).toBeAttached();
    await expect(page.getByRole('tab', { name: 'Run', exact: true })).toHaveAttribute('aria-selected', 'true');
    const parts = [
      page.getByRole('region', { name: 'Code' }),
      playground.invokeButton,
      playground.response,
      page.getByRole('region', { name: 'Load' }),
      page.getByRole('button', { name: 'Start load' }),
      page.getByRole('region', { name: 'Timeline' }),
    ];
    for (const part of parts) await expect(part).toBeInViewport({ ratio: 1 });
    await expect(playground.code).toBeAttached();
    // The logs and the run's figures are at hand on the same screen.
    await expect(playground.logs.getByRole('button', { name: 'Logs', exact: true })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('region', { name: 'Run at a glance' })).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(720);
  });

  test('invoking never scrolls the window, whatever the logs print', async ({ playground, page }) => {
    await playground.setCode("export const handler = async () => {\n  for (let i = 0; i < 60; i++) console.log('line', i);\n  return 'ok';\n};");
    const before = await page.evaluate(() => scrollY);
    for (let i = 0; i < 3; i += 1) await playground.invoke();
    await expect(playground.logs.getByText(/^REPORT RequestId/)).toHaveCount(3);
    expect(await page.evaluate(() => scrollY)).toBe(before);
    // New lines scroll the log's own box to its end.
    const box = playground.logs.getByRole('log');
    expect(await box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
  });

  test('views are ARIA tabs: the arrow keys move between them and show each view', async ({ playground, page }) => {
    await expect(playground.code).toBeAttached();
    const run = page.getByRole('tab', { name: 'Run', exact: true });
    await run.focus();
    await page.keyboard.press('ArrowRight');
    const configuration = page.getByRole('tab', { name: 'Configuration', exact: true });
    await expect(configuration).toBeFocused();
    await expect(configuration).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Configuration' })).toBeVisible();
    await expect(page.getByLabel('Memory (MB)')).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Simulation', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(run).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Run' })).toBeVisible();
  });
});

test('the first Tab stop is the skip link, which takes the keyboard to the editor', async ({ page }) => {
  const playground = new Playground(page);
  await page.goto('/');
  await expect(playground.code).toBeAttached();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the editor' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(playground.code).toBeFocused();
});

test('Ctrl+M lets Tab leave the editor, as in VS Code, and the hint says which way Tab works', async ({ playground, page }) => {
  await playground.code.focus();
  const hint = page.getByRole('region', { name: 'Code' }).getByText(/^Tab (indents|moves focus)/);
  await expect(hint).toHaveText(/^Tab indents/);
  await page.keyboard.press('Tab');
  await expect(playground.code).toBeFocused();
  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText(/^Tab moves focus/);
  await page.keyboard.press('Tab');
  await expect(playground.code).not.toBeFocused();
  // Back to indenting, for whoever types next.
  await playground.code.focus();
  await page.keyboard.press('Control+M');
  await expect(hint).toHaveText(/^Tab indents/);
});

test('the timeline’s invocations are in a table too: start, duration, cold or warm, status', async ({ playground, page }) => {
  await playground.invoke();
  await playground.invoke();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('checkbox', { name: 'Show as table' }).check();
  const table = timeline.getByRole('table', { name: /^Invocations, newest first/ });
  await expect(table.getByRole('row')).toHaveCount(3);
  const newest = table.getByRole('row').nth(1);
  await expect(newest.getByRole('cell').nth(2)).toHaveText('Warm');
  await expect(newest.getByRole('cell').nth(5)).toHaveText('Success');
  await expect(table.getByRole('row').nth(2).getByRole('cell').nth(2)).toHaveText('Cold');
  await expect(table.getByRole('row').nth(2).getByRole('cell').nth(3)).toHaveText(/^[\d.,]+ ms$/);
});

test.describe('on a phone, 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('no view scrolls sideways, and the panels stack', async ({ playground, page }) => {
    for (const view of VIEWS) {
      await showView(page, view);
      expect(await sidewaysOverflow(page), `${view} view`).toBeLessThanOrEqual(0);
    }
    await showView(page, 'Run');
    const code = await page.getByRole('region', { name: 'Code' }).boundingBox();
    const response = await playground.response.boundingBox();
    // Stacked: the Response is under the editor, not beside it.
    expect(response!.y).toBeGreaterThan(code!.y + code!.height - 1);
  });

  test('Invoke does not scroll the page either', async ({ playground, page }) => {
    await page.evaluate(() => scrollTo(0, 0));
    await playground.invoke();
    await playground.invoke();
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });
});

test('the embed fits a 640 px frame: a short notice, the output beside the editor, and no claim that anything was saved', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const fragment = (await page.getByRole('textbox', { name: 'Share link' }).inputValue()).split('#')[1];
  for (const width of [800, 400]) {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(`/?embed=1#${fragment}`);
    await page.reload();
    const embedded = new Playground(page);
    await expect(embedded.code).toBeAttached();
    const notice = page.getByRole('status').filter({ hasText: 'sandboxed frame' });
    await expect(notice).toBeVisible();
    await expect(notice).not.toContainText('saved as');
    await expect(page.getByText(/was saved/)).toHaveCount(0);
    await embedded.invoke();
    await expect(embedded.response.getByText('Succeeded')).toBeInViewport();
    for (const part of [page.getByRole('region', { name: 'Code' }), embedded.response, embedded.logs, embedded.invokeButton]) await expect(part, `${width} px`).toBeInViewport({ ratio: 1 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(640);
  }
});

test('Reset run clears the timeline, metrics and bill, and keeps the code', async ({ playground, page }) => {
  await playground.setCode("export const handler = async () => 'kept';");
  await playground.invoke();
  await playground.invoke();
  const glance = page.getByRole('region', { name: 'Run at a glance' });
  const invocations = glance.locator('dl > div').filter({ has: page.getByRole('term').getByText('Invocations', { exact: true }) }).getByRole('definition');
  await expect(invocations).toHaveText('2');
  await page.getByRole('button', { name: 'Reset run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Timeline, metrics and bill cleared' })).toBeVisible();
  await expect(invocations).toHaveText('0');
  await expect(playground.code).toHaveValue(/'kept'/);
  await playground.invoke();
  await expect(invocations).toHaveText('1');
  await expect(page.getByRole('status').filter({ hasText: 'Timeline, metrics and bill cleared' })).toHaveCount(0);
});
