import { expect, test } from './playground';

test('the Metrics view: every chart names its axes’ units, and one chart is shown large', async ({ playground, page }) => {
  await playground.invoke();
  await playground.view('Metrics');
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const focus = metrics.locator('.metrics-focus');
  await expect(focus.getByRole('figure', { name: 'ConcurrentExecutions' })).toBeVisible();
  await expect(focus.getByText('environments', { exact: true })).toBeVisible();
  await expect(focus.getByText('time (s)', { exact: true })).toBeVisible();
  await metrics.getByLabel('Focus chart').selectOption({ label: 'Duration p50/p99 (ms)' });
  await expect(focus.getByRole('figure', { name: 'Duration p50/p99 (ms)' })).toBeVisible();
  await expect(focus.getByText('ms', { exact: true })).toBeVisible();
  // The others stay, small, with their own units.
  await expect(metrics.getByRole('figure', { name: 'Invocations' }).getByText('requests / s', { exact: true })).toBeVisible();
  await expect(metrics.getByRole('figure')).toHaveCount(6);
});
