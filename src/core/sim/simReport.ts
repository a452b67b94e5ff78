import type { ThrottleReason } from '../platformTypes';
import type { HybridWindows } from './hybridHistogramPolicy';
import type { Scenario } from './scenario';
import type { SimBill } from './simBill';
import type { SimMetrics } from './simMetrics';
import type { SimSourceFigures } from './simSource';

export interface Percentiles {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
}

/** Per time bucket, for the charts. Averages are time-weighted over the bucket. */
export interface SimSeries {
  bucketS: number;
  /** Each bucket's start, seconds from the start of the run. */
  t: number[];
  arrivals: number[];
  invocations: number[];
  coldStarts: number[];
  /** Cold starts per invocation started in the bucket (null without invocations). */
  coldStartRate: (number | null)[];
  throttles: number[];
  errors: number[];
  environments: number[];
  busy: number[];
  idle: number[];
  peakEnvironments: number[];
  peakBusy: number[];
  durationP50: (number | null)[];
  durationP99: (number | null)[];
}

/** What `npm run simulate` prints and the Simulation panel shows. Deterministic for a scenario. */
export interface SimReport {
  version: 1;
  scenario: Scenario;
  simulatedS: number;
  requests: {
    sent: number;
    /** Invocation attempts that ran (asynchronous retries included). */
    invocations: number;
    succeeded: number;
    functionErrors: number;
    timeouts: number;
    crashes: number;
    /** Synchronous requests answered 429. */
    throttled: number;
    /** Refused otherwise (400, 413). */
    rejected: number;
    async: { accepted: number; delivered: number; retriedDelivered: number; onFailure: number; stillQueued: number; retries: number };
  };
  coldStarts: { count: number; probability: number | null };
  throttles: { total: number; synchronous: number; asynchronous: number; byReason: Record<ThrottleReason, number> };
  environments: {
    average: number;
    peak: number;
    /** Serving a request (busy, or initialising for one): Lambda's ConcurrentExecutions. */
    averageBusy: number;
    peakBusy: number;
    /** Idle, or initialising ahead of traffic: capacity held and not used. */
    averageIdle: number;
    started: number;
    reclaimed: number;
    /** Idle capacity held, in GB-s (environment-seconds × memory): what keep-alive costs the provider. */
    idleGbSeconds: number;
    busyGbSeconds: number;
  };
  /** Duration as REPORT shows it. */
  durationMs: Percentiles;
  /** From the request reaching an environment to its end: Init Duration counts on cold starts. */
  latencyMs: Percentiles;
  cost: SimBill;
  keepAlive: { policy: 'fixed' | 'hybrid'; windows: HybridWindows | null };
  series: SimSeries;
  /** Events the run processed (arrivals, completions, timers). */
  events: number;
  /** The scenario's event source, from its own view (absent without one). */
  source?: SimSourceFigures;
}

const round = (n: number, digits = 6): number => Math.round(n * 10 ** digits) / 10 ** digits;
const roundOrNull = (n: number | null, digits = 3): number | null => (n === null ? null : round(n, digits));

function percentiles(h: SimMetrics['durations'], s: number): Percentiles {
  return {
    mean: roundOrNull(h.mean(s)),
    p50: roundOrNull(h.percentile(s, 50)),
    p90: roundOrNull(h.percentile(s, 90)),
    p99: roundOrNull(h.percentile(s, 99)),
    p999: roundOrNull(h.percentile(s, 99.9)),
    max: roundOrNull(h.max(s)),
  };
}

function series(m: SimMetrics, windowMs: number): SimSeries {
  const b = m.bucketMs;
  const t: number[] = [];
  const out: SimSeries = {
    bucketS: b / 1000,
    t,
    arrivals: Array.from(m.arrivals),
    invocations: Array.from(m.invocations),
    coldStarts: Array.from(m.coldStarts),
    coldStartRate: [],
    throttles: Array.from(m.throttles),
    errors: Array.from(m.errors),
    environments: [],
    busy: [],
    idle: [],
    peakEnvironments: Array.from(m.peakEnvs),
    peakBusy: Array.from(m.peakServings),
    durationP50: [],
    durationP99: [],
  };
  for (let i = 0; i < m.buckets; i++) {
    t.push((i * b) / 1000);
    const span = Math.min(b, windowMs - i * b);
    const busy = span > 0 ? (m.servingAreas[i] as number) / span : 0;
    const idle = span > 0 ? (m.notServingAreas[i] as number) / span : 0;
    out.busy.push(round(busy, 3));
    out.idle.push(round(idle, 3));
    out.environments.push(round(busy + idle, 3));
    const inv = m.invocations[i] as number;
    out.coldStartRate.push(inv > 0 ? round((m.coldStarts[i] as number) / inv) : null);
    out.durationP50.push(roundOrNull(m.durations.percentile(1 + i, 50)));
    out.durationP99.push(roundOrNull(m.durations.percentile(1 + i, 99)));
  }
  return out;
}

export function buildReport(input: {
  scenario: Scenario;
  metrics: SimMetrics;
  bill: SimBill;
  memoryMb: number;
  hybrid: HybridWindows | null;
  queuedAsync: number;
  events: number;
  source?: SimSourceFigures | null;
}): SimReport {
  const { scenario, metrics: m } = input;
  const t = m.totals;
  const windowMs = scenario.durationS * 1000;
  const averageBusy = windowMs > 0 ? m.servingArea / windowMs : 0;
  const averageIdle = windowMs > 0 ? m.notServingArea / windowMs : 0;
  const gbs = (area: number): number => round(((area / 1000) * input.memoryMb) / 1024, 3);
  const throttleTotal = Object.values(m.throttlesByReason).reduce((a, b) => a + b, 0);
  return {
    version: 1,
    scenario,
    simulatedS: scenario.durationS,
    requests: {
      sent: t.arrivals,
      invocations: t.invocations,
      succeeded: t.succeeded,
      functionErrors: t.functionErrors,
      timeouts: t.timeouts,
      crashes: t.crashes,
      throttled: t.syncThrottled,
      rejected: t.rejected,
      async: {
        accepted: t.asyncAccepted,
        delivered: t.asyncDelivered,
        retriedDelivered: t.asyncRetriedDelivered,
        onFailure: t.asyncOnFailure,
        stillQueued: input.queuedAsync,
        retries: t.asyncRetries,
      },
    },
    coldStarts: { count: t.coldStarts, probability: t.invocations > 0 ? round(t.coldStarts / t.invocations, 9) : null },
    throttles: { total: throttleTotal, synchronous: throttleTotal - t.asyncThrottles, asynchronous: t.asyncThrottles, byReason: { ...m.throttlesByReason } },
    environments: {
      average: round(averageBusy + averageIdle, 4),
      peak: m.peakEnvironments,
      averageBusy: round(averageBusy, 4),
      peakBusy: m.peakServing,
      averageIdle: round(averageIdle, 4),
      started: t.environmentsStarted,
      reclaimed: t.environmentsReclaimed,
      idleGbSeconds: gbs(m.notServingArea),
      busyGbSeconds: gbs(m.servingArea),
    },
    durationMs: percentiles(m.durations, 0),
    latencyMs: percentiles(m.latencies, 0),
    cost: input.bill,
    keepAlive: { policy: scenario.keepAlive.policy, windows: input.hybrid },
    series: series(m, windowMs),
    events: input.events,
    ...(input.source ? { source: input.source } : {}),
  };
}
