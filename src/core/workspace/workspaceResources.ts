import type { Infer } from '../schema/schema';
import type { bucketResourceSchema, queueResourceSchema, resourcesSchema, tableResourceSchema, topicResourceSchema } from './resourcesSchema';

/**
 * The workspace's own resources, as its schema (resourcesSchema.ts) saves
 * them: they exist on their own, handlers reach them with the AWS SDK, and
 * they are saved, shared and exported with the workspace. Resources a
 * trigger defines (its bucket, queue, table, topic) stay the trigger's;
 * resourceNames.ts lists both.
 */

/** A DynamoDB table: its key schema (partition key, optional sort key) and whether it has a stream. */
export type TableResource = Infer<typeof tableResourceSchema>;
/** A key attribute of a table: its name and type (S, N or B). */
export type KeyAttribute = TableResource['partitionKey'];
/** An S3 bucket. */
export type BucketResource = Infer<typeof bucketResourceSchema>;
/** An SQS queue (FIFO when its name ends in `.fifo`), its visibility timeout and its redrive policy. */
export type QueueResource = Infer<typeof queueResourceSchema>;
/** An SNS topic (FIFO when its name ends in `.fifo`). */
export type TopicResource = Infer<typeof topicResourceSchema>;

/** The workspace's `resources` section. */
export type WorkspaceResources = Infer<typeof resourcesSchema>;

/** A kind of resource: its list's key in the section. */
export type ResourceKind = keyof WorkspaceResources;

/** One resource of a kind. */
export type ResourceOf<K extends ResourceKind> = WorkspaceResources[K][number];

export const RESOURCE_KINDS: readonly ResourceKind[] = ['tables', 'buckets', 'queues', 'topics'];

/** No resources: what a workspace without the section (an older link or save) holds. */
export const NO_RESOURCES: WorkspaceResources = { tables: [], buckets: [], queues: [], topics: [] };

/** `.fifo` at the end of a queue's or topic's name makes it FIFO, as SQS and SNS require. */
export const isFifoName = (name: string): boolean => name.endsWith('.fifo');
