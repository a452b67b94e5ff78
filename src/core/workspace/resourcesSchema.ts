import { s } from '../schema/builders';

/**
 * The saved form of the workspace's own resources (workspaceResources.ts
 * names their types): DynamoDB tables, S3 buckets, SQS queues and SNS topics
 * that exist on their own, beside the ones triggers define. Settings only,
 * never contents (items, objects, messages). Names and ranges are not checked
 * here but by resourceProblem.ts, in the services' words, as the workspace's
 * other objects are (a saved workspace with a bad name still opens).
 */

/** The most resources of each kind a workspace may hold (far above what a class makes; a guard against hostile links). */
export const RESOURCE_LIMIT = 200;

const keyAttributeSchema = s.object({
  name: s.string(255),
  type: s.enum(['S', 'N', 'B']).describe('The attribute type: S (string), N (number) or B (binary).'),
});

export const tableResourceSchema = s.object({
  name: s.string(255),
  partitionKey: keyAttributeSchema.describe('The partition (HASH) key.'),
  sortKey: s.optional(keyAttributeSchema).describe('The sort (RANGE) key; absent: none.'),
  stream: s.optional(s.boolean()).describe('A DynamoDB stream (NEW_AND_OLD_IMAGES); absent: none.'),
});

export const bucketResourceSchema = s.object({ name: s.string(63) });

export const queueResourceSchema = s.object({
  name: s.string(80).describe('A name ending in .fifo makes a FIFO queue.'),
  visibilityTimeoutS: s.optional(s.number()).describe("0–43,200 seconds; absent: 30, SQS's default."),
  deadLetterQueue: s.optional(s.string(80)).describe('The name of another queue of the workspace that receives messages received maxReceiveCount times.'),
  maxReceiveCount: s.optional(s.number()).describe("The redrive policy's maxReceiveCount, 1–1,000 (with deadLetterQueue)."),
});

export const topicResourceSchema = s.object({ name: s.string(256).describe('A name ending in .fifo makes a FIFO topic.') });

/** The workspace's `resources`: every list may be left out (an older link or save has none). */
export const resourcesSchema = s.object({
  tables: s.array(tableResourceSchema, { max: RESOURCE_LIMIT, item: 'table' }).default([]),
  buckets: s.array(bucketResourceSchema, { max: RESOURCE_LIMIT, item: 'bucket' }).default([]),
  queues: s.array(queueResourceSchema, { max: RESOURCE_LIMIT, item: 'queue' }).default([]),
  topics: s.array(topicResourceSchema, { max: RESOURCE_LIMIT, item: 'topic' }).default([]),
});
