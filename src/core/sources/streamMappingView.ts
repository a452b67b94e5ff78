import type { StartingPosition, StreamMappingSettings } from './streamMappingSettings';
import type { DynamoTableView } from './dynamoTable';
import type { KinesisStreamView } from './kinesisStream';
import type { StreamKind } from './streamShardSource';

/** What a view of a mapping's source shows (the table's or the stream's own). */
export type StreamSourceView = DynamoTableView | KinesisStreamView;

/** A batch the mapping holds: in flight, or waiting for its retry. */
export interface StreamBatchView {
  slot: number;
  size: number;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
  /** Invocations of this batch so far (the destination record's approximateInvokeCount). */
  invocations: number;
  /** Failed attempts counted against MaximumRetryAttempts. */
  retries: number;
}

/** One of ParallelizationFactor concurrent readers of a shard; records go to a slot by partition key. */
export interface StreamSlotView {
  slot: number;
  inFlight: StreamBatchView | null;
  /** Batches waiting their turn: a retry, or the halves of a bisected batch. */
  waiting: StreamBatchView[];
  retries: number;
  blocked: boolean;
}

export interface StreamShardView {
  index: number;
  shardId: string;
  /** Records in the shard. */
  records: number;
  /** Records after the checkpoint not yet processed (in flight included). */
  pending: number;
  /** Sequence number of the last record processed in order; null before the first. */
  checkpoint: string | null;
  inFlight: StreamBatchView[];
  /** Retries of the batch that blocks the shard (the most, across slots). */
  retries: number;
  /** A failed batch holds the shard until it succeeds or is discarded. */
  blocked: boolean;
  slots: StreamSlotView[];
}

export type StreamDiscardCondition = 'RetryAttemptsExhausted' | 'MaximumRecordAgeExceeded';

/** A batch given up on: what the on-failure destination (SQS or SNS) would receive. */
export interface DiscardedStreamBatch {
  atMs: number;
  shardIndex: number;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
  condition: StreamDiscardCondition;
  /** In words: "3 retries", "record age over 60 s", "records expired (24 h retention)". */
  reason: string;
  approximateInvokeCount: number;
  /** Lambda's invocation record for the destination, with KinesisBatchInfo or DDBStreamBatchInfo. */
  destinationRecord: object;
}

export interface StreamMappingTotals {
  invocations: number;
  succeededBatches: number;
  functionErrors: number;
  throttles: number;
  partialFailures: number;
  recordsProcessed: number;
  recordsDiscarded: number;
}

export interface StreamMappingView {
  id: string;
  kind: StreamKind;
  functionName: string;
  eventSourceArn: string;
  startingPosition: StartingPosition;
  settings: StreamMappingSettings;
  /** Polling interval per shard before platform-wait compression: Kinesis 1,000 ms, DynamoDB 250 ms. */
  pollIntervalMs: number;
  shards: StreamShardView[];
  discarded: DiscardedStreamBatch[];
  totals: StreamMappingTotals;
  source: StreamSourceView;
}
