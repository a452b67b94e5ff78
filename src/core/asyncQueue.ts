import {
  checkAsyncPayload,
  deadLetterMessage,
  destinationRecord,
  functionErrorRetryDelayMs,
  nextThrottleBackoffMs,
  type AsyncEvent,
} from './asyncInvocation';
import type { Clock } from './clock';
import type { InvokeResponse } from './invocationRecord';
import type { LambdaError } from './lambdaError';
import { checkRequestPayload } from './payloadLimits';
import type { PlatformSettings } from './platformSettings';
import type { AsyncResult, DestinationRecord, Notice, CommandSink, ThrottleReason } from './platformTypes';
import type { Random } from './random';

/** What the queue needs from the platform: admission, and starting an attempt on an environment. */
export interface AsyncHost {
  clock: Clock;
  random: Random;
  settings(): PlatformSettings;
  functionArn(): string;
  /** The version the platform runs (`$LATEST` or a published number). */
  version: string;
  /** Run one attempt now, or say why the function is throttled. */
  tryAttempt(event: AsyncEvent, out: CommandSink): ThrottleReason | null;
}

import { asyncTimer } from './timerKey';

/**
 * Lambda's internal queue for asynchronous (Event) invocations
 * (lambda-model.md §4): 202 at once, then attempts. Throttles are retried with
 * backoff until the maximum event age; function errors are retried up to
 * MaximumRetryAttempts, 1 and 2 minutes apart; then the event goes to the
 * on-failure destination. Waits are Lambda's, in platform time (see PlatformClock).
 */
export class AsyncQueue {
  private readonly events = new Map<string, AsyncEvent>();
  /** The last error each event's function attempt returned. */
  private readonly errors = new Map<string, LambdaError>();

  constructor(private readonly host: AsyncHost) {}

  get size(): number {
    return this.events.size;
  }

  accept(ticket: number, payload: string, out: CommandSink, qualifier: string | null = null): void {
    const refusal = checkAsyncPayload(payload) ?? checkRequestPayload(payload);
    if (refusal) {
      out.push({ type: 'reject', ticket, ...refusal });
      return;
    }
    const event: AsyncEvent = { ticket, requestId: this.host.random.uuid(), payload, queuedAtMs: this.host.clock.now(), attempts: 0, backoffMs: 0, qualifier };
    this.events.set(event.requestId, event);
    out.push({ type: 'accepted', ticket, requestId: event.requestId });
    this.dispatch(event, out);
  }

  /** A retry timer fired. */
  onTimer(requestId: string, busy: boolean, out: CommandSink): void {
    const event = this.events.get(requestId);
    if (event && !busy) this.dispatch(event, out);
  }

  /** An attempt ended: deliver the event, retry it, or send it to the on-failure destination. */
  afterAttempt(requestId: string, response: InvokeResponse, out: CommandSink): void {
    const event = this.events.get(requestId);
    if (!event) return;
    if (response.ok) {
      this.finish(event, event.attempts > 1 ? 'retried-delivered' : 'delivered', out, this.host.settings().onSuccessDestination ? 'Success' : undefined, response.payload);
      return;
    }
    this.errors.set(requestId, response.error);
    if (event.attempts > this.host.settings().maximumRetryAttempts) {
      this.finish(event, 'on-failure', out, 'RetriesExhausted');
      return;
    }
    this.retryLater(event, functionErrorRetryDelayMs(event.attempts), 'function-error', out);
  }

  private dispatch(event: AsyncEvent, out: CommandSink): void {
    const throttle = this.host.tryAttempt(event, out);
    if (throttle === null) return;
    this.notice(out, { kind: 'throttle', atMs: this.host.clock.now(), ticket: event.ticket, invocationType: 'Event', reason: throttle });
    event.backoffMs = nextThrottleBackoffMs(event.backoffMs);
    this.retryLater(event, event.backoffMs, 'throttle', out);
  }

  /** Try again after `delayMs` of Lambda's time, unless the event would be too old by then. */
  private retryLater(event: AsyncEvent, delayMs: number, cause: 'function-error' | 'throttle', out: CommandSink): void {
    const { maximumEventAgeS } = this.host.settings();
    const now = this.host.clock.now();
    const at = now + delayMs;
    if (at - event.queuedAtMs > maximumEventAgeS * 1000) {
      this.finish(event, 'on-failure', out, 'EventAgeExceeded');
      return;
    }
    this.notice(out, { kind: 'asyncRetry', atMs: now, ticket: event.ticket, requestId: event.requestId, retryAtMs: at, cause, attempts: event.attempts });
    out.push({ type: 'setTimer', timerId: asyncTimer(event.requestId), atMs: at });
  }

  private finish(event: AsyncEvent, result: AsyncResult, out: CommandSink, condition?: DestinationRecord['requestContext']['condition'], payload?: string): void {
    const now = this.host.clock.now();
    this.events.delete(event.requestId);
    const lastError = this.errors.get(event.requestId) ?? null;
    this.errors.delete(event.requestId);
    const destination = condition ? destinationRecord({ event, atMs: now, functionArn: this.host.functionArn(), version: this.host.version, condition, lastError, ...(payload !== undefined ? { result: payload } : {}) }) : undefined;
    const deadLetter = result === 'on-failure' && this.host.settings().deadLetterQueue ? deadLetterMessage(event, lastError) : undefined;
    this.notice(out, {
      kind: 'asyncDone',
      atMs: now,
      ticket: event.ticket,
      requestId: event.requestId,
      result,
      attempts: event.attempts,
      ...(destination ? { destination } : {}),
      ...(deadLetter ? { deadLetter } : {}),
    });
  }

  private notice(out: CommandSink, notice: Notice): void {
    out.push({ type: 'notice', notice });
  }
}
