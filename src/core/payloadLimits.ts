import type { LambdaError } from './lambdaError';
import { utf8Length } from './codec';

/** Synchronous invocation payload limits (lambda-model.md §2). */
export const SYNC_REQUEST_LIMIT_BYTES = 6 * 1024 * 1024;
/** The response limit Lambda enforces, as its error message states it. */
export const SYNC_RESPONSE_LIMIT_BYTES = 6_291_556;

/** Why the Invoke API would refuse this request body, or null if it accepts it. */
export function checkRequestPayload(payload: string): { statusCode: number; error: LambdaError } | null {
  const bytes = utf8Length(payload);
  if (bytes > SYNC_REQUEST_LIMIT_BYTES) {
    return {
      statusCode: 413,
      error: {
        errorType: 'RequestTooLargeException',
        errorMessage: `Request must be smaller than ${SYNC_REQUEST_LIMIT_BYTES} bytes for the InvokeFunction operation`,
        trace: [],
      },
    };
  }
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
