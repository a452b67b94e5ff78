/**
 * A tiny source hub for the SQS tests: keeps the timers a source asks for
 * and fires them as a ManualClock moves, records invokes and lets the test
 * answer them. Pure, like the rest of src/core.
 */
import { TestPlatformClock } from '../testPlatformClock.test-support';
import { createRandom } from '../random';
import type { SqsEvent } from './sqsEvent';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';

/** 2025-09-01T12:00:00.000Z. */
export const T0 = Date.UTC(2025, 8, 1, 12, 0, 0);

export interface RecordedInvoke {
  invocationId: string;
  functionName: string;
  invocationType: string;
  payload: string;
  event: SqsEvent;
  atMs: number;
}

export class SqsTestHub {
  /** Platform time over a manual real clock; pending invokes count as executing (see PlatformClock). */
  readonly clock = new TestPlatformClock(T0);
  readonly ctx: SourceContext;
  readonly timers = new Map<string, number>();
  /** Invokes not answered yet, oldest first. */
  readonly pending: RecordedInvoke[] = [];
  readonly invokes: RecordedInvoke[] = [];
  readonly logs: string[] = [];
  private source: EventSource | null = null;

  constructor(seed = 7) {
    this.ctx = { clock: this.clock, random: createRandom(seed), region: 'us-east-1', accountId: '123456789012', waitScale: () => this.clock.waitScale() };
  }

  attach(source: EventSource): void {
    this.source = source;
  }

  /** Run a user action of the source and carry out its commands. */
  act(action: (out: SourceCommand[]) => void): void {
    const out: SourceCommand[] = [];
    action(out);
    this.apply(out);
  }

  /** Move real time on by `ms`, firing every timer that falls due (platform time), in order. */
  advance(ms: number): void {
    this.clock.advanceTimers(ms, this.timers, (timerId) => this.act((out) => this.must().onTimer(timerId, out)));
  }

  /** The compression of platform waits (applies while no invoke is pending). */
  get scale(): number {
    return this.clock.waitScale();
  }

  set scale(k: number) {
    this.clock.setScale(k);
  }


  /** Answer a pending invoke (the oldest by default). */
  answer(result: SourceInvokeResult, invocationId = this.pending[0]?.invocationId): RecordedInvoke {
    const i = this.pending.findIndex((p) => p.invocationId === invocationId);
    if (i < 0) throw new Error(`no pending invoke ${invocationId}`);
    const [inv] = this.pending.splice(i, 1);
    this.clock.end();
    this.act((out) => this.must().onResult(inv!.invocationId, result, out));
    return inv!;
  }

  /** Answer every pending invoke (and any they cause) with `reply`, until none is left. */
  answerAll(reply: (inv: RecordedInvoke) => SourceInvokeResult): void {
    while (this.pending.length > 0) {
      const inv = this.pending[0]!;
      this.answer(reply(inv), inv.invocationId);
    }
  }

  private apply(out: SourceCommand[]): void {
    for (const c of out) {
      if (c.type === 'setTimer') this.timers.set(c.timerId, c.atMs);
      else if (c.type === 'clearTimer') this.timers.delete(c.timerId);
      else if (c.type === 'log') this.logs.push(c.text);
      else if (c.type === 'invoke') {
        const inv = { ...c, event: JSON.parse(c.payload) as SqsEvent, atMs: this.clock.now() };
        this.pending.push(inv);
        this.clock.begin();
        this.invokes.push(inv);
      }
    }
  }

  private must(): EventSource {
    if (!this.source) throw new Error('no source attached');
    return this.source;
  }
}

export const OK: SourceInvokeResult = { kind: 'success', payload: 'null' };
export const reply = (value: unknown): SourceInvokeResult => ({ kind: 'success', payload: JSON.stringify(value) });
export const FUNCTION_ERROR: SourceInvokeResult = {
  kind: 'functionError',
  error: { errorType: 'Error', errorMessage: 'poison', trace: ['Error: poison', '    at handler (file:///var/task/index.mjs:3:11)'] },
};
export const THROTTLED: SourceInvokeResult = {
  kind: 'rejected',
  statusCode: 429,
  error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] },
};
