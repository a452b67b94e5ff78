import { describe, expect, it } from 'vitest';
import { PlatformClock } from '../core/platformClock';
import type { EventSource, SourceCommand, SourceInvokeResult } from '../core/sources/sourceTypes';
import type { AsyncInvokeResult, InvokeResult } from './liveDriver';
import { ManualTimers } from './manualTimers.test-support';
import { PlatformScheduler } from './platformScheduler';
import { SourceHub, type InvokeTarget } from './sourceHub';

/** A source that, once started, invokes `fn` every second of platform time and logs each result. */
class Ticker implements EventSource {
  readonly results: string[] = [];
  private n = 0;
  constructor(
    readonly id: string,
    private readonly clock: { now(): number },
    private readonly invocationType: 'RequestResponse' | 'Event' = 'RequestResponse',
  ) {}
  start(out: SourceCommand[]): void {
    out.push({ type: 'setTimer', timerId: 'tick', atMs: this.clock.now() + 1000 });
  }
  onTimer(timerId: string, out: SourceCommand[]): void {
    this.n += 1;
    out.push({ type: 'invoke', functionName: 'fn', invocationId: `${timerId}-${this.n}`, payload: JSON.stringify({ n: this.n }), invocationType: this.invocationType });
    out.push({ type: 'setTimer', timerId: 'tick', atMs: this.clock.now() + 1000 });
  }
  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    this.results.push(`${invocationId} ${result.kind}${result.kind === 'rejected' ? ` ${result.statusCode} ${result.error.errorType}` : ''}`);
    out.push({ type: 'log', atMs: this.clock.now(), text: `result ${result.kind}` }, { type: 'changed' });
  }
}

function setup(target: InvokeTarget | null, scale = 1) {
  const timers = new ManualTimers();
  const scheduler = new PlatformScheduler(new PlatformClock(timers.clock, scale), timers);
  const logs: string[] = [];
  const changed: string[] = [];
  const resolved: string[] = [];
  const hub = new SourceHub({
    scheduler,
    resolve: (name, sourceId) => {
      resolved.push(`${sourceId}→${name}`);
      return target;
    },
    onChanged: (id) => changed.push(id),
    onLog: (id, _at, text) => logs.push(`${id}: ${text}`),
    functionArn: (name) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
  });
  return { timers, scheduler, hub, logs, changed, resolved };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const ok = { kind: 'finished', response: { ok: true, payload: '"ok"' } } as InvokeResult;

describe('SourceHub', () => {
  it("carries out a source's timers in platform time on the shared scheduler, invokes the function and feeds the result back", async () => {
    const payloads: string[] = [];
    const target: InvokeTarget = { invoke: async (p) => (payloads.push(p), ok), invokeAsync: async () => ({ kind: 'accepted' }) as AsyncInvokeResult };
    const { timers, scheduler, hub, logs, changed, resolved } = setup(target);
    const t = new Ticker('tick-1', scheduler.clock);
    hub.add(t);
    hub.act('tick-1', (out) => t.start(out));
    expect(scheduler.has('source:tick-1:tick')).toBe(true);
    timers.advance(999);
    expect(payloads).toEqual([]);
    timers.advance(1);
    await settle();
    expect(payloads).toEqual(['{"n":1}']);
    expect(resolved).toEqual(['tick-1→fn']);
    expect(t.results).toEqual(['tick-1 success']);
    expect(logs).toEqual(['tick-1: result success']);
    expect(changed).toContain('tick-1');
    timers.advance(2000);
    await settle();
    expect(payloads).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('compressed platform waits: at scale 60, a 1 s platform timer fires after about 17 ms of wall time', async () => {
    const { timers, scheduler, hub } = setup(null, 60);
    const t = new Ticker('tick-1', scheduler.clock);
    hub.add(t);
    hub.act('tick-1', (out) => t.start(out));
    timers.advance(16);
    expect(t.results).toEqual([]);
    timers.advance(1);
    await settle();
    expect(t.results).toEqual(['tick-1 rejected 404 ResourceNotFoundException']);
  });

  it('an asynchronous invoke reports acceptance, a refusal keeps its status code and error', async () => {
    const refused: AsyncInvokeResult = { kind: 'rejected', statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] } } as AsyncInvokeResult;
    let answer: AsyncInvokeResult = { kind: 'accepted' } as AsyncInvokeResult;
    const target: InvokeTarget = { invoke: async () => ok, invokeAsync: async () => answer };
    const { timers, scheduler, hub } = setup(target);
    const t = new Ticker('tick-1', scheduler.clock, 'Event');
    hub.add(t);
    hub.act('tick-1', (out) => t.start(out));
    timers.advance(1000);
    await settle();
    answer = refused;
    timers.advance(1000);
    await settle();
    expect(t.results).toEqual(['tick-1 accepted', 'tick-2 rejected 429 TooManyRequestsException']);
  });

  it("a function whose driver is disposed mid-invocation answers as a missing function, and removing a source clears its timers", async () => {
    const target: InvokeTarget = { invoke: () => Promise.reject(new Error('disposed')), invokeAsync: () => Promise.reject(new Error('disposed')) };
    const { timers, scheduler, hub } = setup(target);
    const t = new Ticker('tick-1', scheduler.clock);
    hub.add(t);
    hub.act('tick-1', (out) => t.start(out));
    timers.advance(1000);
    await settle();
    expect(t.results).toEqual(['tick-1 rejected 404 ResourceNotFoundException']);
    hub.remove('tick-1');
    expect(scheduler.size()).toBe(0);
    expect(hub.get('tick-1')).toBeUndefined();
    timers.advance(5000);
    await settle();
    expect(t.results).toHaveLength(1);
  });

  it('after dispose nothing runs: no timer is left and actions are ignored', () => {
    const { scheduler, hub } = setup(null);
    const t = new Ticker('tick-1', scheduler.clock);
    hub.add(t);
    hub.act('tick-1', (out) => t.start(out));
    hub.dispose();
    expect(scheduler.size()).toBe(0);
    hub.act('tick-1', (out) => t.start(out));
    expect(scheduler.size()).toBe(0);
  });
});
