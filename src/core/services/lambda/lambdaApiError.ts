import { invokeApiErrorBody, type LambdaError } from '../../lambdaError';
import type { ServiceResponse } from '../serviceTypes';

/**
 * Lambda's REST-JSON errors as `@aws-sdk/client-lambda` reads them: the
 * error's name in the `x-amzn-ErrorType` header (the SDK's
 * `loadRestJsonErrorCode` looks at the header first, then the body's
 * `code`/`__type`), and a JSON body whose `message` becomes `e.message`;
 * other body members (`Type`, `Reason`) land on the exception as they are.
 */
export function lambdaErrorResponse(statusCode: number, error: LambdaError, requestId: string): ServiceResponse {
  return {
    status: statusCode,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.errorType },
    body: JSON.stringify(invokeApiErrorBody(error)),
  };
}

/** A refusal of the kind `errorType` with Lambda's message. */
export function lambdaApiError(errorType: string, message: string): LambdaError {
  return { errorType, errorMessage: message, trace: [] };
}

/** The request validator's wording (one constraint broken): `1 validation error detected: Value '…' at '…' failed to satisfy constraint: …`. */
export function validationError(value: string, member: string, constraint: string): LambdaError {
  return lambdaApiError('ValidationException', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`);
}
