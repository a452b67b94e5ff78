import type { SourceCommand } from './sourceTypes';

/** What every record in a shard carries, whatever the stream. */
export interface StreamShardRecord {
  /** Increasing within its shard; also the `itemIdentifier` of a partial batch response. */
  readonly sequenceNumber: string;
  /** Keeps order when ParallelizationFactor > 1: the Kinesis partition key, or the item's partition key. */
  readonly partitionKey: string;
  /** When the stream took the record (ms since the epoch). */
  readonly arrivalMs: number;
}

export type StreamAppendListener = (shardIndex: number, out: SourceCommand[]) => void;

/**
 * The shards of a stream, each a log of records in order, appended to and
 * never rewritten, and who listens for appends: the one shard log of both
 * DynamoDB Streams (dynamoTable.ts) and Kinesis (kinesisStream.ts).
 */
export class ShardLog<R extends StreamShardRecord> {
  private readonly shards: { id: string; records: R[] }[];
  private readonly listeners = new Set<StreamAppendListener>();

  constructor(shardIds: readonly string[]) {
    this.shards = shardIds.map((id) => ({ id, records: [] }));
  }

  get count(): number {
    return this.shards.length;
  }

  id(index: number): string {
    return this.shards[index]?.id ?? '';
  }

  records(index: number): readonly R[] {
    return this.shards[index]?.records ?? [];
  }

  /** Called after each appended record, with the command list of the write. Returns the unsubscribe. */
  subscribe(listener: StreamAppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Append a record to shard `index`: the write's log line, a `changed`, then every listener. */
  append(index: number, record: R, logText: string, out: SourceCommand[]): void {
    this.shards[index]!.records.push(record);
    out.push({ type: 'log', atMs: record.arrivalMs, text: logText });
    out.push({ type: 'changed' });
    for (const listener of [...this.listeners]) listener(index, out);
  }
}
