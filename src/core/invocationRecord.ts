import type { Architecture } from './functionConfig';
import type { LambdaError } from './lambdaError';
import { endLine, reportLine, startLine, type ReportFields } from './logLines';
import { billedDurationMs, invocationCost, type InvocationCost } from './pricing';

/** One line of a function's log stream, as CloudWatch would hold it. */
export interface LogLine {
  atMs: number;
  text: string;
  /** `platform` for START/END/REPORT and friends; `function` for the handler's own output. */
  source: 'platform' | 'function';
}

export type InvocationOutcome = 'success' | 'error' | 'timeout' | 'crash';

/** Everything the bill, the metrics and the logs need to know about one invocation. */
export interface InvocationRecord {
  requestId: string;
  envId: string;
  cold: boolean;
  arrivedAtMs: number;
  startedAtMs: number;
  endedAtMs: number;
  /** Only for a cold start whose init ran in the init phase. */
  initDurationMs?: number;
  durationMs: number;
  /** Duration plus Init Duration, rounded up to 1 ms: init is billed since 1 August 2025. */
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  architecture: Architecture;
  outcome: InvocationOutcome;
  errorType?: string;
  cost: InvocationCost;
  invocationType: 'RequestResponse' | 'Event';
  /** 1 for the first attempt; asynchronous retries count up (same request id). */
  attempt: number;
  /** Served by a provisioned-concurrency environment: billed at the provisioned duration price. */
  provisioned: boolean;
  /** What the environment measured (wall time) and, of it, the CPU-busy part, before the CPU-share model. */
  measuredDurationMs: number;
  cpuMs: number;
  /** Measured CPU time was multiplied by this (1,769 MB / memory, at least 1). */
  cpuFactor: number;
  /** More handlers were busy than the machine has cores while this one ran: its duration is inflated. */
  contended: boolean;
}

/** What the caller of a synchronous invoke receives. */
export type InvokeResponse = { ok: true; payload: string } | { ok: false; error: LambdaError };

export interface FinishedInvocation {
  record: InvocationRecord;
  logs: LogLine[];
  response: InvokeResponse;
}

export interface FinishInput {
  requestId: string;
  envId: string;
  cold: boolean;
  arrivedAtMs: number;
  startedAtMs: number;
  endedAtMs: number;
  initDurationMs?: number;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  architecture: Architecture;
  outcome: InvocationOutcome;
  response: InvokeResponse;
  /** Lines before START: init output and INIT_REPORT lines. */
  beforeStart: LogLine[];
  /** Lines between START and END: the handler's output and platform notices. */
  body: LogLine[];
  /** REPORT's Status field, for timeouts and runtime failures. */
  status?: ReportFields['status'];
  invocationType: 'RequestResponse' | 'Event';
  attempt: number;
  provisioned: boolean;
  measuredDurationMs: number;
  cpuMs: number;
  cpuFactor: number;
  contended: boolean;
}

/** The record of an invocation that has ended: what the bill and the metrics read. */
export function invocationRecordOf(input: FinishInput): InvocationRecord {
  const billed = billedDurationMs(input.durationMs + (input.initDurationMs ?? 0));
  const errorType = input.response.ok ? undefined : input.response.error.errorType;
  // Optional fields are added after, not spread in: the scale simulation builds millions of these.
  const record: InvocationRecord = {
    requestId: input.requestId,
    envId: input.envId,
    cold: input.cold,
    arrivedAtMs: input.arrivedAtMs,
    startedAtMs: input.startedAtMs,
    endedAtMs: input.endedAtMs,
    durationMs: input.durationMs,
    billedDurationMs: billed,
    memorySizeMb: input.memorySizeMb,
    maxMemoryUsedMb: input.maxMemoryUsedMb,
    architecture: input.architecture,
    outcome: input.outcome,
    cost: invocationCost(input.memorySizeMb, billed, input.architecture, input.provisioned),
    invocationType: input.invocationType,
    attempt: input.attempt,
    provisioned: input.provisioned,
    measuredDurationMs: input.measuredDurationMs,
    cpuMs: input.cpuMs,
    cpuFactor: input.cpuFactor,
    contended: input.contended,
  };
  if (input.initDurationMs !== undefined) record.initDurationMs = input.initDurationMs;
  if (errorType !== undefined) record.errorType = errorType;
  return record;
}

/** Build the record, the START/END/REPORT lines and the response of an invocation that has ended. */
export function finishInvocation(input: FinishInput): FinishedInvocation {
  const record = invocationRecordOf(input);
  const billed = record.billedDurationMs;
  const platform = (atMs: number, text: string): LogLine => ({ atMs, text, source: 'platform' });
  const report = reportLine({
    requestId: input.requestId,
    durationMs: input.durationMs,
    billedDurationMs: billed,
    memorySizeMb: input.memorySizeMb,
    maxMemoryUsedMb: input.maxMemoryUsedMb,
    ...(input.initDurationMs !== undefined ? { initDurationMs: input.initDurationMs } : {}),
    ...(input.status ? { status: input.status } : {}),
  });
  const logs = [
    ...input.beforeStart,
    platform(input.startedAtMs, startLine(input.requestId)),
    ...input.body,
    platform(input.endedAtMs, endLine(input.requestId)),
    platform(input.endedAtMs, report),
  ];
  return { record, logs, response: input.response };
}
