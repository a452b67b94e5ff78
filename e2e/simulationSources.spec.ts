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
