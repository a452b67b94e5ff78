import { jsonError } from '../awsJson';
import type { ServiceResponse } from '../serviceTypes';

/**
 * SQS's errors on the JSON protocol. SQS moved from the query protocol and
 * is "query compatible": the body's `__type` names the error shape
 * (`com.amazonaws.sqs#QueueDoesNotExist`), which the SDK v3 maps to its
 * exception class, and the `x-amzn-query-error` header carries the query
 * protocol's code and fault (`AWS.SimpleQueueService.NonExistentQueue;Sender`),
 * which SDKs expose as the error's Code. All are 400, the sender's fault.
 */

export type SqsErrorName =
  | 'QueueDoesNotExist'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'InvalidMessageContents'
  | 'ReceiptHandleIsInvalid'
  | 'MessageNotInflight'
  | 'EmptyBatchRequest'
  | 'TooManyEntriesInBatchRequest'
  | 'BatchEntryIdsNotDistinct'
  | 'BatchRequestTooLong'
  | 'InvalidBatchEntryId'
  | 'UnsupportedOperation';

/** The query protocol's code of each error (the header's first half). */
export const SQS_QUERY_CODES: Readonly<Record<SqsErrorName, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  InvalidParameterValue: 'InvalidParameterValue',
  MissingParameter: 'MissingParameter',
  InvalidMessageContents: 'InvalidMessageContents',
  ReceiptHandleIsInvalid: 'ReceiptHandleIsInvalid',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

export interface SqsServiceError {
  name: SqsErrorName;
  message: string;
}

export const QUEUE_DOES_NOT_EXIST: SqsServiceError = { name: 'QueueDoesNotExist', message: 'The specified queue does not exist.' };

/** A code of the sources' SQS model (query codes, as its SqsError carries them) as the error it is. */
export function sqsErrorFromCode(code: string, message: string): SqsServiceError {
  const found = (Object.keys(SQS_QUERY_CODES) as SqsErrorName[]).find((n) => SQS_QUERY_CODES[n] === code || n === code);
  return { name: found ?? 'InvalidParameterValue', message };
}

export function sqsErrorResponse(requestId: string, error: SqsServiceError): ServiceResponse {
  return jsonError('1.0', requestId, `com.amazonaws.sqs#${error.name}`, error.message, 400, {
    'x-amzn-query-error': `${SQS_QUERY_CODES[error.name]};Sender`,
  });
}

export const missing = (parameter: string): SqsServiceError => ({ name: 'MissingParameter', message: `The request must contain the parameter ${parameter}.` });
export const invalidValue = (message: string): SqsServiceError => ({ name: 'InvalidParameterValue', message });
