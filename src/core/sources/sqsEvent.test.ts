import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { judgeSqsBatch } from './sqsBatch';
import { parseSqsBatchResponse } from './sqsBatchResponse';
import { buildSqsEvent, sqsEventBytes, sqsRecordBytes } from './sqsEvent';
import { SqsQueue } from './sqsQueue';
import { FUNCTION_ERROR, SqsTestHub, T0, THROTTLED, reply } from './sqsTestHub.test-support';
import type { SourceCommand } from './sourceTypes';

describe('the SQS event (lambda-model.md §7)', () => {
  const hub = new SqsTestHub();
  const queue = new SqsQueue(hub.ctx, { name: 'orders' });
  const out: SourceCommand[] = [];
  queue.send('{"order":1}', { myAttribute: { DataType: 'String', StringValue: 'myValue' }, blob: { DataType: 'Binary', BinaryValue: 'AQID' } }, out);
  queue.send('second', undefined, out);
  hub.clock.advance(2);
  const messages = queue.receive(10, out);
  const event = buildSqsEvent(messages, queue.arn, 'us-east-1') satisfies SQSEvent;

  it('has one record per message, field by field as Lambda sends it', () => {
    expect(event.Records).toHaveLength(2);
    const r: SQSRecord = event.Records[0]!;
    expect(Object.keys(r)).toEqual(['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
    expect(r.messageId).toBe(messages[0]!.messageId);
    expect(r.receiptHandle).toBe(messages[0]!.receiptHandle);
    expect(r.body).toBe('{"order":1}');
    expect(r.attributes).toEqual({
      ApproximateReceiveCount: '1',
      SentTimestamp: String(T0),
      SenderId: messages[0]!.senderId,
      ApproximateFirstReceiveTimestamp: String(T0 + 2),
    });
    expect(r.md5OfBody).toBe(createHash('md5').update('{"order":1}').digest('hex'));
    expect(r.eventSource).toBe('aws:sqs');
    expect(r.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders');
    expect(r.awsRegion).toBe('us-east-1');
  });

  it('gives message attributes in the mapping shape: lower-case keys and empty list fields', () => {
    expect(event.Records[0]!.messageAttributes).toEqual({
      myAttribute: { stringValue: 'myValue', stringListValues: [], binaryListValues: [], dataType: 'String' },
      blob: { binaryValue: 'AQID', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
    });
    expect(event.Records[1]!.messageAttributes).toEqual({});
  });

  it('sizes records before they are received, so a batch can stop short of 6 MB', () => {
    const waiting = new SqsQueue(hub.ctx, { name: 'orders' });
    waiting.send('{"order":1}', { myAttribute: { DataType: 'String', StringValue: 'myValue' } }, out);
    const [m] = waiting.receive(1, out, { fits: (candidate) => sqsRecordBytes(candidate, waiting.arn, 'us-east-1') > 0 });
    const exact = new TextEncoder().encode(JSON.stringify(buildSqsEvent([m!], waiting.arn, 'us-east-1'))).length;
    const counted = sqsEventBytes(sqsRecordBytes({ ...m!, receiveCount: 0 }, waiting.arn, 'us-east-1'));
    expect(counted).toBeGreaterThanOrEqual(exact);
    expect(counted - exact).toBeLessThan(4);
  });
});

describe('partial batch responses (lambda-model.md §4)', () => {
  const ids = ['id-1', 'id-2', 'id-3'];
  it.each([
    ['null', { kind: 'allSucceeded' }],
    ['{}', { kind: 'allSucceeded' }],
    ['{"statusCode":200}', { kind: 'allSucceeded' }],
    ['{"batchItemFailures":[]}', { kind: 'allSucceeded' }],
    ['{"batchItemFailures":null}', { kind: 'allSucceeded' }],
    ['{"batchItemFailures":[{"itemIdentifier":"id-2"}]}', { kind: 'partial', failedIds: ['id-2'] }],
    ['{"batchItemFailures":[{"itemIdentifier":"id-3"},{"itemIdentifier":"id-1"},{"itemIdentifier":"id-3"}]}', { kind: 'partial', failedIds: ['id-3', 'id-1'] }],
  ])('%s is read as %j', (payload, expected) => {
    expect(parseSqsBatchResponse(payload, ids)).toEqual(expected);
  });

  it.each([
    ['not json', 'the response is not valid JSON'],
    ['"ok"', 'the response is not a batchItemFailures object'],
    ['[{"itemIdentifier":"id-1"}]', 'the response is not a batchItemFailures object'],
    ['{"batchItemFailures":"id-1"}', 'batchItemFailures is not a list'],
    ['{"batchItemFailures":[{"itemIdentifier":""}]}', 'an itemIdentifier is empty'],
    ['{"batchItemFailures":[{"itemIdentifier":null}]}', 'an itemIdentifier is null'],
    ['{"batchItemFailures":[{"itemId":"id-1"}]}', 'a batchItemFailures entry has no itemIdentifier'],
    ['{"batchItemFailures":["id-1"]}', 'a batchItemFailures entry has no itemIdentifier'],
    ['{"batchItemFailures":[{"itemIdentifier":"id-9"}]}', 'itemIdentifier "id-9" is not a message of the batch'],
    ['{"batchItemFailures":[{"itemIdentifier":"id-1"},{"itemIdentifier":"nope"}]}', 'itemIdentifier "nope" is not a message of the batch'],
    ['{"batchItemFailures":[{"itemIdentifier":7}]}', 'itemIdentifier 7 is not a message of the batch'],
  ])('%s fails the whole batch', (payload, reason) => {
    expect(parseSqsBatchResponse(payload, ids)).toEqual({ kind: 'batchFailed', reason });
  });

  it('type-checks against SQSBatchResponse', () => {
    const response = { batchItemFailures: [{ itemIdentifier: 'id-1' }] } satisfies SQSBatchResponse;
    expect(parseSqsBatchResponse(JSON.stringify(response), ids)).toEqual({ kind: 'partial', failedIds: ['id-1'] });
  });

  it('judges invoke results: success, listed failures, function errors and throttles', () => {
    expect(judgeSqsBatch(reply({ batchItemFailures: [{ itemIdentifier: 'id-2' }] }), ids, false)).toMatchObject({ deleteIds: ids, failedCount: 0 });
    expect(judgeSqsBatch(reply({ batchItemFailures: [{ itemIdentifier: 'id-2' }] }), ids, true)).toMatchObject({ deleteIds: ['id-1', 'id-3'], failedCount: 1 });
    expect(judgeSqsBatch(FUNCTION_ERROR, ids, true)).toMatchObject({ deleteIds: [], failedCount: 3, functionError: true, throttled: false, why: 'function error (Error: poison)' });
    expect(judgeSqsBatch(THROTTLED, ids, false)).toMatchObject({ deleteIds: [], failedCount: 3, throttled: true, why: 'invoke refused (429 TooManyRequestsException)' });
  });
});
