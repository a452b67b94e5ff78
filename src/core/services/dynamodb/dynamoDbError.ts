/**
 * A refusal as DynamoDB answers it: the `__type` names the error's shape in
 * its namespace, `message` is DynamoDB's wording, and `extra` carries the
 * members some errors add (`Item` on a ConditionalCheckFailedException with
 * ReturnValuesOnConditionCheckFailure=ALL_OLD, `CancellationReasons` on a
 * TransactionCanceledException).
 */
export type DynamoDbErrorCode =
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'ConditionalCheckFailedException'
  | 'TransactionCanceledException'
  | 'SerializationException'
  | 'UnknownOperationException';

/** The namespace each error's `__type` carries on the wire (the coral service errors are not DynamoDB's own). */
const NAMESPACES: Record<DynamoDbErrorCode, string> = {
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
  ResourceNotFoundException: 'com.amazonaws.dynamodb.v20120810',
  ResourceInUseException: 'com.amazonaws.dynamodb.v20120810',
  ConditionalCheckFailedException: 'com.amazonaws.dynamodb.v20120810',
  TransactionCanceledException: 'com.amazonaws.dynamodb.v20120810',
};

export class DynamoDbError extends Error {
  constructor(
    readonly code: DynamoDbErrorCode,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = code;
  }

  /** Write units a refused write still consumed (a failed conditional write is billed, as on DynamoDB). */
  chargedWriteUnits = 0;

  /** `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` */
  get wireType(): string {
    return `${NAMESPACES[this.code]}#${this.code}`;
  }
}

export function validation(message: string): DynamoDbError {
  return new DynamoDbError('ValidationException', message);
}

/** `One or more parameter values were invalid: …`, DynamoDB's prefix for a request that is well formed but wrong. */
export function invalidParameter(detail: string): DynamoDbError {
  return validation(`One or more parameter values were invalid: ${detail}`);
}

export const CONDITIONAL_CHECK_FAILED = 'The conditional request failed';
