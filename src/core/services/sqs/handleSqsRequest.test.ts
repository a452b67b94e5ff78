import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { env, jsonRequest } from '../serviceTest.test-support';
import { handleSqsRequest } from './handleSqsRequest';
import { createSqsServiceState, type SqsServiceState } from './sqsServiceState';

const URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const FIFO_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

function fresh(): SqsServiceState {
  return createSqsServiceState(
    [
      { name: 'orders', visibilityTimeoutS: 30, maxReceiveCount: 2 },
      { name: 'orders.fifo' },
      { name: 'dedup.fifo', contentBasedDeduplication: true },
    ],
    createRandom(1),
  );
}

let seed = 100;
function call(state: SqsServiceState, operation: string, input: unknown, nowMs = 1_000_000) {
  const r = handleSqsRequest(state, jsonRequest('1.0', `AmazonSQS.${operation}`, input), env(nowMs, seed++));
  return { ...r, json: JSON.parse(r.response.body) as Record<string, unknown> };
}

describe('SQS JSON protocol: errors in the shape SQS sends', () => {
  const cases: { name: string; operation: string; input: unknown; type: string; query: string; message: string | RegExp }[] = [
    { name: 'GetQueueUrl of an unknown queue', operation: 'GetQueueUrl', input: { QueueName: 'nope' }, type: 'com.amazonaws.sqs#QueueDoesNotExist', query: 'AWS.SimpleQueueService.NonExistentQueue;Sender', message: 'The specified queue does not exist.' },
    { name: 'another account', operation: 'SendMessage', input: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/999999999999/orders', MessageBody: 'x' }, type: 'com.amazonaws.sqs#QueueDoesNotExist', query: 'AWS.SimpleQueueService.NonExistentQueue;Sender', message: 'The specified queue does not exist.' },
    { name: 'no body', operation: 'SendMessage', input: { QueueUrl: URL }, type: 'com.amazonaws.sqs#MissingParameter', query: 'MissingParameter;Sender', message: 'The request must contain the parameter MessageBody.' },
    { name: 'empty body', operation: 'SendMessage', input: { QueueUrl: URL, MessageBody: '' }, type: 'com.amazonaws.sqs#InvalidParameterValue', query: 'InvalidParameterValue;Sender', message: 'One or more parameters are invalid. Reason: Message must be at least one character.' },
    { name: 'over the size limit', operation: 'SendMessage', input: { QueueUrl: URL, MessageBody: 'x'.repeat(1_048_577) }, type: 'com.amazonaws.sqs#InvalidParameterValue', query: 'InvalidParameterValue;Sender', message: 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.' },
    { name: 'a control character', operation: 'SendMessage', input: { QueueUrl: URL, MessageBody: 'a\u0001' }, type: 'com.amazonaws.sqs#InvalidMessageContents', query: 'InvalidMessageContents;Sender', message: /^Invalid binary character '#x1' was found in the message body/ },
    { name: 'FIFO without a group', operation: 'SendMessage', input: { QueueUrl: FIFO_URL, MessageBody: 'x', MessageDeduplicationId: 'd' }, type: 'com.amazonaws.sqs#MissingParameter', query: 'MissingParameter;Sender', message: 'The request must contain the parameter MessageGroupId.' },
    { name: 'FIFO without a deduplication id', operation: 'SendMessage', input: { QueueUrl: FIFO_URL, MessageBody: 'x', MessageGroupId: 'g' }, type: 'com.amazonaws.sqs#InvalidParameterValue', query: 'InvalidParameterValue;Sender', message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
    { name: 'MaxNumberOfMessages 11', operation: 'ReceiveMessage', input: { QueueUrl: URL, MaxNumberOfMessages: 11 }, type: 'com.amazonaws.sqs#InvalidParameterValue', query: 'InvalidParameterValue;Sender', message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' },
    { name: 'WaitTimeSeconds 21', operation: 'ReceiveMessage', input: { QueueUrl: URL, WaitTimeSeconds: 21 }, type: 'com.amazonaws.sqs#InvalidParameterValue', query: 'InvalidParameterValue;Sender', message: 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.' },
    { name: 'a malformed receipt handle', operation: 'DeleteMessage', input: { QueueUrl: URL, ReceiptHandle: 'abc' }, type: 'com.amazonaws.sqs#ReceiptHandleIsInvalid', query: 'ReceiptHandleIsInvalid;Sender', message: 'The input receipt handle "abc" is not a valid receipt handle.' },
    { name: 'an empty batch', operation: 'SendMessageBatch', input: { QueueUrl: URL, Entries: [] }, type: 'com.amazonaws.sqs#EmptyBatchRequest', query: 'AWS.SimpleQueueService.EmptyBatchRequest;Sender', message: 'There should be at least one SendMessageBatchRequestEntry in the request.' },
    { name: 'eleven entries', operation: 'SendMessageBatch', input: { QueueUrl: URL, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' })) }, type: 'com.amazonaws.sqs#TooManyEntriesInBatchRequest', query: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest;Sender', message: 'Maximum number of entries per request are 10. You have sent 11.' },
    { name: 'repeated ids', operation: 'DeleteMessageBatch', input: { QueueUrl: URL, Entries: [{ Id: 'a', ReceiptHandle: 'x' }, { Id: 'a', ReceiptHandle: 'y' }] }, type: 'com.amazonaws.sqs#BatchEntryIdsNotDistinct', query: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct;Sender', message: 'Id a repeated.' },
    { name: 'a bad entry id', operation: 'SendMessageBatch', input: { QueueUrl: URL, Entries: [{ Id: 'a b', MessageBody: 'x' }] }, type: 'com.amazonaws.sqs#InvalidBatchEntryId', query: 'AWS.SimpleQueueService.InvalidBatchEntryId;Sender', message: /^A batch entry id can only contain/ },
    { name: 'a batch over the size limit', operation: 'SendMessageBatch', input: { QueueUrl: URL, Entries: [{ Id: 'a', MessageBody: 'x'.repeat(600_000) }, { Id: 'b', MessageBody: 'y'.repeat(600_000) }] }, type: 'com.amazonaws.sqs#BatchRequestTooLong', query: 'AWS.SimpleQueueService.BatchRequestTooLong;Sender', message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.' },
  ];
  it.each(cases)('$name', ({ operation, input, type, query, message }) => {
    const state = fresh();
    const r = call(state, operation, input);
    expect(r.response.status).toBe(400);
    expect(r.response.headers['Content-Type']).toBe('application/x-amz-json-1.0');
    expect(r.response.headers['x-amzn-query-error']).toBe(query);
    expect(r.json['__type']).toBe(type);
    if (typeof message === 'string') expect(r.json['message']).toBe(message);
    else expect(r.json['message']).toMatch(message);
    expect(r.state).toBe(state);
    expect(r.effects).toEqual([]);
  });

  it('an operation it does not model is refused as SQS refuses one it lacks', () => {
    const r = call(fresh(), 'PurgeQueue', { QueueUrl: URL });
    expect(r.json['__type']).toBe('com.amazonaws.sqs#UnsupportedOperation');
    expect(r.response.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.UnsupportedOperation;Sender');
  });

  it('a body that is not JSON is a SerializationException', () => {
    const r = handleSqsRequest(fresh(), { ...jsonRequest('1.0', 'AmazonSQS.SendMessage', {}), body: '{' }, env(0));
    expect(r.response.status).toBe(400);
    expect(JSON.parse(r.response.body)).toMatchObject({ __type: 'com.amazon.coral.service#SerializationException' });
  });
});

describe('SQS operations', () => {
  it('GetQueueUrl answers the regional URL', () => {
    const r = call(fresh(), 'GetQueueUrl', { QueueName: 'orders' });
    expect(r.response.status).toBe(200);
    expect(r.json).toEqual({ QueueUrl: URL });
  });

  it('SendMessage answers the id and the digests, and the message is delivered to the platform', () => {
    const attributes = { kind: { DataType: 'String', StringValue: 'new' } };
    const r = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'hello', MessageAttributes: attributes });
    expect(r.json['MD5OfMessageBody']).toBe(md5('hello'));
    expect(r.json['MD5OfMessageAttributes']).toMatch(/^[0-9a-f]{32}$/);
    expect(r.json['MessageId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.effects).toEqual([
      { type: 'sqsMessagesSent', queueName: 'orders', queueArn: 'arn:aws:sqs:us-east-1:123456789012:orders', messages: [expect.objectContaining({ messageId: r.json['MessageId'], body: 'hello' })] },
      { type: 'billedRequests', service: 'sqs', action: 'SendMessage', count: 1 },
    ]);
  });

  it('a 64 KiB payload and one byte more is billed as two requests', () => {
    const r = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'x'.repeat(65_537) });
    expect(r.effects.at(-1)).toEqual({ type: 'billedRequests', service: 'sqs', action: 'SendMessage', count: 2 });
  });

  it('ReceiveMessage: attributes asked for, MD5s, visibility timeout and receive counts on the request time', () => {
    let s = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'hello', MessageAttributes: { a: { DataType: 'String', StringValue: '1' }, b: { DataType: 'Number', StringValue: '2' } } }, 1_000).state;
    const first = call(s, 'ReceiveMessage', { QueueUrl: URL, MaxNumberOfMessages: 10, VisibilityTimeout: 5, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['a'] }, 2_000);
    s = first.state;
    const [m] = first.json['Messages'] as Record<string, unknown>[];
    expect(m).toMatchObject({ Body: 'hello', MD5OfBody: md5('hello'), MessageAttributes: { a: { DataType: 'String', StringValue: '1' } } });
    expect(m!['Attributes']).toMatchObject({ ApproximateReceiveCount: '1', SentTimestamp: '1000', ApproximateFirstReceiveTimestamp: '2000' });
    expect(m!['ReceiptHandle']).toMatch(/^AQEB/);
    expect(call(s, 'ReceiveMessage', { QueueUrl: URL }, 6_999).json).toEqual({});
    const again = call(s, 'ReceiveMessage', { QueueUrl: URL, AttributeNames: ['ApproximateReceiveCount'] }, 7_000);
    const [m2] = again.json['Messages'] as Record<string, unknown>[];
    expect(m2!['Attributes']).toEqual({ ApproximateReceiveCount: '2' });
    expect(m2!['MessageAttributes']).toBeUndefined();
    expect(m2!['ReceiptHandle']).not.toBe(m!['ReceiptHandle']);
  });

  it('a message received maxReceiveCount times goes to the dead-letter queue on the next receive', () => {
    let s = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'poison' }, 0).state;
    s = call(s, 'ReceiveMessage', { QueueUrl: URL, VisibilityTimeout: 1 }, 0).state;
    s = call(s, 'ReceiveMessage', { QueueUrl: URL, VisibilityTimeout: 1 }, 1_000).state;
    const r = call(s, 'ReceiveMessage', { QueueUrl: URL }, 2_000);
    expect(r.json).toEqual({});
    expect(r.effects[0]).toMatchObject({ type: 'sqsDeadLettered', queueName: 'orders', messages: [expect.objectContaining({ body: 'poison', receiveCount: 2 })] });
    expect(r.state.queues['orders']!.messages).toEqual([]);
  });

  it('an empty long poll answers at once and says how long SQS would wait', () => {
    const r = call(fresh(), 'ReceiveMessage', { QueueUrl: URL, WaitTimeSeconds: 20 }, 5_000);
    expect(r.json).toEqual({});
    expect(r.effects[0]).toEqual({ type: 'sqsLongPoll', queueName: 'orders', untilMs: 25_000 });
  });

  it('DeleteMessage deletes with the latest handle only; an older one succeeds without deleting', () => {
    let s = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'x' }, 0).state;
    const first = call(s, 'ReceiveMessage', { QueueUrl: URL, VisibilityTimeout: 1 }, 0);
    const old = (first.json['Messages'] as { ReceiptHandle: string }[])[0]!.ReceiptHandle;
    const second = call(first.state, 'ReceiveMessage', { QueueUrl: URL }, 1_000);
    const latest = (second.json['Messages'] as { ReceiptHandle: string }[])[0]!.ReceiptHandle;
    s = call(second.state, 'DeleteMessage', { QueueUrl: URL, ReceiptHandle: old }).state;
    expect(s.queues['orders']!.messages).toHaveLength(1);
    const deleted = call(s, 'DeleteMessage', { QueueUrl: URL, ReceiptHandle: latest });
    expect(deleted.response.status).toBe(200);
    expect(deleted.json).toEqual({});
    expect(deleted.state.queues['orders']!.messages).toEqual([]);
  });

  it('SendMessageBatch and DeleteMessageBatch report each entry', () => {
    const sent = call(fresh(), 'SendMessageBatch', { QueueUrl: URL, Entries: [{ Id: 'a', MessageBody: 'one' }, { Id: 'b', MessageBody: '' }, { Id: 'c', MessageBody: 'three', DelaySeconds: 10 }] }, 0);
    expect(sent.json['Successful']).toEqual([
      expect.objectContaining({ Id: 'a', MD5OfMessageBody: md5('one') }),
      expect.objectContaining({ Id: 'c', MD5OfMessageBody: md5('three') }),
    ]);
    expect(sent.json['Failed']).toEqual([{ Id: 'b', SenderFault: true, Code: 'InvalidParameterValue', Message: 'One or more parameters are invalid. Reason: Message must be at least one character.' }]);
    const got = call(sent.state, 'ReceiveMessage', { QueueUrl: URL, MaxNumberOfMessages: 10 }, 0);
    expect((got.json['Messages'] as { Body: string }[]).map((m) => m.Body)).toEqual(['one']);
    const handle = (got.json['Messages'] as { ReceiptHandle: string }[])[0]!.ReceiptHandle;
    const del = call(got.state, 'DeleteMessageBatch', { QueueUrl: URL, Entries: [{ Id: 'x', ReceiptHandle: handle }, { Id: 'y', ReceiptHandle: 'bad' }] });
    expect(del.json).toEqual({ Successful: [{ Id: 'x' }], Failed: [{ Id: 'y', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "bad" is not a valid receipt handle.' }] });
    expect(del.state.queues['orders']!.messages.map((m) => m.body)).toEqual(['three']);
  });

  it('ChangeMessageVisibility: 0 makes a message visible at once; a message no longer in flight, or deleted, is refused', () => {
    const s = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'x' }, 0).state;
    const got = call(s, 'ReceiveMessage', { QueueUrl: URL }, 0);
    const handle = (got.json['Messages'] as { ReceiptHandle: string }[])[0]!.ReceiptHandle;
    const changed = call(got.state, 'ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: handle, VisibilityTimeout: 0 }, 1_000);
    expect(changed.response.status).toBe(200);
    expect(call(changed.state, 'ReceiveMessage', { QueueUrl: URL }, 1_000).json['Messages']).toHaveLength(1);
    const late = call(got.state, 'ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: handle, VisibilityTimeout: 60 }, 30_000);
    expect(late.json).toEqual({ __type: 'com.amazonaws.sqs#MessageNotInflight', message: "The specified message isn't in flight." });
    expect(late.response.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.MessageNotInflight;Sender');
    const deleted = call(got.state, 'DeleteMessage', { QueueUrl: URL, ReceiptHandle: handle }, 1_000).state;
    const gone = call(deleted, 'ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: handle, VisibilityTimeout: 60 }, 1_000);
    expect(gone.json).toEqual({ __type: 'com.amazonaws.sqs#InvalidParameterValue', message: `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.` });
    const tooLong = call(got.state, 'ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: handle, VisibilityTimeout: 43_200 }, 10_000);
    expect(tooLong.json['message']).toBe('Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].');
  });
});

describe('SQS FIFO queues', () => {
  it('a deduplication id seen within 5 minutes is accepted, answered with the first id, and not delivered again', () => {
    const first = call(fresh(), 'SendMessage', { QueueUrl: FIFO_URL, MessageBody: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }, 0);
    expect(first.json['SequenceNumber']).toMatch(/^\d{20}$/);
    const dup = call(first.state, 'SendMessage', { QueueUrl: FIFO_URL, MessageBody: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }, 299_999);
    expect(dup.json['MessageId']).toBe(first.json['MessageId']);
    expect(dup.effects.map((e) => e.type)).toEqual(['billedRequests']);
    // A FIFO queue's request is billed at the FIFO price (the bill's services section).
    expect(dup.effects).toEqual([{ type: 'billedRequests', service: 'sqs', action: 'SendMessage', count: 1, fifo: true }]);
    const after = call(dup.state, 'SendMessage', { QueueUrl: FIFO_URL, MessageBody: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }, 300_000);
    expect(after.json['MessageId']).not.toBe(first.json['MessageId']);
    expect(after.state.queues['orders.fifo']!.messages).toHaveLength(2);
  });

  it('content-based deduplication uses the body', () => {
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/dedup.fifo';
    const a = call(fresh(), 'SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' });
    const b = call(a.state, 'SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' });
    expect(b.json['MessageId']).toBe(a.json['MessageId']);
    expect(b.state.queues['dedup.fifo']!.messages).toHaveLength(1);
  });

  it('a group is received in order, and not while one of its messages is in flight', () => {
    let s = fresh();
    for (const [i, g] of [[1, 'A'], [2, 'A'], [3, 'B']] as const) {
      s = call(s, 'SendMessage', { QueueUrl: FIFO_URL, MessageBody: `${g}${i}`, MessageGroupId: g, MessageDeduplicationId: `d${i}` }, 0).state;
    }
    const one = call(s, 'ReceiveMessage', { QueueUrl: FIFO_URL, MaxNumberOfMessages: 1, AttributeNames: ['MessageGroupId'] }, 0);
    expect((one.json['Messages'] as { Body: string; Attributes: unknown }[])[0]).toMatchObject({ Body: 'A1', Attributes: { MessageGroupId: 'A' } });
    const next = call(one.state, 'ReceiveMessage', { QueueUrl: FIFO_URL, MaxNumberOfMessages: 10 }, 0);
    expect((next.json['Messages'] as { Body: string }[]).map((m) => m.Body)).toEqual(['B3']);
  });

  it('a per-message delay is refused on a FIFO queue', () => {
    const r = call(fresh(), 'SendMessage', { QueueUrl: FIFO_URL, MessageBody: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 5 });
    expect(r.json['message']).toBe('Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.');
  });
});

describe('SQS: more of what SQS checks and answers', () => {
  it('DelaySeconds hides a message of a standard queue until its time', () => {
    const s = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'later', DelaySeconds: 10 }, 0).state;
    expect(call(s, 'ReceiveMessage', { QueueUrl: URL }, 9_999).json).toEqual({});
    expect(call(s, 'ReceiveMessage', { QueueUrl: URL }, 10_000).json['Messages']).toHaveLength(1);
  });

  it('a binary attribute comes back as base64, with SQS’s digest of its bytes', () => {
    const attributes = { bin: { DataType: 'Binary', BinaryValue: 'AAEC/w==' } };
    const sent = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'b', MessageAttributes: attributes }, 0);
    const got = call(sent.state, 'ReceiveMessage', { QueueUrl: URL, MessageAttributeNames: ['All'] }, 0);
    const [m] = got.json['Messages'] as Record<string, unknown>[];
    expect(m!['MessageAttributes']).toEqual(attributes);
    expect(m!['MD5OfMessageAttributes']).toBe(sent.json['MD5OfMessageAttributes']);
  });

  const refusals: { name: string; input: Record<string, unknown>; message: string }[] = [
    { name: 'a deduplication id on a standard queue', input: { MessageDeduplicationId: 'd' }, message: 'Value d for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.' },
    { name: 'an attribute of an unknown type', input: { MessageAttributes: { a: { DataType: 'Date', StringValue: 'x' } } }, message: "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String." },
    { name: 'DelaySeconds over 900', input: { DelaySeconds: 901 }, message: 'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.' },
  ];
  it.each(refusals)('refuses $name with InvalidParameterValue', ({ input, message }) => {
    const r = call(fresh(), 'SendMessage', { QueueUrl: URL, MessageBody: 'x', ...input });
    expect(r.json).toEqual({ __type: 'com.amazonaws.sqs#InvalidParameterValue', message });
  });

  it('GetQueueUrl with another owner account finds nothing', () => {
    expect(call(fresh(), 'GetQueueUrl', { QueueName: 'orders', QueueOwnerAWSAccountId: '999999999999' }).json['__type']).toBe('com.amazonaws.sqs#QueueDoesNotExist');
  });

  it('a request for another service’s target, or not a POST, is not an SQS operation', () => {
    const wrong = handleSqsRequest(fresh(), jsonRequest('1.0', 'AWSEvents.PutEvents', {}), env(0));
    expect(JSON.parse(wrong.response.body)).toMatchObject({ __type: 'com.amazon.coral.service#UnknownOperationException' });
    const get = handleSqsRequest(fresh(), { ...jsonRequest('1.0', 'AmazonSQS.GetQueueUrl', {}), method: 'GET' }, env(0));
    expect(get.response.status).toBe(404);
  });

  it('the same request on the same state and seed gives the same answer (pure)', () => {
    const s = fresh();
    const a = handleSqsRequest(s, jsonRequest('1.0', 'AmazonSQS.SendMessage', { QueueUrl: URL, MessageBody: 'x' }), env(5, 42));
    const b = handleSqsRequest(s, jsonRequest('1.0', 'AmazonSQS.SendMessage', { QueueUrl: URL, MessageBody: 'x' }), env(5, 42));
    expect(a).toEqual(b);
    expect(s.queues['orders']!.messages).toEqual([]);
  });
});
