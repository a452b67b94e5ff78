import type { Clock } from '../clock';
import type { LambdaError } from '../lambdaError';
import type { InvocationType } from '../platformTypes';
import type { Random } from '../random';

/**
 * Event sources (lambda-model.md §4, §7) are pure state machines beside the
 * platform model: user actions and timers in, commands out. They never touch
 * workers or timers themselves; the bridge's source hub carries out their
 * commands (invoking the target function's platform, keeping their timers)
 * and feeds results back. The same source runs live (wall clock) and, later,
 * in the scale simulation (virtual clock).
 */
export type SourceCommand =
  /**
   * Invoke a function. `invocationId` is the source's own correlation id: the
   * result comes back through `onResult` with it (for `Event`, the result is
   * `accepted` or a refusal: the function's platform owns the retries).
   */
  | { type: 'invoke'; functionName: string; invocationId: string; payload: string; invocationType: InvocationType; traceHeader?: string }
  /** Timer ids are the source's own; the hub namespaces them per source. */
  | { type: 'setTimer'; timerId: string; atMs: number }
  | { type: 'clearTimer'; timerId: string }
  /** What the source's view shows has changed (the hub batches these for the UI). */
  | { type: 'changed' }
  /** A line for the source's activity log ("Polled 10 messages", "Fired schedule", …). */
  | { type: 'log'; atMs: number; text: string };

/** What came of an invocation a source asked for. */
export type SourceInvokeResult =
  /** RequestResponse: the function returned this JSON payload. */
  | { kind: 'success'; payload: string }
  /** RequestResponse: the function failed (error, timeout, crash); the error is Lambda's body. */
  | { kind: 'functionError'; error: LambdaError }
  /** Event: queued by the function's platform (202). */
  | { kind: 'accepted' }
  /** The Invoke API refused: 429 throttle (TooManyRequestsException), 413, 400 … */
  | { kind: 'rejected'; statusCode: number; error: LambdaError };

/** Every source implements this much; each adds its own user actions, which also push commands into `out`. */
export interface EventSource {
  /** Unique in the workspace, no ':' (the hub prefixes timer ids with it). */
  readonly id: string;
  onTimer(timerId: string, out: SourceCommand[]): void;
  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void;
}

/** What every source is built with. */
export interface SourceContext {
  clock: Clock;
  random: Random;
  region: string;
  accountId: string;
  /**
   * The compression of platform waits the user chose (1 = real time), for
   * what a source's view says about it. Sources never divide by it: `clock`
   * is platform time, which the live session's PlatformClock compresses
   * while nothing executes.
   */
  waitScale(): number;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';
