import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireOutcome } from '../protocol/messages';
import { invokeHandler } from './invokeHandler';
import type { HandlerFn } from './loadHandler';
import { LogSink } from './logSink';
import { PendingWork } from './pendingWork';

/** A worker-like scope on fake timers: the handler's timers go through the loop's wrappers, the loop's own checks do not. */
function setup(): { scope: Record<string, unknown>; loop: PendingWork } {
  const scope: Record<string, unknown> = {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: globalThis.clearTimeout,
    clearInterval: globalThis.clearInterval,
  };
  const native = globalThis.setTimeout;
  const loop = new PendingWork((fire, ms) => native(fire, ms));
  loop.wrap(scope);
  return { scope, loop };
}

function run(handler: HandlerFn, loop: PendingWork, context: object = { awsRequestId: 'req-1' }): { outcome: () => WireOutcome | null } {
  let outcome: WireOutcome | null = null;
  void invokeHandler(handler, {}, context, 'nodejs22.x', new LogSink('undefined'), loop).then((o) => (outcome = o));
  return { outcome: () => outcome };
}

describe('the event loop as the runtime sees it', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an async handler whose promise can never settle ends as Runtime.NodeJsExit once nothing is pending, not at the timeout', async () => {
    const { loop } = setup();
    const r = run(() => new Promise(() => undefined), loop);
    await vi.advanceTimersByTimeAsync(200);
    expect(r.outcome()).toEqual({ kind: 'noReply' });
  });

  it('a pending timer keeps it alive: the promise it settles wins', async () => {
    const { scope, loop } = setup();
    const wait = scope.setTimeout as (fn: () => void, ms: number) => number;
    const r = run(() => new Promise((resolve) => wait(() => resolve('late'), 1_000)), loop);
    await vi.advanceTimersByTimeAsync(999);
    expect(r.outcome()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(r.outcome()).toEqual({ kind: 'success', payload: '"late"' });
  });

  it('an interval keeps the loop alive until it is cleared; then the abandoned promise ends as NodeJsExit', async () => {
    const { scope, loop } = setup();
    let id = 0;
    const r = run(() => {
      id = (scope.setInterval as (fn: () => void, ms: number) => number)(() => undefined, 10);
      return new Promise(() => undefined);
    }, loop);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.outcome()).toBeNull();
    (scope.clearInterval as (id: number) => void)(id);
    await vi.advanceTimersByTimeAsync(200);
    expect(r.outcome()).toEqual({ kind: 'noReply' });
  });

  it('a callback handler replies once the loop is empty, after work it left pending has run', async () => {
    const { scope, loop } = setup();
    const seen: string[] = [];
    const r = run((_e, _c, cb) => {
      (scope.setTimeout as (fn: () => void, ms: number) => number)(() => seen.push('pending work ran'), 500);
      (cb as (e: null, v: string) => void)(null, 'done');
    }, loop);
    await vi.advanceTimersByTimeAsync(499);
    expect(r.outcome()).toBeNull();
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['pending work ran']);
    expect(r.outcome()).toEqual({ kind: 'success', payload: '"done"' });
  });

  it('with callbackWaitsForEmptyEventLoop = false the reply goes at once, leaving the work pending', async () => {
    const { scope, loop } = setup();
    const context = { awsRequestId: 'req-1', callbackWaitsForEmptyEventLoop: true };
    const r = run((_e, ctx, cb) => {
      (ctx as { callbackWaitsForEmptyEventLoop: boolean }).callbackWaitsForEmptyEventLoop = false;
      (scope.setTimeout as (fn: () => void, ms: number) => number)(() => undefined, 500);
      (cb as (e: null, v: string) => void)(null, 'early');
    }, loop, context);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.outcome()).toEqual({ kind: 'success', payload: '"early"' });
    expect(loop.empty()).toBe(false);
  });

  it('a cleared timeout is no longer pending', () => {
    const { scope, loop } = setup();
    const id = (scope.setTimeout as (fn: () => void, ms: number) => number)(() => undefined, 1_000);
    expect(loop.empty()).toBe(false);
    (scope.clearTimeout as (id: number) => void)(id);
    expect(loop.empty()).toBe(true);
  });
});

describe('context.done, succeed and fail (nodejs20.x and nodejs22.x)', () => {
  it('succeed replies with the result, fail with the error, done with either; nodejs24.x has none of them', async () => {
    const logs = (): LogSink => new LogSink('undefined');
    const handler = (method: 'succeed' | 'fail' | 'done'): HandlerFn => (_e, ctx) => {
      const c = ctx as Record<string, (...a: unknown[]) => void>;
      if (method === 'succeed') c.succeed?.({ via: 'succeed' });
      else if (method === 'fail') c.fail?.(new TypeError('via fail'));
      else c.done?.(null, 'via done');
    };
    expect(await invokeHandler(handler('succeed'), {}, {}, 'nodejs22.x', logs())).toEqual({ kind: 'success', payload: '{"via":"succeed"}' });
    expect(await invokeHandler(handler('fail'), {}, {}, 'nodejs20.x', logs())).toMatchObject({ kind: 'error', error: { errorType: 'TypeError', errorMessage: 'via fail' } });
    expect(await invokeHandler(handler('done'), {}, {}, 'nodejs22.x', logs())).toEqual({ kind: 'success', payload: '"via done"' });
    const context: Record<string, unknown> = {};
    await invokeHandler(async () => 'ok', {}, context, 'nodejs24.x', logs());
    expect(context.succeed).toBeUndefined();
  });
});
