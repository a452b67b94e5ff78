import { cpuFactor } from './cpuShare';
import type { FunctionConfig } from './functionConfig';
import { finishInvocation, invocationRecordOf, type FinishedInvocation, type FinishInput, type InvocationOutcome, type InvokeResponse, type LogLine } from './invocationRecord';
import type { LambdaError } from './lambdaError';
import type { ReportFields } from './logLines';
import { estimateMaxMemoryUsedMb } from './memoryModel';
import type { EnvironmentState, HandlerOutcome, InvocationType, ThrottleReason } from './platformTypes';
import type { Random } from './random';

/** The platform's own view of an execution environment. */
export interface Environment {
  id: string;
  state: EnvironmentState;
  /** The configuration the environment was started with: its invocations run, time out and bill under it. */
  config: FunctionConfig;
  configVersion: number;
  /** `init`: the normal init phase. `invoke`: init re-run inside an invocation, after a failed or timed-out init. */
  initPhase: 'init' | 'invoke';
  requestId: string | null;
  createdAtMs: number;
  lastUsedAtMs: number;
  invocations: number;
  logStreamName: string;
  provisioned: boolean;
  /** Creation order (the number in `id`): ties in last use go to the newer environment. */
  seq: number;
  /** `reclaimTimer(id)`, made once: it is set and cleared on every invocation. */
  reclaimTimerId: string;
  /** Links in the platform's idle list while idle (idleList.ts). */
  idlePrev?: Environment | null;
  idleNext?: Environment | null;
  /** Started ahead of traffic by the keep-alive policy: kept this long once ready. */
  prewarmKeepAliveMs?: number;
}

/** An invocation whose handler has returned, held busy for the rest of its modelled (CPU-scaled) duration. */
export interface Held {
  outcome: HandlerOutcome;
  durationMs: number;
}

export interface Invocation {
  ticket: number;
  requestId: string;
  payload: string;
  envId: string;
  /** The configuration of the environment serving it, not the function's latest. */
  config: FunctionConfig;
  arrivedAtMs: number;
  cold: boolean;
  /** `timeoutTimer(requestId)`, made once: it is set and cleared on every invocation. */
  timeoutTimerId: string;
  /** Set when the invoke phase began (the deadline runs from here). */
  startedAtMs: number | null;
  initDurationMs?: number;
  /** Init that ran inside the invoke phase: it counts toward Duration, not Init Duration. */
  initInInvokeMs: number;
  beforeStart: LogLine[];
  body: LogLine[];
  invocationType: InvocationType;
  attempt: number;
  measuredDurationMs: number;
  cpuMs: number;
  contended: boolean;
  held: Held | null;
}

export const initTimer = (envId: string): string => `init:${envId}`;
export const timeoutTimer = (requestId: string): string => `timeout:${requestId}`;
export const holdTimer = (requestId: string): string => `hold:${requestId}`;
export const reclaimTimer = (envId: string): string => `reclaim:${envId}`;
export const prewarmTimer = (n: number): string => `prewarm:${n}`;

const NO_LOGS: LogLine[] = [];

/** The record, log lines (none when `logs` is false) and response of an invocation that ended now. */
export function finishOf(
  inv: Invocation,
  end: { outcome: InvocationOutcome; response: InvokeResponse; durationMs: number; endedAtMs: number; provisioned: boolean; status?: ReportFields['status'] },
  logs = true,
): FinishedInvocation {
  const responseBytes = end.response.ok ? end.response.payload.length : 0;
  // Optional fields are added after, not spread in: this runs once per invocation.
  const input: FinishInput = {
    requestId: inv.requestId,
    envId: inv.envId,
    cold: inv.cold,
    arrivedAtMs: inv.arrivedAtMs,
    startedAtMs: inv.startedAtMs ?? end.endedAtMs,
    endedAtMs: end.endedAtMs,
    durationMs: end.durationMs,
    memorySizeMb: inv.config.memoryMb,
    maxMemoryUsedMb: estimateMaxMemoryUsedMb(inv.config.runtime, inv.config.memoryMb, inv.payload.length + responseBytes),
    architecture: inv.config.architecture,
    outcome: end.outcome,
    response: end.response,
    beforeStart: inv.beforeStart,
    body: inv.body,
    invocationType: inv.invocationType,
    attempt: inv.attempt,
    provisioned: end.provisioned,
    measuredDurationMs: inv.measuredDurationMs,
    cpuMs: inv.cpuMs,
    cpuFactor: cpuFactor(inv.config.memoryMb),
    contended: inv.contended,
  };
  if (inv.initDurationMs !== undefined) input.initDurationMs = inv.initDurationMs;
  if (end.status) input.status = end.status;
  return logs ? finishInvocation(input) : { record: invocationRecordOf(input), logs: NO_LOGS, response: end.response };
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
  return { errorType: 'TooManyRequestsException', errorMessage: `Rate Exceeded. (Reason: ${reason})`, trace: [] };
}
