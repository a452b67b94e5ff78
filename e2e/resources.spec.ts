import AxeBuilder from '@axe-core/playwright';
import { expect, savedWorkspace, test } from './playground';

test('tables and buckets made in the Resources view are saved with the workspace and kept across a reload', async ({ playground, page }) => {
  await playground.view('Resources');
  const tables = page.getByRole('region', { name: 'DynamoDB tables' });
  const buckets = page.getByRole('region', { name: 'S3 buckets' });
  await expect(tables).toContainText('new DynamoDBClient({})');

  await tables.getByLabel('Table name').fill('orders');
  await tables.getByLabel('Partition key', { exact: true }).fill('pk');
  await tables.getByLabel('Sort key (optional)').fill('createdAt');
  await tables.getByLabel('Sort key type').selectOption('N');
  await tables.getByRole('button', { name: 'Create table' }).click();
  await expect(tables.getByRole('status')).toHaveText('Created table orders.');

  // S3's refusal, in its words; nothing is created.
  await buckets.getByLabel('Bucket name').fill('Not_A_Bucket');
  await buckets.getByRole('button', { name: 'Create bucket' }).click();
  await expect(buckets.getByRole('alert')).toHaveText('InvalidBucketName: The specified bucket is not valid.');
  await buckets.getByLabel('Bucket name').fill('my-photos');
  await buckets.getByRole('button', { name: 'Create bucket' }).click();
  await expect(buckets.getByRole('table', { name: 'S3 buckets' })).toContainText('my-photos');

  expect(await new AxeBuilder({ page }).include('#view-panel-resources').analyze().then((r) => r.violations.map((v) => `${v.id}: ${v.help}`))).toEqual([]);

  await expect.poll(() => savedWorkspace(page), { timeout: 10_000 }).toContain('my-photos');
  await page.reload();
  await playground.view('Resources');
  const table = page.getByRole('table', { name: 'DynamoDB tables' });
  await expect(table.getByRole('row', { name: /orders/ })).toContainText('pk (S)');
  await expect(table.getByRole('row', { name: /orders/ })).toContainText('createdAt (N)');
  await expect(page.getByRole('table', { name: 'S3 buckets' })).toContainText('my-photos');

  // Deleting is kept too.
  await page.getByRole('button', { name: 'Delete bucket my-photos' }).click();
  await expect(page.getByRole('region', { name: 'S3 buckets' })).toContainText('No buckets yet.');
  await expect.poll(() => savedWorkspace(page), { timeout: 10_000 }).not.toContain('my-photos');
});

test.describe('on a phone, 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the view tabs and the Resources view fit the width (no sideways scroll)', async ({ playground, page }) => {
    await playground.view('Resources');
    await expect(page.getByRole('region', { name: 'SNS topics' })).toBeAttached();
    expect(await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth)).toBeLessThanOrEqual(0);
  });
});
