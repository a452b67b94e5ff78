import { parseSqsBatchResponse } from './sqsBatchResponse';
import { SQS_EVENT_MAX_BYTES, sqsEventBytes, sqsRecordBytes } from './sqsEvent';
import type { SqsReceivedMessage } from './sqsMessage';
import type { SqsQueue } from './sqsQueue';
import type { SourceCommand, SourceInvokeResult } from './sourceTypes';

/** A batch a poller gathers and hands to one synchronous invoke. */
export interface SqsBatch {
  /** The invoke's correlation id, "batch-<seq>". */
  invocationId: string;
  seq: number;
  pollerId: number;
  messages: SqsReceivedMessage[];
  /** What its records add to the event, as sqsRecordBytes counts. */
  recordBytes: number;
  /** The next message would have taken the event past 6 MB. */
  sizeFull: boolean;
}

export function newSqsBatch(seq: number, pollerId: number): SqsBatch {
  return { invocationId: `batch-${seq}`, seq, pollerId, messages: [], recordBytes: 0, sizeFull: false };
}

/**
 * Receive up to `room` more messages into the batch, stopping before one
 * that would take the event past the 6 MB invoke payload (the first message
 * is always taken: if alone it is too big, the invoke is refused).
 */
export function receiveIntoBatch(queue: SqsQueue, batch: SqsBatch, room: number, visibilityTimeoutS: number, region: string, out: SourceCommand[]): number {
  if (room <= 0 || batch.sizeFull) return 0;
  let accepted = batch.messages.length;
  const got = queue.receive(room, out, {
    visibilityTimeoutS,
    fits: (m) => {
      const bytes = sqsRecordBytes(m, queue.arn, region);
      if (accepted > 0 && sqsEventBytes(batch.recordBytes + bytes) > SQS_EVENT_MAX_BYTES) {
        batch.sizeFull = true;
        return false;
      }
      batch.recordBytes += bytes;
      accepted += 1;
      return true;
    },
  });
  batch.messages.push(...got);
  return got.length;
}

/** Delete the batch's messages with these ids; how many went (a stale receipt handle deletes nothing). */
export function deleteFromBatch(queue: SqsQueue, batch: SqsBatch, ids: readonly string[]): number {
  const wanted = new Set(ids);
  let deleted = 0;
  for (const m of batch.messages) if (wanted.has(m.messageId) && queue.deleteMessage(m.receiptHandle)) deleted += 1;
  return deleted;
}

/** What an invoke's result means for its batch. */
export interface SqsBatchVerdict {
  /** Messages to delete: the batch succeeded for them. */
  deleteIds: string[];
  /** Messages that stay in flight until their visibility timeout. */
  failedCount: number;
  functionError: boolean;
  throttled: boolean;
  /** Why messages failed, for the log; empty when none did. */
  why: string;
}

/**
 * Success deletes the batch; with ReportBatchItemFailures, all but the
 * messages listed (parseSqsBatchResponse). A function error or a refused
 * invoke (429 throttle, 413 …) leaves the whole batch in flight.
 */
export function judgeSqsBatch(result: SourceInvokeResult, messageIds: readonly string[], reportBatchItemFailures: boolean): SqsBatchVerdict {
  const none = { functionError: false, throttled: false };
  const all = (why: string, more: Partial<SqsBatchVerdict> = {}): SqsBatchVerdict => ({ ...none, deleteIds: [], failedCount: messageIds.length, why, ...more });
  if (result.kind === 'functionError') return all(`function error (${result.error.errorType}: ${result.error.errorMessage})`, { functionError: true });
  if (result.kind === 'rejected') return all(`invoke refused (${result.statusCode} ${result.error.errorType})`, { throttled: result.statusCode === 429 });
  if (result.kind !== 'success' || !reportBatchItemFailures) return { ...none, deleteIds: [...messageIds], failedCount: 0, why: '' };
  const outcome = parseSqsBatchResponse(result.payload, messageIds);
  if (outcome.kind === 'allSucceeded') return { ...none, deleteIds: [...messageIds], failedCount: 0, why: '' };
  if (outcome.kind === 'batchFailed') return all(`the whole batch failed: ${outcome.reason}`);
  const failed = new Set(outcome.failedIds);
  return { ...none, deleteIds: messageIds.filter((id) => !failed.has(id)), failedCount: failed.size, why: `batchItemFailures lists ${failed.size} of ${messageIds.length}` };
}
