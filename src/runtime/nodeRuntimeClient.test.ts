import { describe, expect, it } from 'vitest';
import type { WireError, WireOutcome } from '../protocol/messages';
import { serveNodeRuntime } from './nodeRuntimeClient';
import { RuntimeApi, type ApiInvocation } from './runtimeApi';

function harness(outcomes: WireOutcome[]) {
  const seen: string[] = [];
  const ran: ApiInvocation[] = [];
  const api = new RuntimeApi({
    initDone: () => seen.push('initDone'),
    initFailed: (e: WireError) => seen.push(`initFailed ${e.errorType}`),
    respond: (id, payload) => seen.push(`respond ${id} ${payload}`),
    fail: (id, e) => seen.push(`fail ${id} ${JSON.stringify(e)}`),
  });
  const ended: string[] = [];
  const done = serveNodeRuntime(
    api,
    (inv) => {
      ran.push(inv);
      return Promise.resolve(outcomes.shift() ?? { kind: 'noReply' });
    },
    (id, outcome) => ended.push(`${id} ${outcome.kind}`),
  );
  return { api, seen, ran, ended, done };
}

const inv = (requestId: string): ApiInvocation => ({ requestId, payload: '{"a":1}', deadlineMs: 1_000_000, invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', traceId: 'Root=1-x' });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the managed Node.js runtime is a client of the Runtime API', () => {
  it('Init ends at its first next; results go to response, errors (Node.js’s body) to error; a process end stops the loop', async () => {
    const h = harness([
      { kind: 'success', payload: '"ok"' },
      { kind: 'error', error: { errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['TypeError: x is not a function', '    at handler (file:///var/task/index.mjs:2:3)'] } },
      { kind: 'noReply' },
    ]);
    expect(h.seen).toEqual(['initDone']);
    h.api.deliver(inv('r1'));
    await settle();
    h.api.deliver(inv('r2'));
    await settle();
    h.api.deliver(inv('r3'));
    await h.done;
    expect(h.ran.map((i) => [i.requestId, i.payload, i.deadlineMs])).toEqual([
      ['r1', '{"a":1}', 1_000_000],
      ['r2', '{"a":1}', 1_000_000],
      ['r3', '{"a":1}', 1_000_000],
    ]);
    expect(h.seen.slice(1)).toEqual([
      'respond r1 "ok"',
      `fail r2 ${JSON.stringify({ errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['TypeError: x is not a function', '    at handler (file:///var/task/index.mjs:2:3)'] })}`,
    ]);
    expect(h.ended).toEqual(['r3 noReply']);
  });
});
