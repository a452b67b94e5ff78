import type { SystemLogLevel } from './functionConfig';
import type { InvocationRecord, LogLine } from './invocationRecord';
import type { ReportFields } from './logLines';
import type { InvocationTrace } from './tracing/invocationTrace';

/**
 * The platform's lines of one invocation in Lambda's JSON log format: the
 * Telemetry API's event objects, `{"time","type","record"}`, in place of the
 * START / END / REPORT text (AWS: "Configuring JSON and plain text log
 * formats", "Telemetry API Event schema reference"). The figures are the
 * record's, the same that the text REPORT line shows and the bill uses.
 * Application lines (already JSON, written by the runtime) pass through.
 *
 * Levels, for `SystemLogLevel` filtering: initStart, start and report are
 * INFO; initRuntimeDone and runtimeDone are DEBUG; an initReport, a
 * runtimeDone or a report whose status is not `success` is WARN.
 */

type Status = 'success' | 'error' | 'timeout';
const RANK: Record<SystemLogLevel, number> = { DEBUG: 1, INFO: 2, WARN: 3 };

export interface JsonLogContext {
  functionName: string;
  /** `$LATEST` or the published version that ran. */
  functionVersion?: string;
  systemLogLevel: SystemLogLevel;
  status?: ReportFields['status'];
  /** A sampled invocation's trace: start and report carry it as the Telemetry API's `tracing` object. */
  trace?: InvocationTrace;
}

function statusOf(status: ReportFields['status']): { status: Status; errorType?: string } {
  if (!status) return { status: 'success' };
  if (status.kind === 'timeout') return { status: 'timeout' };
  return { status: 'error', errorType: status.errorType };
}

const INIT_START = /^INIT_START Runtime Version: (\S+)\tRuntime Version ARN: (\S+)/;
const INIT_REPORT = /^INIT_REPORT Init Duration: ([\d.]+) ms\tPhase: (\w+)\tStatus: (\w+)(?:\tError Type: (\S+))?/;
const START = /^START RequestId: (\S+) Version: (\S+)/;
const RESTORE_START = /^RESTORE_START Runtime Version: (\S+)\tRuntime Version ARN: (\S+)/;
const RESTORE_REPORT = /^RESTORE_REPORT Restore Duration: ([\d.]+) ms(?:\tStatus: (\w+)(?:\tError Type: (\S+))?)?/;

