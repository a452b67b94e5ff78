import type { Random } from '../../random';
import { md5Hex } from '../../sources/md5';
import { SQS_DEDUPLICATION_INTERVAL_MS, fifoDeduplicationId, fifoSequenceNumber } from '../../sources/sqsFifo';
import { cloneAttributes, type SqsBatchEntry, type SqsMessage } from '../../sources/sqsMessage';
import { md5OfMessageAttributes } from './md5OfMessageAttributes';
import type { SqsServiceQueue } from './sqsServiceState';
import { sqsErrorFromCode, type SqsServiceError } from './sqsServiceErrors';

/**
 * One message onto a queue (SendMessage, or one SendMessageBatch entry):
 * the queue after it, what SendMessage answers, and the message stored
 * (null when a FIFO queue took it as a duplicate: accepted, the first
 * message's id answered, not delivered again).
 */
export interface SqsSent {
  queue: SqsServiceQueue;
  messageId: string;
  md5OfMessageBody: string;
  md5OfMessageAttributes: string | undefined;
  sequenceNumber: string | undefined;
  stored: Readonly<SqsMessage> | null;
}

export function sendToQueue(queue: SqsServiceQueue, entry: SqsBatchEntry, nowMs: number, random: Random, senderId: string): SqsSent | SqsServiceError {
  const attributes = entry.messageAttributes ?? {};
  const md5OfMessageBody = md5Hex(entry.body);
  const md5Attributes = md5OfMessageAttributes(attributes);
  let fifo: SqsMessage['fifo'] = null;
  let next = queue;
  if (queue.fifo) {
    const dedup = fifoDeduplicationId(entry, queue.contentBasedDeduplication);
    if (typeof dedup !== 'string') return sqsErrorFromCode(dedup.code, dedup.message);
    const recent = queue.deduplication.filter((d) => nowMs - d.atMs < SQS_DEDUPLICATION_INTERVAL_MS);
    const seen = recent.find((d) => d.deduplicationId === dedup);
    if (seen) {
      return { queue: { ...queue, deduplication: recent }, messageId: seen.messageId, md5OfMessageBody, md5OfMessageAttributes: md5Attributes, sequenceNumber: seen.sequenceNumber, stored: null };
    }
    const sequence = queue.sequence + 1;
    fifo = { groupId: entry.messageGroupId ?? '', deduplicationId: dedup, sequenceNumber: fifoSequenceNumber(BigInt(sequence)) };
    next = { ...queue, sequence, deduplication: recent };
  }
  const delaySeconds = queue.fifo ? queue.delaySeconds : (entry.delaySeconds ?? queue.delaySeconds);
  const message: SqsMessage = {
    messageId: random.uuid(),
    body: entry.body,
    md5OfBody: md5OfMessageBody,
    messageAttributes: cloneAttributes(attributes),
    senderId,
    sentAtMs: nowMs,
    receiveCount: 0,
    firstReceivedAtMs: null,
    visibleAtMs: nowMs + delaySeconds * 1000,
    receiptHandle: null,
    fifo,
  };
  const deduplication = fifo
    ? [...next.deduplication, { deduplicationId: fifo.deduplicationId, messageId: message.messageId, md5OfBody: md5OfMessageBody, sequenceNumber: fifo.sequenceNumber, atMs: nowMs }]
    : next.deduplication;
  return {
    queue: { ...next, messages: [...next.messages, message], deduplication },
    messageId: message.messageId,
    md5OfMessageBody,
    md5OfMessageAttributes: md5Attributes,
    sequenceNumber: fifo?.sequenceNumber,
    stored: message,
  };
}
