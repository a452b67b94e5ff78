import { realTimers } from './timerHost';
import type { LoadProgress, LoadRunState } from '../core/loadPattern';

export type { LoadProgress, LoadRunState } from '../core/loadPattern';

export interface LoadRunnerOptions {
  /** When each request is due, in ms from the start of the run, sorted (`arrivalTimes(plan)`). */
  arrivals: Float64Array;
  /** Sends request `index` (its position in `arrivals`). */
  send: (index: number) => void;
  /** Progress, at most once per `progressIntervalMs`, and at every change of state. */
  onProgress?: (p: LoadProgress) => void;
  /** Milliseconds on a monotonic clock (default `performance.now()`). */
  now?: () => number;
  /** Runs `fn` after `ms` (default `setTimeout`). */
  schedule?: (fn: () => void, ms: number) => unknown;
  /** Cancels what `schedule` returned (default `clearTimeout`). */
  cancel?: (handle: unknown) => void;
  /** The run's planned length, for progress (default: the last arrival). */
  durationMs?: number;
  /** The coarsest check: the runner wakes at least this often while requests remain (default 10 ms). */
  tickMs?: number;
  /** The least time between two progress reports of the same state (default 100 ms: 10 a second). */
  progressIntervalMs?: number;
}

/**
 * Sends a load plan's requests on the wall clock. Every wake-up sends all
 * that is due by then, measured from the absolute start, so late timers
 * (a busy thread, a background tab) never make the run drift: it catches
 * up. Pausing freezes the run's clock; resuming shifts the rest of the
 * schedule by the time spent paused.
 */
export class LoadRunner {
  private readonly arrivals: Float64Array;
  private readonly send: (index: number) => void;
  private readonly onProgress: ((p: LoadProgress) => void) | undefined;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;
  private readonly durationMs: number;
  private readonly tickMs: number;
  private readonly progressIntervalMs: number;

  private current: LoadRunState = 'idle';
  private next = 0;
  /** The clock reading that corresponds to offset 0, moved later by every pause. */
  private originMs = 0;
  /** The run's elapsed time, frozen while paused, stopped or finished. */
  private frozenElapsedMs = 0;
  private timer: unknown = null;
  private lastReportAt = Number.NEGATIVE_INFINITY;

  constructor(opts: LoadRunnerOptions) {
    this.arrivals = opts.arrivals;
    this.send = opts.send;
    this.onProgress = opts.onProgress;
    this.now = opts.now ?? (() => performance.now());
    this.schedule = opts.schedule ?? ((fn, ms) => realTimers.setTimeout(fn, ms));
    this.cancel = opts.cancel ?? ((handle) => realTimers.clearTimeout(handle));
    const last = opts.arrivals.length > 0 ? opts.arrivals[opts.arrivals.length - 1]! : 0;
    this.durationMs = opts.durationMs ?? last;
    this.tickMs = Math.max(1, opts.tickMs ?? 10);
    this.progressIntervalMs = opts.progressIntervalMs ?? 100;
  }

  get state(): LoadRunState {
    return this.current;
  }

  /** How many requests have been sent so far. */
  get sent(): number {
    return this.next;
  }

  get progress(): LoadProgress {
    return { sent: this.next, total: this.arrivals.length, elapsedMs: this.elapsedMs(), durationMs: this.durationMs, state: this.current };
  }

  /** Starts the run, sending what is due at 0 at once. Only from `idle`; otherwise nothing happens. */
  start(): void {
    if (this.current !== 'idle') return;
    this.originMs = this.now();
    this.current = 'running';
    this.tick();
  }

  /** Freezes the run: sends what is already due, then waits (or finishes, if that was the last). Only while running. */
  pause(): void {
    if (this.current !== 'running') return;
    this.sendDue(this.elapsedMs());
    if (this.current !== 'running') return; // a send stopped or paused the run
    this.freeze(this.next >= this.arrivals.length ? 'finished' : 'paused');
    this.report(true);
  }

  /** Continues a paused run where it left off: the remaining schedule moves later by the pause. */
  resume(): void {
    if (this.current !== 'paused') return;
    this.originMs = this.now() - this.frozenElapsedMs;
    this.current = 'running';
    this.lastReportAt = Number.NEGATIVE_INFINITY; // the first tick reports the change
    this.tick();
  }

  /** Ends the run for good; nothing more is sent. From `idle`, `running` or `paused`. */
  stop(): void {
    if (this.current === 'stopped' || this.current === 'finished') return;
    this.freeze('stopped');
    this.report(true);
  }

  private elapsedMs(): number {
    return this.current === 'running' ? this.now() - this.originMs : this.frozenElapsedMs;
  }

  private freeze(state: LoadRunState): void {
    this.frozenElapsedMs = this.elapsedMs();
    this.current = state;
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
  }

  /** Sends every request due by `elapsedMs`, unless a send changes the state. */
  private sendDue(elapsedMs: number): void {
    const n = this.arrivals.length;
    while (this.current === 'running' && this.next < n && this.arrivals[this.next]! <= elapsedMs) {
      // Count it before sending: a send that throws must not be sent again.
      this.send(this.next++);
    }
  }

  private tick(): void {
    this.timer = null;
    if (this.current !== 'running') return;
    try {
      this.sendDue(this.elapsedMs());
    } finally {
      this.afterTick();
    }
  }

  private afterTick(): void {
    if (this.current !== 'running') return;
    if (this.next >= this.arrivals.length) {
      this.freeze('finished');
      this.report(true);
      return;
    }
    this.report(false); // the first tick after start or resume always reports: lastReportAt is −∞
    // Wake when the next request is due, and at least every tick, so that a late timer is soon caught up.
    const wait = Math.ceil(this.arrivals[this.next]! - this.elapsedMs());
    this.timer = this.schedule(() => this.tick(), Math.min(this.tickMs, Math.max(1, wait)));
  }

  private report(force: boolean): void {
    if (!this.onProgress) return;
    const at = this.now();
    if (!force && at - this.lastReportAt < this.progressIntervalMs) return;
    this.lastReportAt = at;
    this.onProgress(this.progress);
  }
}
