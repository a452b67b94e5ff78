import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './playground';

/**
 * The Resources view's contents views read and edit a resource through the workspace's AWS services (the calls a
 * handler makes), so what a handler writes shows there and what the view writes a handler reads.
 */
test.slow();

test('an item put through the table view is listed with its types; an object put through the bucket view is viewed as text', async ({ playground, page }) => {
  await playground.view('Resources');
  const tables = page.getByRole('region', { name: 'DynamoDB tables' });
  await tables.getByLabel('Table name').fill('orders');
  await tables.getByLabel('Partition key', { exact: true }).fill('id');
  await tables.getByRole('button', { name: 'Create table' }).click();
  const items = tables.getByRole('region', { name: 'Items in orders' });
  await expect(items).toContainText('No items.', { timeout: 15_000 });

  // DynamoDB's refusal, in its words.
  await items.getByLabel('Item (JSON)').fill('{"name": "no key"}');
  await items.getByRole('button', { name: 'Put item' }).click();
  await expect(items.getByRole('status')).toContainText('ValidationException: ');

  await items.getByLabel('Item (JSON)').fill('{"id": "o-1", "total": 12.5, "paid": true}');
  await items.getByRole('button', { name: 'Put item' }).click();
  await expect(items.getByRole('status')).toHaveText('Put an item in orders.');
  const row = items.getByRole('table', { name: 'Items in orders' }).getByRole('row', { name: /o-1/ });
  await expect(row).toContainText('12.5 N');
  await expect(row).toContainText('true BOOL');

  const buckets = page.getByRole('region', { name: 'S3 buckets' });
  await buckets.getByLabel('Bucket name').fill('notes-bucket');
  await buckets.getByRole('button', { name: 'Create bucket' }).click();
  const objects = buckets.getByRole('region', { name: 'Objects in notes-bucket' });
  await objects.getByLabel('Object key').fill('hello.txt');
  await objects.getByLabel('Object text').fill('hello from the console');
  await objects.getByRole('button', { name: 'Put object' }).click();
  await expect(objects.getByRole('status')).toHaveText('Put hello.txt in notes-bucket.');
  await expect(objects.getByRole('table', { name: 'Objects in notes-bucket' })).toContainText('22');
  await objects.getByRole('button', { name: 'View hello.txt' }).click();
  await expect(objects.getByLabel('Text of hello.txt')).toHaveText('hello from the console');

  expect(await new AxeBuilder({ page }).include('#view-panel-resources').analyze().then((r) => r.violations.map((v) => `${v.id}: ${v.help}`))).toEqual([]);

  await objects.getByRole('button', { name: 'Delete hello.txt' }).click();
  await expect(objects).toContainText('No objects.');
  await items.getByRole('button', { name: 'Delete item id=o-1' }).click();
  await expect(items).toContainText('No items.');
});

test('an item a handler writes with the SDK shows in the table view', async ({ playground, page }) => {
  // The first invoke loads the SDK during Init: room for it on a busy machine (set first: the Resources view, once
  // shown, stays in the page and has a "Visibility timeout (s)" of its own).
  await playground.view('Configuration');
  await playground.timeout.fill('30');
  await playground.memory.fill('1769');
  await playground.setCode(`import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
export const handler = async () => {
  await db.send(new PutItemCommand({ TableName: 'visits', Item: { id: { S: 'from-handler' }, count: { N: '3' } } }));
  return 'written';
};`);

  await playground.view('Resources');
  const tables = page.getByRole('region', { name: 'DynamoDB tables' });
  await tables.getByLabel('Table name').fill('visits');
  await tables.getByLabel('Partition key', { exact: true }).fill('id');
  await tables.getByRole('button', { name: 'Create table' }).click();
  await expect(tables.getByRole('region', { name: 'Items in visits' })).toContainText('No items.', { timeout: 15_000 });

  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText('written');

  await playground.view('Resources');
  await expect(page.getByRole('table', { name: 'Items in visits' }).getByRole('row', { name: /from-handler/ })).toContainText('3 N', { timeout: 15_000 });
});

test.describe('on a phone, 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a message sent from the queue view is counted without being received, and the contents fit the width', async ({ playground, page }) => {
    await playground.view('Resources');
    const queues = page.getByRole('region', { name: 'SQS queues' });
    await queues.getByLabel('Queue name').fill('jobs');
    await queues.getByRole('button', { name: 'Create queue' }).click();
    const messages = queues.getByRole('region', { name: 'Messages in jobs' });
    const counts = messages.getByRole('table', { name: 'Messages in jobs' });
    await expect(counts.getByRole('row', { name: /Available/ })).toContainText('0', { timeout: 15_000 });
    await messages.getByLabel('Message body').fill('{"job": 1}');
    await messages.getByRole('button', { name: 'Send message' }).click();
    await expect(messages.getByRole('status')).toContainText(/^Sent message \S+ to jobs\.$/);
    await expect(counts.getByRole('row', { name: /Available/ })).toContainText('1');
    // Counting again receives nothing: still one available.
    await messages.getByRole('button', { name: 'Refresh' }).click();
    await expect(counts.getByRole('row', { name: /In flight/ })).toContainText('0');
    await expect(counts.getByRole('row', { name: /Available/ })).toContainText('1');

    const tables = page.getByRole('region', { name: 'DynamoDB tables' });
    await tables.getByLabel('Table name').fill('wide');
    await tables.getByLabel('Partition key', { exact: true }).fill('id');
    await tables.getByRole('button', { name: 'Create table' }).click();
    const items = tables.getByRole('region', { name: 'Items in wide' });
    await items.getByLabel('Item (JSON)').fill(JSON.stringify({ id: 'w', a: 'a'.repeat(40), b: { nested: [1, 2, 3] }, c: 'c'.repeat(40) }));
    await items.getByRole('button', { name: 'Put item' }).click();
    await expect(items.getByRole('table', { name: 'Items in wide' })).toContainText('nested');
    expect(await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth)).toBeLessThanOrEqual(0);
  });
});
