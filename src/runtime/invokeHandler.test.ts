import { describe, expect, it } from 'vitest';
import { invokeHandler } from './invokeHandler';
import type { HandlerFn } from './loadHandler';
import { LogSink } from './logSink';
import { ProcessExit } from './processShim';

const context = { awsRequestId: 'req-1' };
const run = (handler: HandlerFn, runtime = 'nodejs22.x') => {
  const logs = new LogSink('undefined');
  logs.requestId = 'req-1';
  return invokeHandler(handler, { n: 2 }, context, runtime, logs).then((outcome) => ({ outcome, lines: logs.take() }));
};

describe('invokeHandler follows the Node.js runtime contract', () => {
  it.each<[string, HandlerFn, string]>([
    ['async return', async () => ({ ok: true }), '{"ok":true}'],
    ['promise return', () => Promise.resolve([1, 2]), '[1,2]'],
    ['undefined becomes null', async () => undefined, 'null'],
    ['sync return without callback is null, as on Lambda', () => 'ignored', 'null'],
    ['callback(null, result)', (_e, _c, cb) => (cb as (e: unknown, r: unknown) => void)(null, 'via callback'), '"via callback"'],
    ['string result is JSON', async () => 'text', '"text"'],
  ])('%s', async (_name, handler, payload) => {
    const { outcome } = await run(handler);
    expect(outcome).toEqual({ kind: 'success', payload });
  });

  it('a thrown Error becomes {errorType, errorMessage, trace} and an Invoke Error log line', async () => {
    const { outcome, lines } = await run(async () => {
      throw new RangeError('too big');
    });
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.error.errorType).toBe('RangeError');
    expect(outcome.error.errorMessage).toBe('too big');
    expect(outcome.error.trace[0]).toBe('RangeError: too big');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\treq-1\tERROR\tInvoke Error \t\{"errorType":"RangeError","errorMessage":"too big","stack":\["RangeError: too big"/);
  });

  it('a thrown non-Error value is typed by typeof with an empty trace', async () => {
    const { outcome } = await run(async () => {
      throw 'plain string';
    });
    expect(outcome).toEqual({ kind: 'error', error: { errorType: 'string', errorMessage: 'plain string', trace: [] } });
  });

  it('callback(err) fails the invocation', async () => {
    const { outcome } = await run((_e, _c, cb) => (cb as (e: unknown) => void)(new Error('cb failed')));
    expect(outcome.kind === 'error' && outcome.error.errorMessage).toBe('cb failed');
  });

  it.each([
    ['nodejs22.x', 'Error'],
    ['nodejs24.x', 'Runtime.JSONStringifyError'],
  ])('a result that cannot be serialised fails on %s as %s', async (runtime, errorType) => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const { outcome } = await run(async () => circular, runtime);
    expect(outcome.kind === 'error' && outcome.error).toMatchObject({ errorType, errorMessage: 'Unable to stringify response body' });
    const { outcome: big } = await run(async () => ({ n: 1n }), runtime);
    expect(big.kind).toBe('error');
  });

  it('process.exit() inside the handler ends the runtime with its status', async () => {
    const { outcome } = await run(() => {
      throw new ProcessExit(3);
    });
    expect(outcome).toEqual({
      kind: 'fatal',
      exitStatus: 3,
      error: { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: req-1 Error: Runtime exited with error: exit status 3', trace: [] },
    });
  });

  it('only the first settlement counts', async () => {
    const { outcome } = await run((_e, _c, cb) => {
      (cb as (e: unknown, r: unknown) => void)(null, 'first');
      return Promise.reject(new Error('late'));
    });
    expect(outcome).toEqual({ kind: 'success', payload: '"first"' });
  });
});

describe('LogSink', () => {
  it('writes one Lambda text event per call, keeping its newlines, and caps a flood', () => {
    const sink = new LogSink('undefined');
    sink.write('INFO', 'a\nb');
    const first = sink.take();
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toMatch(/\tundefined\tINFO\ta\nb$/);
    for (let i = 0; i < 10_050; i++) sink.write('INFO', 'x');
    const lines = sink.take();
    expect(lines).toHaveLength(10_001);
    expect(lines.at(-1)?.text).toContain('50 more log events were dropped');
  });

  it('caps an invocation at 1 MiB of log text and a line at 256 KiB, saying what it dropped', () => {
    const sink = new LogSink('undefined');
    for (let i = 0; i < 20; i++) sink.write('INFO', 'y'.repeat(100_000));
    sink.write('INFO', 'z'.repeat(1_000_000));
    const lines = sink.take();
    const kept = lines.slice(0, -1);
    expect(kept.reduce((n, l) => n + l.text.length, 0)).toBeLessThan(1024 * 1024 + 100_100);
    expect(lines.at(-1)?.text).toMatch(/\d+ more log events were dropped \(limit 10000 events or 1 MiB per invocation\)/);
    const one = new LogSink('undefined');
    one.write('INFO', 'w'.repeat(1_000_000));
    expect(one.take()[0]?.text.length).toBeLessThan(256 * 1024 + 100);
  });
});
