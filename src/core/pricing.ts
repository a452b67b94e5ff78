import type { Architecture } from './functionConfig';

/** us-east-1 on-demand prices, first tier (lambda-model.md §1). */
export const PRICES = {
  requestUsd: 0.2 / 1_000_000,
  gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 } satisfies Record<Architecture, number>,
} as const;

/** Billed duration in ms: rounded up to the billing granularity (1 ms since December 2020). */
export function billedDurationMs(durationMs: number, granularityMs = 1): number {
  return Math.max(granularityMs, Math.ceil(durationMs / granularityMs) * granularityMs);
}

/** GB-seconds: Lambda's GB is 1,024 MB. */
export function gbSeconds(memoryMb: number, billedMs: number): number {
  return (memoryMb / 1024) * (billedMs / 1000);
}

export interface InvocationCost {
  requestUsd: number;
  computeUsd: number;
  totalUsd: number;
  gbSeconds: number;
}

/** What one invocation costs: one request plus its billed GB-seconds (init included since August 2025). */
export function invocationCost(memoryMb: number, billedMs: number, architecture: Architecture): InvocationCost {
  const gbs = gbSeconds(memoryMb, billedMs);
  const requestUsd = PRICES.requestUsd;
  const computeUsd = gbs * PRICES.gbSecondUsd[architecture];
  return { requestUsd, computeUsd, totalUsd: requestUsd + computeUsd, gbSeconds: gbs };
}
