import { MODELLED_SNAPSHOT_RESTORE_MS } from '../snapStart';
import { BillAccumulator } from '../billAccumulator';
import { ManualClock } from '../clock';
import type { KeepAlivePolicy } from '../keepAlivePolicy';
import { Platform } from '../platform';
import { environmentNotice, type CommandSink, type CompletionListener, type EnvironmentListener, type HandlerOutcome, type InvocationType, type PlatformCommand, type PlatformEvent } from '../platformTypes';
import { createRandom, type Random } from '../random';
import { ArrivalStream } from '../arrivalStream';
import { cpuScaled, createDurationSampler, type DurationSampler } from './durationSampler';
import { EventQueue } from './eventQueue';
import { HybridHistogramPolicy } from './hybridHistogramPolicy';
import { SIM_START_MS, type Scenario } from './scenario';
import { configOf, settingsOf } from './scenarioPlatform';
import { simBillOf } from './simBill';
import { bucketSecondsFor, SimMetrics } from './simMetrics';
import { SimTimers } from './simTimers';
import { isTimeoutTimer as isTimeout, isTimeoutTimerOf, timerKind, type TimerId } from '../timerKey';
import { buildReport, type SimReport } from './simReport';
import { SimSource, type SimSourceInvoke } from './simSource';
import type { SourceInvokeResult } from '../sources/sourceTypes';

const TIMER = 1;
const INIT_DONE = 2;
const INVOKE_DONE = 3;
/** A SnapStart restore ended: the modelled snapshot restore plus the sampled runtime load and after-restore hooks. */
const RESTORE_DONE = 6;
/** A timer of the scenario's event source (its own SimTimers). */
const SOURCE_TIMER = 4;
/** A handler run of a source's invocation whose batch failed. */
const SOURCE_FAILED_DONE = 5;

export interface SimulationOptions {
  /** Drive the model in lean mode (the default): no log lines, counter ids. Tests compare it with the full mode. */
  lean?: boolean;
  /** Sees every command the model emits, after the simulation has carried it out (tests). */
  observe?: (command: PlatformCommand) => void;
}

export interface SimProgress {
  /** Simulated time done, 0–1. */
  fraction: number;
  simulatedMs: number;
  invocations: number;
  events: number;
}

const ACCEPTED: SourceInvokeResult = { kind: 'accepted' };
const OK: HandlerOutcome = { kind: 'success', payload: 'null' };
const FAILED: HandlerOutcome = { kind: 'error', error: { errorType: 'Error', errorMessage: 'simulated function error', trace: [] } };

/**
 * The scale simulation: src/core's Platform, unchanged in its rules, driven
 * in virtual time. Requests arrive from the traffic shape; the "executor"
 * answers each `startEnvironment` with an init of a sampled length and each
 * `invoke` with a handler run of a sampled Duration; the model's own timers
 * (timeouts, keep-alive, retries, pre-warms) sit in the same event queue.
 * Nothing is kept per invocation: SimMetrics folds what happens into totals
 * and time buckets. Deterministic: a scenario and its seeds give the same
 * report. Runs in slices (`run(maxEvents)`), so a worker can report progress.
 */
export class Simulation {
  readonly clock: ManualClock;
  private readonly platform: Platform;
  private readonly queue = new EventQueue();
  private readonly timers = new SimTimers<TimerId>(this.queue, TIMER, true);
  /** A timeout timer just set, held back until its invocation's Duration is drawn (see `carryOut`). */
  private pendingTimeoutId: TimerId | null = null;
  private pendingTimeoutAt = 0;
  private readonly arrivals: ArrivalStream;
  private readonly durations: DurationSampler;
  private readonly inits: DurationSampler;
  /** SnapStart scenarios: runtime load and after-restore hooks of a restore. */
  private readonly restores: DurationSampler | null;
  private readonly errors: Random;
  private readonly metrics: SimMetrics;
  private readonly bill: BillAccumulator;
  private readonly hybrid: HybridHistogramPolicy | null;
  private readonly endMs: number;
  /** The model's commands are carried out as it emits them: no list is built per event. */
  private readonly sink: CommandSink = {
    push: (command: PlatformCommand) => {
      this.carryOut(command);
      if (this.observe) this.observe(command);
    },
  };
  /** A number from the start (as in ScalingBudget): it is stored on every arrival. */
  private nextArrivalMs = 0;
  private ticket = 0;
  private events = 0;
  private prewarmFiring = false;
  private finished = false;
  // Reused events: the model reads them and keeps none of them.
  private readonly invokeEvent = { type: 'invoke' as const, ticket: 0, payload: '{}', invocationType: 'RequestResponse' as 'RequestResponse' | 'Event' };
  private readonly initDoneEvent = { type: 'initDone' as const, envId: '', initDurationMs: 0, logs: [] };
  private readonly restoreDoneEvent = { type: 'initDone' as const, envId: '', initDurationMs: 0, restoreMs: 0, logs: [] };
  private readonly invokeDoneEvent = { type: 'invokeDone' as const, envId: '', requestId: '', durationMs: 0, cpuMs: 0, contended: false, outcome: OK, logs: [] };
  private readonly timerEvent: { type: 'timer'; timerId: TimerId } = { type: 'timer', timerId: '' as TimerId };

