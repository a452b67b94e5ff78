import { asLambdaError, type LambdaError } from '../core/lambdaError';
import type { LogLine } from '../core/invocationRecord';
import type { HandlerOutcome } from '../core/platformTypes';
import type { WireAwsRequest } from '../protocol/messages';

/** A message from an execution environment, checked: it comes from untrusted code's process. */
export type EnvironmentMessage =
  /** Its runtime booted in the tab (Python on Pyodide); carries no logs of its own. */
  | { t: 'runtimeReady'; logs: LogLine[] }
  | { t: 'initDone'; logs: LogLine[] }
  /** `logs` is always empty: what a restore's replay of Init printed is discarded, never read. */
  | { t: 'restoreLoaded'; logs: LogLine[] }
  | { t: 'initFailed'; error: LambdaError; logs: LogLine[] }
  /** `cpuMs` as the environment claims it: the gate bounds it by the duration the app measured. */
  | { t: 'invokeDone'; requestId: string; cpuMs: number; outcome: HandlerOutcome; logs: LogLine[] }
  | { t: 'exited'; exitStatus: number; logs: LogLine[] }
  /** An AWS SDK request; carries no logs (always empty). */
  | { t: 'aws'; id: number; request: WireAwsRequest; logs: LogLine[] };

/** The runtime's caps (src/runtime/logSink.ts), plus its own line saying what it dropped. */
const MAX_LINES = 10_001;
const MAX_LINE_CHARS = 256 * 1024;
const MAX_CHARS = 1024 * 1024 + 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finiteMs = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** At most MAX_LINES lines and MAX_CHARS of text; what is cut is said in a platform line, never silently. */
function readLogs(v: unknown, fallbackMs: number): LogLine[] {
  if (!Array.isArray(v)) return [];
  const out: LogLine[] = [];
  let chars = 0;
  let i = 0;
  for (; i < v.length && out.length < MAX_LINES && chars < MAX_CHARS; i++) {
    const l: unknown = v[i];
    if (!isRecord(l) || typeof l.text !== 'string') continue;
    const text = l.text.slice(0, Math.min(MAX_LINE_CHARS, MAX_CHARS - chars));
    chars += text.length;
    out.push({ atMs: finiteMs(l.atMs) ?? fallbackMs, text, source: 'function' });
  }
  if (i < v.length) {
    const text = `[playground] ${v.length - i} log lines dropped: over 10,000 lines or 1 MiB of log output in one invocation`;
    out.push({ atMs: fallbackMs, text, source: 'platform' });
  }
  return out;
}

function readOutcome(v: unknown): HandlerOutcome | null {
  if (!isRecord(v)) return null;
  if (v.kind === 'success' && typeof v.payload === 'string') return { kind: 'success', payload: v.payload };
  if (v.kind === 'noReply') return { kind: 'noReply' };
  const error = asLambdaError(v.error);
  if (!error) return null;
  if (v.kind === 'error') return { kind: 'error', error };
  if (v.kind === 'fatal' && typeof v.exitStatus === 'number') return { kind: 'fatal', error, exitStatus: v.exitStatus };
  return null;
}

/** An SDK request's body may be a whole S3 object; past this it is refused (the services' own limits are lower). */
const MAX_AWS_BODY = 12 * 1024 * 1024;
const MAX_AWS_FIELD = 64 * 1024;

const isStringRecord = (v: unknown): v is Record<string, string> =>
  isRecord(v) && Object.values(v).every((x) => typeof x === 'string' && x.length <= MAX_AWS_FIELD) && Object.keys(v).length <= 200;

function readAwsRequest(v: unknown): WireAwsRequest | null {
  if (!isRecord(v)) return null;
  const { method, hostname, path, query, headers, body } = v;
  if (typeof method !== 'string' || typeof hostname !== 'string' || typeof path !== 'string') return null;
  if (method.length > 16 || hostname.length > 300 || path.length > MAX_AWS_FIELD || !isStringRecord(headers) || !isRecord(query)) return null;
  const q: WireAwsRequest['query'] = {};
  for (const [k, x] of Object.entries(query)) {
    if (x === null || typeof x === 'string') q[k] = x;
    else if (Array.isArray(x) && x.every((y) => typeof y === 'string')) q[k] = x as string[];
    else return null;
  }
  if (typeof body === 'string') return body.length > MAX_AWS_BODY ? null : { method, hostname, path, query: q, headers, body };
  if (!(body instanceof Uint8Array) || body.byteLength > MAX_AWS_BODY) return null;
  return { method, hostname, path, query: q, headers, body };
}

/** Validate a message from an environment; null for anything malformed. */
export function readEnvironmentMessage(data: unknown, nowMs: number): EnvironmentMessage | null {
  if (!isRecord(data)) return null;
  // Whatever a restore's replay printed is discarded unread.
  if (data.t === 'restoreLoaded') return { t: 'restoreLoaded', logs: [] };
  const logs = readLogs(data.logs, nowMs);
  switch (data.t) {
    case 'runtimeReady':
      return { t: 'runtimeReady', logs: [] };
    case 'initDone':
      return { t: 'initDone', logs };
    case 'initFailed': {
      const error = asLambdaError(data.error);
      return error ? { t: 'initFailed', error, logs } : null;
    }
    case 'invokeDone': {
      const outcome = readOutcome(data.outcome);
      if (!outcome || typeof data.requestId !== 'string') return null;
      // A missing or nonsensical CPU figure counts as all waiting.
      return { t: 'invokeDone', requestId: data.requestId, cpuMs: finiteMs(data.cpuMs) ?? 0, outcome, logs };
    }
    case 'exited':
      return typeof data.exitStatus === 'number' ? { t: 'exited', exitStatus: data.exitStatus, logs } : null;
    case 'aws': {
      const request = readAwsRequest(data.request);
      return request && typeof data.id === 'number' && Number.isSafeInteger(data.id) ? { t: 'aws', id: data.id, request, logs: [] } : null;
    }
    default:
      return null;
  }
}
