import { expect, test } from './playground';

/**
 * SnapStart on a Python function: publishing version 1 takes the snapshot (one Init, at publish), and a burst of
 * 2 on version 1 gets two restored environments. Their REPORTs show Restore Duration and Billed Restore Duration
 * and no Init Duration, and module state made random at init is the same in both (the uniqueness pitfall).
 * Python environments boot Pyodide first (seconds on a busy machine): the waits are long, and only for what a user sees.
 */
const HANDLER = ['import random', '', 'VALUE = random.random()', '', 'def lambda_handler(event, context):', '    print(f"value={VALUE}")', '    return {"value": VALUE}', ''].join('\n');

test('SnapStart: a published version restores from its snapshot (Restore Duration, no Init Duration), and init-time randomness repeats', async ({ playground, concurrency, page }) => {
  test.setTimeout(300_000);
  await playground.view('Configuration');
  await page.getByLabel('Runtime', { exact: true }).selectOption('python3.12');
  await playground.setCode(HANDLER);
  await playground.view('Configuration');
  // The restored environments' first invoke runs while others still boot Pyodide: on a loaded machine that takes
  // longer than Lambda's default 3 s, and this test is about the restore, not the timeout.
  await playground.timeout.fill('60');
  await page.getByLabel('SnapStart', { exact: true }).selectOption('PublishedVersions');
  // The pitfall is explained beside the control.
  await expect(page.getByText(/same in all of them/)).toBeVisible();

  const versions = page.getByRole('region', { name: 'Versions and aliases' });
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('status')).toHaveText(/^Published version 1\. SnapStart: snapshot ready/, { timeout: 150_000 });
  await expect(versions.getByRole('table', { name: 'Published versions' })).toContainText('SnapStart: snapshot ready');
  // The snapshot's Init is logged once, at publish.
  await expect(playground.logs.getByText(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: success$/)).toHaveCount(1);

  await page.getByLabel('Version or alias').selectOption('1');
  await concurrency.burst(2);
  const reports = playground.logs.getByText(/^REPORT RequestId/);
  await expect(reports).toHaveCount(2, { timeout: 150_000 });
  for (const report of await reports.all()) {
    await expect(report).toHaveText(/\tRestore Duration: [\d.]+ ms\tBilled Restore Duration: \d+ ms$/);
    await expect(report).not.toHaveText(/Init Duration/);
  }
  // Two environments, one snapshot: the "random" value made at init is the same in both.
  const values = await playground.logs.getByText(/^value=/).allTextContents();
  expect(values).toHaveLength(2);
  expect(values[0]).toBe(values[1]);
});
