import { InvokeCommand, type InvokeCommandInput, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import type { AsyncInvokeResult, InvokeResult } from '../../../bridge/liveDriver';
import { timeoutError, type LambdaError } from '../../lambdaError';
import { base64Text, lambdaTestClient, payloadText } from './lambdaSdkHarness.test-support';
import { LOG_RESULT_MAX_BYTES, lambdaInvokeResponse, logResult, type LambdaInvokeOutcome } from './lambdaInvokeResponse';
import { readLambdaInvokeRequest, type KnownFunctions } from './readLambdaInvokeRequest';

const KNOWN: KnownFunctions = { region: 'us-east-1', accountId: '123456789012', qualifiers: (n) => (n === 'orders' ? ['3', 'live'] : undefined) };
const REQUEST_ID = '0f5e4c1a-8b7d-4e2f-9a3b-1c2d3e4f5a6b';
const enc = (s: string) => new TextEncoder().encode(s);

const LOGS = [
  { text: `START RequestId: ${REQUEST_ID} Version: 3` },
  { text: `2026-12-06T00:00:00.000Z\t${REQUEST_ID}\tINFO\thello é` },
  { text: `END RequestId: ${REQUEST_ID}` },
];
const finished = (response: { ok: true; payload: string } | { ok: false; error: LambdaError }, version?: string): LambdaInvokeOutcome => ({
  kind: 'finished',
  record: { requestId: REQUEST_ID, ...(version ? { version } : {}) },
  logs: LOGS,
  response,
});

/** The service: the request half, then the outcome `platform` gives for the call, formatted. */
async function invoke(input: InvokeCommandInput, platform: (invocationType: string) => LambdaInvokeOutcome): Promise<InvokeCommandOutput> {
  const { client } = lambdaTestClient((request) => {
    const call = readLambdaInvokeRequest(request, KNOWN, 'rid-refused');
    if (call.kind === 'error') return call.response;
    const outcome: LambdaInvokeOutcome = call.invocationType === 'DryRun' ? { kind: 'dryRun' } : platform(call.invocationType);
    return lambdaInvokeResponse(outcome, { logType: call.logType, requestId: 'rid-refused' });
  });
  return client.send(new InvokeCommand(input));
}

async function thrown(input: InvokeCommandInput, outcome: LambdaInvokeOutcome): Promise<Error & Record<string, unknown> & { $metadata: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await invoke(input, () => outcome);
  } catch (e) {
    return e as Error & Record<string, unknown> & { $metadata: { httpStatusCode?: number; requestId?: string } };
  }
  throw new Error('the SDK did not throw');
}