  private readonly observe: ((command: PlatformCommand) => void) | null;
  /** The scenario's event source, if it declares one: arrivals go to it, not to the function. */
  readonly source: SimSource | null;
  /** Ticket, result, ticket, result … waiting for the source. */
  private readonly sourceResults: (number | SourceInvokeResult)[] = [];
  private givingResults = false;
  private readonly sourceInvokeEvent = { type: 'invoke' as const, ticket: 0, payload: '', invocationType: 'RequestResponse' as InvocationType };

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const s = scenario;
    this.observe = options.observe ?? null;
    this.clock = new ManualClock(SIM_START_MS);
    this.endMs = SIM_START_MS + s.durationS * 1000;
    this.hybrid = s.keepAlive.policy === 'hybrid' ? new HybridHistogramPolicy(s.keepAlive) : null;
    const keepAlive: KeepAlivePolicy | undefined = this.hybrid ?? undefined;
    this.platform = new Platform({
      clock: this.clock,
      random: createRandom(s.seed),
      config: configOf(s),
      settings: settingsOf(s),
      // A SnapStart scenario runs a published version with a snapshot: its cold starts restore.
      ...(s.snapStart ? { snapStart: { seed: s.seed }, version: '1' } : {}),
      lean: options.lean ?? true,
      // Nothing here keeps a command past carrying it out; an observer might.
      reuseCommands: !options.observe,
      ...(keepAlive ? { keepAlive } : {}),
      // Lean mode: environment changes go straight to the metrics, not through notice commands.
      ...((options.lean ?? true) ? { onEnvironment: this.environmentChanged } : {}),
      // Lean mode, unobserved: completions go straight to the metrics and the bill, with no record or command each.
      // A source needs each completion's ticket and response, so its scenarios take the \`complete\` commands.
      ...((options.lean ?? true) && !options.observe && !s.source ? { onComplete: this.completed } : {}),
    });
    this.durations = cpuScaled(createDurationSampler(s.duration, createRandom((s.seed ^ 0x5bd1e995) >>> 0)), s.cpu, s.function.memoryMb);
    this.inits = createDurationSampler(s.initDuration, createRandom((s.seed ^ 0x27d4eb2f) >>> 0));
    this.restores = s.snapStart ? createDurationSampler(s.snapStart.afterRestoreDuration, createRandom((s.seed ^ 0x3c6ef372) >>> 0)) : null;
    this.errors = createRandom((s.seed ^ 0x165667b1) >>> 0);
    this.invokeEvent.invocationType = s.invocationType;
    this.arrivals = new ArrivalStream(s.traffic, s.durationS);
    this.source = s.source
      ? new SimSource(s.source, this.clock, this.queue, SOURCE_TIMER, s.seed, s.function.timeoutS, this.sourceInvoke, () => ++this.ticket, SIM_START_MS)
      : null;
    this.metrics = new SimMetrics(SIM_START_MS, this.endMs, bucketSecondsFor(s.durationS) * 1000);
    this.bill = new BillAccumulator(s.billing.granularityMs);
    this.feed({ type: 'settings', settings: settingsOf(s) });
    this.nextArrivalMs = this.nextArrival();
    this.source?.begin();
  }

  get done(): boolean {
    return this.finished;
  }

  progress(): SimProgress {
    const span = this.endMs - SIM_START_MS;
    const at = Math.min(this.clock.now(), this.endMs) - SIM_START_MS;
    return { fraction: this.finished ? 1 : span > 0 ? at / span : 1, simulatedMs: at, invocations: this.metrics.totals.invocations, events: this.events };
  }

  /** Process up to `maxEvents` events; returns true once the run is over. */
  run(maxEvents = Infinity): boolean {
    const queue = this.queue;
    let budget = maxEvents;
    while (!this.finished && budget-- > 0) {
      const due = queue.peekTime();
      // Events already due go first: an environment that finishes at the instant a request arrives can take it.
      if (this.nextArrivalMs < due) {
        this.arrive();
        continue;
      }
      if (due === Infinity || (due > this.endMs && this.settled())) {
        this.finish();
        break;
      }
      this.dispatch(queue.pop());
    }
    return this.finished;
  }

  /** Run to the end and return the report. */
  runToEnd(): SimReport {
    this.run();
    return this.report();
  }

  report(): SimReport {
    return buildReport({
      scenario: this.scenario,
      metrics: this.metrics,
      bill: simBillOf(this.bill, this.scenario.function.architecture, {
        provisioned: this.metrics.provisioned,
        startMs: SIM_START_MS,
        nowMs: this.endMs,
        freeTier: this.scenario.billing.freeTier,
        // The version's snapshot exists for the whole period (taken when it was published, before it).
        ...(this.scenario.snapStart ? { snapshots: [{ source: '1', takenAtMs: SIM_START_MS, memoryMb: this.scenario.function.memoryMb, architecture: this.scenario.function.architecture }] } : {}),
      }),
      memoryMb: this.scenario.function.memoryMb,
      hybrid: this.hybrid?.current() ?? null,
      queuedAsync: this.platform.queuedAsyncEvents(),
      events: this.events,
      source: this.source?.report() ?? null,
    });
  }

  private nextArrival(): number {
    const t = this.arrivals.next();
    return t === Infinity ? Infinity : SIM_START_MS + t;
  }

  /** Past the end, the run stops once no request is being served or waiting in the asynchronous queue. */
  private settled(): boolean {
    return this.metrics.serving === 0 && this.platform.queuedAsyncEvents() === 0 && (this.source === null || this.source.settled());
  }

  private finish(): void {
    this.clock.set(Math.max(this.clock.now(), this.endMs));
    this.metrics.advanceTo(this.endMs);
    this.finished = true;
  }

  private arrive(): void {
    const at = this.nextArrivalMs;
    this.clock.set(at);
    this.events += 1;
    if (this.source) {
      // Messages that arrive at the same instant are sent together (SendMessageBatch calls of up to 10).
      let count = 0;
      while (this.nextArrivalMs === at) {
        count += 1;
        this.nextArrivalMs = this.nextArrival();
      }
      this.source.arrive(count);
      return;
    }
    this.metrics.arrival(at);
    const ev = this.invokeEvent;
    ev.ticket = ++this.ticket;
    this.feed(ev);
    this.nextArrivalMs = this.nextArrival();
  }

  private dispatch(slot: number): void {
    const q = this.queue;
    const at = q.time(slot);
    if (at > this.clock.now()) this.clock.set(at);
    this.events += 1;
    const kind = q.kind(slot);
    if (kind === TIMER) {
      const timerId = this.timers.due(q.num(slot), at);
      q.release(slot);
      if (timerId === null) return;
      const ev = this.timerEvent;
      ev.timerId = timerId;
      this.prewarmFiring = timerKind(timerId) === 'prewarm';
      this.feed(ev);
      this.prewarmFiring = false;
    } else if (kind === SOURCE_TIMER) {
      const t = q.num(slot);
      q.release(slot);
      (this.source as SimSource).timer(t, at);
    } else if (kind === RESTORE_DONE) {
      const ev = this.restoreDoneEvent;
      ev.envId = q.a(slot) as string;
      ev.restoreMs = q.num(slot);
      ev.initDurationMs = MODELLED_SNAPSHOT_RESTORE_MS + ev.restoreMs;
      q.release(slot);
      this.feed(ev);
    } else if (kind === INIT_DONE) {
      const ev = this.initDoneEvent;
      ev.envId = q.a(slot) as string;
      ev.initDurationMs = q.num(slot);
      q.release(slot);
      this.feed(ev);
    } else {
      const ev = this.invokeDoneEvent;
      ev.envId = q.a(slot) as string;
      ev.requestId = q.b(slot) as string;
      ev.durationMs = q.num(slot);
      q.release(slot);
      ev.outcome = kind === SOURCE_FAILED_DONE || (this.scenario.errorRate > 0 && this.errors.next() < this.scenario.errorRate) ? FAILED : OK;
      this.feed(ev);
    }
  }

  /**
   * Lean mode's path for the model's environment notices (called during
   * `feed`, where they would have been emitted). Observers still see the
   * notice, as a command of its own, among the event's other commands.
   */
  private readonly environmentChanged: EnvironmentListener = (atMs, envId, state, provisioned, memoryMb, reason, requestId, seq) => {
    this.metrics.environment(atMs, seq, state, provisioned, reason, this.prewarmFiring);
    if (this.observe) this.observe({ type: 'notice', notice: environmentNotice(atMs, envId, state, provisioned, memoryMb, reason, requestId) });
  };

  /** Lean mode's completion path (called during `handle`, as the invocation ends). */
  private readonly completed: CompletionListener = (done) => {
    this.metrics.complete(done, done.invocationType === 'RequestResponse');
    this.bill.add(done);
  };

  /**
   * Hand one event to the model and carry out what it says, each command as
   * it is emitted (carrying one out never feeds the model again: a source's
   * results wait until the event is done).
   */
  private feed(event: PlatformEvent): void {
    this.platform.feed(event, this.sink);
    if (this.pendingTimeoutId !== null) this.queuePendingTimeout();
    if (this.sourceResults.length > 0 && !this.givingResults) this.giveSourceResults();
  }

  /** Results for the source, handed over once the model's commands are carried out (the source's next invokes feed the model again). */
  private giveSourceResults(): void {
    this.givingResults = true;
    const r = this.sourceResults;
    for (let i = 0; i < r.length; i += 2) (this.source as SimSource).result(r[i] as number, r[i + 1] as SourceInvokeResult);
    r.length = 0;
    this.givingResults = false;
  }

  /** A source's invoke (synchronous for a poller, asynchronous for EventBridge), counted as an arrival. */
  private readonly sourceInvoke: SimSourceInvoke = (ticket, payload, invocationType) => {
    this.metrics.arrival(this.clock.now());
    const ev = this.sourceInvokeEvent;
    ev.ticket = ticket;
    ev.payload = payload;
    ev.invocationType = invocationType;
    this.feed(ev);
  };

  private queuePendingTimeout(): void {
    this.timers.set(this.pendingTimeoutId as TimerId, this.pendingTimeoutAt);
    this.pendingTimeoutId = null;
  }

  private carryOut(c: PlatformCommand): void {
    const now = this.clock.now();
    switch (c.type) {
      case 'setTimer':
        if (isTimeout(c.timerId)) {
          if (this.pendingTimeoutId !== null) this.queuePendingTimeout();
          this.pendingTimeoutId = c.timerId;
          this.pendingTimeoutAt = Math.max(now, c.atMs);
          return;
        }
        this.timers.set(c.timerId, Math.max(now, c.atMs));
        return;
      case 'clearTimer':
        // A timeout timer that was never queued (its handler ended first) has nothing to clear.
        if (isTimeout(c.timerId) && this.timers.timeoutTimers === 0) return;
        this.timers.clear(c.timerId);
        return;
      case 'invoke': {
        const d = this.durations.sample();
        const failed = this.source !== null && this.source.batchFails(c.payload);
        this.queue.push(now + d, failed ? SOURCE_FAILED_DONE : INVOKE_DONE, c.envId, c.requestId, d);
        // The model set this invocation's timeout timer (its environment's) just before. A handler that ends first has that timer cleared
        // by the model when it ends, so it need not be queued; one that runs to the deadline (or past it) meets the
        // model's own timer, which decides the timeout.
        const pending = this.pendingTimeoutId;
        if (pending !== null && isTimeoutTimerOf(pending, c.envId)) {
          if (now + d < this.pendingTimeoutAt) this.pendingTimeoutId = null;
          else this.queuePendingTimeout();
        }
        return;
      }
      case 'startEnvironment': {
        if (c.spec.snapStart?.phase === 'restore' && this.restores) {
          // The restore takes the modelled snapshot restore, then the runtime load and hooks (the billed part).
          const hooks = this.restores.sample();
          this.queue.push(now + MODELLED_SNAPSHOT_RESTORE_MS + hooks, RESTORE_DONE, c.spec.envId, null, hooks);
          return;
        }
        const d = this.inits.sample();
        this.queue.push(now + d, INIT_DONE, c.spec.envId, null, d);
        return;
      }
      case 'complete':
        this.metrics.complete(c.record, c.record.invocationType === 'RequestResponse');
        this.bill.add(c.record);
        if (this.source) this.sourceResults.push(c.ticket, c.response.ok ? { kind: 'success', payload: c.response.payload } : { kind: 'functionError', error: c.response.error });
        return;
      case 'reject':
        if (c.statusCode === 429) this.metrics.totals.syncThrottled += 1;
        else this.metrics.totals.rejected += 1;
        if (this.source) this.sourceResults.push(c.ticket, { kind: 'rejected', statusCode: c.statusCode, error: c.error });
        return;
      case 'accepted':
        this.metrics.totals.asyncAccepted += 1;
        if (this.source) this.sourceResults.push(c.ticket, ACCEPTED);
        return;
      case 'notice':
        this.metrics.notice(c.notice, this.prewarmFiring);
        return;
      case 'destroyEnvironment':
      case 'stopRuntime':
        // Pending init or invoke completions of a destroyed environment reach the model, which ignores them.
        return;
    }
  }
}

/** Run a whole scenario (no progress): for tests and the command line. */
export function simulate(scenario: Scenario): SimReport {
  return new Simulation(scenario).runToEnd();
}
