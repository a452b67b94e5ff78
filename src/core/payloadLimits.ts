import type { LambdaError } from './lambdaError';
import { utf8Length } from './codec';

/** Synchronous invocation payload limits (lambda-model.md §2). */
export const SYNC_REQUEST_LIMIT_BYTES = 6 * 1024 * 1024;
/** The response limit Lambda enforces, as its error message states it. */
export const SYNC_RESPONSE_LIMIT_BYTES = 6_291_556;

/** Why the Invoke API would refuse this request body, or null if it accepts it. */
/** 413 for a request body over the invocation type's limit, worded as clients (the CLI, the SDKs) show it. */
export function payloadTooLarge(bytes: number, invocationType: 'RequestResponse' | 'Event', limitBytes: number): { statusCode: number; error: LambdaError } {
  return {
    statusCode: 413,
    error: {
      errorType: 'RequestEntityTooLargeException',
      errorMessage: `${bytes} byte payload is too large for the ${invocationType} invocation type (limit ${limitBytes} bytes)`,
      trace: [],
    },
  };
}

export function checkRequestPayload(payload: string): { statusCode: number; error: LambdaError } | null {
  const bytes = utf8Length(payload);
  if (bytes > SYNC_REQUEST_LIMIT_BYTES) return payloadTooLarge(bytes, 'RequestResponse', SYNC_REQUEST_LIMIT_BYTES);
  try {
    JSON.parse(payload);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      statusCode: 400,
      error: {
        errorType: 'InvalidRequestContentException',
        errorMessage: `Could not parse request body into json: Could not parse payload into json: ${detail}`,
        trace: [],
      },
    };
  }
  return null;
}

/** The error a function gets for returning more than Lambda will carry back, or null. */
export function checkResponsePayload(payload: string): LambdaError | null {
  const bytes = utf8Length(payload);
  if (bytes <= SYNC_RESPONSE_LIMIT_BYTES) return null;
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (${SYNC_RESPONSE_LIMIT_BYTES} bytes).`,
    trace: [],
  };
}
