/**
 * The platform's own log lines, character for character as CloudWatch shows
 * them for a Node.js function (lambda-model.md §5). REPORT fields are
 * separated by tabs.
 */

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Only on a cold start whose init ran in the init phase. */
  initDurationMs?: number;
  /** Present when the invocation did not end normally. */
  status?: { kind: 'timeout' } | { kind: 'error'; errorType: string };
}

const ms2 = (ms: number): string => `${ms.toFixed(2)} ms`;

export function startLine(requestId: string, version = '$LATEST'): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export function reportLine(f: ReportFields): string {
  const fields = [
    `REPORT RequestId: ${f.requestId}`,
    `Duration: ${ms2(f.durationMs)}`,
    `Billed Duration: ${f.billedDurationMs} ms`,
    `Memory Size: ${f.memorySizeMb} MB`,
    `Max Memory Used: ${f.maxMemoryUsedMb} MB`,
  ];
  if (f.initDurationMs !== undefined) fields.push(`Init Duration: ${ms2(f.initDurationMs)}`);
  if (f.status?.kind === 'timeout') fields.push('Status: timeout');
  if (f.status?.kind === 'error') fields.push('Status: error', `Error Type: ${f.status.errorType}`);
  return fields.join('\t');
}

/** Logged when an init fails or times out; `phase` is `invoke` when init was re-run inside an invocation. */
export function initReportLine(
  initDurationMs: number,
  phase: 'init' | 'invoke',
  status: { kind: 'timeout' } | { kind: 'error'; errorType: string },
): string {
  const fields = [`INIT_REPORT Init Duration: ${ms2(initDurationMs)}`, `Phase: ${phase}`];
  if (status.kind === 'timeout') fields.push('Status: timeout');
  else fields.push('Status: error', `Error Type: ${status.errorType}`);
  return fields.join('\t');
}

/** The line Lambda writes, in the function's own format, when an invocation runs past its timeout. */
export function timeoutLine(isoTime: string, requestId: string, timeoutS: number): string {
  return `${isoTime} ${requestId} Task timed out after ${timeoutS.toFixed(2)} seconds`;
}

/** The line Lambda writes when the runtime process dies under an invocation. */
export function exitLine(errorMessage: string, errorType: string): string {
  return `${errorMessage}\n${errorType}`;
}
