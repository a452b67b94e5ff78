import type { Workspace } from '../../core/workspace/workspaceTypes';
import type { SampleBase } from './sampleBase';
import { httpCrudSample } from './httpCrudSample';
import { orderFlowSample } from './orderFlowSample';
import { uploadPipelineSample } from './uploadPipelineSample';

/** A sample application: a whole workspace (functions, triggers, test events) that opens as a share link. */
export interface SampleApp {
  id: string;
  title: string;
  /** One paragraph: what it shows, and what to press first. */
  summary: string;
  workspace: Workspace;
}

/**
 * The sample applications, in the order the menu lists them. This module
 * holds every handler's source, so it is a chunk of its own, loaded only
 * when the menu opens (sampleLinks.ts); it imports nothing of the app at
 * run time, and is given the defaults its workspaces are built on.
 */
export function sampleApps(base: SampleBase): SampleApp[] {
  return [
    {
      id: 'http-dynamodb',
      title: 'HTTP API + DynamoDB CRUD',
      summary:
        'An HTTP API in front of items-api, which creates, reads, updates and deletes items in a DynamoDB table with the DocumentClient; a second create of the same id fails its condition and answers 409. items-changes reads the table’s stream and logs every change. Press Invoke to create widget-1, then again for the 409.',
      workspace: httpCrudSample(base),
    },
    {
      id: 's3-sqs-pipeline',
      title: 'S3 upload → processing → SQS worker with a dead-letter queue',
      summary:
        'upload puts a CSV file into an S3 bucket; the bucket’s notification invokes processor, which reads it back and sends a message per line to a queue; worker takes batches with partial batch failures, and a poison line ends in the dead-letter queue after three receives. recursive-loop sends to its own queue until Lambda’s recursive loop detection stops it.',
      workspace: uploadPipelineSample(base),
    },
    {
      id: 'order-flow',
      title: 'Order flow: Lambda Invoke, SNS fan-out and an EventBridge rule',
      summary:
        'place-order prices an order by invoking pricing (RequestResponse) and uses its payload, publishes the order to an SNS topic that fans out to billing and shipping, and puts an OrderPlaced event on a bus whose rule invokes notifier. Press Invoke, then open each function’s logs.',
      workspace: orderFlowSample(base),
    },
  ];
}
