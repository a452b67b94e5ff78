import type { SourceInvokeResult } from './sourceTypes';
import type { DiscardedStreamBatch, StreamDiscardCondition } from './streamMappingView';
import type { StreamKind, StreamShardRecord } from './streamShardSource';

export interface StreamFailureRecordInput {
  kind: StreamKind;
  atMs: number;
  requestId: string;
  functionArn: string;
  condition: StreamDiscardCondition;
  approximateInvokeCount: number;
  /** The last answer the batch got; absent when it was never invoked. */
  lastResult: SourceInvokeResult | undefined;
  shardId: string;
  streamArn: string;
  records: readonly StreamShardRecord[];
}

function responseContext(result: SourceInvokeResult | undefined): object | undefined {
  if (!result) return undefined;
  if (result.kind === 'functionError') return { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' };
  if (result.kind === 'rejected') return { statusCode: result.statusCode, functionError: result.error.errorType };
  return { statusCode: 200, executedVersion: '$LATEST' };
}

/**
 * The invocation record Lambda sends to a stream mapping's on-failure
 * destination: metadata only, pointing at the discarded records
 * (`KinesisBatchInfo` or `DDBStreamBatchInfo`), never the records themselves.
 */
export function streamFailureRecord(input: StreamFailureRecordInput): object {
  const first = input.records[0];
  const last = input.records[input.records.length - 1];
  // DynamoDB's creation times have whole seconds; Kinesis arrival times have milliseconds.
  const iso = (ms: number): string =>
    input.kind === 'dynamodb' ? new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z') : new Date(ms).toISOString();
  const context = responseContext(input.lastResult);
  return {
    requestContext: {
      requestId: input.requestId,
      functionArn: input.functionArn,
      condition: input.condition,
      approximateInvokeCount: input.approximateInvokeCount,
    },
    ...(context ? { responseContext: context } : {}),
    version: '1.0',
    timestamp: new Date(input.atMs).toISOString(),
    [input.kind === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo']: {
      shardId: input.shardId,
      startSequenceNumber: first?.sequenceNumber ?? '',
      endSequenceNumber: last?.sequenceNumber ?? '',
      approximateArrivalOfFirstRecord: first ? iso(first.arrivalMs) : '',
      approximateArrivalOfLastRecord: last ? iso(last.arrivalMs) : '',
      batchSize: input.records.length,
      streamArn: input.streamArn,
    },
  };
}

/** A discarded batch as the mapping's view lists it, with its destination record. */
export function discardedStreamBatch(input: StreamFailureRecordInput & { shardIndex: number; reason: string }): DiscardedStreamBatch {
  const { records } = input;
  return {
    atMs: input.atMs,
    shardIndex: input.shardIndex,
    shardId: input.shardId,
    startSequenceNumber: records[0]?.sequenceNumber ?? '',
    endSequenceNumber: records[records.length - 1]?.sequenceNumber ?? '',
    batchSize: records.length,
    condition: input.condition,
    reason: input.reason,
    approximateInvokeCount: input.approximateInvokeCount,
    destinationRecord: streamFailureRecord(input),
  };
}
