import { InvokeCommand, type InvokeCommandInput } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../serviceTypes';
import { lambdaTestClient } from './lambdaSdkHarness.test-support';
import { readLambdaInvokeRequest, type KnownFunctions, type LambdaInvokeCall } from './readLambdaInvokeRequest';

const KNOWN: KnownFunctions = {
  region: 'us-east-1',
  accountId: '123456789012',
  qualifiers: (name) => (name === 'orders' ? ['1', '2', 'prod'] : name === 'empty' ? [] : undefined),
};
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';
const enc = (s: string) => new TextEncoder().encode(s);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** What the model read of the request the real SDK sent for `input`. */
async function readSent(input: InvokeCommandInput): Promise<ReturnType<typeof readLambdaInvokeRequest>> {
  let read: ReturnType<typeof readLambdaInvokeRequest> | undefined;
  const { client } = lambdaTestClient((request: ServiceRequest) => {
    read = readLambdaInvokeRequest(request, KNOWN, 'req-1');
    return read.kind === 'error' ? read.response : { status: 204, headers: {}, body: '' };
  });
  await client.send(new InvokeCommand(input)).catch(() => undefined);
  if (!read) throw new Error('no request reached the model');
  return read;
}

async function call(input: InvokeCommandInput): Promise<LambdaInvokeCall> {
  const r = await readSent(input);
  if (r.kind !== 'invoke') throw new Error(`refused: ${r.response.status} ${r.response.body}`);
  return r;
}

/** The error the SDK throws for `input`: name, message and HTTP status as a handler's catch sees them. */
async function sdkError(input: InvokeCommandInput): Promise<{ name: string; message: string; status: number | undefined; error: Record<string, unknown> }> {
  const { client } = lambdaTestClient((request) => {
    const r = readLambdaInvokeRequest(request, KNOWN, 'req-1');
    if (r.kind === 'error') return r.response;
    throw new Error(`accepted: ${JSON.stringify(r)}`);
  });
  try {
    await client.send(new InvokeCommand(input));
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, error: err as unknown as Record<string, unknown> };
  }
  throw new Error('the SDK did not throw');
}

describe('readLambdaInvokeRequest: the request InvokeCommand sends', () => {
  it('reads a plain name with the defaults: RequestResponse, no log, no qualifier', async () => {
    expect(await call({ FunctionName: 'orders', Payload: enc('{"id":7}') })).toEqual({
      kind: 'invoke',
      functionName: 'orders',
      qualifier: null,
      invocationType: 'RequestResponse',
      logType: 'None',
      payload: '{"id":7}',
      clientContext: null,
      traceHeader: null,
    });
  });

  it('takes the name out of a full ARN, a partial ARN and name:qualifier (the SDK percent-encodes the colons)', async () => {
    expect(await call({ FunctionName: ARN })).toMatchObject({ functionName: 'orders', qualifier: null });
    expect(await call({ FunctionName: `${ARN}:prod` })).toMatchObject({ functionName: 'orders', qualifier: 'prod' });
    expect(await call({ FunctionName: '123456789012:function:orders:2' })).toMatchObject({ functionName: 'orders', qualifier: '2' });
    expect(await call({ FunctionName: 'orders:$LATEST' })).toMatchObject({ functionName: 'orders', qualifier: '$LATEST' });
  });

  it('reads ?Qualifier=, and accepts it when it repeats the name\'s own qualifier', async () => {
    expect(await call({ FunctionName: 'orders', Qualifier: '1' })).toMatchObject({ qualifier: '1' });
    expect(await call({ FunctionName: 'orders:1', Qualifier: '1' })).toMatchObject({ qualifier: '1' });
  });

  it('reads the invocation type, Tail and the base64 client context', async () => {
    const context = JSON.stringify({ custom: { tenant: 'a' }, env: { locale: 'en' } });
    expect(await call({ FunctionName: 'orders', InvocationType: 'Event', LogType: 'Tail', ClientContext: b64(context) })).toMatchObject({
      invocationType: 'Event',
      logType: 'Tail',
      clientContext: context,
    });
    expect(await call({ FunctionName: 'orders', InvocationType: 'DryRun' })).toMatchObject({ invocationType: 'DryRun' });
  });

  it('reads an absent payload as {}', async () => {
    expect(await call({ FunctionName: 'orders' })).toMatchObject({ payload: '{}' });
  });
});

