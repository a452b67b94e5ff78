import type { ColdStartReason } from './coldStartReason';
import { cpuFactor } from './cpuShare';
import { loggingOf, type FunctionConfig } from './functionConfig';
import { invocationLogs, invocationRecordOf, type InvocationOutcome, type InvocationRecord, type InvokeResponse, type LogLine } from './invocationRecord';
import { jsonSystemLogs } from './jsonSystemLogs';
import type { InvocationTrace } from './tracing/invocationTrace';
import type { LambdaError } from './lambdaError';
import type { ReportFields } from './logLines';
import { estimateMaxMemoryUsedMb } from './memoryModel';
import { billedDurationMs } from './pricing';
import { withRestore } from './invocationRecord';
import type { Completion, EnvironmentState, HandlerOutcome, InvocationType, PlatformCommand, ThrottleReason } from './platformTypes';
import type { Random } from './random';
import type { TimerId } from './timerKey';

/** The platform's own view of an execution environment. */
export interface Environment {
  id: string;
  state: EnvironmentState;
  /** The configuration the environment was started with: its invocations run, time out and bill under it. */
  config: FunctionConfig;
  configVersion: number;
  /**
   * `init`: the normal init phase. `invoke`: init re-run inside an invocation, after a failed or timed-out init.
   * SnapStart: `snapshot`, the Init run when a version is published (the environment is discarded after it);
   * `restore`, a cold start restoring that snapshot instead of running Init.
   */
  initPhase: 'init' | 'invoke' | 'snapshot' | 'restore';
  /** A restoring environment's runtime reported itself loaded (platform time; NaN before): the 10 s restore limit runs from here. */
  restoreLoadedAtMs: number;
  requestId: string | null;
  /** The invocation it is serving, from admission to its end (null otherwise). */
  serving: Invocation | null;
  createdAtMs: number;
  lastUsedAtMs: number;
  invocations: number;
  logStreamName: string;
  provisioned: boolean;
  /** Creation order (the number in `id`): ties in last use go to the newer environment. */
  seq: number;
  /** The end of its lifetime: past it, the environment is recycled when its request ends. */
  retireAtMs: number;
  /** `reclaimTimer(id)`, made once: it is set and cleared on every invocation. */
  reclaimTimerId: TimerId;
  /** The command clearing it, made once (commands are never changed once made). */
  clearReclaim: PlatformCommand;
  /**
   * `timeoutTimer(id)` and `holdTimer(id)`, made once: an environment serves
   * one invocation at a time, so its invocation's deadline and CPU hold are
   * the environment's timers, set and cleared on every invocation.
   */
  timeoutTimerId: TimerId;
  holdTimerId: TimerId;
  clearTimeout: PlatformCommand;
  clearHold: PlatformCommand;
  /** Commands made once and rewritten for each use, when the driver keeps no command (`reuseCommands`); null otherwise. */
  scratch: EnvironmentScratch | null;
  /** Links in the platform's idle list while idle (idleList.ts). */
  idlePrev?: Environment | null;
  idleNext?: Environment | null;
  /** Started ahead of traffic by the keep-alive policy: kept this long once ready. */
  prewarmKeepAliveMs?: number;
  /**
   * Reset after a timeout or a runtime exit: its process is gone, and the
   * next invocation on it re-runs init inside the invoke phase (a suppressed
   * init: same log stream, no Init Duration, init time inside Duration).
   */
  needsInit: boolean;
  /**
   * Its runtime is booting in the tab (live Python on Pyodide): Init's limit,
   * or the invocation's deadline when init runs inside it, starts when the
   * runtime is ready (`runtimeReady`).
   */
  awaitingRuntime: boolean;
}

/** An environment's reusable commands (see `Environment.scratch`). */
export interface EnvironmentScratch {
  setTimeout: Extract<PlatformCommand, { type: 'setTimer' }>;
  setReclaim: Extract<PlatformCommand, { type: 'setTimer' }>;
  invoke: Extract<PlatformCommand, { type: 'invoke' }>;
}

