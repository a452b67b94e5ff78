import { sha256Hex } from './sha256';
import type { SqsBatchEntry, SqsError, SqsFifoFields, SqsMessage } from './sqsMessage';

/** FIFO queues drop a message sent again with the same deduplication id within 5 minutes. */
export const SQS_DEDUPLICATION_INTERVAL_MS = 5 * 60_000;
/** Where a FIFO queue's sequence numbers start (SQS's are 20-digit and increasing; where they start is SQS's own). */
const FIRST_SEQUENCE = 18_849_496_460_467_696_128n;

/** A duplicate within the deduplication interval: accepted, not delivered again. */
export interface SqsDuplicate {
  duplicateOf: string;
  md5: string;
}

/**
 * A FIFO send's deduplication id (given, or the body's SHA-256 with
 * content-based deduplication), or SQS's error: a group is required and a
 * message cannot be delayed on its own.
 */
export function fifoDeduplicationId(entry: SqsBatchEntry, contentBasedDeduplication: boolean): string | SqsError {
  if (!entry.messageGroupId) return { code: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.' };
  if (entry.delaySeconds !== undefined && entry.delaySeconds !== 0) {
    return { code: 'InvalidParameterValue', message: `Value ${entry.delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.` };
  }
  const deduplicationId = entry.messageDeduplicationId ?? (contentBasedDeduplication ? sha256Hex(entry.body) : null);
  if (deduplicationId === null) {
    return { code: 'InvalidParameterValue', message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' };
  }
  return deduplicationId;
}

/** Where a FIFO queue's sequence numbers start, and their step: the `n`th message's number. */
export function fifoSequenceNumber(n: bigint): string {
  return (FIRST_SEQUENCE + n * 65_536n).toString();
}

/**
 * A FIFO queue's rules (lambda-model.md §4): every message has a group; a
 * group's messages are received in the order they were sent, and none while
 * one before it is in flight; a deduplication id (given, or the SHA-256 of
 * the body with content-based deduplication) seen in the last 5 minutes is
 * accepted and not delivered again; messages cannot be delayed one by one.
 */
export class SqsFifo {
  /** Deduplication id → the message first sent with it, and when (oldest first). */
  private readonly seen = new Map<string, { messageId: string; md5: string; atMs: number }>();
  private sequence = 0n;

  /** A send's FIFO fields, or SQS's error, or the message it duplicates. */
  fields(entry: SqsBatchEntry, contentBasedDeduplication: boolean, now: number): SqsFifoFields | SqsError | SqsDuplicate {
    const checked = fifoDeduplicationId(entry, contentBasedDeduplication);
    if (typeof checked !== 'string') return checked;
    const deduplicationId = checked;
    const seen = this.seen.get(deduplicationId);
    if (seen && now - seen.atMs < SQS_DEDUPLICATION_INTERVAL_MS) return { duplicateOf: seen.messageId, md5: seen.md5 };
    this.sequence += 1n;
    return { groupId: entry.messageGroupId ?? '', deduplicationId, sequenceNumber: fifoSequenceNumber(this.sequence) };
  }

  /** A message was sent with this deduplication id (ids older than the interval are forgotten). */
  remember(deduplicationId: string, messageId: string, md5: string, now: number): void {
    for (const [id, s] of this.seen) {
      if (now - s.atMs < SQS_DEDUPLICATION_INTERVAL_MS) break;
      this.seen.delete(id);
    }
    this.seen.delete(deduplicationId);
    this.seen.set(deduplicationId, { messageId, md5, atMs: now });
  }

  /** The messages a receive may take (`all` in send order): visible ones, none of a group behind one of its messages not visible. */
  receivable(all: Iterable<SqsMessage>, visible: ReadonlyMap<string, SqsMessage>): Generator<SqsMessage> {
    return fifoReceivable(all, (m) => visible.has(m.messageId));
  }
}

/** A FIFO queue's receivable messages (`all` in send order): visible ones, none of a group behind one of its messages not visible. */
export function* fifoReceivable<M extends Pick<SqsMessage, 'fifo'>>(all: Iterable<M>, isVisible: (m: M) => boolean): Generator<M> {
  const blocked = new Set<string>();
  for (const m of all) {
    const group = m.fifo?.groupId ?? '';
    if (blocked.has(group)) continue;
    if (!isVisible(m)) {
      blocked.add(group);
      continue;
    }
    yield m;
  }
}
