import { expect, test } from '@playwright/test';
import { showView } from './playground';

test('a scenario with an SQS queue in front of the function runs, and the report shows the queue draining', async ({ page }) => {
  await page.goto('/');
  await showView(page, 'Simulation');
  const region = page.getByRole('region', { name: 'Simulation' });
  await expect(region).toBeVisible();
  const scenario = {
    version: 1,
    name: 'SQS queue draining a backlog',
    durationS: 600,
    traffic: { kind: 'burst', count: 1000 },
    duration: { model: 'fixed', ms: 2000 },
    initDuration: { model: 'fixed', ms: 0 },
    source: { kind: 'sqs', batchSize: 10, maximumConcurrency: 5 },
  };
  await region.getByLabel('Scenario to load (JSON)').setInputFiles({ name: 'sqs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await region.getByRole('button', { name: 'Run simulation' }).click();
  const report = region.getByRole('region', { name: 'Report' });
  await expect(report).toBeVisible({ timeout: 25_000 });
  const source = report.getByRole('region', { name: 'SQS queue and event source mapping' });
  const table = source.getByRole('table', { name: 'What the queue and its pollers did' });
  // 1,000 messages in batches of 10, five at a time, 2 s each: 100 batches, empty after 40 s.
  await expect(table.getByRole('row', { name: /Messages deleted/ })).toContainText('1,000');
  await expect(table.getByRole('row', { name: /Batches invoked/ })).toContainText('100');
  await expect(table.getByRole('row', { name: /Pollers, max/ })).toContainText('5');
  await expect(table.getByRole('row', { name: /Queue empty since/ })).toContainText('40.00 s');
});

test('a Kinesis stream chosen in the form: 2 shards read in order keep up with 50 records a second, and the report says so', async ({ page }) => {
  await page.goto('/');
  await showView(page, 'Simulation');
  const region = page.getByRole('region', { name: 'Simulation' });
  await region.getByLabel('Time unit').selectOption('minutes');
  await region.getByLabel(/^Simulated time/).fill('1');
  await region.getByLabel('Rate, req/s').fill('50');
  await region.getByLabel('Duration (ms)', { exact: true }).fill('1000');
  await region.getByLabel('Invoked by').selectOption({ label: 'A Kinesis stream: each arrival is one record' });
  await region.getByLabel('Shards').fill('2');
  await region.getByLabel('Batch size', { exact: true }).fill('100');
  await region.getByRole('button', { name: 'Run simulation' }).click();
  const report = region.getByRole('region', { name: 'Report' });
  await expect(report).toBeVisible({ timeout: 25_000 });
  const table = report.getByRole('region', { name: 'Kinesis stream and event source mapping' }).getByRole('table', { name: 'What the stream and its shard readers did' });
  // 3,000 records over a minute, 1,500 a shard; each shard's reader takes 100 records per 1 s batch, one batch at a time.
  await expect(table.getByRole('row', { name: /^Records put/ })).toContainText('3,000');
  await expect(table.getByRole('row', { name: /^Records processed/ })).toContainText('3,000');
  await expect(table.getByRole('row', { name: /^Batches in flight at once/ })).toContainText('2');
  await expect(table.getByRole('row', { name: /^Caught up with the stream since/ })).not.toContainText('behind');
});
