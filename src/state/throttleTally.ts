import type { ThrottleReason } from '../core/platformTypes';

/** Lambda's throttle reasons, in the order the run's panels list them. */
export const THROTTLE_REASONS: readonly ThrottleReason[] = ['ReservedFunctionConcurrentInvocationLimitExceeded', 'ConcurrentInvocationLimitExceeded', 'ReservedFunctionInvocationRateLimitExceeded', 'FunctionInvocationRateLimitExceeded'];

export type ThrottleCounts = Record<ThrottleReason, number>;

export const noThrottles = (): ThrottleCounts => ({
  ReservedFunctionConcurrentInvocationLimitExceeded: 0,
  ConcurrentInvocationLimitExceeded: 0,
  ReservedFunctionInvocationRateLimitExceeded: 0,
  FunctionInvocationRateLimitExceeded: 0,
});

/** The concurrency reasons are always listed; the rate-limit ones (10 requests per second per unit of concurrency) when they happened. */
const ALWAYS_LISTED = new Set<ThrottleReason>(['ReservedFunctionConcurrentInvocationLimitExceeded', 'ConcurrentInvocationLimitExceeded']);

/** The throttles of one reason over a run: they reach no environment, so the timeline lists them beside its rows. */
export interface ThrottleSpan {
  reason: ThrottleReason;
  count: number;
  firstMs: number;
  lastMs: number;
}

/** "ReservedFunctionConcurrentInvocationLimitExceeded 8, ConcurrentInvocationLimitExceeded 0". */
export function throttleText(counts: ThrottleCounts): string {
  return THROTTLE_REASONS.filter((r) => ALWAYS_LISTED.has(r) || counts[r] > 0)
    .map((r) => `${r} ${counts[r].toLocaleString('en-US')}`)
    .join(', ');
}
