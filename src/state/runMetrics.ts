import type { ThrottleCounts } from './throttleTally';

/** One second of the run, CloudWatch-style. `t` is seconds since the run's origin. */
export interface MetricsPoint {
  t: number;
  /** Invocation attempts that started in this second. */
  invocations: number;
  /** Of those, the ones whose outcome was not `success`. */
  errors: number;
  coldStarts: number;
  /** Throttle notices (synchronous 429s and asynchronous requeues) in this second. */
  throttles: number;
  /** The same throttles by Lambda's reason. */
  throttleReasons: ThrottleCounts;
  /** The most environments busy, or initialising on demand, at any moment of this second. */
  concurrentExecutions: number;
  /** Nearest-rank percentiles of the Duration of invocations that ended in this second; null if none did. */
  durationP50: number | null;
  durationP99: number | null;
}

/** The per-second metrics. `version` increases whenever a point changed. */
export interface MetricsSeries {
  version: number;
  points: MetricsPoint[];
}

/** Where every request the run sent ended up. */
export interface Accounting {
  sent: number;
  /** Synchronous requests answered with a successful record. */
  succeeded: number;
  /** Synchronous requests whose invocation failed (error, timeout, crash). */
  functionErrors: number;
  /** Synchronous requests refused with 429. */
  throttled: number;
  /** Every throttle (synchronous 429s and asynchronous requeues) by Lambda's reason. */
  throttleReasons: ThrottleCounts;
  /** Synchronous requests refused otherwise (400, 413 …). */
  rejected: number;
  async: { accepted: number; delivered: number; retriedDelivered: number; onFailure: number; stillQueued: number };
  /** Sent but not (yet) answered: sent − (succeeded + functionErrors + throttled + rejected + accepted). */
  lost: number;
  /** Requests each version ran (`$LATEST`, `1`, …; a request's first attempt): how an alias split the run. */
  byVersion: Record<string, number>;
}

