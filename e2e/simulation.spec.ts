import { expect, test, type Page, type Worker } from '@playwright/test';
import { showView } from './playground';

/** The Simulation region, reached by roles and names only. */
function simulation(page: Page) {
  const region = page.getByRole('region', { name: 'Simulation' });
  return {
    region,
    rps: region.getByLabel('Rate, req/s'),
    time: region.getByLabel(/^Simulated time/),
    unit: region.getByLabel('Time unit'),
    run: region.getByRole('button', { name: 'Run simulation' }),
    cancel: region.getByRole('button', { name: 'Cancel' }),
    progress: region.getByRole('progressbar', { name: 'Simulation progress' }),
    report: region.getByRole('region', { name: 'Report' }),
  };
}

/** The scale simulation's worker, once the page starts it. */
function nextSimulationWorker(page: Page): Promise<Worker> {
  return page.waitForEvent('worker', { predicate: (w) => /simWorker/.test(w.url()), timeout: 10_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await showView(page, 'Simulation');
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
});

test('a simulated scenario runs from the UI with progress, and its report appears', async ({ page }) => {
  const sim = simulation(page);
  await sim.unit.selectOption('minutes');
  await sim.time.fill('30');
  await sim.rps.fill('1000');
  const worker = nextSimulationWorker(page);
  await sim.run.click();
  await worker;
  await expect(sim.progress).toBeVisible();
  await expect(sim.cancel).toBeEnabled();
  await expect(sim.report).toBeVisible({ timeout: 25_000 });
  await expect(sim.progress).toHaveCount(0);
  // 30 minutes at 1,000 rps, 100 ms each, 150 ms Init: 1.8 million requests, about 100 environments busy.
  await expect(sim.report.getByText('Requests sent')).toBeVisible();
  await expect(sim.report.getByRole('definition').first()).toHaveText('1,800,000');
  await expect(sim.report.getByText(/^30 min simulated in [\d.]+ s/)).toBeVisible();
  await expect(sim.report.getByRole('table', { name: /Cost for the period/ })).toContainText('Total');
  await expect(sim.report.getByRole('figure', { name: /Environments/ })).toContainText(/busy 10\d\.\d\d/);
  await expect(sim.report.getByRole('figure', { name: /Cold-start rate/ })).toBeVisible();
  await expect(sim.report.getByRole('figure', { name: /Throttles/ })).toBeVisible();
  await expect(sim.report.getByRole('figure', { name: /Duration p50 \/ p99/ })).toContainText('p50 100.0 ms');
});

test('cancelling stops the simulation at once: its worker is terminated', async ({ page }) => {
  const sim = simulation(page);
  await sim.unit.selectOption('days');
  await sim.time.fill('7');
  const started = nextSimulationWorker(page);
  await sim.run.click();
  const worker = await started;
  await expect(sim.progress).toBeVisible();
  await expect(async () => expect(Number(await sim.progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0)).toPass({ timeout: 10_000 });
  const closed = new Promise<true>((resolve) => worker.once('close', () => resolve(true)));
  await sim.cancel.click();
  await expect(sim.region.getByRole('status').filter({ hasText: 'Simulation cancelled' })).toBeVisible();
  // The worker itself is gone (terminated), not merely ignored: its 'close' event fires. (How fast is the bench's business, not a test's.)
  expect(await closed).toBe(true);
  await expect(sim.progress).toHaveCount(0);
  await expect(sim.report).toHaveCount(0);
  await expect(sim.run).toBeEnabled();
});

test('two configurations side by side: keep-alive 10 minutes against 20', async ({ page }) => {
  const sim = simulation(page);
  await sim.region.getByLabel('Compare two configurations (A / B)').check();
  for (const tab of ['Configuration A', 'Configuration B']) {
    await sim.region.getByRole('tab', { name: tab }).click();
    await sim.region.getByLabel('Traffic shape').selectOption('poisson');
    await sim.rps.fill('0.01');
    await sim.unit.selectOption('days');
    await sim.time.fill('1');
  }
  await sim.run.click();
  const table = sim.region.getByRole('table', { name: 'A / B comparison' });
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('columnheader', { name: /^B: Keep-alive 20 minutes/ })).toBeVisible();
  await expect(sim.region.getByRole('region', { name: /^Report A/ })).toBeVisible();
  await expect(sim.region.getByRole('region', { name: /^Report B/ })).toBeVisible();
});

test('an SQS scenario: 10,000 messages a minute into a queue, batch size 10, maximum concurrency 2; the report shows backlog, oldest message, pollers and cost', async ({ page }) => {
  const sim = simulation(page);
  await sim.unit.selectOption('minutes');
  await sim.time.fill('10');
  await sim.rps.fill('166.667');
  await sim.region.getByLabel('Duration (ms)', { exact: true }).fill('1000');
  await sim.region.getByLabel('Function timeout, s').fill('5');
  await sim.region.getByLabel('Invoked by').selectOption({ label: 'An SQS queue: each arrival is one message' });
  await sim.region.getByLabel('Batch size', { exact: true }).fill('10');
  await sim.region.getByLabel('Maximum concurrency').fill('2');
  await sim.run.click();
  await expect(sim.report).toBeVisible({ timeout: 60_000 });
  const source = sim.report.getByRole('table', { name: 'What the queue and its pollers did' });
  // 2 pollers × 10 messages per 1 s batch = 20 messages a second against 166.7 arriving: the backlog grows for the 10 minutes,
  // to about (166.7 − 20) × 600 ≈ 88,000 messages, and the simulation runs on until the pollers have drained it (about 5,000 s).
  const cell = async (name: RegExp): Promise<number> => Number(((await source.getByRole('row', { name }).getByRole('cell').textContent()) ?? '').replace(/[, s]/g, ''));
  await expect(source.getByRole('row', { name: /^Pollers, max/ })).toContainText('2');
  const backlog = await cell(/^Backlog: queue depth, max/);
  expect(backlog).toBeGreaterThan(80_000);
  expect(backlog).toBeLessThan(95_000);
  expect(await cell(/^Queue empty since/)).toBeGreaterThan(4_500);
  expect(await cell(/^Age of the oldest message/)).toBeGreaterThan(3_500);
  await expect(sim.report.getByRole('table', { name: /Cost for the period/ })).toContainText('Total');
});
