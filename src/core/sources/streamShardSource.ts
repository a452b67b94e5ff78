import type { StreamAppendListener, StreamShardRecord } from './shardLog';

export type { StreamAppendListener, StreamShardRecord } from './shardLog';

export type StreamKind = 'kinesis' | 'dynamodb';

/**
 * A DynamoDB stream or a Kinesis data stream, as an event source mapping
 * reads it: shards of records in order, never rewritten (shardLog.ts), and
 * a view of its own (`V`: the table's or the stream's).
 */
export interface StreamShardSource<R extends StreamShardRecord = StreamShardRecord, V = unknown> {
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
  view(): V;
}
