import { expect, test } from './playground';

test("Ephemeral storage: Lambda's validation wording, and storage above 512 MB billed on its own line", async ({ concurrency: run, page }) => {
  await run.view('Configuration');
  const storage = page.getByLabel('Ephemeral storage (MB)');
  const problems = page.getByRole('alert', { name: 'Configuration problems' });
  await expect(storage).toHaveValue('512');
  await storage.fill('511');
  await expect(problems).toContainText("1 validation error detected: Value '511' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512");
  await storage.fill('10241');
  await expect(problems).toContainText('Member must have value less than or equal to 10240');
  await storage.fill('10240');
  await expect(problems).toHaveCount(0);

  await run.burst(2);
  await run.view('Metrics');
  await expect(run.figure('Succeeded')).toHaveText('2');
  await run.view('Billing');
  await run.billing.getByText(/^Show the invocations behind the total/).click();
  const rows = run.billing.getByRole('table', { name: /Invocations behind the total/ });
  await expect(rows.getByRole('row')).toHaveCount(1 + 2 + 1);
  await expect(rows.getByRole('cell', { name: '10,240 MB' })).toHaveCount(2);
  // (10,240 − 512) / 1,024 = 9.5 GB above the free 512 MB, for each invocation's billed duration.
  const billedMs = (await rows.locator('tbody tr td:nth-child(5)').allTextContents()).reduce((sum, t) => sum + Number(t.replace(/[^0-9.]/g, '')), 0);
  const line = run.billing.getByRole('row', { name: /^Ephemeral storage/ });
  await expect(line).toContainText('above the 512 MB included');
  const gbs = Number(((await line.textContent()) ?? '').match(/([\d.,]+) GB-s/)?.[1]?.replace(/,/g, ''));
  expect(gbs).toBeCloseTo(9.5 * (billedMs / 1000), 5);
  expect(gbs).toBeGreaterThan(0);
});
