import type { SqsMessage } from '../../sources/sqsMessage';
import type { BilledRequests } from '../serviceTypes';
import type { SqsServiceError } from './sqsServiceErrors';
import type { SqsServiceState } from './sqsServiceState';

/** What the platform must do after an SQS request. */
export type SqsServiceEffect =
  /** New messages on a queue: event source mappings polling it may take them. */
  | { type: 'sqsMessagesSent'; queueName: string; queueArn: string; messages: Readonly<SqsMessage>[] }
  /** Messages past the redrive policy's maxReceiveCount, moved to the queue's dead-letter queue. */
  | { type: 'sqsDeadLettered'; queueName: string; queueArn: string; messages: Readonly<SqsMessage>[] }
  /**
   * A ReceiveMessage with WaitTimeSeconds found nothing: SQS would hold the
   * response until a message arrives or `untilMs`. This model answers at once
   * (empty); a caller that wants long polling re-issues the request then.
   */
  | { type: 'sqsLongPoll'; queueName: string; untilMs: number };

/** One action's outcome, before it becomes a response. */
export type SqsActionResult =
  | { ok: true; state: SqsServiceState; output: unknown; effects: (SqsServiceEffect | BilledRequests)[] }
  | { ok: false; error: SqsServiceError };

/** SQS bills each 64 KiB chunk of a request's payload as one request, a FIFO queue's at its own price. */
export const SQS_BILLING_CHUNK_BYTES = 65_536;
export function sqsBilled(action: string, payloadBytes: number, fifo = false): BilledRequests {
  return { type: 'billedRequests', service: 'sqs', action, count: Math.max(1, Math.ceil(payloadBytes / SQS_BILLING_CHUNK_BYTES)), ...(fifo ? { fifo } : {}) };
}
