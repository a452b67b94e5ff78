import type { Clock } from '../clock';
import type { InvocationType } from '../platformTypes';
import { createRandom, type Random } from '../random';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand, type SourceContext, type SourceInvokeResult } from '../sources/sourceTypes';
import type { EventQueue } from './eventQueue';
import { SimEventBridgeAdapter } from './simEventBridgeSource';
import { SimKinesisAdapter } from './simKinesisSource';
import { countAnswer } from './simSourceAnswers';
import type { SimSourceAdapter, SimSourceFigures, SimSourceSpec } from './simSourceTypes';
import { SimSqsAdapter } from './simSqsSource';
import { SimTimers } from './simTimers';

export type { SimEventBridgeSource, SimKinesisSource, SimSourceFigures, SimSourceSpec, SimSqsSource } from './simSourceTypes';

/** A source's invoke, for the simulation to feed its platform (a new ticket each). */
export type SimSourceInvoke = (ticket: number, payload: string, invocationType: InvocationType) => void;

/**
 * Runs a scenario's event source in the simulation's virtual time with the
 * same source classes as live mode (SQS, Kinesis, EventBridge; each kind's
 * part is an adapter). Its timers sit in the simulation's event queue (their
 * own event kind); its invokes become platform invokes whose tickets map
 * back to the source's invocation ids; the platform's answers go back to it.
 */
export class SimSource {
  private readonly adapter: SimSourceAdapter;
  private readonly timers: SimTimers;
  private readonly out: SourceCommand[] = [];
  private readonly byTicket = new Map<number, string>();
  private readonly failures: Random;
  private applying = false;

  constructor(
    readonly spec: SimSourceSpec,
    private readonly clock: Clock,
    queue: EventQueue,
    timerKind: number,
    seed: number,
    functionTimeoutS: number,
    private readonly invoke: SimSourceInvoke,
    private readonly nextTicket: () => number,
    startMs: number,
  ) {
    this.timers = new SimTimers(queue, timerKind);
    this.failures = createRandom((seed ^ 0x3c6ef372) >>> 0);
    const ctx: SourceContext = { clock, random: createRandom((seed ^ 0x9e3779b9) >>> 0), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
    if (spec.kind === 'sqs') this.adapter = new SimSqsAdapter(spec, ctx, functionTimeoutS, startMs);
    else if (spec.kind === 'kinesis') this.adapter = new SimKinesisAdapter(spec, ctx, createRandom((seed ^ 0x85ebca6b) >>> 0), startMs);
    else this.adapter = new SimEventBridgeAdapter(spec, ctx);
  }

  /** Once the simulation is ready to take invokes: a mapping starts polling, a schedule is put. */
  begin(): void {
    this.adapter.begin(this.out);
    this.apply();
  }

  /** Arrivals of the traffic at one instant (messages sent, records put, events put). */
  arrive(count: number): void {
    this.adapter.arrive(count, this.out);
    this.apply();
  }

  /** A source timer's queued entry came due. */
  timer(t: number, nowMs: number): void {
    const id = this.timers.due(t, nowMs);
    if (id === null) return;
    this.adapter.source.onTimer(id, this.out);
    this.apply();
  }

  /** The outcome of a handler run: it fails if any of its records does (a batch's `Records`, or one event). */
  batchFails(payload: string): boolean {
    const p = this.spec.messageFailureRate;
    if (p <= 0) return false;
    const n = (JSON.parse(payload) as { Records?: unknown[] }).Records?.length ?? 1;
    let fails = false;
    for (let i = 0; i < n; i++) if (this.failures.next() < p) fails = true;
    return fails;
  }

  /** The platform answered a ticket of the source's (an asynchronous one: when it was queued). */
  result(ticket: number, result: SourceInvokeResult): void {
    const invocationId = this.byTicket.get(ticket);
    if (invocationId === undefined) return;
    this.byTicket.delete(ticket);
    countAnswer(this.adapter.figures, result);
    this.adapter.source.onResult(invocationId, result, this.out);
    this.apply();
  }

  /** No invoke of the source's is waiting for the platform's answer. */
  settled(): boolean {
    return this.byTicket.size === 0;
  }

  report(): SimSourceFigures {
    this.adapter.sample(this.clock.now(), true);
    return { ...this.adapter.figures };
  }

  /**
   * Carry out the source's commands. An invoke may be answered at once (a
   * throttle, an asynchronous 202), and the answer makes more commands: they
   * are appended to the same list and carried out by the loop already running.
   */
  private apply(): void {
    if (this.applying) return;
    this.applying = true;
    const out = this.out;
    for (let i = 0; i < out.length; i++) {
      const c = out[i] as SourceCommand;
      if (c.type === 'setTimer') this.timers.set(c.timerId, Math.max(this.clock.now(), c.atMs));
      else if (c.type === 'clearTimer') this.timers.clear(c.timerId);
      else if (c.type === 'invoke') {
        const ticket = this.nextTicket();
        this.byTicket.set(ticket, c.invocationId);
        this.adapter.figures.invokes += 1;
        this.invoke(ticket, c.payload, c.invocationType);
      }
    }
    out.length = 0;
    this.applying = false;
    this.adapter.sample(this.clock.now(), false);
  }
}
