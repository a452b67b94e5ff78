import { EventBridge } from '../../core/sources/eventBridge';
import { SnsTopic } from '../../core/sources/snsTopic';
import { SqsEventSourceMapping } from '../../core/sources/sqsEventSourceMapping';
import { StreamEventSourceMapping } from '../../core/sources/streamEventSourceMapping';
import { DynamoTable } from '../../core/sources/dynamoTable';
import { S3Bucket } from '../../core/sources/s3Bucket';
import type { SqsQueue } from '../../core/sources/sqsQueue';
import type { EventSource } from '../../core/sources/sourceTypes';

/**
 * The workspace's live event sources that are also resources the AWS SDK
 * can reach by name: a trigger's queue, topic, bus, bucket or table is the
 * resource itself, one store per resource.
 */
export class LiveResources {
  constructor(private readonly sources: () => readonly EventSource[]) {}

  queue(name: string): { queue: SqsQueue; sourceId: string } | undefined {
    for (const s of this.sources()) if (s instanceof SqsEventSourceMapping && s.queue.name === name) return { queue: s.queue, sourceId: s.id };
    return undefined;
  }

  queues(): SqsQueue[] {
    const seen = new Map<string, SqsQueue>();
    for (const s of this.sources()) if (s instanceof SqsEventSourceMapping && !seen.has(s.queue.name)) seen.set(s.queue.name, s.queue);
    return [...seen.values()];
  }

  topics(): SnsTopic[] {
    return this.sources().filter((s): s is SnsTopic => s instanceof SnsTopic);
  }

  buses(): EventBridge[] {
    return this.sources().filter((s): s is EventBridge => s instanceof EventBridge);
  }

  bucket(name: string): S3Bucket | undefined {
    return this.sources().find((s): s is S3Bucket => s instanceof S3Bucket && s.bucketName === name);
  }

  buckets(): S3Bucket[] {
    return this.sources().filter((s): s is S3Bucket => s instanceof S3Bucket);
  }

  /** A DynamoDB table behind a stream trigger, and the id of the mapping that reads it. */
  table(name: string): { table: DynamoTable; sourceId: string } | undefined {
    for (const s of this.sources()) {
      if (s instanceof StreamEventSourceMapping && s.streamSource instanceof DynamoTable && s.streamSource.name === name) return { table: s.streamSource, sourceId: s.id };
    }
    return undefined;
  }

  /** Every trigger's DynamoDB table, with the id of the mapping that reads it (its writes' commands are carried under it). */
  tablesWithSources(): Map<DynamoTable, string> {
    const out = new Map<DynamoTable, string>();
    for (const s of this.sources()) if (s instanceof StreamEventSourceMapping && s.streamSource instanceof DynamoTable) out.set(s.streamSource, s.id);
    return out;
  }
}
