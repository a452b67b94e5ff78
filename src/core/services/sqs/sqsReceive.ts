import type { Random } from '../../random';
import { fifoReceivable } from '../../sources/sqsFifo';
import { fifoAttributes, newReceiptHandle, sqsMessageBytes, type SqsMessage, type SqsMessageAttributes, type SqsSystemAttributes } from '../../sources/sqsMessage';
import type { SqsServiceQueue } from './sqsServiceState';

/**
 * ReceiveMessage on a queue at `nowMs`: up to `max` receivable messages go
 * in flight for the visibility timeout, each with a new receipt handle and
 * one more receive. A message already received `maxReceiveCount` times
 * moves to the dead-letter queue instead, as SQS redrives it on the next
 * receive attempt. A FIFO queue gives a group's messages in order and none
 * of a group behind one of its messages in flight.
 */

export interface SqsReceived {
  queue: SqsServiceQueue;
  /** Snapshots after the receive (receipt handle, count, first receive set). */
  received: Readonly<SqsMessage>[];
  deadLettered: Readonly<SqsMessage>[];
}

export function receiveFromQueue(queue: SqsServiceQueue, max: number, visibilityTimeoutS: number, nowMs: number, random: Random): SqsReceived {
  const visible = (m: Readonly<SqsMessage>): boolean => m.visibleAtMs <= nowMs;
  const candidates = queue.fifo ? fifoReceivable(queue.messages, visible) : queue.messages.filter(visible);
  const changed = new Map<string, Readonly<SqsMessage> | null>();
  const received: Readonly<SqsMessage>[] = [];
  const deadLettered: Readonly<SqsMessage>[] = [];
  for (const m of candidates) {
    if (received.length >= max) break;
    if (queue.maxReceiveCount !== null && m.receiveCount >= queue.maxReceiveCount) {
      changed.set(m.messageId, null);
      deadLettered.push(m);
      continue;
    }
    const next: SqsMessage = {
      ...m,
      receiveCount: m.receiveCount + 1,
      firstReceivedAtMs: m.firstReceivedAtMs ?? nowMs,
      visibleAtMs: nowMs + visibilityTimeoutS * 1000,
      receiptHandle: newReceiptHandle(random),
    };
    changed.set(m.messageId, next);
    received.push(next);
  }
  const messages = queue.messages.flatMap((m) => {
    const c = changed.get(m.messageId);
    return c === undefined ? [m] : c === null ? [] : [c];
  });
  return { queue: { ...queue, messages }, received, deadLettered };
}

const SYSTEM_ATTRIBUTE_NAMES = ['ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp', 'SentTimestamp', 'SenderId', 'SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId'] as const;

/** A received message's system attributes, as ReceiveMessage and the Lambda event show them. */
export function systemAttributes(m: Readonly<SqsMessage>): SqsSystemAttributes {
  return {
    ApproximateReceiveCount: String(m.receiveCount),
    SentTimestamp: String(Math.floor(m.sentAtMs)),
    SenderId: m.senderId,
    ApproximateFirstReceiveTimestamp: String(Math.floor(m.firstReceivedAtMs ?? m.sentAtMs)),
    ...fifoAttributes(m.fifo),
  };
}

/** The system attributes asked for (`All`, or names), as ReceiveMessage returns them. */
export function selectSystemAttributes(m: Readonly<SqsMessage>, names: readonly string[]): Partial<SqsSystemAttributes> {
  const all = systemAttributes(m);
  const out: Partial<Record<(typeof SYSTEM_ATTRIBUTE_NAMES)[number], string>> = {};
  for (const name of SYSTEM_ATTRIBUTE_NAMES) {
    const value = all[name];
    if (value !== undefined && (names.includes('All') || names.includes(name))) out[name] = value;
  }
  return out;
}

/** The message attributes asked for: `All` or `.*`, exact names, or `prefix.*`. */
export function selectMessageAttributes(attributes: SqsMessageAttributes, names: readonly string[]): SqsMessageAttributes {
  const wanted = (name: string): boolean =>
    names.some((n) => n === 'All' || n === '.*' || n === name || (n.endsWith('.*') && name.startsWith(n.slice(0, -1))));
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => wanted(name)));
}

/** The payload bytes of received messages (bodies and attributes), for SQS's 64 KiB billing chunks. */
export function receivedBytes(messages: readonly Readonly<SqsMessage>[]): number {
  return messages.reduce((n, m) => n + sqsMessageBytes(m.body, m.messageAttributes), 0);
}
