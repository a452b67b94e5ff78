import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { lambdaInvokeResponse } from '../services/lambda/lambdaInvokeResponse';
import { lambdaTestClient } from '../services/lambda/lambdaSdkHarness.test-support';
import { readLambdaInvokeRequest, type KnownFunctions } from '../services/lambda/readLambdaInvokeRequest';
import { checkRecursion, type RecursiveLoop } from './checkRecursion';
import { recursiveInvocationError, RECURSIVE_INVOCATION_STATUS } from './recursionStop';
import { TRACE_ID_ENV, TRACE_ID_HEADER } from './traceHeader';

/**
 * The wiring an integrator needs, end to end with the real SDK: a handler's
 * InvokeCommand carries its invocation's `_X_AMZN_TRACE_ID` as
 * `X-Amzn-Trace-Id` (the SDK's recursionDetectionMiddleware does it when
 * AWS_LAMBDA_FUNCTION_NAME is set), the Invoke model reads it, and
 * checkRecursion decides before the platform's admission.
 */

const KNOWN: KnownFunctions = { region: 'us-east-1', accountId: '123456789012', qualifiers: (n) => (n === 'self' ? [] : undefined) };
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:self';
const saved = { name: process.env.AWS_LAMBDA_FUNCTION_NAME, trace: process.env[TRACE_ID_ENV] };

afterEach(() => {
  for (const [key, value] of [['AWS_LAMBDA_FUNCTION_NAME', saved.name], [TRACE_ID_ENV, saved.trace]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/**
 * A function that invokes itself synchronously through the SDK until Lambda
 * stops it; the number of invocations that ran, and how it ended. (An Event
 * Invoke would be answered 202 and stopped later, when Lambda's queue
 * dispatches it: its event goes to the on-failure destination or DLQ.)
 */
async function selfInvokingLoop(recursiveLoop: RecursiveLoop, maxRuns: number): Promise<{ runs: number; ended: string; sentHeaders: (string | undefined)[] }> {
  const random = createRandom(9);
  const { client, requests } = lambdaTestClient((request) => {
    const call = readLambdaInvokeRequest(request, KNOWN, 'rid');
    if (call.kind === 'error') return call.response;
    const check = checkRecursion({ traceHeader: call.traceHeader, functionArn: ARN, recursiveLoop, random, nowMs: 0 });
    if (check.action === 'stop') return lambdaInvokeResponse({ kind: 'rejected', statusCode: RECURSIVE_INVOCATION_STATUS, error: recursiveInvocationError() }, { logType: 'None', requestId: 'rid' });
    // The invocation runs: its environment gets the advanced header, which its own SDK calls will carry.
    process.env[TRACE_ID_ENV] = check.traceHeader;
    const requestId = `req-${check.invocation}`;
    return lambdaInvokeResponse({ kind: 'finished', record: { requestId }, logs: [], response: { ok: true, payload: 'null' } }, { logType: call.logType });
  });
  process.env.AWS_LAMBDA_FUNCTION_NAME = 'self';
  delete process.env[TRACE_ID_ENV];
  let runs = 0;
  let ended = 'limit';
  while (runs < maxRuns) {
    try {
      await client.send(new InvokeCommand({ FunctionName: 'self' }));
      runs++;
    } catch (e) {
      ended = (e as Error).name;
      break;
    }
  }
  const sentHeaders = requests.map((r) => Object.entries(r.headers).find(([k]) => k.toLowerCase() === TRACE_ID_HEADER.toLowerCase())?.[1]);
  return { runs, ended, sentHeaders };
}

describe('recursive loop detection through the SDK', () => {
  it('a function invoking itself runs 16 times; its 17th Invoke is refused with RecursiveInvocationException', async () => {
    const { runs, ended, sentHeaders } = await selfInvokingLoop('Terminate', 40);
    expect(runs).toBe(16);
    expect(ended).toBe('RecursiveInvocationException');
    // The first Invoke came from outside any invocation (no trace yet); every later one carried the previous invocation's header.
    expect(sentHeaders[0]).toBeUndefined();
    expect(sentHeaders[1]).toMatch(/;Lineage=[0-9a-f]{8}:0$/);
    expect(sentHeaders[16]).toMatch(/;Lineage=[0-9a-f]{8}:15$/);
  });

  it('with RecursiveLoop Allow it runs on', async () => {
    const { runs, ended } = await selfInvokingLoop('Allow', 25);
    expect([runs, ended]).toEqual([25, 'limit']);
  });

  it('without AWS_LAMBDA_FUNCTION_NAME the SDK sends no trace header, so no chain is seen (as outside Lambda)', async () => {
    const { client, requests } = lambdaTestClient(() => ({ status: 202, headers: {}, body: '' }));
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    process.env[TRACE_ID_ENV] = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0;Lineage=12326a9d:3';
    await client.send(new InvokeCommand({ FunctionName: 'self', InvocationType: 'Event' }));
    expect(Object.keys(requests[0]?.headers ?? {}).map((k) => k.toLowerCase())).not.toContain('x-amzn-trace-id');
  });
});
