import { base64Encode, utf8Bytes } from '../../codec';
import { functionErrorPayload, type LambdaError } from '../../lambdaError';
import type { ServiceResponse } from '../serviceTypes';
import { lambdaErrorResponse } from './lambdaApiError';
import type { LambdaLogType } from './readLambdaInvokeRequest';

/**
 * The Invoke API's answer (API reference, Invoke; lambda-model.md §4):
 * - RequestResponse: 200, the function's response as the body and
 *   `X-Amz-Executed-Version`; a function error is also 200, with
 *   `X-Amz-Function-Error: Unhandled` and the error as the body;
 *   `X-Amz-Log-Result` (base64 of the last 4 KB of the execution log) when
 *   the caller asked `X-Amz-Log-Type: Tail`.
 * - Event: 202, empty. DryRun: 204, empty.
 * - Refused before any environment saw it (429 throttle with its `Reason`,
 *   413, 400 …): the status and error the platform gave, in Lambda's error shape.
 */

/** A finished invocation, as the platform reports it (structurally the bridge's `InvokeResult` `finished` case). */
export interface FinishedInvokeOutcome {
  kind: 'finished';
  record: { requestId: string; version?: string };
  logs: readonly { text: string }[];
  response: { ok: true; payload: string } | { ok: false; error: LambdaError };
}

/**
 * How an Invoke ended: the platform's result for RequestResponse (`finished`
 * or `rejected`) and Event (`accepted` or `rejected`) — the shapes of the
 * bridge's `InvokeResult` / `AsyncInvokeResult`, declared here as core may
 * not import the bridge — or `dryRun`, which Lambda answers without invoking.
 */
export type LambdaInvokeOutcome =
  | FinishedInvokeOutcome
  | { kind: 'accepted'; requestId: string }
  | { kind: 'rejected'; statusCode: number; error: LambdaError }
  | { kind: 'dryRun' };

/** API reference, Invoke, `LogResult`: "The last 4 KB of the execution log, which is base64-encoded." */
export const LOG_RESULT_MAX_BYTES = 4 * 1024;

export interface LambdaInvokeResponseOptions {
  /** The caller's `X-Amz-Log-Type` (Tail: attach the log's last 4 KB). */
  logType: LambdaLogType;
  /** The response's `x-amzn-RequestId` when the outcome carries none (a rejection, a dry run). */
  requestId?: string;
}

export function lambdaInvokeResponse(outcome: LambdaInvokeOutcome, options: LambdaInvokeResponseOptions): ServiceResponse {
  const fallbackId = options.requestId ?? '';
  switch (outcome.kind) {
    case 'dryRun':
      return { status: 204, headers: { 'x-amzn-RequestId': fallbackId }, body: '' };
    case 'accepted':
      return { status: 202, headers: { 'x-amzn-RequestId': outcome.requestId }, body: '' };
    case 'rejected':
      return lambdaErrorResponse(outcome.statusCode, outcome.error, fallbackId);
    case 'finished': {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'x-amzn-RequestId': outcome.record.requestId,
        'X-Amz-Executed-Version': outcome.record.version ?? '$LATEST',
      };
      if (options.logType === 'Tail') headers['X-Amz-Log-Result'] = logResult(outcome.logs);
      if (outcome.response.ok) return { status: 200, headers, body: outcome.response.payload };
      headers['X-Amz-Function-Error'] = 'Unhandled';
      return { status: 200, headers, body: JSON.stringify(functionErrorPayload(outcome.response.error)) };
    }
  }
}

/** Base64 of the last 4 KB (bytes of UTF-8) of the log, one line per event, each ending in a newline. */
export function logResult(logs: readonly { text: string }[]): string {
  const bytes = utf8Bytes(logs.map((l) => `${l.text}\n`).join(''));
  return base64Encode(bytes.subarray(Math.max(0, bytes.length - LOG_RESULT_MAX_BYTES)));
}
