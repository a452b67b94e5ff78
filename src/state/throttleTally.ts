import type { ThrottleReason } from '../core/platformTypes';

/** Lambda's throttle reasons, in the order the run's panels list them. */
export const THROTTLE_REASONS: readonly ThrottleReason[] = ['ReservedFunctionConcurrentInvocationLimitExceeded', 'ConcurrentInvocationLimitExceeded'];

export type ThrottleCounts = Record<ThrottleReason, number>;

export const noThrottles = (): ThrottleCounts => ({ ReservedFunctionConcurrentInvocationLimitExceeded: 0, ConcurrentInvocationLimitExceeded: 0 });

/** The throttles of one reason over a run: they reach no environment, so the timeline lists them beside its rows. */
export interface ThrottleSpan {
  reason: ThrottleReason;
  count: number;
  firstMs: number;
  lastMs: number;
}

/** "ReservedFunctionConcurrentInvocationLimitExceeded 8, ConcurrentInvocationLimitExceeded 0". */
export function throttleText(counts: ThrottleCounts): string {
  return THROTTLE_REASONS.map((r) => `${r} ${counts[r].toLocaleString('en-US')}`).join(', ');
}
