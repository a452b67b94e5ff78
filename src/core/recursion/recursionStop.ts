import type { LambdaError } from '../lambdaError';
import { RECURSION_LIMIT } from './checkRecursion';

/**
 * What Lambda does once it stops an invocation in a recursive loop, by the
 * source that brought the event (Lambda developer guide, "Use Lambda
 * recursive loop detection…"; What's New, 13 July 2023: "Lambda will stop
 * the next invocation and sends the event to a Dead-Letter Queue or
 * on-failure destination, if configured"; AWS Compute Blog, July 2023: "It
 * returns a RecursiveInvocationException to the caller … For asynchronous
 * invokes, Lambda sends the event to a dead-letter queue or on-failure
 * destination, if one is configured"). Sources with detection: SQS, SNS,
 * Lambda's Invoke API (at launch, July 2023) and S3 (added later; the
 * current guide lists it). Others (DynamoDB, EventBridge, API Gateway …)
 * carry no lineage: their loops run on.
 */

/** Where a stopped event came from. */
export type RecursionSource = 'sqs' | 'sns' | 's3' | 'lambda-async' | 'lambda-sync';

/** What becomes of the stopped event. */
export type StoppedEventDisposition =
  /** The queue's own dead-letter queue (its redrive policy). */
  | { kind: 'queueDeadLetter' }
  /** An asynchronous invocation's on-failure destination and/or the function's dead-letter queue, as configured. */
  | { kind: 'asyncFailure'; onFailureDestination: boolean; deadLetterQueue: boolean }
  /** The synchronous caller gets RecursiveInvocationException. */
  | { kind: 'callerError'; statusCode: number; error: LambdaError }
  /** Nowhere to send it: the event is dropped. */
  | { kind: 'dropped' };

export interface StopTargets {
  /** SQS: the source queue has a redrive policy. */
  queueDeadLetter?: boolean;
  /** Async sources: the function has an on-failure destination / a dead-letter queue. */
  onFailureDestination?: boolean;
  deadLetterQueue?: boolean;
}

/**
 * The message a synchronous caller gets: the API reference's description of
 * RecursiveInvocationException (as botocore's reference prints it, with
 * "AWS" for "Amazon Web Services"); the exact text Lambda sends is not verified.
 */
export const RECURSIVE_INVOCATION_MESSAGE = "Lambda has detected your function being invoked in a recursive loop with other AWS resources and stopped your function's invocation.";
/** The Lambda service model (`@aws-sdk/client-lambda`'s schema: `httpError: 400`) gives RecursiveInvocationException status 400. */
export const RECURSIVE_INVOCATION_STATUS = 400;

export function recursiveInvocationError(): LambdaError {
  return { errorType: 'RecursiveInvocationException', errorMessage: RECURSIVE_INVOCATION_MESSAGE, trace: [] };
}

export function stoppedEventDisposition(source: RecursionSource, targets: StopTargets = {}): StoppedEventDisposition {
  switch (source) {
    case 'lambda-sync':
      return { kind: 'callerError', statusCode: RECURSIVE_INVOCATION_STATUS, error: recursiveInvocationError() };
    case 'sqs':
      return targets.queueDeadLetter ? { kind: 'queueDeadLetter' } : { kind: 'dropped' };
    case 'sns':
    case 's3':
    case 'lambda-async': {
      const onFailureDestination = targets.onFailureDestination === true;
      const deadLetterQueue = targets.deadLetterQueue === true;
      return onFailureDestination || deadLetterQueue ? { kind: 'asyncFailure', onFailureDestination, deadLetterQueue } : { kind: 'dropped' };
    }
  }
}

/**
 * The CloudWatch metric counting stopped invocations, as the developer guide
 * names it (recursion page, "Recursive loop notifications"); the name is from
 * the guide as summarised to this model, not read here in AWS's own text.
 */
export const RECURSIVE_INVOCATIONS_DROPPED = 'RecursiveInvocationsDropped';

/** What the playground shows for a stop: Lambda notifies through the AWS Health Dashboard and email (Compute Blog); this wording is the model's own, not AWS's. */
export function recursionStopNotice(functionName: string, source: RecursionSource, invocation: number, disposition: StoppedEventDisposition): string {
  const fate =
    disposition.kind === 'queueDeadLetter'
      ? 'The message goes to the queue\'s dead-letter queue.'
      : disposition.kind === 'asyncFailure'
        ? `The event goes to the function's ${[disposition.onFailureDestination ? 'on-failure destination' : '', disposition.deadLetterQueue ? 'dead-letter queue' : ''].filter(Boolean).join(' and ')}.`
        : disposition.kind === 'callerError'
          ? 'The caller gets RecursiveInvocationException.'
          : 'The event is dropped (no dead-letter queue or on-failure destination).';
  return `Lambda stopped invocation ${invocation} of ${functionName} (from ${SOURCE_NAMES[source]}): the same chain of requests had already invoked it ${invocation - 1} times (the limit is ${RECURSION_LIMIT}), which recursive loop detection treats as a loop (RecursiveLoop: Terminate). ${fate} Metric ${RECURSIVE_INVOCATIONS_DROPPED} +1.`;
}

const SOURCE_NAMES: Readonly<Record<RecursionSource, string>> = {
  sqs: 'an SQS queue',
  sns: 'an SNS topic',
  s3: 'an S3 event notification',
  'lambda-async': 'an asynchronous Invoke',
  'lambda-sync': 'a synchronous Invoke',
};
