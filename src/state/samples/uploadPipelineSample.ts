import type { Workspace } from '../../core/workspace/workspaceTypes';
import type { SampleBase } from './sampleBase';
import { jsonEvent, s3PutEvent, sampleIds, sqsEvent } from './sampleEvents';
import { sampleFunction } from './sampleFunction';

const BUCKET = 'sample-uploads';
const WORK_QUEUE = 'work-queue';
const LOOP_QUEUE = 'loop-queue';
const ORDERS_CSV = 'orderId,sku,quantity\nA-1001,book,2\nA-1002,pen,10\nA-1003,lamp,1\n';
const POISON_CSV = 'orderId,sku,quantity\nB-2001,book,1\nB-2002,pen,-3\nB-2003,lamp,2\n';

/**
 * Sample application 2: an S3 upload pipeline through SQS. upload puts an
 * object, the bucket's notification invokes processor, which reads it and
 * sends its lines to a queue; worker consumes the queue with partial batch
 * failures, and the queue's redrive policy moves a poison message to its
 * dead-letter queue. recursive-loop, an extra, sends to the queue that
 * invokes it, and Lambda's recursive loop detection stops it. Platform waits
 * run 60× faster while nothing executes, so the redeliveries after each
 * 30 s visibility timeout show within seconds.
 */
export function uploadPipelineSample(base: SampleBase): Workspace {
  return {
    ...base.workspace,
    name: 'Sample: S3 upload pipeline through SQS',
    functions: [
      sampleFunction(base, {
        name: 'upload',
        source: 'uploadReport.mjs',
        environment: { BUCKET_NAME: BUCKET },
        event: jsonEvent({ fileName: 'orders.csv', csv: ORDERS_CSV }),
        savedEvents: [
          { name: 'Upload three orders', json: jsonEvent({ fileName: 'orders.csv', csv: ORDERS_CSV }) },
          { name: 'Upload with a poison line', json: jsonEvent({ fileName: 'orders-poison.csv', csv: POISON_CSV }) },
        ],
      }),
      sampleFunction(base, {
        name: 'processor',
        source: 'processUpload.mjs',
        environment: { QUEUE_URL: sampleIds.queueUrl(WORK_QUEUE) },
        event: s3PutEvent(BUCKET, 'incoming/orders.csv', ORDERS_CSV.length),
      }),
      sampleFunction(base, {
        name: 'worker',
        source: 'workOrders.mjs',
        event: sqsEvent(WORK_QUEUE, [
          { orderId: 'A-1001', sku: 'book', quantity: '2', source: 'incoming/orders.csv' },
          { orderId: 'B-2002', sku: 'pen', quantity: '-3', source: 'incoming/orders-poison.csv' },
        ]),
      }),
      sampleFunction(base, {
        name: 'recursive-loop',
        source: 'recursiveLoop.mjs',
        environment: { QUEUE_URL: sampleIds.queueUrl(LOOP_QUEUE) },
        event: jsonEvent({ loop: true }),
        savedEvents: [
          { name: 'Start the loop', json: jsonEvent({ loop: true }) },
          { name: 'One message, no loop', json: jsonEvent({ loop: false }) },
        ],
      }),
    ],
    triggers: [
      { type: 's3', bucket: BUCKET, notifications: [{ id: 'processor-notification', function: 'processor', events: ['s3:ObjectCreated:*'], prefix: 'incoming/' }] },
      {
        type: 'sqs',
        queue: WORK_QUEUE,
        function: 'worker',
        settings: { ...base.sqs, batchSize: 10, maxReceiveCount: 3, reportBatchItemFailures: true },
      },
      { type: 'sqs', queue: LOOP_QUEUE, function: 'recursive-loop', settings: { ...base.sqs, batchSize: 1 } },
    ],
    concurrency: { ...base.workspace.concurrency, waitScale: 60 },
  };
}
