import { describe, expect, it } from 'vitest';
import { bucketNameProblem, problemText, queueNameProblem, resourceProblem, sameResourceExists, tableNameProblem, topicNameProblem } from './resourceProblem';
import type { WorkspaceTrigger } from './workspaceTypes';
import { NO_RESOURCES, type WorkspaceResources } from './workspaceResources';

const text = (p: ReturnType<typeof tableNameProblem>): string | null => (p ? problemText(p) : null);

describe('resource names, as each service checks them', () => {
  it.each([
    ['orders', null],
    ['Orders_2024.v1-x', null],
    ['abc', null],
    ['a'.repeat(255), null],
    ['ab', "ValidationException: 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"],
    ['a'.repeat(256), `ValidationException: 1 validation error detected: Value '${'a'.repeat(256)}' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255`],
    ['my table', "ValidationException: 1 validation error detected: Value 'my table' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"],
  ])('table %j → %s', (name, expected) => {
    expect(text(tableNameProblem(name))).toBe(expected);
  });

  const BAD_BUCKET = 'InvalidBucketName: The specified bucket is not valid.';
  it.each([
    ['photos', null],
    ['my.photos-2024', null],
    ['abc', null],
    ['a'.repeat(63), null],
    ['ab', BAD_BUCKET],
    ['a'.repeat(64), BAD_BUCKET],
    ['Photos', BAD_BUCKET],
    ['my_photos', BAD_BUCKET],
    ['-photos', BAD_BUCKET],
    ['photos-', BAD_BUCKET],
    ['my..photos', BAD_BUCKET],
    ['192.168.5.4', BAD_BUCKET],
    ['xn--photos', BAD_BUCKET],
    ['sthree-photos', BAD_BUCKET],
    ['amzn-s3-demo-photos', BAD_BUCKET],
    ['photos-s3alias', BAD_BUCKET],
    ['photos--ol-s3', BAD_BUCKET],
    ['photos.mrap', BAD_BUCKET],
    ['photos--x-s3', BAD_BUCKET],
    ['photos--table-s3', BAD_BUCKET],
  ])('bucket %j → %s', (name, expected) => {
    expect(text(bucketNameProblem(name))).toBe(expected);
  });

  const BAD_QUEUE = 'InvalidParameterValue: Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length';
  it.each([
    ['q', null],
    ['orders_dlq-1', null],
    ['orders.fifo', null],
    ['a'.repeat(80), null],
    [`${'a'.repeat(75)}.fifo`, null],
    [`${'a'.repeat(76)}.fifo`, BAD_QUEUE],
    ['', BAD_QUEUE],
    ['.fifo', BAD_QUEUE],
    ['a'.repeat(81), BAD_QUEUE],
    ['orders.v2', BAD_QUEUE],
    ['my queue', BAD_QUEUE],
  ])('queue %j → %s', (name, expected) => {
    expect(text(queueNameProblem(name))).toBe(expected);
  });

  const BAD_TOPIC = 'InvalidParameter: Invalid parameter: Topic Name';
  it.each([
    ['alerts', null],
    ['alerts.fifo', null],
    ['a'.repeat(256), null],
    ['a'.repeat(257), BAD_TOPIC],
    ['', BAD_TOPIC],
    ['my.topic', BAD_TOPIC],
    ['alerts!', BAD_TOPIC],
  ])('topic %j → %s', (name, expected) => {
    expect(text(topicNameProblem(name))).toBe(expected);
  });
});

