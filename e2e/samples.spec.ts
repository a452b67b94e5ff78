import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, showView, test, type Playground } from './playground';

/**
 * The sample applications, each opened as a user would: the "Sample applications" menu, a click on the sample's
 * link, the notice that the code came from a link. Each is then driven through its own test events, triggers and
 * logs. The first invoke of each function loads the AWS SDK in Init: the waits are for what the user sees, with
 * room for cold starts on a busy machine.
 */
test.slow();

const COLD = { timeout: 90_000 };

async function openSample(page: Page, title: string, firstFunction: string): Promise<void> {
  await page.getByText('Sample applications', { exact: true }).click();
  const link = page.getByRole('list', { name: 'Sample applications' }).getByRole('link', { name: title });
  // The link is a share link to this page: the workspace in its fragment.
  await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/#ws\d+\.\d+\.[0-9a-f]{8}\./);
  await link.click();
  const notice = page.getByRole('status').filter({ hasText: 'This workspace was opened from a link.' });
  await expect(notice).toBeVisible();
  // A sample asks for nothing that runs on its own (no network, schedules or provisioned concurrency): no prompt.
  await expect(page.getByRole('dialog', { name: 'This link asks to run code on its own' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(functionTab(page, firstFunction)).toHaveAttribute('aria-selected', 'true');
}

const functionTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: `λ ${name}`, exact: true });

async function logsOf(page: Page, playground: Playground, name: string) {
  await functionTab(page, name).click();
  await playground.showLogs();
  return playground.logs;
}

test('HTTP API + DynamoDB: the test event creates an item, an HTTP request writes one the stream function sees, a second create is 409', async ({ playground, page }) => {
  await openSample(page, 'HTTP API + DynamoDB CRUD', 'items-api');
  // The saved test event is ready: Invoke creates widget-1.
  await playground.invoke(COLD);
  await expect(playground.response).toContainText('"statusCode": 201');

  await showView(page, 'Triggers');
  const http = page.getByRole('region', { name: 'HTTP request' });
  await http.getByLabel('Method').selectOption('POST');
  await http.getByRole('textbox', { name: 'Path', exact: true }).fill('/items');
  await http.getByRole('textbox', { name: 'Body', exact: true }).fill('{"id": "gadget-7", "name": "Gadget", "price": 3}');
  await http.getByRole('button', { name: 'Send request' }).click();
  const response = http.getByRole('region', { name: 'HTTP response' });
  await expect(response).toContainText('"id":"gadget-7"', COLD);
  // The same id again: the conditional put fails, and the handler catches ConditionalCheckFailedException by name.
  await http.getByRole('button', { name: 'Send request' }).click();
  await expect(response).toContainText('Item gadget-7 already exists', COLD);
  await expect(response).toContainText('409');

  // The saved events update, delete and read: each change reaches the stream too.
  await playground.view('Run');
  for (const [saved, answer] of [
    ['Update widget-1 (PUT /items/widget-1)', '\\"name\\":\\"Blue widget\\"'],
    ['Delete widget-1 (DELETE /items/widget-1)', '\\"deleted\\":'],
    ['Read widget-1 (GET /items/widget-1)', 'Item widget-1 not found'],
  ] as const) {
    await page.getByLabel('Saved test events').selectOption({ label: saved });
    await playground.invoke(COLD);
    await expect(playground.response).toContainText(answer);
  }

  const logs = await logsOf(page, playground, 'items-changes');
  await expect(logs.getByText(/\tINFO\tINSERT widget-1: /)).toBeVisible(COLD);
  await expect(logs.getByText(/\tINFO\tINSERT gadget-7: \{"id":"gadget-7","name":"Gadget","price":3,/)).toBeVisible(COLD);
  await expect(logs.getByText(/\tINFO\tMODIFY widget-1: name "Widget" → "Blue widget", price 9\.5 → 11, updatedAt undefined → "/)).toBeVisible(COLD);
  await expect(logs.getByText(/\tINFO\tREMOVE widget-1: was \{/)).toBeVisible(COLD);
});

test('S3 upload pipeline: a PutObject triggers the processor, the worker fails a poison line into the dead-letter queue, and a recursive SQS loop is stopped', async ({ playground, page }) => {
  await openSample(page, 'S3 upload → processing → SQS worker with a dead-letter queue', 'upload');
  await page.getByLabel('Saved test events').selectOption({ label: 'Upload with a poison line' });
  await expect(playground.event).toHaveValue(/orders-poison\.csv/);
  await playground.invoke(COLD);
  await expect(playground.response).toContainText('"key": "incoming/orders-poison.csv"');

  // The bucket's notification invoked processor, which read the object back.
  await expect((await logsOf(page, playground, 'processor')).getByText(/\tINFO\tRead incoming\/orders-poison\.csv from sample-uploads: 3 lines$/)).toBeVisible(COLD);
  const logs = await logsOf(page, playground, 'worker');
  await expect(logs.getByText(/\tINFO\tProcessed B-2003: 2 × lamp$/)).toBeVisible(COLD);
  // The poison line fails three receives, then the redrive policy moves it to the dead-letter queue.
  await showView(page, 'Triggers');
  const queue = page.getByRole('region', { name: 'SQS queue' });
  const dlq = queue.getByRole('list', { name: 'Dead-letter queue messages' });
  await expect(dlq.getByRole('listitem')).toHaveCount(1, COLD);
  await expect(dlq).toContainText('"orderId":"B-2002"');
  await expect(logs.getByText(/\tERROR\tRejected B-2002: quantity "-3" \(receive 3\)$/)).toBeVisible();

  // recursive-loop's test event starts a loop through its own queue; Lambda stops the 17th invocation.
  await functionTab(page, 'recursive-loop').click();
  await playground.invoke(COLD);
  await showView(page, 'Triggers');
  await expect(page.getByRole('region', { name: 'SQS queue' }).getByText(/Lambda stopped invocation 17 of recursive-loop \(from an SQS queue\)/)).toBeVisible({ timeout: 120_000 });
  await playground.showLogs();
  await expect(playground.logs.getByText(/\tINFO\thop 16$/)).toBeVisible();
  await expect(playground.logs.getByText(/\tINFO\thop 17$/)).toHaveCount(0);
});

test('order flow: Lambda Invoke returns pricing’s payload, SNS fans out to billing and shipping, and the EventBridge rule invokes notifier', async ({ playground, page }) => {
  await openSample(page, 'Order flow: Lambda Invoke, SNS fan-out and an EventBridge rule', 'place-order');
  await playground.invoke(COLD);
  // The total is pricing's answer, read from the Invoke call's Payload.
  await expect(playground.response).toContainText('"accepted": true');
  await expect(playground.response).toContainText('"total": 28.6');
  await expect((await logsOf(page, playground, 'billing')).getByText(/\tINFO\tbilling: charge ana@example\.com 28\.6 USD for o-1001$/)).toBeVisible(COLD);
  await expect((await logsOf(page, playground, 'shipping')).getByText(/\tINFO\tshipping: pack 5 items for o-1001 \(Order o-1001\)$/)).toBeVisible(COLD);
  await expect((await logsOf(page, playground, 'notifier')).getByText(/\tINFO\tnotifier: OrderPlaced from shop\.orders: email ana@example\.com about o-1001$/)).toBeVisible(COLD);
});

test('the Sample applications menu lists each sample with its paragraph, with no serious or critical axe violation', async ({ playground }) => {
  const { page } = playground;
  await page.getByText('Sample applications', { exact: true }).click();
  const list = page.getByRole('list', { name: 'Sample applications' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText('answers 409');
  const results = await new AxeBuilder({ page }).include('.samples').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('when the samples’ chunk cannot be fetched, the menu says so instead of loading forever', async ({ playground }) => {
  const { page } = playground;
  await page.route(/\/assets\/sampleCatalog-[^/]*\.js$/, (route) => route.abort());
  await page.getByText('Sample applications', { exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The samples could not be loaded' })).toBeVisible();
});
