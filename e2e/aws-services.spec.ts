import type { Page } from '@playwright/test';
import { addFunction, addTrigger, expect, roomy, showView, test } from './playground';

/**
 * Handlers call the AWS SDK v3 (the real clients, bundled into the runtime) against the workspace's services in
 * the tab. Each test builds its application through the UI. The first invoke of each function loads the SDK during
 * Init: the waits are for what the user sees, with functions given room (30 s timeouts, a full vCPU) on a busy machine.
 */
test.slow();

async function selectFunction(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: `λ ${name}`, exact: true }).click();
}

test('an HTTP request writes an item through the DynamoDB client; a second function sees it through the table’s stream', async ({ playground, page }) => {
  // my-function reads the table's stream.
  await roomy(playground);
  await playground.setCode(`export const handler = async (event) => {
  for (const r of event.Records) console.log('stream', r.eventName, r.dynamodb.Keys.id.S, r.dynamodb.NewImage.title.S);
};`);
  await addTrigger(page, 'DynamoDB stream', { name: 'notes' });
  // my-function-2 is an HTTP API that writes to it with the DocumentClient.
  await addFunction(page, 'my-function-2');
  await roomy(playground);
  await playground.setCode(`import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const id = event.queryStringParameters.name;
  await doc.send(new PutCommand({ TableName: 'notes', Item: { id, title: 'hello ' + id } }));
  const { Item } = await doc.send(new GetCommand({ TableName: 'notes', Key: { id } }));
  return { statusCode: 201, body: JSON.stringify(Item) };
};`);
  await addTrigger(page, 'Function URL');
  const http = page.getByRole('region', { name: 'HTTP request' });
  await http.getByRole('button', { name: 'Send request' }).click();
  const response = http.getByRole('region', { name: 'HTTP response' });
  await expect(response).toContainText('201', { timeout: 60_000 });
  await expect(response).toContainText('{"id":"world","title":"hello world"}');
  await selectFunction(page, 'my-function');
  await playground.showLogs();
  await expect(playground.logs.getByText(/\tINFO\tstream INSERT world hello world$/)).toBeVisible({ timeout: 60_000 });
});

test('a ConditionalCheckFailedException is caught by name, and a missing table is ResourceNotFoundException', async ({ playground, page }) => {
  await roomy(playground);
  await playground.setCode(`import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
const put = (n) => new PutItemCommand({ TableName: 'accounts', Item: { id: { S: 'a1' }, n: { N: String(n) } }, ConditionExpression: 'attribute_not_exists(id)' });
export const handler = async () => {
  await db.send(put(1));
  let second;
  try { await db.send(put(2)); } catch (e) { if (e.name === 'ConditionalCheckFailedException') second = 'refused: ' + e.$metadata.httpStatusCode; else throw e; }
  const { Item } = await db.send(new GetItemCommand({ TableName: 'accounts', Key: { id: { S: 'a1' } } }));
  let missing;
  try { await db.send(new GetItemCommand({ TableName: 'nope', Key: { id: { S: 'x' } } })); } catch (e) { missing = e.name; }
  return { second, n: Item.n.N, missing };
};`);
  await addTrigger(page, 'DynamoDB stream', { name: 'accounts' });
  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText('"second": "refused: 400"');
  await expect(playground.response).toContainText('"n": "1"');
  await expect(playground.response).toContainText('"missing": "ResourceNotFoundException"');
});

test('an S3 PutObject from a handler triggers another function, and GetObject streams the body back', async ({ playground, page }) => {
  await roomy(playground);
  await playground.setCode(`export const handler = async (event) => {
  const o = event.Records[0].s3.object;
  console.log('uploaded', event.Records[0].eventName, o.key, o.size);
};`);
  await addTrigger(page, 'S3 bucket', { name: 'uploads-bucket' });
  await addFunction(page, 'my-function-2');
  await roomy(playground);
  await playground.setCode(`import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'uploads-bucket', Key: 'in/report.txt', Body: 'quarterly numbers', ContentType: 'text/plain' }));
  const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads-bucket', Key: 'in/report.txt' }));
  let missing;
  try { await s3.send(new GetObjectCommand({ Bucket: 'uploads-bucket', Key: 'absent.txt' })); } catch (e) { missing = e.name + ' ' + e.$metadata.httpStatusCode; }
  return { text: await got.Body.transformToString(), etag: got.ETag, missing };
};`);
  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText('"text": "quarterly numbers"');
  await expect(playground.response).toContainText('"missing": "NoSuchKey 404"');
  await selectFunction(page, 'my-function');
  await playground.showLogs();
  await expect(playground.logs.getByText(/\tINFO\tuploaded ObjectCreated:Put in\/report\.txt 17$/)).toBeVisible({ timeout: 60_000 });
});

test('a Lambda Invoke from a handler returns the other function’s payload; a missing function is ResourceNotFoundException', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async (event) => ({ doubled: event.n * 2 });`);
  await addFunction(page, 'my-function-2');
  await roomy(playground);
  await playground.setCode(`import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const lambda = new LambdaClient({});
export const handler = async () => {
  const r = await lambda.send(new InvokeCommand({ FunctionName: 'my-function', Payload: JSON.stringify({ n: 21 }) }));
  let missing;
  try { await lambda.send(new InvokeCommand({ FunctionName: 'no-such-function' })); } catch (e) { missing = e.name; }
  return { status: r.StatusCode, payload: JSON.parse(new TextDecoder().decode(r.Payload)), version: r.ExecutedVersion, missing };
};`);
  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText('"doubled": 42');
  await expect(playground.response).toContainText('"status": 200');
  await expect(playground.response).toContainText('"version": "$LATEST"');
  await expect(playground.response).toContainText('"missing": "ResourceNotFoundException"');
});

test('a function that sends to the queue that triggers it is stopped by recursive loop detection after 16 invocations', async ({ playground, page }) => {
  await roomy(playground);
  await page.getByLabel('Platform waits', { exact: true }).selectOption({ index: 2 });
  await playground.setCode(`import { SQSClient, SendMessageCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  const hop = event.Records ? JSON.parse(event.Records[0].body).hop + 1 : 0;
  console.log('hop', hop);
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'loop-queue' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ hop }) }));
};`);
  await addTrigger(page, 'SQS queue', { name: 'loop-queue', detail: '1' });
  await playground.invoke({ timeout: 60_000 });
  await showView(page, 'Triggers');
  const queue = page.getByRole('region', { name: 'SQS queue' });
  await expect(queue.getByText(/Lambda stopped invocation 17 of my-function \(from an SQS queue\)/)).toBeVisible({ timeout: 120_000 });
  // The Invoke button's run started the chain; the queue invoked the function 16 times, the 17th was stopped.
  await playground.showLogs();
  await expect(playground.logs.getByText(/\tINFO\thop 16$/)).toBeVisible();
  await expect(playground.logs.getByText(/\tINFO\thop 17$/)).toHaveCount(0);
});
