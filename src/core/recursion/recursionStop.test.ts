import { InvokeCommand, RecursiveInvocationException } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaInvokeResponse } from '../services/lambda/lambdaInvokeResponse';
import { lambdaTestClient } from '../services/lambda/lambdaSdkHarness.test-support';
import { RECURSIVE_INVOCATIONS_DROPPED, RECURSIVE_INVOCATION_MESSAGE, recursionStopNotice, stoppedEventDisposition } from './recursionStop';

describe('stoppedEventDisposition', () => {
  it('SQS: to the queue\'s dead-letter queue when it has one, otherwise dropped', () => {
    expect(stoppedEventDisposition('sqs', { queueDeadLetter: true })).toEqual({ kind: 'queueDeadLetter' });
    expect(stoppedEventDisposition('sqs', { onFailureDestination: true, deadLetterQueue: true })).toEqual({ kind: 'dropped' });
  });

  it('SNS, S3 and asynchronous Invoke: to the on-failure destination and/or DLQ the function has, otherwise dropped', () => {
    for (const source of ['sns', 's3', 'lambda-async'] as const) {
      expect(stoppedEventDisposition(source, { onFailureDestination: true })).toEqual({ kind: 'asyncFailure', onFailureDestination: true, deadLetterQueue: false });
      expect(stoppedEventDisposition(source, { deadLetterQueue: true })).toEqual({ kind: 'asyncFailure', onFailureDestination: false, deadLetterQueue: true });
      expect(stoppedEventDisposition(source, { queueDeadLetter: true })).toEqual({ kind: 'dropped' });
      expect(stoppedEventDisposition(source)).toEqual({ kind: 'dropped' });
    }
  });

  it('synchronous Invoke: the caller gets RecursiveInvocationException, 400', () => {
    expect(stoppedEventDisposition('lambda-sync', { deadLetterQueue: true })).toEqual({
      kind: 'callerError',
      statusCode: 400,
      error: { errorType: 'RecursiveInvocationException', errorMessage: RECURSIVE_INVOCATION_MESSAGE, trace: [] },
    });
  });

  it('a handler\'s InvokeCommand catches it as the SDK\'s RecursiveInvocationException class', async () => {
    const d = stoppedEventDisposition('lambda-sync');
    if (d.kind !== 'callerError') throw new Error('expected a caller error');
    const { client } = lambdaTestClient(() => lambdaInvokeResponse({ kind: 'rejected', statusCode: d.statusCode, error: d.error }, { logType: 'None', requestId: 'r1' }));
    const e: unknown = await client.send(new InvokeCommand({ FunctionName: 'a' })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RecursiveInvocationException);
    expect(e).toMatchObject({ name: 'RecursiveInvocationException', message: RECURSIVE_INVOCATION_MESSAGE, Type: 'User', $metadata: { httpStatusCode: 400 } });
  });
});

describe('recursionStopNotice', () => {
  it('says which function, which invocation, where the event went, and the metric', () => {
    const text = recursionStopNotice('orders', 'sqs', 17, { kind: 'dropped' });
    expect(text).toContain('invocation 17 of orders (from an SQS queue)');
    expect(text).toContain('had already invoked it 16 times (the limit is 16)');
    expect(text).toContain('The event is dropped');
    expect(text).toContain(`Metric ${RECURSIVE_INVOCATIONS_DROPPED} +1.`);
    expect(recursionStopNotice('orders', 'sns', 17, { kind: 'asyncFailure', onFailureDestination: true, deadLetterQueue: true })).toContain(
      "The event goes to the function's on-failure destination and dead-letter queue.",
    );
    expect(recursionStopNotice('orders', 'sqs', 17, { kind: 'queueDeadLetter' })).toContain("queue's dead-letter queue");
  });
});
