import type { DynamoTableView } from './dynamoTable';
import type { KinesisStreamView } from './kinesisStream';
import type { SourceCommand } from './sourceTypes';

export type StreamKind = 'kinesis' | 'dynamodb';

/** What every record in a shard carries, whatever the stream. */
export interface StreamShardRecord {
  /** Increasing within its shard; also the `itemIdentifier` of a partial batch response. */
  readonly sequenceNumber: string;
  /** Keeps order when ParallelizationFactor > 1: the Kinesis partition key, or the item's partition key. */
  readonly partitionKey: string;
  /** When the stream took the record (ms since the epoch). */
  readonly arrivalMs: number;
}

/** What a view of the source shows (the table's or the stream's own). */
export type StreamSourceView = DynamoTableView | KinesisStreamView;

/**
 * A DynamoDB stream or a Kinesis data stream, as an event source mapping
 * reads it: shards of records in order, never rewritten.
 */
export interface StreamShardSource<R extends StreamShardRecord = StreamShardRecord> {
  readonly kind: StreamKind;
  readonly name: string;
  /** The event's `eventSourceARN`. */
  readonly streamArn: string;
  /** Records older than this have left the stream (24 h, the default of both services). */
  readonly retentionS: number;
  shardCount(): number;
  shardId(index: number): string;
  shardRecords(index: number): readonly R[];
  /** The record as the function's event carries it in `Records`. */
  eventRecord(record: R, invokeIdentityArn: string): object;
  /** Called after each appended record, with the command list of the write. Returns the unsubscribe. */
  subscribe(listener: StreamAppendListener): () => void;
  view(): StreamSourceView;
}

export type StreamAppendListener = (shardIndex: number, out: SourceCommand[]) => void;
