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
  /** A SnapStart restore (in place of Init Duration): the whole restore, and its billed part (runtime load and after-restore hooks). */
  restore?: { restoreDurationMs: number; billedRestoreDurationMs: number };
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
  if (f.restore !== undefined) fields.push(`Restore Duration: ${ms2(f.restore.restoreDurationMs)}`, `Billed Restore Duration: ${f.restore.billedRestoreDurationMs} ms`);
  if (f.status?.kind === 'timeout') fields.push('Status: timeout');
  if (f.status?.kind === 'error') fields.push('Status: error', `Error Type: ${f.status.errorType}`);
  return fields.join('\t');
}

/** Logged when an init fails or times out; `phase` is `invoke` when init was re-run inside an invocation. */
export function initReportLine(
  initDurationMs: number,
  phase: 'init' | 'invoke',
  status: { kind: 'success' } | { kind: 'timeout' } | { kind: 'error'; errorType: string },
): string {
  const fields = [`INIT_REPORT Init Duration: ${ms2(initDurationMs)}`, `Phase: ${phase}`];
  // A successful init is reported only by provisioned environments (and SnapStart): lambda-model.md §INIT_REPORT.
  if (status.kind === 'success') fields.push('Status: success');
  else if (status.kind === 'timeout') fields.push('Status: timeout');
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

/**
 * The runtime versions the playground reports in INIT_START. Lambda's change
 * as AWS patches its runtimes; these are fixed, plausible values of the
 * documented shape (lambda-model.md §5), not a claim about today's version.
 */
const RUNTIME_VERSIONS: Readonly<Record<string, { version: string; hash: string }>> = {
  'nodejs20.x': { version: 'nodejs:20.v51', hash: '6a1f4d6a2b9c8e0f3d5b7a9c1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f' },
  'nodejs22.x': { version: 'nodejs:22.v47', hash: '0e2c8a4b6d1f3e5a7c9b0d2f4e6a8c1b3d5f7e9a0c2e4b6d8f1a3c5e7b9d0f2a' },
  'nodejs24.x': { version: 'nodejs:24.v12', hash: '9d7b5f3a1c8e6d4b2f0a9c7e5b3d1f8a6c4e2b0d9f7a5c3e1b8d6f4a2c0e9b7d' },
  'python3.13': { version: 'python:3.13.v31', hash: '5b1d9f3e7a2c4b6d8e0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b' },
  'python3.12': { version: 'python:3.12.v58', hash: '8e4a2c6b0d9f1e3a5c7b9d2f4e6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5b7d9f2b' },
  'provided.al2023': { version: 'provided:al2023.v98', hash: '3c5e7a9b1d2f4a6c8e0b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c' },
};

/** The first line of every new environment, before any init output. */
export function initStartLine(runtime: string, region: string): string {
  return `INIT_START ${runtimeVersionFields(runtime, region)}`;
}

function runtimeVersionFields(runtime: string, region: string): string {
  const v = RUNTIME_VERSIONS[runtime] ?? { version: runtime, hash: '0'.repeat(64) };
  return `Runtime Version: ${v.version}\tRuntime Version ARN: arn:aws:lambda:${region}::runtime:${v.hash}`;
}

/** The first line of an environment restored from a SnapStart snapshot (in place of INIT_START). */
export function restoreStartLine(runtime: string, region: string): string {
  return `RESTORE_START ${runtimeVersionFields(runtime, region)}`;
}

/** The end of a SnapStart Restore phase (lambda-model.md §5): its duration, and a status when it failed. */
export function restoreReportLine(restoreDurationMs: number, status: { kind: 'success' } | { kind: 'timeout' } | { kind: 'error'; errorType: string }): string {
  const fields = [`RESTORE_REPORT Restore Duration: ${ms2(restoreDurationMs)}`];
  if (status.kind === 'timeout') fields.push('Status: timeout');
  else if (status.kind === 'error') fields.push('Status: error', `Error Type: ${status.errorType}`);
  return fields.join('\t');
}
