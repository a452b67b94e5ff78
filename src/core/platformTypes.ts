import type { Billable } from './billAccumulator';
import type { Architecture, FunctionConfig } from './functionConfig';
import type { FinishedInvocation, InvocationOutcome, LogLine } from './invocationRecord';
import type { ExitReason, LambdaError } from './lambdaError';
import type { InitializationType } from './environmentVariables';
import type { PlatformSettings } from './platformSettings';
import type { SnapStartPhase } from './snapStart';
import type { TimerId } from './timerKey';

/** RequestResponse: the caller waits for the result. Event: queued, answered 202 at once (lambda-model.md §4). */
export type InvocationType = 'RequestResponse' | 'Event';

/** Why the Invoke API answered 429 TooManyRequestsException. */
/** The Invoke API's throttle reasons the model gives: concurrency (reserved or account) and the invocation rate (10 per second per unit of concurrency, synchronous only). */
export type ThrottleReason =
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded';

/** The record Lambda sends to an asynchronous invocation's on-failure destination (lambda-model.md §4). */
export interface DestinationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload?: unknown;
}

/** What Lambda sends to a function's dead-letter queue for a discarded event: its payload, and why (message attributes). */
export interface DeadLetterMessage {
  body: string;
  attributes: { RequestID: string; ErrorCode: string; ErrorMessage: string };
}

/** How an asynchronous invocation ended, for the run's accounting. */
export type AsyncResult = 'delivered' | 'retried-delivered' | 'on-failure';

/**
 * What happened on the platform, for observers (timeline, metrics, bill,
 * accounting). Drivers carry out no action for a notice; they pass it on.
 */
export type Notice =
  | {
      kind: 'environment';
      atMs: number;
      envId: string;
      state: EnvironmentState;
      provisioned: boolean;
      memoryMb: number;
      /** Set when `state` is `destroyed`. */
      reason?: DestroyReason;
      /** Set when `state` is `busy`: the request it serves. */
      requestId?: string;
    }
  /** A request was throttled: a synchronous one answered 429, an asynchronous one requeued with backoff. */
  | { kind: 'throttle'; atMs: number; ticket: number; invocationType: InvocationType; reason: ThrottleReason }
  /** An asynchronous invocation will be attempted again at `retryAtMs` (after a function error or a throttle). */
  | { kind: 'asyncRetry'; atMs: number; ticket: number; requestId: string; retryAtMs: number; cause: 'function-error' | 'throttle'; attempts: number }
  /** An asynchronous invocation ended; `destination` is set when it went to the on-failure destination. */
  | { kind: 'asyncDone'; atMs: number; ticket: number; requestId: string; result: AsyncResult; attempts: number; destination?: DestinationRecord; deadLetter?: DeadLetterMessage }
  /**
   * Provisioned concurrency allocated or released, for the bill (configured GB-s are billed from enable to disable);
   * each published `version` holds its own allocation, and a workspace-wide stream names the function.
   */
  /**
   * A provisioned environment's init ended with no request waiting: its log stream's lines (INIT_START, the init's
   * output, INIT_REPORT), which no invocation carries.
   */
  | {
      kind: 'initLog';
      atMs: number;
      envId: string;
      logStreamName: string;
      lines: LogLine[];
      status: 'success' | 'error' | 'timeout';
      /** A SnapStart environment's: the Init at publish (`snapshot`) or a restore with no request to carry its lines. */
      snapStart?: 'snapshot' | 'restore';
    }
  /**
   * The SnapStart snapshot of a version was taken (its Init ended and the environment was discarded: the snapshot is what
   * remains), or its Init failed or timed out, which fails the publish.
   */
  | { kind: 'snapshot'; atMs: number; status: 'ready'; initDurationMs: number }
  | { kind: 'snapshot'; atMs: number; status: 'error' | 'timeout'; initDurationMs: number; error: LambdaError }
  | { kind: 'provisioned'; atMs: number; count: number; memoryMb: number; architecture: Architecture; version?: string; functionName?: string };

/**
 * A cheaper path for environment notices, for the scale simulation: when a
 * Platform has one, it calls it (in the order the notices would have been
 * emitted, as they happen) instead of emitting `environment` notices.
 * `environmentNotice` makes the notice from the same arguments.
 */
export type EnvironmentListener = (
  atMs: number,
  envId: string,
  state: EnvironmentState,
  provisioned: boolean,
  memoryMb: number,
  reason: DestroyReason | undefined,
  requestId: string | null,
  /** The environment's number (the N of `env-N`). */
  seq: number,
) => void;

/**
 * What the scale simulation's metrics and bill read of a finished invocation
 * (the fields of its `InvocationRecord` by the same names). In lean mode a
 * Platform with a `CompletionListener` hands it one reused object per
 * completion instead of emitting a `complete` command with a record.
 */
export interface Completion extends Billable {
  cold: boolean;
  arrivedAtMs: number;
  startedAtMs: number;
  endedAtMs: number;
  outcome: InvocationOutcome;
  invocationType: InvocationType;
}

/** Lean mode's completion path: called as an invocation ends; the object is the platform's, valid only during the call. */
export type CompletionListener = (done: Completion) => void;

/**
 * Where the platform's parts put the commands they emit, in order. An array
 * is one (`Platform.handle`); the scale simulation passes one that carries
 * each command out as it comes, so no list is built and none grows per event
 * (`Platform.feed`). The platform only appends: it never reads what it put.
 */
export interface CommandSink {
  push(command: PlatformCommand): unknown;
}