describe('readLambdaInvokeRequest: refusals, as the SDK surfaces them', () => {
  it('ResourceNotFoundException 404 naming the full ARN, with the qualifier when one was asked for', async () => {
    const e = await sdkError({ FunctionName: 'nope' });
    expect(e).toMatchObject({ name: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope', status: 404 });
    expect(e.error.Type).toBe('User');
    expect(await sdkError({ FunctionName: 'orders', Qualifier: 'staging' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:staging`,
    });
    expect(await sdkError({ FunctionName: 'empty:1' })).toMatchObject({ message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:empty:1' });
  });

  it('an ARN of another account or Region is not found, named as given', async () => {
    expect(await sdkError({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:orders' })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders',
    });
    expect(await sdkError({ FunctionName: '999999999999:function:orders' })).toMatchObject({
      message: 'Function not found: arn:aws:lambda:us-east-1:999999999999:function:orders',
    });
  });

  it('InvalidParameterValueException 400 when ?Qualifier= contradicts the name', async () => {
    expect(await sdkError({ FunctionName: 'orders:1', Qualifier: '2' })).toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
      status: 400,
    });
  });

  it('ValidationException 400 for a name outside the pattern', async () => {
    const e = await sdkError({ FunctionName: 'bad name!' });
    expect(e.name).toBe('ValidationException');
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/^1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
  });

  it('InvalidRequestContentException 400 for a body that is not JSON', async () => {
    const e = await sdkError({ FunctionName: 'orders', Payload: enc('{not json') });
    expect(e).toMatchObject({ name: 'InvalidRequestContentException', status: 400 });
    expect(e.message).toMatch(/^Could not parse request body into json: Could not parse payload into json: /);
  });

  it('413 over 6 MB for RequestResponse and DryRun, over 1 MB for Event (payloadLimits, asyncInvocation)', async () => {
    const big = (bytes: number) => enc(`"${'x'.repeat(bytes - 2)}"`);
    const sync = await sdkError({ FunctionName: 'orders', Payload: big(6 * 1024 * 1024 + 1) });
    expect(sync).toMatchObject({ status: 413, message: '6291457 byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)' });
    expect(sync.name).toBe('RequestEntityTooLargeException');
    expect(await call({ FunctionName: 'orders', Payload: big(1024 * 1024 + 1) })).toMatchObject({ invocationType: 'RequestResponse' });
    expect(await sdkError({ FunctionName: 'orders', InvocationType: 'Event', Payload: big(1024 * 1024 + 1) })).toMatchObject({
      status: 413,
      message: '1048577 byte payload is too large for the Event invocation type (limit 1048576 bytes)',
    });
    expect(await call({ FunctionName: 'orders', InvocationType: 'Event', Payload: big(1024 * 1024) })).toMatchObject({ invocationType: 'Event' });
  });

  it('a client context that is not base64 JSON, or longer than 3,583 bytes, is refused', async () => {
    expect(await sdkError({ FunctionName: 'orders', ClientContext: b64('[1,2]') })).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    expect(await sdkError({ FunctionName: 'orders', ClientContext: '%%%' })).toMatchObject({ name: 'InvalidParameterValueException' });
    expect(await sdkError({ FunctionName: 'orders', ClientContext: b64(JSON.stringify({ custom: { x: 'y'.repeat(2700) } })) })).toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });
});

describe('readLambdaInvokeRequest: requests no SDK sends', () => {
  const base: ServiceRequest = { method: 'POST', path: '/2015-03-31/functions/orders/invocations', headers: {}, body: '{}' };
  const status = (r: ReturnType<typeof readLambdaInvokeRequest>) => (r.kind === 'error' ? { status: r.response.status, type: r.response.headers['x-amzn-ErrorType'] } : 'invoke');

  it('refuses unknown invocation and log types with the validator\'s enum wording', () => {
    const r = readLambdaInvokeRequest({ ...base, headers: { 'X-Amz-Invocation-Type': 'Later' } }, KNOWN);
    expect(status(r)).toEqual({ status: 400, type: 'ValidationException' });
    expect(r.kind === 'error' && JSON.parse(r.response.body)).toMatchObject({
      message: "1 validation error detected: Value 'Later' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [RequestResponse, Event, DryRun]",
    });
    expect(status(readLambdaInvokeRequest({ ...base, headers: { 'x-amz-log-type': 'tail' } }, KNOWN))).toEqual({ status: 400, type: 'ValidationException' });
  });

  it('answers 404 UnknownOperationException for other paths and methods', () => {
    expect(status(readLambdaInvokeRequest({ ...base, method: 'GET' }, KNOWN))).toEqual({ status: 404, type: 'UnknownOperationException' });
    expect(status(readLambdaInvokeRequest({ ...base, path: '/2015-03-31/functions/orders' }, KNOWN))).toEqual({ status: 404, type: 'UnknownOperationException' });
  });

  it('decodes a percent-encoded ARN and an encoded query qualifier', () => {
    const r = readLambdaInvokeRequest({ ...base, path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders/invocations?Qualifier=%24LATEST' }, KNOWN);
    expect(r).toMatchObject({ kind: 'invoke', functionName: 'orders', qualifier: '$LATEST' });
  });

  it('puts the request id on its errors', () => {
    const r = readLambdaInvokeRequest({ ...base, path: '/2015-03-31/functions/zzz/invocations' }, KNOWN, 'abc-123');
    expect(r.kind === 'error' && r.response.headers['x-amzn-RequestId']).toBe('abc-123');
  });
});