describe('lambdaInvokeResponse: what a caller of InvokeCommand receives', () => {
  it('a synchronous success: 200, the payload bytes, the executed version ($LATEST when the record names none)', async () => {
    const out = await invoke({ FunctionName: 'orders:live', Payload: enc('{}') }, () => finished({ ok: true, payload: '{"total":42}' }, '3'));
    expect(out.StatusCode).toBe(200);
    expect(payloadText(out.Payload)).toBe('{"total":42}');
    expect(out.ExecutedVersion).toBe('3');
    expect(out.FunctionError).toBeUndefined();
    expect(out.LogResult).toBeUndefined();
    expect(out.$metadata.requestId).toBe(REQUEST_ID);
    const latest = await invoke({ FunctionName: 'orders' }, () => finished({ ok: true, payload: 'null' }));
    expect(latest.ExecutedVersion).toBe('$LATEST');
    expect(payloadText(latest.Payload)).toBe('null');
  });

  it('a function error: still 200, FunctionError Unhandled, the runtime\'s error body as the payload', async () => {
    const error: LambdaError = { errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['TypeError: x is not a function', '    at handler (/var/task/index.mjs:2:3)'] };
    const out = await invoke({ FunctionName: 'orders' }, () => finished({ ok: false, error }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(payloadText(out.Payload) ?? '')).toEqual({ errorType: 'TypeError', errorMessage: 'x is not a function', trace: error.trace });
  });

  it('a timeout is a function error whose payload has no trace', async () => {
    const out = await invoke({ FunctionName: 'orders' }, () => finished({ ok: false, error: timeoutError(REQUEST_ID, 3) }));
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(payloadText(out.Payload) ?? '')).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${REQUEST_ID} Error: Task timed out after 3.00 seconds` });
  });

  it('Tail: LogResult is the base64 of the log, one line per event', async () => {
    const out = await invoke({ FunctionName: 'orders', LogType: 'Tail' }, () => finished({ ok: true, payload: '1' }));
    expect(base64Text(out.LogResult ?? '')).toBe(LOGS.map((l) => `${l.text}\n`).join(''));
    const failed = await invoke({ FunctionName: 'orders', LogType: 'Tail' }, () => finished({ ok: false, error: timeoutError(REQUEST_ID, 1) }));
    expect(failed.LogResult).toBeDefined();
  });

  it('Tail keeps only the last 4 KB of the log', () => {
    const logs = Array.from({ length: 200 }, (_, i) => ({ text: `line ${String(i).padStart(3, '0')} ${'.'.repeat(40)}` }));
    const text = base64Text(logResult(logs));
    expect(new TextEncoder().encode(text).length).toBe(LOG_RESULT_MAX_BYTES);
    expect(text.endsWith(`line 199 ${'.'.repeat(40)}\n`)).toBe(true);
    expect(text).not.toContain('line 000');
  });

  it('Event: 202 and an empty payload; DryRun: 204', async () => {
    const event = await invoke({ FunctionName: 'orders', InvocationType: 'Event', LogType: 'Tail' }, () => ({ kind: 'accepted', requestId: REQUEST_ID }));
    expect(event.StatusCode).toBe(202);
    expect(event.Payload?.length ?? 0).toBe(0);
    expect(event.LogResult).toBeUndefined();
    expect(event.$metadata.requestId).toBe(REQUEST_ID);
    const dry = await invoke({ FunctionName: 'orders', InvocationType: 'DryRun' }, () => {
      throw new Error('a dry run invokes nothing');
    });
    expect(dry.StatusCode).toBe(204);
  });

  it('a throttle: TooManyRequestsException 429 with the platform\'s Reason', async () => {
    for (const reason of ['ReservedFunctionConcurrentInvocationLimitExceeded', 'ConcurrentInvocationLimitExceeded']) {
      const e = await thrown({ FunctionName: 'orders' }, { kind: 'rejected', statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], reason } });
      expect(e.name).toBe('TooManyRequestsException');
      expect(e.message).toBe('Rate Exceeded.');
      expect(e.$metadata.httpStatusCode).toBe(429);
      expect(e.Reason).toBe(reason);
      expect(e.Type).toBe('User');
    }
  });

  it('other refusals keep their status and name (413 from the platform, 404 for a function removed meanwhile)', async () => {
    const tooLarge = await thrown({ FunctionName: 'orders' }, { kind: 'rejected', statusCode: 413, error: { errorType: 'RequestEntityTooLargeException', errorMessage: 'too large', trace: [] } });
    expect([tooLarge.name, tooLarge.$metadata.httpStatusCode, tooLarge.message]).toEqual(['RequestEntityTooLargeException', 413, 'too large']);
    const gone = await thrown({ FunctionName: 'orders' }, { kind: 'rejected', statusCode: 404, error: { errorType: 'ResourceNotFoundException', errorMessage: 'Function not found: x', trace: [] } });
    expect([gone.name, gone.$metadata.httpStatusCode, gone.$metadata.requestId]).toEqual(['ResourceNotFoundException', 404, 'rid-refused']);
  });
});

describe('LambdaInvokeOutcome', () => {
  it('takes the bridge\'s InvokeResult and AsyncInvokeResult as they are (a type-level check)', () => {
    const fromSync = (r: InvokeResult): LambdaInvokeOutcome => r;
    const fromAsync = (r: AsyncInvokeResult): LambdaInvokeOutcome => r;
    expect(fromAsync({ kind: 'accepted', statusCode: 202, requestId: 'r' })).toEqual({ kind: 'accepted', statusCode: 202, requestId: 'r' });
    expect(typeof fromSync).toBe('function');
  });
});
