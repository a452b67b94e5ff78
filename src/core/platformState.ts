import { cpuFactor } from './cpuShare';
import type { FunctionConfig } from './functionConfig';
import { finishInvocation, type FinishedInvocation, type InvocationOutcome, type InvokeResponse, type LogLine } from './invocationRecord';
import type { LambdaError } from './lambdaError';
import type { ReportFields } from './logLines';
import { estimateMaxMemoryUsedMb } from './memoryModel';
import type { EnvironmentState, HandlerOutcome, InvocationType, ThrottleReason } from './platformTypes';

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

/** The record, log lines and response of an invocation that ended now. */
export function finishOf(
  inv: Invocation,
  end: { outcome: InvocationOutcome; response: InvokeResponse; durationMs: number; endedAtMs: number; provisioned: boolean; status?: ReportFields['status'] },
): FinishedInvocation {
  const responseBytes = end.response.ok ? end.response.payload.length : 0;
  return finishInvocation({
    requestId: inv.requestId,
    envId: inv.envId,
    cold: inv.cold,
    arrivedAtMs: inv.arrivedAtMs,
    startedAtMs: inv.startedAtMs ?? end.endedAtMs,
    endedAtMs: end.endedAtMs,
    ...(inv.initDurationMs !== undefined ? { initDurationMs: inv.initDurationMs } : {}),
    durationMs: end.durationMs,
    memorySizeMb: inv.config.memoryMb,
    maxMemoryUsedMb: estimateMaxMemoryUsedMb(inv.config.runtime, inv.config.memoryMb, inv.payload.length + responseBytes),
    architecture: inv.config.architecture,
    outcome: end.outcome,
    response: end.response,
    beforeStart: inv.beforeStart,
    body: inv.body,
    ...(end.status ? { status: end.status } : {}),
    invocationType: inv.invocationType,
    attempt: inv.attempt,
    provisioned: end.provisioned,
    measuredDurationMs: inv.measuredDurationMs,
    cpuMs: inv.cpuMs,
    cpuFactor: cpuFactor(inv.config.memoryMb),
    contended: inv.contended,
  });
}

/** The 429 body of a throttled synchronous invoke (lambda-model.md §4). */
export function throttleError(reason: ThrottleReason): LambdaError {
  return { errorType: 'TooManyRequestsException', errorMessage: `Rate Exceeded. (Reason: ${reason})`, trace: [] };
}
