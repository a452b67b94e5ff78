import type { ColdStartReason } from './coldStartReason';
import type { Architecture } from './functionConfig';
import type { LambdaError } from './lambdaError';
import { endLine, reportLine, startLine, type ReportFields } from './logLines';
import { billedDurationMs, invocationCost, type InvocationCost } from './pricing';
import { restoreChargeUsd } from './snapStart';
import { xrayReportLine, type InvocationTrace } from './tracing/invocationTrace';

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
  /** Why a cold start was cold (absent for a warm start, and in the scale simulation). */
  coldReason?: ColdStartReason;
  arrivedAtMs: number;
  startedAtMs: number;
  endedAtMs: number;
  /** Only for a cold start whose init ran in the init phase. */
  initDurationMs?: number;
  /**
   * A cold start restored from a SnapStart snapshot (no Init Duration then): the whole restore (the modelled
   * snapshot restore plus the measured runtime load and after-restore hooks), and its billed part (that measured
   * part, rounded up to 1 ms), which Billed Duration includes.
   */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  durationMs: number;
  /** Duration plus Init Duration, rounded up to 1 ms: init is billed since 1 August 2025. */
  billedDurationMs: number;
  memorySizeMb: number;
  /** The function's ephemeral storage (/tmp) in MB; absent means 512 (none billed). */
  ephemeralStorageMb?: number;
  /** Init that ran inside the invoke phase (after a failed or timed-out init, or on a reset environment): part of Duration, not Init Duration. */
  initInInvokeMs?: number;
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
  /** The published version that ran it (absent: `$LATEST`). */
  version?: string;
  /** What the environment measured (wall time) and, of it, the CPU-busy part, before the CPU-share model. */
  measuredDurationMs: number;
  cpuMs: number;
  /** Measured CPU time was multiplied by this (1,769 MB / memory, at least 1). */
  cpuFactor: number;
  /** More handlers were busy than the machine has cores while this one ran: its duration is inflated. */
  contended: boolean;
  /** Sampled for X-Ray (src/core/tracing/): its trace and segment ids; absent when not sampled. */
  trace?: InvocationTrace;
}

/** What the caller of a synchronous invoke receives. */
export type InvokeResponse = { ok: true; payload: string } | { ok: false; error: LambdaError };

export interface FinishedInvocation {
  record: InvocationRecord;
  logs: LogLine[];
  response: InvokeResponse;
}

/**
 * The record of an invocation that has ended: what the bill and the metrics
 * read. Built field by field (optional fields after, not spread in), with no
 * intermediate object: the scale simulation builds millions of these.
 */
export function invocationRecordOf(
  requestId: string,
  envId: string,
  cold: boolean,
  arrivedAtMs: number,
  startedAtMs: number,
  endedAtMs: number,
  initDurationMs: number | undefined,
  durationMs: number,
  memorySizeMb: number,
  maxMemoryUsedMb: number,
  architecture: Architecture,
  outcome: InvocationOutcome,
  response: InvokeResponse,
  invocationType: 'RequestResponse' | 'Event',
  attempt: number,
  provisioned: boolean,
  measuredDurationMs: number,
  cpuMs: number,
  cpuFactor: number,
  contended: boolean,
  ephemeralStorageMb?: number,
): InvocationRecord {
  const billed = billedDurationMs(durationMs + (initDurationMs ?? 0));
  const record: InvocationRecord = {
    requestId,
    envId,
    cold,
    arrivedAtMs,
    startedAtMs,
    endedAtMs,
    durationMs,
    billedDurationMs: billed,
    memorySizeMb,
    maxMemoryUsedMb,
    architecture,
    outcome,
    cost: invocationCost(memorySizeMb, billed, architecture, provisioned, ephemeralStorageMb),
    invocationType,
    attempt,
    provisioned,
    measuredDurationMs,
    cpuMs,
    cpuFactor,
    contended,
  };
  if (initDurationMs !== undefined) record.initDurationMs = initDurationMs;
  if (ephemeralStorageMb !== undefined) record.ephemeralStorageMb = ephemeralStorageMb;
  if (!response.ok) record.errorType = response.error.errorType;
  return record;
}

/**
 * A record made before its restore was known, with its SnapStart restore: Billed Duration includes Billed Restore
 * Duration (billed as duration), and the cost adds it and the per-restore charge.
 */
export function withRestore(record: InvocationRecord, restoreDurationMs: number, billedRestoreDurationMs: number): void {
  record.restoreDurationMs = restoreDurationMs;
  record.billedRestoreDurationMs = billedRestoreDurationMs;
  record.billedDurationMs = billedDurationMs(record.durationMs + (record.initDurationMs ?? 0) + billedRestoreDurationMs);
  const cost = invocationCost(record.memorySizeMb, record.billedDurationMs, record.architecture, record.provisioned, record.ephemeralStorageMb);
  const snapStartRestoreUsd = restoreChargeUsd(record.memorySizeMb);
  record.cost = { ...cost, snapStartRestoreUsd, totalUsd: cost.totalUsd + snapStartRestoreUsd };
}

/**
 * An ended invocation's log lines: `beforeStart` (init output and
 * INIT_REPORT lines), START, `body` (the handler's output and platform
 * notices), END and REPORT (with `status` for timeouts and runtime failures).
 */
export function invocationLogs(record: InvocationRecord, beforeStart: LogLine[], body: LogLine[], status?: ReportFields['status'], trace?: InvocationTrace): LogLine[] {
  const platform = (atMs: number, text: string): LogLine => ({ atMs, text, source: 'platform' });
  const report = reportLine({
    requestId: record.requestId,
    durationMs: record.durationMs,
    billedDurationMs: record.billedDurationMs,
    memorySizeMb: record.memorySizeMb,
    maxMemoryUsedMb: record.maxMemoryUsedMb,
    ...(record.initDurationMs !== undefined ? { initDurationMs: record.initDurationMs } : {}),
    ...(record.restoreDurationMs !== undefined && record.billedRestoreDurationMs !== undefined
      ? { restore: { restoreDurationMs: record.restoreDurationMs, billedRestoreDurationMs: record.billedRestoreDurationMs } }
      : {}),
    ...(status ? { status } : {}),
  });
  return [
    ...beforeStart,
    platform(record.startedAtMs, startLine(record.requestId, record.version)),
    ...body,
    platform(record.endedAtMs, endLine(record.requestId)),
    // A sampled invocation's REPORT event carries the X-Ray line, on a line of its own (lambda-model.md §5).
    platform(record.endedAtMs, trace?.sampled ? `${report}\n${xrayReportLine(trace)}` : report),
  ];
}
