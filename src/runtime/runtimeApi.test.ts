import { describe, expect, it } from 'vitest';
import type { WireError } from '../protocol/messages';
import { RuntimeApi, runtimeApiFetch, type ApiInvocation } from './runtimeApi';

const BASE = 'http://127.0.0.1:9001/2018-06-01/runtime';
const INV: ApiInvocation = { requestId: 'r-1', payload: '{"a":1}', deadlineMs: 1_700_000_003_000, invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:live', traceId: 'Root=1-x' };

function harness() {
  const heard: string[] = [];
  const errors: WireError[] = [];
  const api = new RuntimeApi({
    initDone: () => heard.push('initDone'),
    initFailed: (e) => (heard.push('initFailed'), errors.push(e)),
    respond: (id, payload) => heard.push(`respond ${id} ${payload}`),
    fail: (id, e) => (heard.push(`fail ${id}`), errors.push(e)),
  });
  const outside: string[] = [];
  const fetch = runtimeApiFetch(api, (input) => (outside.push(String(input)), Promise.resolve(new Response('elsewhere'))));
  const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${BASE}${path}`, { method: 'POST', body, headers });
  return { api, heard, errors, fetch, post, outside };
}

describe('the Runtime API a custom runtime talks to', () => {
  it('Init ends at the first next; next blocks until an event, then hands it with Lambda’s headers', async () => {
    const { api, heard, fetch } = harness();
    const next = fetch(`${BASE}/invocation/next`);
    await Promise.resolve();
    expect(heard).toEqual(['initDone']);
    api.deliver(INV);
    const r = await next;
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('{"a":1}');
    expect(Object.fromEntries(['Lambda-Runtime-Aws-Request-Id', 'Lambda-Runtime-Deadline-Ms', 'Lambda-Runtime-Invoked-Function-Arn', 'Lambda-Runtime-Trace-Id'].map((h) => [h, r.headers.get(h)]))).toEqual({
      'Lambda-Runtime-Aws-Request-Id': 'r-1',
      'Lambda-Runtime-Deadline-Ms': '1700000003000',
      'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:us-east-1:123456789012:function:f:live',
      'Lambda-Runtime-Trace-Id': 'Root=1-x',
    });
  });

  it('an event that arrives before the runtime asks waits for its next', async () => {
    const { api, fetch } = harness();
    api.deliver(INV);
    const r = await fetch(`${BASE}/invocation/next`);
    expect(r.headers.get('Lambda-Runtime-Aws-Request-Id')).toBe('r-1');
  });

  it.each([
    { case: 'a response for the invocation in hand: 202, and the platform has its payload', path: '/invocation/r-1/response', status: 202, heard: 'respond r-1 {"ok":true}' },
    { case: 'an error for it: 202, and the platform has the error', path: '/invocation/r-1/error', status: 202, heard: 'fail r-1' },
    { case: 'a response for an id it never handed out: 400 InvalidRequestID', path: '/invocation/r-9/response', status: 400, heard: null },
    { case: 'a path the API does not serve: 404', path: '/invocation/r-1/answer', status: 404, heard: null },
  ])('$case', async ({ path, status, heard: expected }) => {
    const { api, heard, fetch, post } = harness();
    const next = fetch(`${BASE}/invocation/next`);
    api.deliver(INV);
    await next;
    const r = await post(path, '{"ok":true}');
    expect(r.status).toBe(status);
    if (status === 400) expect(await r.json()).toMatchObject({ errorType: 'InvalidRequestID' });
    expect(heard.slice(1)).toEqual(expected ? [expected] : []);
  });

  it('an invocation answered twice: the second is 403, and the platform heard only the first', async () => {
    const { api, heard, fetch, post } = harness();
    const next = fetch(`${BASE}/invocation/next`);
    api.deliver(INV);
    await next;
    expect((await post('/invocation/r-1/response', '1')).status).toBe(202);
    const again = await post('/invocation/r-1/error', '{}');
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ errorType: 'InvalidStateTransition' });
    expect(heard).toEqual(['initDone', 'respond r-1 1']);
  });

  it('an asynchronous retry brings the same request id again: it is handed out and answered like a new invocation', async () => {
    const { api, heard, fetch, post } = harness();
    const first = fetch(`${BASE}/invocation/next`);
    api.deliver(INV);
    await first;
    expect((await post('/invocation/r-1/error', '{"errorType":"Error","errorMessage":"boom"}')).status).toBe(202);
    const retry = fetch(`${BASE}/invocation/next`);
    api.deliver(INV);
    expect((await retry).headers.get('Lambda-Runtime-Aws-Request-Id')).toBe('r-1');
    expect((await post('/invocation/r-1/response', '2')).status).toBe(202);
    expect(heard.slice(1)).toEqual(['fail r-1', 'respond r-1 2']);
  });

  it.each([
    { case: "Lambda's error format in the body", body: '{"errorMessage":"no config","errorType":"Config.Missing","stackTrace":["at boot"]}', header: undefined, expected: { errorType: 'Config.Missing', errorMessage: 'no config', trace: ['at boot'] } },
    { case: 'no JSON body: the Lambda-Runtime-Function-Error-Type header gives the type', body: 'boom', header: 'Runtime.NoSuchHandler', expected: { errorType: 'Runtime.NoSuchHandler', errorMessage: 'boom', trace: [] } },
  ])('an init error with $case', async ({ body, header, expected }) => {
    const { heard, errors, post } = harness();
    const r = await post('/init/error', body, header ? { 'Lambda-Runtime-Function-Error-Type': header } : {});
    expect(r.status).toBe(202);
    expect(heard).toEqual(['initFailed']);
    expect(errors).toEqual([expected]);
  });

  it('an init error after Init is refused (403); once the environment ends, everything is 500', async () => {
    const { api, fetch, post } = harness();
    void fetch(`${BASE}/invocation/next`);
    await Promise.resolve();
    expect((await post('/init/error', '{}')).status).toBe(403);
    api.end();
    expect((await post('/invocation/r-1/response', '1')).status).toBe(500);
  });

  it('every other address goes to the network as the function’s setting allows', async () => {
    const { fetch, outside } = harness();
    expect(await (await fetch('https://example.com/data')).text()).toBe('elsewhere');
    expect(outside).toEqual(['https://example.com/data']);
  });
});
