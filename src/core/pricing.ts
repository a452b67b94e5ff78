import type { Architecture } from './functionConfig';

/** us-east-1 on-demand prices, first tier (lambda-model.md §1). */
export const PRICES = {
  requestUsd: 0.2 / 1_000_000,
  gbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 } satisfies Record<Architecture, number>,
  /** Provisioned concurrency: per configured GB-s, from enable to disable, used or not. */
  provisionedGbSecondUsd: { x86_64: 0.0000041667, arm64: 0.0000033334 } satisfies Record<Architecture, number>,
  /** Duration of invocations served by provisioned environments. */
  provisionedDurationGbSecondUsd: { x86_64: 0.0000097222, arm64: 0.0000077778 } satisfies Record<Architecture, number>,
  /**
   * Ephemeral storage (/tmp) configured above the 512 MB included, per GB-s of
   * billed duration (aws.amazon.com/lambda/pricing, "Lambda Ephemeral Storage
   * Pricing"; README, fidelity notes). Not covered by the free tier.
   */
  ephemeralStorageGbSecondUsd: 0.0000000309,
  /** Monthly free tier (not for functions with provisioned concurrency). */
  freeTier: { requests: 1_000_000, gbSeconds: 400_000 },
} as const;

/**
 * Monthly on-demand duration tiers (lambda-model.md §1; AWS blog "Introducing
 * tiered pricing for AWS Lambda"): past the first tier the GB-s price falls
 * 10%, past the second 20%, per architecture, Region and account.
 */
export const DURATION_TIERS: Record<Architecture, { tier1Gbs: number; tier2Gbs: number }> = {
  x86_64: { tier1Gbs: 6e9, tier2Gbs: 15e9 },
  arm64: { tier1Gbs: 7.5e9, tier2Gbs: 18.75e9 },
};

/** What `gbs` GB-s of on-demand duration in one month cost, at first-tier rate `rateUsd`, with the tiers applied. */
export function tieredDurationUsd(gbs: number, rateUsd: number, architecture: Architecture): number {
  const { tier1Gbs, tier2Gbs } = DURATION_TIERS[architecture];
  const first = Math.min(gbs, tier1Gbs);
  const second = Math.min(Math.max(gbs - tier1Gbs, 0), tier2Gbs - tier1Gbs);
  const third = Math.max(gbs - tier2Gbs, 0);
  return rateUsd * (first + 0.9 * second + 0.8 * third);
}

/** Billed duration in ms: rounded up to the billing granularity (1 ms since December 2020). */
export function billedDurationMs(durationMs: number, granularityMs = 1): number {
  return Math.max(granularityMs, Math.ceil(durationMs / granularityMs) * granularityMs);
}

/** GB-seconds: Lambda's GB is 1,024 MB. */
export function gbSeconds(memoryMb: number, billedMs: number): number {
  return (memoryMb / 1024) * (billedMs / 1000);
}

/** Ephemeral storage every function has at no charge. */
export const INCLUDED_EPHEMERAL_STORAGE_MB = 512;

/**
 * The ephemeral storage charge of one invocation: the storage configured
 * above 512 MB (Lambda's GB is 1,024 MB) for its billed duration.
 */
export function ephemeralStorageCost(ephemeralStorageMb: number | undefined, billedMs: number): { gbSeconds: number; usd: number } {
  const extraMb = Math.max(0, (ephemeralStorageMb ?? INCLUDED_EPHEMERAL_STORAGE_MB) - INCLUDED_EPHEMERAL_STORAGE_MB);
  const gbs = gbSeconds(extraMb, billedMs);
  return { gbSeconds: gbs, usd: gbs * PRICES.ephemeralStorageGbSecondUsd };
}

export interface InvocationCost {
  requestUsd: number;
  computeUsd: number;
  /** Ephemeral storage above 512 MB, for the billed duration. */
  ephemeralStorageUsd: number;
  /** SnapStart (Python): the per-restore charge of a cold start restored from a snapshot. */
  snapStartRestoreUsd?: number;
  totalUsd: number;
  gbSeconds: number;
}

/**
 * What one invocation costs: one request plus its billed GB-seconds (init
 * included since August 2025), at the provisioned duration price when a
 * provisioned environment served it, plus ephemeral storage above 512 MB.
 */
export function invocationCost(memoryMb: number, billedMs: number, architecture: Architecture, provisioned = false, ephemeralStorageMb?: number): InvocationCost {
  const gbs = gbSeconds(memoryMb, billedMs);
  const requestUsd = PRICES.requestUsd;
  const price = provisioned ? PRICES.provisionedDurationGbSecondUsd : PRICES.gbSecondUsd;
  const computeUsd = gbs * price[architecture];
  const ephemeralStorageUsd = ephemeralStorageCost(ephemeralStorageMb, billedMs).usd;
  return { requestUsd, computeUsd, ephemeralStorageUsd, totalUsd: requestUsd + computeUsd + ephemeralStorageUsd, gbSeconds: gbs };
}
