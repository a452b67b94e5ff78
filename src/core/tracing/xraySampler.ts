import type { Random } from '../random';

/**
 * X-Ray's default sampling rule (X-Ray developer guide, "Configuring
 * sampling rules": the Default rule records the first request each second,
 * its reservoir, and five percent of any additional requests, its fixed
 * rate). Lambda applies it to requests of a function with Active tracing
 * that arrive without a sampling decision.
 */
export const DEFAULT_SAMPLING_RULE = { reservoirPerSecond: 1, fixedRate: 0.05 } as const;

export interface SamplingRule {
  reservoirPerSecond: number;
  fixedRate: number;
}

/**
 * One rule's sampling decisions over time: the reservoir refills at each
 * whole second of the injected clock, the fixed rate draws on the seeded
 * random. A class because its reservoir outlives a call.
 */
export class XraySampler {
  private second = Number.NaN;
  private taken = 0;

  constructor(
    private readonly random: Random,
    private readonly rule: SamplingRule = DEFAULT_SAMPLING_RULE,
  ) {}

  /** Whether the request arriving at `nowMs` (epoch ms) is sampled. */
  sample(nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.taken = 0;
    }
    if (this.taken < this.rule.reservoirPerSecond) {
      this.taken += 1;
      return true;
    }
    return this.random.next() < this.rule.fixedRate;
  }
}
