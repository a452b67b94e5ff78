import { seriousViolations } from './axe';
import { addFunction, addTrigger, expect, roomy, showView, test } from './playground';

/**
 * X-Ray tracing: a function with Active tracing writes to a DynamoDB table and sends to an SQS queue whose trigger
 * runs a second function. The trace joins both functions and both calls; the waits are for what the user sees.
 */
test.slow();

test('Active tracing: REPORT is followed by the XRAY line, and the Traces view draws both functions and the DynamoDB and SQS calls', async ({ playground, page }) => {
  await showView(page, 'Traces');
  await expect(page.getByText(/No traces yet/)).toBeVisible();

  // my-function consumes the queue (and the table's stream).
  await roomy(playground);
  await playground.setCode(`export const handler = async (event) => {
  for (const r of event.Records) console.log('consumed', r.body ?? r.eventName);
};`);
  await addTrigger(page, 'SQS queue', { name: 'jobs' });

  // The table the producer writes: a stream trigger's (its records reach my-function too, untraced).
  await addTrigger(page, 'DynamoDB stream', { name: 'orders' });

  // my-function-2 is traced, writes the order and queues a job.
  await addFunction(page, 'my-function-2');
  await roomy(playground);
  const tracing = page.getByRole('checkbox', { name: 'Active tracing (X-Ray)' });
  await expect(tracing).not.toBeChecked();
  await tracing.check();
  await playground.setCode(`import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient, SendMessageCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
const db = new DynamoDBClient({});
const sqs = new SQSClient({});
export const handler = async () => {
  await db.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-1' } } }));
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order o-1' }));
  return { traced: process.env._X_AMZN_TRACE_ID };
};`);
  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText(/Sampled=1/);
  const report = await playground.lastReport();
  expect(report).toMatch(/XRAY TraceId: 1-[0-9a-f]{8}-[0-9a-f]{24}\tSegmentId: [0-9a-f]{16}\tSampled: true/);
  const traceId = /XRAY TraceId: (\S+)/.exec(report)![1]!;

  await showView(page, 'Traces');
  const list = page.getByRole('table');
  await expect(list.getByRole('button', { name: traceId })).toBeVisible();
  await list.getByRole('button', { name: traceId }).click();
  const waterfall = page.getByRole('region', { name: 'Trace waterfall' });
  await expect(waterfall.getByText(/^my-function-2 \(function\) [\d.]+ ms/)).toBeVisible();
  await expect(waterfall.getByText(/^DynamoDB PutItem orders [\d.]+ ms/)).toBeVisible();
  await expect(waterfall.getByText(/^SQS SendMessage jobs [\d.]+ ms/)).toBeVisible();
  // The consumer joins the same trace when its invocation ends.
  await expect(waterfall.getByText(/^my-function \(function\) [\d.]+ ms/)).toBeVisible({ timeout: 60_000 });
  await expect(waterfall.getByText(/^Initialization [\d.]+ ms/).first()).toBeVisible();

  const map = page.getByRole('region', { name: 'Service map' });
  await expect(map.getByRole('img', { name: /^Client: 1 request/ })).toBeVisible();
  await expect(map.getByRole('img', { name: /^Lambda function my-function-2: 1 request/ })).toBeVisible();
  await expect(map.getByRole('img', { name: /^AWS service DynamoDB orders: 1 request/ })).toBeVisible();
  await expect(map.getByRole('img', { name: /^AWS service SQS jobs: 2 requests/ })).toBeVisible();
  await expect(map.getByRole('img', { name: /^Lambda function my-function: 1 request/ })).toBeVisible();
  await expect(map.getByRole('list', { name: 'Requests between nodes' })).toContainText('SQS jobs → my-function: 1 request');
  expect(await seriousViolations(page), 'Traces view with a trace').toEqual([]);

  // The invocation's log entry opens its trace.
  await playground.view('Run');
  await playground.logs.getByRole('button', { name: `Open trace ${traceId}` }).click();
  await expect(page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Traces', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: `Trace ${traceId}` })).toBeVisible();
});
