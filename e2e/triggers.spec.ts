import { addTrigger, expect, showView, test } from './playground';

test('an HTTP request through a Function URL returns the function’s status, headers and body', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async (event) => ({
  statusCode: 201,
  headers: { 'x-demo': 'yes', 'content-type': 'text/plain' },
  body: 'created ' + event.rawPath + ' for ' + event.queryStringParameters.name,
});`);
  await addTrigger(page, 'Function URL');
  const http = page.getByRole('region', { name: 'HTTP request' });
  await http.getByRole('button', { name: 'Send request' }).click();
  const response = http.getByRole('region', { name: 'HTTP response' });
  await expect(response).toContainText('201');
  await expect(response.getByRole('list', { name: 'Response headers' })).toContainText('x-demo: yes');
  await expect(response).toContainText('created /hello for world');
});

test('creating an object in the bucket invokes the function with the object’s key', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async (event) => {
  const record = event.Records[0];
  console.log('S3', record.eventName, record.s3.bucket.name, record.s3.object.key, record.s3.object.size);
};`);
  await addTrigger(page, 'S3 bucket', { name: 'photos-bucket' });
  const bucket = page.getByRole('region', { name: 'S3 bucket' });
  await bucket.getByLabel('Object key').fill('holiday/cat pic.txt');
  await bucket.getByLabel('Object text').fill('meow');
  await bucket.getByRole('button', { name: 'Create object' }).click();
  await expect(playground.logs.getByText(/\tINFO\tS3 ObjectCreated:Put photos-bucket holiday\/cat\+pic\.txt 4$/)).toBeVisible();
  await expect(bucket.getByRole('button', { name: 'Delete holiday/cat pic.txt' })).toBeVisible();
});

test('50 messages in batches of 10: a poison message ends in the dead-letter queue, the others succeed with partial batch responses', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async (event) => ({
  batchItemFailures: event.Records.filter((r) => JSON.parse(r.body).n === 7).map((r) => ({ itemIdentifier: r.messageId })),
});`);
  await showView(page, 'Configuration');
  // One full vCPU: at 128 MB the memory model stretches measured CPU ×13.8, and on a loaded machine a preempted
  // worker's few milliseconds can reach the 3 s timeout, whose async retry or redelivery would repeat the event.
  await playground.memory.fill('1769');
  await page.getByLabel('Platform waits', { exact: true }).selectOption({ index: 2 });
  await addTrigger(page, 'SQS queue', { name: 'orders', detail: '10' });
  const queue = page.getByRole('region', { name: 'SQS queue' });
  await expect(queue.getByLabel('Batch size', { exact: true })).toHaveValue('10');
  await queue.getByLabel('Batch of messages').fill('50');
  await queue.getByRole('button', { name: 'Send messages' }).click();
  const dlq = queue.getByRole('list', { name: 'Dead-letter queue messages' });
  await expect(dlq.getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  await expect(dlq).toContainText('"n":7');
  await expect(queue.getByText('Dead-letter queue: 1')).toBeVisible();
  await expect(queue.getByText('Visible: 0', { exact: true })).toBeVisible();
  await expect(queue.getByText('In flight: 0', { exact: true })).toBeVisible();
  await expect(queue.getByText('Delivered: 49', { exact: true })).toBeVisible();
});

test('a rate(1 minute) schedule fires once a minute of compressed time', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async (event) => { console.log('tick', event['detail-type'], event.time); };`);
  await showView(page, 'Configuration');
  // One full vCPU: at 128 MB the memory model stretches measured CPU ×13.8, and on a loaded machine a preempted
  // worker's few milliseconds can reach the 3 s timeout, whose async retry or redelivery would repeat the event.
  await playground.memory.fill('1769');
  await page.getByLabel('Platform waits', { exact: true }).selectOption({ index: 2 });
  await expect(page.getByText(/Platform waits compressed 60×/)).toBeVisible();
  await addTrigger(page, 'EventBridge schedule', { detail: 'rate(1 minute)' });
  const ticks = playground.logs.getByText(/\tINFO\ttick Scheduled Event /);
  // The schedule keeps firing a tick a second (60× compressed) while the test looks: wait for three, then read the first three.
  await expect.poll(() => ticks.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const times = (await ticks.allTextContents()).slice(0, 3).map((line) => Date.parse(line.split(' ').at(-1) ?? ''));
  expect(times[1]! - times[0]!).toBe(60_000);
  expect(times[2]! - times[1]!).toBe(60_000);
});

test('filter criteria on an SQS mapping: a message that matches no pattern is deleted without an invoke', async ({ page }) => {
  // The SQS lesson's workspace has a queue "orders" with a mapping to the function.
  await page.goto('/?lesson=sqs-batches');
  await expect(page.getByRole('list', { name: 'Lesson steps' })).toBeVisible();
  await showView(page, 'Triggers');
  const queue = page.getByRole('region', { name: 'SQS queue' });
  await queue.getByLabel('Filter patterns (one JSON event pattern per line)').fill('{"body": {"type": ["order"]}}');
  const body = queue.getByLabel('Message body');
  await body.fill('{"type": "refund"}');
  await queue.getByRole('button', { name: 'Send message', exact: true }).click();
  await expect(queue.getByRole('list', { name: 'Pollers' })).toContainText('Filtered out: 1');
  await expect(queue.getByRole('list', { name: 'Pollers' })).toContainText('Invokes: 0');
  await body.fill('{"type": "order"}');
  await queue.getByRole('button', { name: 'Send message', exact: true }).click();
  await expect(queue.getByRole('list', { name: 'Pollers' })).toContainText('Delivered: 1');
  await expect(queue.getByRole('list', { name: 'Pollers' })).toContainText('Filtered out: 1');
});

test('a FIFO queue (named ….fifo) delivers one message group in order, asks for a deduplication id, and drops a duplicate', async ({ playground, page }) => {
  await playground.setCode(`const seen = [];
export const handler = async (event) => {
  for (const r of event.Records) seen.push(JSON.parse(r.body).n ?? r.attributes.MessageGroupId);
  console.log('order', JSON.stringify(seen));
};`);
  await showView(page, 'Configuration');
  await playground.memory.fill('1769');
  await page.getByLabel('Platform waits', { exact: true }).selectOption({ index: 2 });
  await addTrigger(page, 'SQS queue', { name: 'orders.fifo', detail: '2' });
  const queue = page.getByRole('region', { name: 'SQS FIFO queue' });
  await queue.getByLabel('Batch of messages').fill('6');
  await queue.getByRole('button', { name: 'Send messages' }).click();
  // One group, batches of 2: three batches, one after the other, in the order sent.
  await expect(queue.getByText('Delivered: 6', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(queue.getByText('Invokes: 3', { exact: true })).toBeVisible();
  await expect(playground.logs).toContainText('order [1,2,3,4,5,6]');
  // Content-based deduplication is off: a send needs a deduplication id, as SQS says.
  await queue.getByRole('button', { name: 'Send message', exact: true }).click();
  const activity = queue.getByRole('list', { name: 'Recent activity' });
  await expect(activity).toContainText('SendMessage refused: The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
  await queue.getByLabel('Content-based deduplication').check();
  await queue.getByRole('button', { name: 'Send message', exact: true }).click();
  await queue.getByRole('button', { name: 'Send message', exact: true }).click();
  await expect(activity).toContainText('within 5 minutes: accepted, not delivered again');
  await expect(queue.getByText('Delivered: 7', { exact: true })).toBeVisible({ timeout: 20_000 });
});
