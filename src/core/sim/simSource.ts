import type { Clock } from '../clock';
import { createRandom, type Random } from '../random';
import { SqsEventSourceMapping } from '../sources/sqsEventSourceMapping';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand, type SourceInvokeResult } from '../sources/sourceTypes';
import type { EventQueue } from './eventQueue';
import { SimTimers } from './simTimers';

/** An SQS queue with an event source mapping, fed by the scenario's traffic (each arrival sends one message). */
export interface SimSqsSource {
  kind: 'sqs';
  batchSize: number;
  maximumBatchingWindowS: number;
  /** 2–1,000; null: not set. */
  maximumConcurrency: number | null;
  visibilityTimeoutS: number;
  /** null: no dead-letter queue. */
  maxReceiveCount: number | null;
  /** Share of messages whose processing fails (0–1); a batch with one failed message fails as a whole. */
  messageFailureRate: number;
}

export type SimSourceSpec = SimSqsSource;

/** What the report shows of a source, from the source's own view. */
export interface SimSourceFigures {
  kind: 'sqs';
  sent: number;
  deleted: number;
  deadLettered: number;
  invokes: number;
  maxQueueDepth: number;
  maxPollers: number;
  /** When the queue last held no message (ms of simulated time from the start), or null if it never emptied after the first send. */
  drainedAtMs: number | null;
  /** The age of the oldest message, at its highest over the run (SQS's ApproximateAgeOfOldestMessage). */
  maxOldestAgeMs: number;
}

/**
 * Runs a scenario's event source in the simulation's virtual time with the
 * same source classes as live mode. Its timers sit in the simulation's event
 * queue (their own event kind); its invokes become platform invokes whose
 * tickets map back to the source's invocation ids.
 */
export class SimSource {
  readonly mapping: SqsEventSourceMapping;
  private readonly timers: SimTimers;
  private readonly out: SourceCommand[] = [];
  private readonly byTicket = new Map<number, string>();
  private readonly failures: Random;
  private readonly figures: SimSourceFigures = { kind: 'sqs', sent: 0, deleted: 0, deadLettered: 0, invokes: 0, maxQueueDepth: 0, maxPollers: 0, drainedAtMs: null, maxOldestAgeMs: 0 };

  constructor(
    readonly spec: SimSourceSpec,
    private readonly clock: Clock,
    queue: EventQueue,
    timerKind: number,
    seed: number,
    functionTimeoutS: number,
    private readonly invoke: (ticket: number, payload: string) => void,
    private readonly nextTicket: () => number,
    private readonly startMs: number,
  ) {
    this.timers = new SimTimers(queue, timerKind);
    this.failures = createRandom((seed ^ 0x3c6ef372) >>> 0);
    const ctx = { clock, random: createRandom((seed ^ 0x9e3779b9) >>> 0), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
    this.mapping = new SqsEventSourceMapping(ctx, {
      id: 'queue',
      functionName: 'simulated',
      functionTimeoutS,
      batchSize: spec.batchSize,
      maximumBatchingWindowS: spec.maximumBatchingWindowS,
      maximumConcurrency: spec.maximumConcurrency,
      visibilityTimeoutS: spec.visibilityTimeoutS,
      maxReceiveCount: spec.maxReceiveCount,
    });
  }

  /** Arrivals of the traffic at one instant: as many messages are sent to the queue. */
  arrive(count: number): void {
    this.mapping.sendMessages(count, this.out);
    this.apply();
  }

  /** A source timer's queued entry came due. */
  timer(t: number, nowMs: number): void {
    const id = this.timers.due(t, nowMs);
    if (id === null) return;
    this.mapping.onTimer(id, this.out);
    this.apply();
  }

  /** Owns this platform ticket? */
  owns(ticket: number): boolean {
    return this.byTicket.has(ticket);
  }

  /** The outcome of a batch: it fails if any of its messages does. */
  batchFails(payload: string): boolean {
    const p = this.spec.messageFailureRate;
    if (p <= 0) return false;
    const n = (JSON.parse(payload) as { Records?: unknown[] }).Records?.length ?? 1;
    let fails = false;
    for (let i = 0; i < n; i++) if (this.failures.next() < p) fails = true;
    return fails;
  }

  /** The platform answered a ticket of the source's. */
  result(ticket: number, result: SourceInvokeResult): void {
    const invocationId = this.byTicket.get(ticket);
    if (invocationId === undefined) return;
    this.byTicket.delete(ticket);
    this.mapping.onResult(invocationId, result, this.out);
    this.apply();
  }

  /** No batch of the source's is waiting for the function. */
  settled(): boolean {
    return this.byTicket.size === 0;
  }

  report(): SimSourceFigures {
    this.sample();
    return { ...this.figures };
  }

  private apply(): void {
    const out = this.out;
    for (let i = 0; i < out.length; i++) {
      const c = out[i] as SourceCommand;
      if (c.type === 'setTimer') this.timers.set(c.timerId, Math.max(this.clock.now(), c.atMs));
      else if (c.type === 'clearTimer') this.timers.clear(c.timerId);
      else if (c.type === 'invoke') {
        const ticket = this.nextTicket();
        this.byTicket.set(ticket, c.invocationId);
        this.invoke(ticket, c.payload);
      }
    }
    out.length = 0;
    this.sample();
  }

  private sample(): void {
    const v = this.mapping.view();
    const f = this.figures;
    const depth = v.queue.visible + v.queue.inFlight;
    f.sent = v.queue.sent;
    f.deleted = v.queue.deleted;
    f.deadLettered = v.deadLettered;
    f.invokes = v.invokes;
    if (depth > f.maxQueueDepth) f.maxQueueDepth = depth;
    if (v.pollers > f.maxPollers) f.maxPollers = v.pollers;
    if (depth === 0 && f.sent > 0 && f.drainedAtMs === null) f.drainedAtMs = this.clock.now() - this.startMs;
    if (depth > 0) f.drainedAtMs = null;
    const oldest = this.mapping.queue.oldestSentAtMs();
    if (oldest !== null && this.clock.now() - oldest > f.maxOldestAgeMs) f.maxOldestAgeMs = this.clock.now() - oldest;
  }
}