export interface Invocation {
  ticket: number;
  requestId: string;
  payload: string;
  /** The version or alias the caller named (null: the unqualified function). */
  qualifier: string | null;
  /** The environment serving it. */
  env: Environment;
  /** The configuration of the environment serving it, not the function's latest. */
  config: FunctionConfig;
  arrivedAtMs: number;
  cold: boolean;
  /** Why it was cold (full mode only). */
  coldReason: ColdStartReason | null;
  /** When the invoke phase began (the deadline runs from here); NaN before (a number field never boxes its stores). */
  startedAtMs: number;
  initDurationMs?: number;
  /** A cold start that restored a SnapStart snapshot: Restore Duration and Billed Restore Duration (in place of Init Duration). */
  restoreDurationMs: number | undefined;
  billedRestoreDurationMs: number | undefined;
  /** Init that ran inside the invoke phase: it counts toward Duration, not Init Duration. */
  initInInvokeMs: number;
  beforeStart: LogLine[];
  body: LogLine[];
  invocationType: InvocationType;
  attempt: number;
  measuredDurationMs: number;
  cpuMs: number;
  contended: boolean;
  /** Set when the handler has returned: held busy for the rest of its modelled (CPU-scaled) duration, then it completes with this. */
  heldOutcome: HandlerOutcome | null;
  /** The modelled duration it completes with (with `heldOutcome`). */
  heldDurationMs: number;
  /** Its X-Ray trace, as the driver decided it when the handler was sent the invocation (null: none yet). */
  trace: InvocationTrace | null;
}

/**
 * A new invocation, or `spare` (a finished one, lean mode) made over into it:
 * every field set, in one order, so every invocation has one object shape.
 */
export function invocationOf(
  spare: Invocation | undefined,
  env: Environment,
  cold: boolean,
  coldReason: ColdStartReason | null,
  ticket: number,
  requestId: string,
  payload: string,
  invocationType: InvocationType,
  attempt: number,
  arrivedAtMs: number,
  qualifier: string | null = null,
): Invocation {
  if (spare === undefined) {
    return {
      ticket,
      requestId,
      payload,
      qualifier,
      invocationType,
      attempt,
      env,
      config: env.config,
      arrivedAtMs,
      cold,
      coldReason,
      startedAtMs: Number.NaN,
      initInInvokeMs: 0,
      beforeStart: NO_LOGS,
      body: NO_LOGS,
      measuredDurationMs: 0,
      cpuMs: 0,
      contended: false,
      heldOutcome: null,
      heldDurationMs: 0,
      initDurationMs: undefined,
      restoreDurationMs: undefined,
      billedRestoreDurationMs: undefined,
      trace: null,
    };
  }
  const inv = spare;
  inv.ticket = ticket;
  inv.requestId = requestId;
  inv.payload = payload;
  inv.qualifier = qualifier;
  inv.invocationType = invocationType;
  inv.attempt = attempt;
  inv.env = env;
  inv.config = env.config;
  inv.arrivedAtMs = arrivedAtMs;
  inv.cold = cold;
  inv.coldReason = coldReason;
  inv.startedAtMs = Number.NaN;
  inv.trace = null;
  inv.initInInvokeMs = 0;
  inv.beforeStart = NO_LOGS;
  inv.body = NO_LOGS;
  inv.measuredDurationMs = 0;
  inv.cpuMs = 0;
  inv.contended = false;
  inv.heldOutcome = null;
  inv.heldDurationMs = 0;
  inv.initDurationMs = undefined;
  inv.restoreDurationMs = undefined;
  inv.billedRestoreDurationMs = undefined;
  return inv;
}

/**
 * No log lines: what an invocation starts with, and what lean mode's
 * completions carry. Never pushed to (see `appendLogs`).
 */
export const NO_LOGS: LogLine[] = Object.freeze([]) as unknown as LogLine[];

/** Add lines to one of an invocation's log lists, making the list on the first line. */
export function appendLogs(inv: Invocation, list: 'beforeStart' | 'body', lines: readonly LogLine[]): void {
  if (lines.length === 0) return;
  const into = inv[list];
  if (into === NO_LOGS) inv[list] = [...lines];
  else into.push(...lines);
}