/** The `environment` notice of an environment now in `state` (`reason`: why it was destroyed; `requestId`: the request it serves). */
export function environmentNotice(
  atMs: number,
  envId: string,
  state: EnvironmentState,
  provisioned: boolean,
  memoryMb: number,
  reason: DestroyReason | undefined,
  requestId: string | null,
): Extract<Notice, { kind: 'environment' }> {
  const notice: Extract<Notice, { kind: 'environment' }> = { kind: 'environment', atMs, envId, state, provisioned, memoryMb };
  if (reason) notice.reason = reason;
  if (state === 'busy' && requestId !== null) notice.requestId = requestId;
  return notice;
}

/** What an execution environment needs to start: its code, configuration and identity. */
export interface EnvironmentSpec {
  envId: string;
  config: FunctionConfig;
  initializationType: InitializationType;
  logStreamName: string;
  functionArn: string;
  /** The version this environment runs: `$LATEST` or a published number. */
  functionVersion: string;
  logGroupName: string;
  /** `process.env` as the handler will see it. */
  variables: Record<string, string>;
  /** A SnapStart version's environment: `snapshot`, the Init at publish; `restore`, a cold start restoring that snapshot. */
  snapStart?: SnapStartPhase;
}

/** How a handler's invocation ended, as the execution environment reports it. */
export type HandlerOutcome =
  | { kind: 'success'; payload: string }
  | { kind: 'error'; error: LambdaError }
  /** The runtime reported this error, then its process exited (uncaught exception, unhandled rejection). */
  | { kind: 'fatal'; error: LambdaError; exitStatus: number }
  /** The runtime exited without a reply (Node's event loop emptied with the handler's promise pending). */
  | { kind: 'noReply' };

/** Events into the platform model. Durations are measured by the environment itself. */
export type PlatformEvent =
  /** `qualifier`: the version or alias the caller named (absent: the unqualified function); the invoked ARN carries it. */
  | { type: 'invoke'; ticket: number; payload: string; invocationType?: InvocationType; qualifier?: string }
  /** `contended`: while it ran, more handlers and inits were busy than the machine has cores (live mode), so Init Duration reads long. */
  /**
   * For a restoring environment (SnapStart), `restoreMs` is the measured part of the restore: runtime load and
   * after-restore hooks (live mode: from the runtime's `restoreLoaded` to its `initDone`); absent, `initDurationMs` is.
   */
  | { type: 'initDone'; envId: string; initDurationMs: number; logs: LogLine[]; contended?: boolean; restoreMs?: number }
  /** A restoring environment's runtime is loaded (the snapshot's state is back): the 10 s limit on runtime load and after-restore hooks starts. */
  | { type: 'restoreLoaded'; envId: string }
  /** Publishing a SnapStart version: run its Init once, in an environment discarded afterwards, and report the snapshot. */
  | { type: 'takeSnapshot' }
  | { type: 'initFailed'; envId: string; initDurationMs: number; error: LambdaError; logs: LogLine[] }
  /** A runtime that boots in the tab first (PlatformOptions.runtimeBootsFirst) is ready: Init's time limit starts now. */
  | { type: 'runtimeReady'; envId: string }
  | {
      type: 'invokeDone';
      envId: string;
      requestId: string;
      /** Wall time of the invocation, as the environment measured it. */
      durationMs: number;
      /** Of which the handler kept the CPU busy (the rest it was waiting); scaled by the CPU share. Default 0. */
      cpuMs?: number;
      /** More handlers were busy than the machine has cores: the measurement is inflated. */
      contended?: boolean;
      outcome: HandlerOutcome;
      logs: LogLine[];
    }
  | { type: 'timer'; timerId: TimerId }
  | { type: 'environmentLost'; envId: string; reason: ExitReason }
  | { type: 'configure'; config: FunctionConfig }
  | { type: 'settings'; settings: PlatformSettings };

/** `recycled`: the environment reached the end of its lifetime (Lambda replaces environments every few hours). */
/** `snapshotted`: the environment whose Init a SnapStart snapshot was taken of is discarded. */
export type DestroyReason = 'timeout' | 'exited' | 'init-failed' | 'config-changed' | 'lost' | 'reclaimed' | 'deprovisioned' | 'recycled' | 'snapshotted';

/** Commands out of the platform model, for a driver (real workers or virtual time) to carry out. */
export type PlatformCommand =
  | { type: 'startEnvironment'; spec: EnvironmentSpec }
  /** `invokedFunctionArn`: present when the caller named a version or alias (the context's `invokedFunctionArn` is then qualified). */
  | { type: 'invoke'; envId: string; requestId: string; payload: string; remainingMs: number; invokedFunctionArn?: string }
  | { type: 'destroyEnvironment'; envId: string; reason: DestroyReason }
  /** The environment's runtime process is gone (killed at a timeout, or it exited); the environment stays, to re-run init with its next invocation. */
  | { type: 'stopRuntime'; envId: string; reason: 'timeout' | 'exited' }
  | { type: 'setTimer'; timerId: TimerId; atMs: number }
  | { type: 'clearTimer'; timerId: TimerId }
  | ({ type: 'complete'; ticket: number } & FinishedInvocation)
  /** The Invoke API refused the request before any environment saw it (400, 413, 429 …). */
  | { type: 'reject'; ticket: number; statusCode: number; error: LambdaError }
  /** An asynchronous invocation was queued: the Invoke API's 202. */
  | { type: 'accepted'; ticket: number; requestId: string }
  | { type: 'notice'; notice: Notice };

export type EnvironmentState = 'initializing' | 'idle' | 'busy' | 'destroyed';

/** A read-only view of an execution environment, for the UI and tests. */
export interface EnvironmentView {
  envId: string;
  state: EnvironmentState;
  createdAtMs: number;
  invocations: number;
  logStreamName: string;
  provisioned: boolean;
  memoryMb: number;
}
