import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../core/random';
import { SDK_TEST_CLIENT_CONFIG, sdkRequestHandler, type SdkWireRequest } from '../../core/services/sdkHarness.test-support';
import { S3Bucket } from '../../core/sources/s3Bucket';
import { SqsEventSourceMapping } from '../../core/sources/sqsEventSourceMapping';
import type { BilledRequests } from '../../core/services/serviceTypes';
import type { EventSource, SourceCommand, SourceContext } from '../../core/sources/sourceTypes';
import type { TraceSpan } from '../../core/tracing/traceSpan';
import type { WireAwsResponse } from '../../protocol/messages';
import type { AsyncInvokeResult, InvokeResult } from '../liveDriver';
import { AwsServiceHub, type AwsServicePorts } from './awsServiceHub';
import { CONSOLE_ENV_ID } from './consoleCaller';

const T0 = Date.UTC(2026, 0, 1);

/** A hub with hand-made ports: live sources, the commands they emit, and the invokes it makes. */
function rig(options: { sources?: EventSource[]; standalone?: Partial<AwsServicePorts>; invoke?: (name: string, payload: string, type: string, trace?: string) => InvokeResult | AsyncInvokeResult } = {}) {
  let now = T0;
  const commands: { sourceId: string; command: SourceCommand }[] = [];
  const invokes: { name: string; payload: string; type: string; origin: string; trace: string | undefined }[] = [];
  const hub = new AwsServiceHub({ now: () => now, random: createRandom(3), region: 'us-east-1', accountId: '123456789012', delay: () => Promise.resolve(), latency: false });
  const ports: AwsServicePorts = {
    sources: () => options.sources ?? [],
    act: (sourceId, action) => {
      const out: SourceCommand[] = [];
      action(out);
      for (const command of out) commands.push({ sourceId, command });
    },
    invoke: ((name: string, payload: string, type: string, origin: string, trace?: string) => {
      invokes.push({ name, payload, type, origin, trace });
      const r = options.invoke?.(name, payload, type, trace);
      return Promise.resolve(r ?? { kind: 'rejected', statusCode: 404, error: { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${name}`, trace: [] } });
    }) as AwsServicePorts['invoke'],
    qualifiers: (name) => (name === 'worker' ? ['$LATEST'] : undefined),
    standaloneQueues: () => [],
    standaloneTables: () => [],
    deadLetterQueueOf: () => undefined,
    standaloneBuckets: () => [],
    standaloneTopics: () => [],
    billed: () => undefined,
    traced: () => undefined,
    ...options.standalone,
  };
  hub.wire(ports);
  const caller = { functionName: 'caller', envId: 'env-1', requestId: 'req-1' };
  const send = async (r: SdkWireRequest) => {
    const answer: WireAwsResponse = await hub.handle({ method: r.method, hostname: r.hostname, path: r.path, query: r.query, headers: r.headers, body: r.body }, caller);
    if ('error' in answer) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer;
  };
  const config = { ...SDK_TEST_CLIENT_CONFIG, maxAttempts: 1, requestHandler: sdkRequestHandler(send) };
  return { hub, commands, invokes, config, advance: (ms: number) => (now += ms) };
}

function sourceContext(): SourceContext {
  return { clock: { now: () => T0 }, random: createRandom(5), region: 'us-east-1', accountId: '123456789012', waitScale: () => 1 };
}

describe('AwsServiceHub: the workspace services the SDK reaches', () => {
  it("bills handlers' requests, not the playground's own views' reads (the console caller)", async () => {
    const billed: unknown[] = [];
    const { hub } = rig({ standalone: { standaloneTables: () => [{ name: 'accounts', partitionKey: { name: 'id', type: 'S' } }], billed: (b) => billed.push(b) } });
    const put = { method: 'POST', hostname: 'dynamodb.us-east-1.amazonaws.com', path: '/', query: {}, headers: { 'x-amz-target': 'DynamoDB_20120810.PutItem' }, body: JSON.stringify({ TableName: 'accounts', Item: { id: { S: 'a' } } }) };
    await hub.handle(put, { functionName: 'console', envId: CONSOLE_ENV_ID, requestId: null });
    expect(billed).toEqual([]);
    await hub.handle(put, { functionName: 'writer', envId: 'env-9', requestId: 'r-1' });
    expect(billed).toEqual([{ type: 'billedRequests', service: 'dynamodb', action: 'PutItem', count: 1, unit: 'write' }]);
  });

  it('answers a host no service has as Node does when DNS fails', async () => {
    const { hub } = rig();
    const r = await hub.handle({ method: 'GET', hostname: 'example.com', path: '/', query: {}, headers: {}, body: '' }, { functionName: 'f', envId: 'e', requestId: null });
    expect(r).toEqual({ error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND example.com' } });
  });

  it('DynamoDB: a standalone table from the workspace takes writes; a condition failure is ConditionalCheckFailedException by name', async () => {
    const { config } = rig({ standalone: { standaloneTables: () => [{ name: 'accounts', partitionKey: { name: 'id', type: 'S' } }] } });
    const db = new DynamoDBClient(config);
    const put = new PutItemCommand({ TableName: 'accounts', Item: { id: { S: 'a' }, n: { N: '1' } }, ConditionExpression: 'attribute_not_exists(id)' });
    await db.send(put);
    await expect(db.send(put)).rejects.toMatchObject({ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } });
    const got = await db.send(new GetItemCommand({ TableName: 'accounts', Key: { id: { S: 'a' } } }));
    expect(got.Item).toEqual({ id: { S: 'a' }, n: { N: '1' } });
    await expect(db.send(new GetItemCommand({ TableName: 'missing', Key: { id: { S: 'a' } } }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('DynamoDB: each request reports the read or write request units it consumed to the bill (a failed conditional write too)', async () => {
    const billed: BilledRequests[] = [];
    const { config } = rig({ standalone: { standaloneTables: () => [{ name: 'accounts', partitionKey: { name: 'id', type: 'S' } }], billed: (b) => billed.push(b) } });
    const db = new DynamoDBClient(config);
    const put = new PutItemCommand({ TableName: 'accounts', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)' });
    await db.send(put);
    await expect(db.send(put)).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await db.send(new GetItemCommand({ TableName: 'accounts', Key: { id: { S: 'a' } } }));
    await db.send(new GetItemCommand({ TableName: 'accounts', Key: { id: { S: 'a' } }, ConsistentRead: true }));
    expect(billed.map((b) => [b.service, b.action, b.unit, b.count])).toEqual([
      ['dynamodb', 'PutItem', 'write', 1],
      ['dynamodb', 'PutItem', 'write', 1],
      ['dynamodb', 'GetItem', 'read', 0.5],
      ['dynamodb', 'GetItem', 'read', 1],
    ]);
  });

  it('SQS: a message for a trigger’s queue goes into that live queue, with the sender’s trace header as AWSTraceHeader', async () => {
    const mapping = new SqsEventSourceMapping(sourceContext(), { id: 'sqs-jobs', functionName: 'worker', queueName: 'jobs' });
    const { config, commands } = rig({ sources: [mapping] });
    const sqs = new SQSClient(config);
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));
    expect(QueueUrl).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/jobs');
    const trace = 'Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0';
    sqs.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'] = trace;
      return next(args);
    }, { step: 'build' });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'work' }));
    expect(sent.MD5OfMessageBody).toBe('67e92c8765a9bc7fb2d335c459de9eb5');
    // In the live queue, not in the model's copy: the mapping polled it at once and invokes its function with it,
    // continuing the sender's trace (Lambda's lineage added for recursive loop detection).
    const invoke = commands.find((c) => c.command.type === 'invoke');
    expect(invoke?.sourceId).toBe('sqs-jobs');
    const command = invoke?.command as Extract<SourceCommand, { type: 'invoke' }>;
    const record = (JSON.parse(command.payload) as { Records: { messageId: string; body: string; attributes: Record<string, string> }[] }).Records[0];
    expect(record).toMatchObject({ messageId: sent.MessageId, body: 'work', attributes: { AWSTraceHeader: trace } });
    expect(command.traceHeader).toMatch(/^Root=1-6b14abd2-a9101747e5334f228f542582;Parent=[0-9a-f]{16};Sampled=0;Lineage=[0-9a-f]{8}:0$/);
    expect(commands.find((c) => c.command.type === 'log')).toEqual({ sourceId: 'sqs-jobs', command: { type: 'log', atMs: T0, text: `Sent message ${sent.MessageId} (AWS SDK)` } });
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(again.Messages ?? []).toEqual([]);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('a request of a sampled trace is a subsegment of the caller’s function segment, and what it sends downstream names it as Parent', async () => {
    const mapping = new SqsEventSourceMapping(sourceContext(), { id: 'sqs-jobs', functionName: 'worker', queueName: 'jobs' });
    const spans: TraceSpan[] = [];
    const { config, commands } = rig({ sources: [mapping], standalone: { traced: (span) => spans.push(span), standaloneTables: () => [{ name: 'orders', partitionKey: { name: 'id', type: 'S' } }] } });
    const root = '1-6b14abd2-a9101747e5334f228f542582';
    const withTrace = <C extends { middlewareStack: SQSClient['middlewareStack'] }>(client: C, sampled: string): C => {
      client.middlewareStack.add((next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'] = `Root=${root};Parent=8f5425829a18c0e3;Sampled=${sampled}`;
        return next(args);
      }, { step: 'build' });
      return client;
    };
    const dynamo = withTrace(new DynamoDBClient(config) as unknown as SQSClient, '1') as unknown as DynamoDBClient;
    await dynamo.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'a' } } }));
    const sqs = withTrace(new SQSClient(config), '1');
    await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', MessageBody: 'work' }));
    expect(spans.map((s) => [s.traceId, s.parentId, s.kind, s.name, s.operation, s.resource, s.httpStatus, s.status])).toEqual([
      [root, '8f5425829a18c0e3', 'aws', 'DynamoDB', 'PutItem', 'orders', 200, 'ok'],
      [root, '8f5425829a18c0e3', 'aws', 'SQS', 'SendMessage', 'jobs', 200, 'ok'],
    ]);
    const invoke = commands.find((c) => c.command.type === 'invoke')?.command as Extract<SourceCommand, { type: 'invoke' }>;
    expect(invoke.traceHeader).toMatch(new RegExp(`^Root=${root};Parent=${spans[1]!.id};Sampled=1;Lineage=`));
    // Not sampled: no subsegment.
    const unsampled = withTrace(new SQSClient(config), '0');
    await unsampled.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', MessageBody: 'x' }));
    expect(spans).toHaveLength(2);
  });

  it('S3: a PutObject into a trigger’s bucket is stored there and fires its notification under the bucket’s source id', async () => {
    const bucket = new S3Bucket(sourceContext(), { id: 's3-uploads', bucketName: 'uploads' });
    bucket.addNotification({ id: 'n1', functionName: 'worker', events: ['s3:ObjectCreated:*'] });
    const { config, commands } = rig({ sources: [bucket] });
    const s3 = new S3Client(config);
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a/b.txt', Body: 'hello' }));
    expect(new TextDecoder().decode(bucket.getObjectBytes('a/b.txt') ?? new Uint8Array())).toBe('hello');
    const invoke = commands.find((c) => c.command.type === 'invoke');
    expect(invoke?.sourceId).toBe('s3-uploads');
    // The writer's trace context reaches the notified function, with Lambda's Lineage counting this first invocation of worker.
    s3.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'] = 'Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0';
      return next(args);
    }, { step: 'build' });
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'c.txt', Body: 'traced' }));
    const notified = commands.filter((c) => c.command.type === 'invoke').map((c) => c.command as Extract<SourceCommand, { type: 'invoke' }>);
    expect(notified.map((c) => c.traceHeader)).toEqual([undefined, expect.stringMatching(/^Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0;Lineage=[0-9a-f]{8}:0$/)]);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'a/b.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
    await expect(s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'none' }))).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });

  it('S3: a function that writes to the bucket that notifies it is stopped by recursive loop detection at its 17th invocation, and the bucket’s activity says so', async () => {
    const bucket = new S3Bucket(sourceContext(), { id: 's3-uploads', bucketName: 'uploads' });
    bucket.addNotification({ id: 'n1', functionName: 'worker', events: ['s3:ObjectCreated:*'] });
    const { config, commands } = rig({ sources: [bucket] });
    const s3 = new S3Client(config);
    // Each PutObject is made by the invocation the previous one caused: the SDK sends that invocation's header.
    let header = 'Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0';
    s3.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'] = header;
      return next(args);
    }, { step: 'build' });
    const invokes = () => commands.filter((c) => c.command.type === 'invoke').map((c) => c.command as Extract<SourceCommand, { type: 'invoke' }>);
    for (let n = 1; n <= 16; n += 1) {
      await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: `loop-${n}.txt`, Body: 'again' }));
      expect(invokes()).toHaveLength(n);
      header = invokes().at(-1)!.traceHeader!;
    }
    expect(header).toMatch(/;Lineage=[0-9a-f]{8}:15$/);
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'loop-17.txt', Body: 'again' }));
    // The object is stored; the notification's invocation is not made.
    expect(new TextDecoder().decode(bucket.getObjectBytes('loop-17.txt') ?? new Uint8Array())).toBe('again');
    expect(invokes()).toHaveLength(16);
    const notice = commands.find((c) => c.command.type === 'log' && c.command.text.startsWith('Lambda stopped invocation 17 of worker (from an S3 event notification)'));
    expect(notice?.sourceId).toBe('s3-uploads');
  });

  it('Lambda Invoke goes through the invoke port and answers with the function’s payload; the 17th call of a chain is RecursiveInvocationException', async () => {
    const finished = (payload: string): InvokeResult => ({ kind: 'finished', record: { requestId: 'r', version: '$LATEST' }, logs: [], response: { ok: true, payload } }) as unknown as InvokeResult;
    const { config, invokes } = rig({ invoke: () => finished('{"ok":true}') });
    const lambda = new LambdaClient(config);
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'worker', Payload: '{"n":1}' }));
    expect(new TextDecoder().decode(r.Payload)).toBe('{"ok":true}');
    expect(invokes[0]).toMatchObject({ name: 'worker', payload: '{"n":1}', type: 'RequestResponse', origin: 'Lambda Invoke from caller' });
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    // A caller whose trace already carries 16 invocations of worker.
    const arnHash = invokes[0]!.trace!.match(/Lineage=([0-9a-f]{8}):/)?.[1];
    expect(arnHash).toBeDefined();
    lambda.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'] = `Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0;Lineage=${arnHash}:16`;
      return next(args);
    }, { step: 'build' });
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'worker' }))).rejects.toMatchObject({ name: 'RecursiveInvocationException', $metadata: { httpStatusCode: 400 } });
    expect(invokes).toHaveLength(1);
  });
});
