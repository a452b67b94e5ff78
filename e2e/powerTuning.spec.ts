import { expect, test } from './playground';

test('power tuning runs the handler at each memory size and marks the cheapest, the fastest and a balanced choice', async ({ playground, page }) => {
  await playground.setCode('export const handler = async () => {\n  let x = 0;\n  for (let i = 0; i < 3_000_000; i += 1) x = (x + i * i) % 1_000_003;\n  return x;\n};');
  // A long timeout: on a loaded machine the CPU-share model multiplies a slowed loop, and this test is about the marks, not timeouts.
  await playground.view('Configuration');
  await playground.timeout.fill('60');
  await playground.view('Run');
  await page.getByRole('button', { name: 'Power tuning' }).click();
  const region = page.getByRole('region', { name: 'Power tuning' });
  const sizes = region.getByLabel('Memory sizes (MB)');
  await expect(sizes).toHaveValue('128, 256, 512, 1024, 1536, 1769, 2048, 3008');

  // Out of Lambda's range: refused, and nothing runs.
  await sizes.fill('64, 512');
  await expect(region.getByRole('alert')).toHaveText('Memory sizes are whole numbers of MB from 128 to 10,240: “64” is not.');
  await expect(region.getByRole('button', { name: 'Run power tuning' })).toBeDisabled();

  await sizes.fill('2048, 128, 512');
  await region.getByLabel('Runs per size').fill('2');
  await region.getByRole('button', { name: 'Run power tuning' }).click();
  const results = region.getByRole('region', { name: 'Power tuning results' });
  await expect(results.getByRole('status')).toHaveText(/^Cheapest: \d+ MB\. Fastest: 2048 MB\. Balanced: \d+ MB\.$/, { timeout: 60_000 });
  await expect(region.getByText('Ran 9 of 9 invocations')).toBeVisible();
  const rows = results.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('128 MB');
  await expect(results.getByRole('row', { name: /^2,048 MB/ })).toContainText('Fastest');
  await expect(results.getByRole('table').getByText('Cheapest')).toHaveCount(1);
  // The function's own configuration is untouched.
  await playground.view('Configuration');
  await expect(playground.memory).toHaveValue('128');
});

test('power tuning reports a failing handler per size instead of averaging errors', async ({ playground, page }) => {
  await playground.setCode("export const handler = async () => { throw new Error('nope'); };");
  await page.getByRole('button', { name: 'Power tuning' }).click();
  const region = page.getByRole('region', { name: 'Power tuning' });
  await region.getByLabel('Memory sizes (MB)').fill('256');
  await region.getByLabel('Runs per size').fill('1');
  await region.getByRole('button', { name: 'Run power tuning' }).click();
  await expect(region.getByRole('list', { name: 'Sizes that failed' })).toContainText('256 MB: Error (error) at 256 MB');
  await expect(region.getByRole('region', { name: 'Power tuning results' })).toHaveCount(0);
});
