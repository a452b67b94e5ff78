import { asLambdaError, type LambdaError } from '../core/lambdaError';
import type { LogLine } from '../core/invocationRecord';
import type { HandlerOutcome } from '../core/platformTypes';

/** A message from an execution environment, checked: it comes from untrusted code's process. */
export type EnvironmentMessage =
  | { t: 'initDone'; initDurationMs: number; logs: LogLine[] }
  | { t: 'initFailed'; initDurationMs: number; error: LambdaError; logs: LogLine[] }
  | { t: 'invokeDone'; requestId: string; durationMs: number; cpuMs: number; outcome: HandlerOutcome; logs: LogLine[] }
  | { t: 'exited'; exitStatus: number; logs: LogLine[] };

const MAX_LINES = 10_001;
const MAX_LINE_CHARS = 256 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finiteMs = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

function readLogs(v: unknown, fallbackMs: number): LogLine[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, MAX_LINES).flatMap((l: unknown) => {
    if (!isRecord(l) || typeof l.text !== 'string') return [];
    const atMs = finiteMs(l.atMs) ?? fallbackMs;
    return [{ atMs, text: l.text.slice(0, MAX_LINE_CHARS), source: 'function' as const }];
  });
}

function readOutcome(v: unknown): HandlerOutcome | null {
  if (!isRecord(v)) return null;
  if (v.kind === 'success' && typeof v.payload === 'string') return { kind: 'success', payload: v.payload };
  const error = asLambdaError(v.error);
  if (!error) return null;
  if (v.kind === 'error') return { kind: 'error', error };
  if (v.kind === 'fatal' && typeof v.exitStatus === 'number') return { kind: 'fatal', error, exitStatus: v.exitStatus };
  return null;
}

/** Validate a message from an environment; null for anything malformed. */
export function readEnvironmentMessage(data: unknown, nowMs: number): EnvironmentMessage | null {
  if (!isRecord(data)) return null;
  const logs = readLogs(data.logs, nowMs);
  switch (data.t) {
    case 'initDone': {
      const initDurationMs = finiteMs(data.initDurationMs);
      return initDurationMs === null ? null : { t: 'initDone', initDurationMs, logs };
    }
    case 'initFailed': {
      const initDurationMs = finiteMs(data.initDurationMs);
      const error = asLambdaError(data.error);
      return initDurationMs === null || !error ? null : { t: 'initFailed', initDurationMs, error, logs };
    }
    case 'invokeDone': {
      const durationMs = finiteMs(data.durationMs);
      const outcome = readOutcome(data.outcome);
      if (durationMs === null || !outcome || typeof data.requestId !== 'string') return null;
      // A missing or nonsensical CPU figure counts as all waiting: never more CPU than wall time.
      const cpuMs = Math.min(finiteMs(data.cpuMs) ?? 0, durationMs);
      return { t: 'invokeDone', requestId: data.requestId, durationMs, cpuMs, outcome, logs };
    }
    case 'exited':
      return typeof data.exitStatus === 'number' ? { t: 'exited', exitStatus: data.exitStatus, logs } : null;
    default:
      return null;
  }
}
