import type { ProvisionedChange } from '../billing';
import type { Completion, DestroyReason, EnvironmentState, Notice, ThrottleReason } from '../platformTypes';
import { binOf, LogHistograms } from './logHistogram';

/** Bucket widths for the report's time series: the smallest giving at most 720 points. */
const BUCKET_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400];

export function bucketSecondsFor(durationS: number): number {
  return BUCKET_STEPS_S.find((s) => durationS / s <= 720) ?? 86_400;
}

/** The N of `env-N`, the platform's environment ids, read without making a string. */
function envNumber(envId: string): number {
  let n = 0;
  for (let i = envId.indexOf('-') + 1; i < envId.length; i++) n = n * 10 + envId.charCodeAt(i) - 48;
  return n;
}

/** An environment's state, as the metrics count it (0: not started, or gone). */
const INIT_SERVING = 1;
const INIT_AHEAD = 2;
const IDLE = 3;
const BUSY = 4;

/**
 * The simulation's observer: it folds the model's notices and records into
 * totals and fixed time buckets as they happen, keeping nothing per
 * invocation. Environment counts are integrated over time (for averages)
 * and their peaks kept per bucket. "Serving" environments are busy or
 * initialising for a request (Lambda's ConcurrentExecutions); the others
 * are idle, or initialising ahead of traffic (provisioned, pre-warmed).
 */
export class SimMetrics {
  readonly buckets: number;
  /** Each environment's state, by its number (`env-N`): one byte per environment the run started. */
  private envs = new Uint8Array(1024);
  serving = 0;
  notServing = 0;
  /** A number from the start (as in ScalingBudget): it is stored on every event. */
  private lastMs = 0;
  private lastDuration = -1;
  private lastLatency = -1;
  private lastLatencyBin = 0;
  /** The bucket most times fall in (the current one), and its bounds. */
  private cachedBucket = 0;
  private cachedStart = 0;
  private cachedEnd = -1;
  private lastBin = 0;

  // Totals.
  readonly totals = {
    arrivals: 0,
    invocations: 0,
    coldStarts: 0,
    succeeded: 0,
    functionErrors: 0,
    timeouts: 0,
    crashes: 0,
    rejected: 0,
    syncThrottled: 0,
    asyncThrottles: 0,
    asyncAccepted: 0,
    asyncDelivered: 0,
    asyncRetriedDelivered: 0,
    asyncOnFailure: 0,
    asyncRetries: 0,
    environmentsStarted: 0,
    environmentsReclaimed: 0,
    environmentsDestroyedOther: 0,
  };
  readonly throttlesByReason: Record<ThrottleReason, number> = {
    ConcurrentInvocationLimitExceeded: 0,
    ReservedFunctionConcurrentInvocationLimitExceeded: 0,
    ReservedFunctionInvocationRateLimitExceeded: 0,
    FunctionInvocationRateLimitExceeded: 0,
  };
  /** Time integrals (environment·ms) over the whole window. */
  servingArea = 0;
  notServingArea = 0;
  peakEnvironments = 0;
  peakServing = 0;
  readonly provisioned: ProvisionedChange[] = [];

  // Per bucket.
  readonly arrivals: Float64Array;
  readonly invocations: Float64Array;
  readonly coldStarts: Float64Array;
  readonly errors: Float64Array;
  readonly throttles: Float64Array;
  readonly servingAreas: Float64Array;
  readonly notServingAreas: Float64Array;
  readonly peakEnvs: Float64Array;
  readonly peakServings: Float64Array;
  /** Series 0: the whole run; series 1 + b: bucket b (by end time). */
  readonly durations: LogHistograms;
  /** From arrival at an environment to the end: Duration plus Init Duration on a cold start. */
  readonly latencies: LogHistograms;

  constructor(
    private readonly startMs: number,
    private readonly endMs: number,
    readonly bucketMs: number,
  ) {
    this.buckets = Math.max(1, Math.ceil((endMs - startMs) / bucketMs));
    const n = this.buckets;
    this.arrivals = new Float64Array(n);
    this.invocations = new Float64Array(n);
    this.coldStarts = new Float64Array(n);
    this.errors = new Float64Array(n);
    this.throttles = new Float64Array(n);
    this.servingAreas = new Float64Array(n);
    this.notServingAreas = new Float64Array(n);
    this.peakEnvs = new Float64Array(n);
    this.peakServings = new Float64Array(n);
    this.durations = new LogHistograms(1 + n);
    this.latencies = new LogHistograms(1);
    this.lastMs = startMs;
  }

  bucketOf(atMs: number): number {
    if (atMs >= this.cachedStart && atMs < this.cachedEnd) return this.cachedBucket;
    const b = Math.floor((atMs - this.startMs) / this.bucketMs);
    if (b >= 0 && b < this.buckets) {
      this.cachedBucket = b;
      this.cachedStart = this.startMs + b * this.bucketMs;
      this.cachedEnd = this.cachedStart + this.bucketMs;
    }
    return b < 0 ? 0 : b >= this.buckets ? this.buckets - 1 : b;
  }

  arrival(atMs: number): void {
    this.totals.arrivals += 1;
    const b = this.bucketOf(atMs);
    this.arrivals[b] = (this.arrivals[b] as number) + 1;
  }

