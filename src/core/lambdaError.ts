/** The error body Lambda's Node.js runtime returns (lambda-model.md §5). */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace: string[];
  /** A throttle's reason (the Invoke API's 429 body carries it as `Reason`). */
  reason?: string;
  /** Made by the platform, not thrown by code (a timeout, a runtime exit): its payload has no `trace`. */
  platform?: true;
  /** Set by Lambda's Python runtime (`""` for an Init error): the payload is Python's `{errorMessage, errorType, requestId, stackTrace}`. */
  requestId?: string;
}

/** The error body Lambda's Python runtime returns (lambda-model.md §5). */
export interface PythonErrorPayload {
  errorMessage: string;
  errorType: string;
  requestId: string;
  stackTrace: string[];
}

/**
 * A function error's payload as the caller receives it: the Node.js runtime's `{errorType, errorMessage, trace}`,
 * the Python runtime's `{errorMessage, errorType, requestId, stackTrace}`, or, for the platform's own errors, no trace.
 */
export function functionErrorPayload(error: LambdaError): { errorType: string; errorMessage: string; trace?: string[] } | PythonErrorPayload {
  if (error.platform) return { errorType: error.errorType, errorMessage: error.errorMessage };
  if (error.requestId !== undefined) return { errorMessage: error.errorMessage, errorType: error.errorType, requestId: error.requestId, stackTrace: error.trace };
  return { errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace };
}

/**
 * The JSON body the Invoke API answers a refused request with (the error
 * type travels in the x-amzn-ErrorType header and the SDK's error name):
 * `{"Reason": …, "Type": "User", "message": "Rate Exceeded."}` for a throttle,
 * `{"Type": "User", "message": …}` for the others.
 */
export function invokeApiErrorBody(error: LambdaError): Record<string, string> {
  return { ...(error.reason ? { Reason: error.reason } : {}), Type: 'User', message: error.errorMessage };
}

/** The synchronous payload of a function that ran past its timeout. */
export function timeoutError(requestId: string, timeoutS: number): LambdaError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutS.toFixed(2)} seconds`,
    trace: [],
    platform: true,
  };
}

/** Why an execution environment died under an invocation. */
export type ExitReason = 'outOfMemory' | 'crashed' | { exitStatus: number };

/** Lambda's wording for a runtime process that died: killed by the OOM killer, or exited. */
export function exitErrorMessage(requestId: string, reason: ExitReason): string {
  if (reason === 'outOfMemory') return `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`;
  if (reason === 'crashed') return `RequestId: ${requestId} Error: Runtime exited without providing a reason`;
  return `RequestId: ${requestId} Error: Runtime exited with error: exit status ${reason.exitStatus}`;
}

export function exitError(requestId: string, reason: ExitReason): LambdaError {
  return { errorType: 'Runtime.ExitError', errorMessage: exitErrorMessage(requestId, reason), trace: [], platform: true };
}

/** The error type a REPORT line names when a runtime dies. */
export function exitErrorType(reason: ExitReason): string {
  return reason === 'outOfMemory' ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
}

/** Narrow an untrusted value (it crossed from the sandbox) to a LambdaError, or null. */
export function asLambdaError(value: unknown): LambdaError | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.errorType !== 'string' || typeof v.errorMessage !== 'string') return null;
  const trace = Array.isArray(v.trace) ? v.trace.filter((t): t is string => typeof t === 'string') : [];
  return { errorType: v.errorType, errorMessage: v.errorMessage, trace, ...(typeof v.requestId === 'string' ? { requestId: v.requestId } : {}) };
}