/** The record of an invocation that ended now. */
export function recordOf(
  inv: Invocation,
  outcome: InvocationOutcome,
  response: InvokeResponse,
  durationMs: number,
  endedAtMs: number,
  provisioned: boolean,
): InvocationRecord {
  const config = inv.config;
  const responseBytes = response.ok ? response.payload.length : 0;
  const record = invocationRecordOf(
    inv.requestId,
    inv.env.id,
    inv.cold,
    inv.arrivedAtMs,
    Number.isNaN(inv.startedAtMs) ? endedAtMs : inv.startedAtMs,
    endedAtMs,
    inv.initDurationMs,
    durationMs,
    config.memoryMb,
    estimateMaxMemoryUsedMb(config.runtime, config.memoryMb, inv.payload.length + responseBytes),
    config.architecture,
    outcome,
    response,
    inv.invocationType,
    inv.attempt,
    provisioned,
    inv.measuredDurationMs,
    inv.cpuMs,
    cpuFactor(config.memoryMb),
    inv.contended,
    config.ephemeralStorageMb,
  );
  if (inv.initInInvokeMs > 0) record.initInInvokeMs = inv.initInInvokeMs;
  if (inv.restoreDurationMs !== undefined && inv.billedRestoreDurationMs !== undefined) withRestore(record, inv.restoreDurationMs, inv.billedRestoreDurationMs);
  if (inv.coldReason !== null) record.coldReason = inv.coldReason;
  return record;
}

/** A completion object for lean mode, to be filled by `completionOf`. */
export function emptyCompletion(): Completion {
  return {
    cold: false,
    arrivedAtMs: 0,
    startedAtMs: 0,
    endedAtMs: 0,
    outcome: 'success',
    invocationType: 'RequestResponse',
    durationMs: 0,
    initDurationMs: undefined,
    billedDurationMs: 0,
    memorySizeMb: 0,
    ephemeralStorageMb: undefined,
    architecture: 'x86_64',
    provisioned: false,
    billedRestoreDurationMs: undefined,
  };
}

/** `recordOf`'s fields the metrics and the bill read, written into `into` (lean mode: no record per invocation). */
export function completionOf(into: Completion, inv: Invocation, outcome: InvocationOutcome, durationMs: number, endedAtMs: number, provisioned: boolean): Completion {
  into.cold = inv.cold;
  into.arrivedAtMs = inv.arrivedAtMs;
  into.startedAtMs = Number.isNaN(inv.startedAtMs) ? endedAtMs : inv.startedAtMs;
  into.endedAtMs = endedAtMs;
  into.outcome = outcome;
  into.invocationType = inv.invocationType;
  into.durationMs = durationMs;
  into.initDurationMs = inv.initDurationMs;
  into.billedDurationMs = billedDurationMs(durationMs + (inv.initDurationMs ?? 0) + (inv.billedRestoreDurationMs ?? 0));
  into.billedRestoreDurationMs = inv.billedRestoreDurationMs;
  into.memorySizeMb = inv.config.memoryMb;
  into.ephemeralStorageMb = inv.config.ephemeralStorageMb;
  into.architecture = inv.config.architecture;
  into.provisioned = provisioned;
  return into;
}

/** The log lines of an invocation whose record is `record`. */
export function logsOf(inv: Invocation, record: InvocationRecord, status?: ReportFields['status']): LogLine[] {
  const sampled = inv.trace?.sampled ? inv.trace : undefined;
  const lines = invocationLogs(record, inv.beforeStart, inv.body, status, sampled);
  const logging = loggingOf(inv.config);
  if (logging.logFormat === 'Text') return lines;
  return jsonSystemLogs(lines, record, { functionName: inv.config.name, functionVersion: record.version ?? '$LATEST', systemLogLevel: logging.systemLogLevel, ...(status ? { status } : {}), ...(sampled ? { trace: sampled } : {}) });
}

/**
 * The same random stream, with ids from counters (`req-1`, …) instead of
 * UUIDs: for the scale simulation, where nobody reads an id and millions of
 * UUIDs would cost more than the rest of an invocation.
 */
export function countingIds(random: Random): Random {
  let n = 0;
  return {
    next: () => random.next(),
    hex: () => (++n).toString(16),
    uuid: () => `req-${++n}`,
  };
}

/** The 429 body of a throttled synchronous invoke (lambda-model.md §4). */
export function throttleError(reason: ThrottleReason): LambdaError {
  return { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], reason };
}
