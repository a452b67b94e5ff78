import { payloadTooLarge } from './payloadLimits';
import { functionErrorPayload, type LambdaError } from './lambdaError';
import type { DeadLetterMessage, DestinationRecord } from './platformTypes';
import { utf8Length } from './codec';

/** Asynchronous invocation payload limit: 1 MB since October 2025 (lambda-model.md §2). */
export const ASYNC_REQUEST_LIMIT_BYTES = 1024 * 1024;

/** An event in Lambda's internal queue for asynchronous invocation. */
export interface AsyncEvent {
  ticket: number;
  requestId: string;
  payload: string;
  queuedAtMs: number;
  /** Attempts that reached the function (throttled tries do not count). */
  attempts: number;
  /** The last throttle backoff, in Lambda's time (0 before the first throttle). */
  backoffMs: number;
  /** The version or alias the caller named, if any. */
  qualifier: string | null;
}

/** Lambda waits 1 minute before the first retry of a failed event and 2 minutes before the second. */
export function functionErrorRetryDelayMs(attemptsSoFar: number): number {
  return attemptsSoFar <= 1 ? 60_000 : 120_000;
}

/** Throttled events are retried with backoff from 1 s, doubling, to at most 5 minutes. */
export function nextThrottleBackoffMs(previousMs: number): number {
  return previousMs <= 0 ? 1_000 : Math.min(300_000, previousMs * 2);
}

/** 413 for an asynchronous request body over the limit, or null. */
export function checkAsyncPayload(payload: string): { statusCode: number; error: LambdaError } | null {
  const bytes = utf8Length(payload);
  if (bytes <= ASYNC_REQUEST_LIMIT_BYTES) return null;
  return payloadTooLarge(bytes, 'Event', ASYNC_REQUEST_LIMIT_BYTES);
}

function parsed(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/** The record sent to the on-success or on-failure destination, in Lambda's shape (lambda-model.md §4). */
export function destinationRecord(input: {
  event: AsyncEvent;
  atMs: number;
  functionArn: string;
  condition: DestinationRecord['requestContext']['condition'];
  lastError: LambdaError | null;
  /** The function's result, for a success. */
  result?: string;
  /** The version that ran it (`$LATEST` by default). */
  version?: string;
}): DestinationRecord {
  const { event, lastError } = input;
  const executedVersion = input.version ?? '$LATEST';
  const arn = `${input.functionArn}:${event.qualifier ?? executedVersion}`;
  if (input.condition === 'Success') {
    return {
      version: '1.0',
      timestamp: new Date(input.atMs).toISOString(),
      requestContext: { requestId: event.requestId, functionArn: arn, condition: 'Success', approximateInvokeCount: event.attempts },
      requestPayload: parsed(event.payload),
      responseContext: { statusCode: 200, executedVersion },
      responsePayload: parsed(input.result ?? 'null'),
    };
  }
  return {
    version: '1.0',
    timestamp: new Date(input.atMs).toISOString(),
    requestContext: {
      requestId: event.requestId,
      functionArn: arn,
      condition: input.condition,
      approximateInvokeCount: event.attempts,
    },
    requestPayload: parsed(event.payload),
    responseContext: lastError
      ? { statusCode: 200, executedVersion, functionError: 'Unhandled' }
      : { statusCode: 429, executedVersion },
    ...(lastError ? { responsePayload: functionErrorPayload(lastError) } : {}),
  };
}

/** ErrorMessage of a dead-letter message: the first 1 KB of the error (DG: invocation-async, dead-letter queues). */
const DLQ_ERROR_MESSAGE_BYTES = 1024;

/** The message a function's dead-letter queue receives for a discarded event: the event itself, with why in its attributes. */
export function deadLetterMessage(event: AsyncEvent, lastError: LambdaError | null): DeadLetterMessage {
  const message = lastError ? `${lastError.errorType}: ${lastError.errorMessage}` : 'Event age exceeded while throttled';
  return {
    body: event.payload,
    attributes: { RequestID: event.requestId, ErrorCode: lastError ? '200' : '429', ErrorMessage: message.slice(0, DLQ_ERROR_MESSAGE_BYTES) },
  };
}