describe('creating a resource in a workspace', () => {
  const resources: WorkspaceResources = {
    ...NO_RESOURCES,
    tables: [{ name: 'orders', partitionKey: { name: 'pk', type: 'S' } }],
    buckets: [{ name: 'photos' }],
    queues: [{ name: 'dlq' }, { name: 'steps.fifo' }],
  };
  const triggers: WorkspaceTrigger[] = [
    { type: 'sqs', queue: 'incoming', function: 'f', settings: { batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: null, visibilityTimeoutS: 30, maxReceiveCount: null, reportBatchItemFailures: false, enabled: true, filterPatterns: [] } },
  ];
  const workspace = { resources, triggers };
  const check = (...args: Parameters<typeof resourceProblem>): string | null => text(resourceProblem(...args));

  it("refuses a name the account already has, a standalone resource's or a trigger's source, in the service's words", () => {
    expect(check('tables', { name: 'orders', partitionKey: { name: 'id', type: 'S' } }, workspace)).toBe('ResourceInUseException: Table already exists: orders');
    expect(check('buckets', { name: 'photos' }, workspace)).toBe('BucketAlreadyOwnedByYou: Your previous request to create the named bucket succeeded and you already own it.');
    expect(check('queues', { name: 'incoming', visibilityTimeoutS: 60 }, workspace)).toBe('QueueAlreadyExists: A queue already exists with the same name and a different value for attribute(s) VisibilityTimeout, RedrivePolicy');
    // Changing a resource keeps its own name.
    expect(check('tables', { name: 'orders', partitionKey: { name: 'pk', type: 'S' }, stream: true }, workspace, 'orders')).toBeNull();
  });

  it('creating a queue or topic again with the same attributes changes nothing, as CreateQueue and CreateTopic answer', () => {
    expect(sameResourceExists('queues', { name: 'dlq' }, workspace)).toBe(true);
    expect(sameResourceExists('queues', { name: 'dlq', visibilityTimeoutS: 5 }, workspace)).toBe(false);
    expect(sameResourceExists('topics', { name: 'alerts' }, { ...workspace, triggers: [{ type: 'sns', topic: 'alerts', subscriptions: [] }] })).toBe(true);
    expect(sameResourceExists('tables', { name: 'orders', partitionKey: { name: 'pk', type: 'S' } }, workspace)).toBe(false);
  });

  it("checks a table's key schema", () => {
    expect(check('tables', { name: 'events', partitionKey: { name: 'id', type: 'S' }, sortKey: { name: 'id', type: 'N' } }, workspace)).toBe(
      'ValidationException: Both the Hash Key and the Range Key element in the KeySchema have the same name',
    );
    expect(check('tables', { name: 'events', partitionKey: { name: '', type: 'S' } }, workspace)).toBe(
      "ValidationException: 1 validation error detected: Value '' at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(check('tables', { name: 'events', partitionKey: { name: 'id', type: 'B' }, sortKey: { name: 'at', type: 'N' }, stream: true }, workspace)).toBeNull();
  });

  it("checks a queue's visibility timeout and redrive policy", () => {
    const redrive = (dlq: string, n: string): string => `InvalidParameterValue: Value {"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:${dlq}","maxReceiveCount":"${n}"} for parameter RedrivePolicy is invalid. Reason: `;
    expect(check('queues', { name: 'jobs', visibilityTimeoutS: 43_201 }, workspace)).toBe('InvalidAttributeValue: Invalid value for the parameter VisibilityTimeout.');
    expect(check('queues', { name: 'jobs', visibilityTimeoutS: 1.5 }, workspace)).toBe('InvalidAttributeValue: Invalid value for the parameter VisibilityTimeout.');
    expect(check('queues', { name: 'jobs', visibilityTimeoutS: 0, deadLetterQueue: 'dlq', maxReceiveCount: 5 }, workspace)).toBeNull();
    expect(check('queues', { name: 'jobs', deadLetterQueue: 'missing', maxReceiveCount: 5 }, workspace)).toBe(`${redrive('missing', '5')}Dead letter target does not exist.`);
    expect(check('queues', { name: 'jobs', deadLetterQueue: 'jobs', maxReceiveCount: 5 }, workspace)).toBe(`${redrive('jobs', '5')}Dead letter target does not exist.`);
    expect(check('queues', { name: 'jobs', deadLetterQueue: 'dlq', maxReceiveCount: 0 }, workspace)).toBe(`${redrive('dlq', '0')}Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.`);
    expect(check('queues', { name: 'jobs', deadLetterQueue: 'dlq' }, workspace)).toBe(`${redrive('dlq', '')}Redrive policy does not contain mandatory attribute: maxReceiveCount.`);
    expect(check('queues', { name: 'jobs', maxReceiveCount: 3 }, workspace)).toBe(`${redrive('', '3')}Redrive policy does not contain mandatory attribute: deadLetterTargetArn.`);
    expect(check('queues', { name: 'jobs.fifo', deadLetterQueue: 'dlq', maxReceiveCount: 3 }, workspace)).toBe(`${redrive('dlq', '3')}Dead-letter queue must be same type of queue as the source.`);
    expect(check('queues', { name: 'jobs.fifo', deadLetterQueue: 'steps.fifo', maxReceiveCount: 3 }, workspace)).toBeNull();
  });
});
