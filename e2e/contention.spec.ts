import { expect, test } from './playground';

test('figures measured while more handlers ran than the machine has cores are marked wherever they appear, and the load panel suggests a faithful burst', async ({ playground, concurrency, page }) => {
  // Pretend to be a 2-core machine, whatever this one has, so the burst below is always more than the cores.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 }));
  await playground.open();
  await playground.setCode('export const handler = async () => {\n  let x = 0;\n  for (let i = 0; i < 1_000_000; i += 1) x = (x + i * i) % 1_000_003;\n  return x;\n};');

  // A long timeout: on a loaded machine the CPU-share model multiplies a slowed loop, and this test is about marks, not timeouts.
  await playground.view('Configuration');
  await playground.timeout.fill('60');
  await playground.view('Run');
  await page.getByLabel('Pattern').selectOption({ label: 'Burst' });
  await page.getByLabel('Burst size').fill('6');
  const advice = page.getByText(/^This machine has 2 cores: more handlers/);
  await expect(advice).toBeVisible();
  await page.getByRole('button', { name: 'Use a burst of 2' }).click();
  await expect(page.getByLabel('Burst size')).toHaveValue('2');
  await expect(advice).toHaveCount(0);

  await concurrency.burst(6);
  const timeline = concurrency.timeline;
  await timeline.getByRole('checkbox', { name: 'Show as table' }).check();
  const rows = timeline.getByRole('table').getByRole('row').filter({ hasText: /Success/ });
  await expect(rows).toHaveCount(6, { timeout: 60_000 });
  await expect(timeline.getByRole('table').getByText('· busy machine').first()).toBeVisible();
  await expect(page.getByText(/^Contended/).first()).toBeVisible();

  await concurrency.view('Billing');
  await expect(page.getByText(/Their billed durations, and so this bill, read higher than Lambda would charge\./)).toBeVisible();
  await page.getByText(/^Show the invocations behind the total/).click();
  await expect(concurrency.billing.getByText('· busy machine').first()).toBeVisible();
});