/** One invocation's log lines, platform lines as JSON events, filtered at `systemLogLevel`. */
export function jsonSystemLogs(lines: readonly LogLine[], record: InvocationRecord, ctx: JsonLogContext): LogLine[] {
  const out: LogLine[] = [];
  const initializationType = record.provisioned ? 'provisioned-concurrency' : record.restoreDurationMs !== undefined ? 'snap-start' : 'on-demand';
  const ended = ctx.status || record.outcome !== 'error' ? statusOf(ctx.status) : { status: 'error' as const, ...(record.errorType ? { errorType: record.errorType } : {}) };
  const emit = (atMs: number, level: SystemLogLevel, type: string, rec: Record<string, unknown>): void => {
    if (RANK[level] < RANK[ctx.systemLogLevel]) return;
    out.push({ atMs, text: JSON.stringify({ time: new Date(atMs).toISOString(), type, record: rec }), source: 'platform' });
  };
  let initReported = false;
  // The Telemetry API's tracing object: the function segment's id and the header the handler received.
  const tracing = ctx.trace?.segmentId ? { tracing: { spanId: ctx.trace.segmentId, type: 'X-Amzn-Trace-Id', value: ctx.trace.header } } : {};
  for (const line of lines) {
    if (line.source === 'function') {
      out.push(line);
      continue;
    }
    const text = line.text;
    let m: RegExpExecArray | null;
    if ((m = INIT_START.exec(text))) {
      emit(line.atMs, 'INFO', 'platform.initStart', {
        initializationType,
        phase: 'init',
        runtimeVersion: m[1],
        runtimeVersionArn: m[2],
        functionName: ctx.functionName,
        functionVersion: ctx.functionVersion ?? '$LATEST',
      });
    } else if ((m = INIT_REPORT.exec(text))) {
      initReported = true;
      const status = m[3] === 'timeout' ? 'timeout' : 'error';
      const rec: Record<string, unknown> = { initializationType, phase: m[2], status };
      if (m[4]) rec.errorType = m[4];
      emit(line.atMs, 'DEBUG', 'platform.initRuntimeDone', rec);
      emit(line.atMs, 'WARN', 'platform.initReport', { ...rec, metrics: { durationMs: Number(m[1]) } });
    } else if ((m = RESTORE_START.exec(text))) {
      emit(line.atMs, 'INFO', 'platform.restoreStart', { runtimeVersion: m[1], runtimeVersionArn: m[2], functionName: ctx.functionName, functionVersion: ctx.functionVersion ?? '$LATEST' });
    } else if ((m = RESTORE_REPORT.exec(text))) {
      // The Telemetry API's restore events; a failed restore is a warning, as a failed init is.
      const status = m[2] === 'timeout' ? 'timeout' : m[2] === 'error' ? 'error' : 'success';
      const rec: Record<string, unknown> = { status };
      if (m[3]) rec.errorType = m[3];
      emit(line.atMs, 'DEBUG', 'platform.restoreRuntimeDone', rec);
      emit(line.atMs, status === 'success' ? 'INFO' : 'WARN', 'platform.restoreReport', { ...rec, metrics: { durationMs: Number(m[1]) } });
    } else if ((m = START.exec(text))) {
      if (record.initDurationMs !== undefined && !initReported) {
        // A successful Init: reported in JSON (the text format folds it into REPORT's Init Duration).
        emit(line.atMs, 'DEBUG', 'platform.initRuntimeDone', { initializationType, phase: 'init', status: 'success' });
        emit(line.atMs, 'DEBUG', 'platform.initReport', { initializationType, phase: 'init', status: 'success', metrics: { durationMs: record.initDurationMs } });
      }
      emit(line.atMs, 'INFO', 'platform.start', { requestId: m[1], version: m[2], ...tracing });
    } else if (text.startsWith('END RequestId: ')) {
      const rec: Record<string, unknown> = { requestId: record.requestId, status: ended.status };
      if (ended.errorType) rec.errorType = ended.errorType;
      rec.metrics = { durationMs: record.durationMs };
      emit(line.atMs, ended.status === 'success' ? 'DEBUG' : 'WARN', 'platform.runtimeDone', rec);
    } else if (text.startsWith('REPORT RequestId: ')) {
      const metrics: Record<string, number> = {
        durationMs: record.durationMs,
        billedDurationMs: record.billedDurationMs,
        memorySizeMB: record.memorySizeMb,
        maxMemoryUsedMB: record.maxMemoryUsedMb,
      };
      if (record.initDurationMs !== undefined) metrics.initDurationMs = record.initDurationMs;
      if (record.restoreDurationMs !== undefined && record.billedRestoreDurationMs !== undefined) {
        metrics.restoreDurationMs = record.restoreDurationMs;
        metrics.billedRestoreDurationMs = record.billedRestoreDurationMs;
      }
      const rec: Record<string, unknown> = { requestId: record.requestId, metrics, ...tracing, status: ended.status };
      if (ended.errorType) rec.errorType = ended.errorType;
      emit(line.atMs, ended.status === 'success' ? 'INFO' : 'WARN', 'platform.report', rec);
    } else if (/ Task timed out after [\d.]+ seconds$/.test(text) || text.startsWith('RequestId: ')) {
      // The timeout and crash notices: in JSON, runtimeDone and report carry the status instead.
      continue;
    } else {
      out.push(line);
    }
  }
  return out;
}
