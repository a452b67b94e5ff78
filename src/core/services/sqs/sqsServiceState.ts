import type { Random } from '../../random';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../sources/sourceTypes';
import { newSenderId, type SqsMessage } from '../../sources/sqsMessage';

/**
 * The workspace's SQS queues as the SQS API sees them: plain, immutable data.
 * A message is visible when its `visibleAtMs` is not after the request's
 * `nowMs`; in flight when it has a receipt handle and is not yet visible;
 * delayed when it was never received and is not yet visible.
 */

export interface SqsServiceQueueConfig {
  name: string;
  /** 0–43,200; SQS's default 30. */
  visibilityTimeoutS?: number;
  /** 0–900; SQS's default 0. */
  delaySeconds?: number;
  /** The redrive policy's maxReceiveCount; null = no dead-letter queue. */
  maxReceiveCount?: number | null;
  /** FIFO queues only. */
  contentBasedDeduplication?: boolean;
}

/** A deduplication id a FIFO queue saw, and the message it was sent with. */
export interface SqsDeduplicationEntry {
  readonly deduplicationId: string;
  readonly messageId: string;
  readonly md5OfBody: string;
  readonly sequenceNumber: string;
  readonly atMs: number;
}

export interface SqsServiceQueue {
  readonly name: string;
  readonly arn: string;
  readonly url: string;
  /** Named `….fifo`, as SQS requires of a FIFO queue. */
  readonly fifo: boolean;
  readonly visibilityTimeoutS: number;
  readonly delaySeconds: number;
  readonly maxReceiveCount: number | null;
  readonly contentBasedDeduplication: boolean;
  /** Every message in the queue (visible, in flight or delayed), in send order. */
  readonly messages: readonly Readonly<SqsMessage>[];
  /** FIFO: deduplication ids of the last 5 minutes, oldest first. */
  readonly deduplication: readonly SqsDeduplicationEntry[];
  /** FIFO: how many messages got a sequence number. */
  readonly sequence: number;
}

export interface SqsServiceState {
  readonly region: string;
  readonly accountId: string;
  /** The SenderId of messages sent through the API (the caller's IAM user id). */
  readonly senderId: string;
  readonly queues: Readonly<Record<string, SqsServiceQueue>>;
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>`, the form SQS returns. */
export function sqsQueueUrl(region: string, accountId: string, name: string): string {
  return `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
}

export function createSqsServiceState(
  queues: readonly SqsServiceQueueConfig[],
  random: Random,
  options: { region?: string; accountId?: string } = {},
): SqsServiceState {
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT;
  const byName: Record<string, SqsServiceQueue> = {};
  for (const q of queues) {
    byName[q.name] = {
      name: q.name,
      arn: `arn:aws:sqs:${region}:${accountId}:${q.name}`,
      url: sqsQueueUrl(region, accountId, q.name),
      fifo: q.name.endsWith('.fifo'),
      visibilityTimeoutS: q.visibilityTimeoutS ?? 30,
      delaySeconds: q.delaySeconds ?? 0,
      maxReceiveCount: q.maxReceiveCount ?? null,
      contentBasedDeduplication: q.contentBasedDeduplication ?? false,
      messages: [],
      deduplication: [],
      sequence: 0,
    };
  }
  return { region, accountId, senderId: newSenderId(random), queues: byName };
}

/**
 * The queue a QueueUrl names: its last two path segments are the account
 * and the name (SQS accepts its regional and legacy hosts alike). Another
 * account's queue does not exist here.
 */
export function queueByUrl(state: SqsServiceState, queueUrl: string): SqsServiceQueue | undefined {
  const m = /^(?:https?:\/\/[^/]+)?\/(\d{12})\/([^/?#]+)\/?$/.exec(queueUrl.trim());
  if (!m || m[1] !== state.accountId) return undefined;
  return state.queues[decodeURIComponent(m[2]!)];
}

export function withQueue(state: SqsServiceState, queue: SqsServiceQueue): SqsServiceState {
  return { ...state, queues: { ...state.queues, [queue.name]: queue } };
}