  /** Integrate the environment counts up to `atMs` (only within the run's window). */
  advanceTo(atMs: number): void {
    const to = Math.min(atMs, this.endMs);
    let from = this.lastMs;
    if (to <= from) return;
    const serving = this.serving;
    const notServing = this.notServing;
    while (from < to) {
      const b = this.bucketOf(from);
      const bucketEnd = Math.min(to, this.startMs + (b + 1) * this.bucketMs);
      const dt = bucketEnd > from ? bucketEnd - from : to - from;
      this.servingAreas[b] = (this.servingAreas[b] as number) + serving * dt;
      this.notServingAreas[b] = (this.notServingAreas[b] as number) + notServing * dt;
      this.peak(b);
      from += dt;
    }
    this.servingArea += serving * (to - this.lastMs);
    this.notServingArea += notServing * (to - this.lastMs);
    this.lastMs = to;
  }

  private peak(b: number): void {
    const total = this.serving + this.notServing;
    if (total > (this.peakEnvs[b] as number)) this.peakEnvs[b] = total;
    if (this.serving > (this.peakServings[b] as number)) this.peakServings[b] = this.serving;
  }

  /** `aheadOfTraffic`: an initialising on-demand environment was started by a pre-warm, not for a request. */
  notice(n: Notice, aheadOfTraffic: boolean): void {
    switch (n.kind) {
      case 'environment':
        return this.environment(n.atMs, envNumber(n.envId), n.state, n.provisioned, n.reason, aheadOfTraffic);
      case 'throttle': {
        this.throttlesByReason[n.reason] += 1;
        if (n.invocationType === 'Event') this.totals.asyncThrottles += 1;
        const b = this.bucketOf(n.atMs);
        this.throttles[b] = (this.throttles[b] as number) + 1;
        return;
      }
      case 'asyncRetry':
        this.totals.asyncRetries += 1;
        return;
      case 'asyncDone':
        if (n.result === 'delivered') this.totals.asyncDelivered += 1;
        else if (n.result === 'retried-delivered') this.totals.asyncRetriedDelivered += 1;
        else this.totals.asyncOnFailure += 1;
        return;
      case 'provisioned':
        this.provisioned.push({ atMs: n.atMs, count: n.count, memoryMb: n.memoryMb, architecture: n.architecture });
        return;
    }
  }

  /** An environment changed state (its `environment` notice, or the platform's cheaper path for it). */
  environment(atMs: number, index: number, state: EnvironmentState, provisioned: boolean, reason: DestroyReason | undefined, aheadOfTraffic: boolean): void {
    this.advanceTo(atMs);
    if (index >= this.envs.length) this.grow(index);
    const before = this.envs[index] as number;
    if (before === 0) this.totals.environmentsStarted += 1;
    else if (before === INIT_SERVING || before === BUSY) this.serving -= 1;
    else this.notServing -= 1;
    if (state === 'destroyed') {
      this.envs[index] = 0;
      if (reason === 'reclaimed') this.totals.environmentsReclaimed += 1;
      else this.totals.environmentsDestroyedOther += 1;
      return;
    }
    let code = BUSY;
    if (state === 'initializing') code = provisioned || aheadOfTraffic ? INIT_AHEAD : INIT_SERVING;
    else if (state === 'idle') code = IDLE;
    this.envs[index] = code;
    if (code === INIT_SERVING || code === BUSY) this.serving += 1;
    else this.notServing += 1;
    const total = this.serving + this.notServing;
    if (total > this.peakEnvironments) this.peakEnvironments = total;
    if (this.serving > this.peakServing) this.peakServing = this.serving;
    if (atMs < this.endMs) this.peak(this.bucketOf(atMs));
  }

  private grow(index: number): void {
    const next = new Uint8Array(Math.max(index + 1, this.envs.length * 2));
    next.set(this.envs);
    this.envs = next;
  }

  complete(r: Completion, synchronous: boolean): void {
    const t = this.totals;
    t.invocations += 1;
    const b = this.bucketOf(r.startedAtMs);
    this.invocations[b] = (this.invocations[b] as number) + 1;
    if (r.cold) {
      t.coldStarts += 1;
      this.coldStarts[b] = (this.coldStarts[b] as number) + 1;
    }
    if (r.outcome !== 'success') this.errors[b] = (this.errors[b] as number) + 1;
    if (synchronous) {
      if (r.outcome === 'success') t.succeeded += 1;
      else if (r.outcome === 'error') t.functionErrors += 1;
      else if (r.outcome === 'timeout') t.timeouts += 1;
      else t.crashes += 1;
    }
    const d = r.durationMs;
    // Durations often repeat (a fixed model, profiled samples): the logarithm is taken once per distinct value in a row.
    const bin = d === this.lastDuration ? this.lastBin : binOf(d);
    this.lastDuration = d;
    this.lastBin = bin;
    this.durations.add(0, bin, d);
    this.durations.add(1 + this.bucketOf(r.endedAtMs), bin, d);
    const latency = r.endedAtMs - r.arrivedAtMs;
    const latencyBin = latency === this.lastLatency ? this.lastLatencyBin : binOf(latency);
    this.lastLatency = latency;
    this.lastLatencyBin = latencyBin;
    this.latencies.add(0, latencyBin, latency);
  }
}
