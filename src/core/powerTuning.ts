/**
 * Power tuning, in the manner of AWS Lambda Power Tuning: run the same
 * handler and event at several memory sizes, average each size's warm
 * invocations (dropping the extremes), and name the cheapest, the fastest
 * and a balanced choice. Pure: the state layer runs the invocations.
 */

/** The sizes run by default: Lambda Power Tuning's usual list, with 1,769 MB (one full vCPU). */
export const POWER_TUNING_SIZES: readonly number[] = [128, 256, 512, 1024, 1536, 1769, 2048, 3008];
export const POWER_TUNING_LIMITS = { memoryMb: { min: 128, max: 10_240 }, runs: { min: 1, max: 50 }, sizes: { max: 16 } } as const;
/** The share of samples dropped at each end before averaging (Lambda Power Tuning's `discardTopBottom` default). */
export const DISCARD_TOP_BOTTOM = 0.2;

export interface PowerSample {
  durationMs: number;
  /** Compute cost of the invocation (billed duration × the size's price); the request charge is the same at every size. */
  computeUsd: number;
}

export interface PowerResult {
  memoryMb: number;
  runs: number;
  avgDurationMs: number;
  avgComputeUsd: number;
}

export interface PowerChoices {
  cheapest: number;
  fastest: number;
  balanced: number;
}

/** Average after dropping `discard` of the samples at each end (sorted by duration); at least one sample stays. */
export function summarize(memoryMb: number, samples: readonly PowerSample[], discard = DISCARD_TOP_BOTTOM): PowerResult {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a.durationMs - b.durationMs);
  const drop = Math.min(Math.floor(sorted.length * discard), Math.floor((sorted.length - 1) / 2));
  const kept = sorted.slice(drop, sorted.length - drop);
  const mean = (f: (s: PowerSample) => number): number => kept.reduce((sum, s) => sum + f(s), 0) / kept.length;
  return { memoryMb, runs: kept.length, avgDurationMs: mean((s) => s.durationMs), avgComputeUsd: mean((s) => s.computeUsd) };
}

/**
 * The cheapest (lowest cost, then faster), the fastest (lowest duration, then
 * cheaper) and a balanced size: the lowest sum of cost and duration, each
 * scaled to the largest value measured (equal weights).
 */
export function choose(results: readonly PowerResult[]): PowerChoices | null {
  if (results.length === 0) return null;
  const by = (score: (r: PowerResult) => number, tie: (r: PowerResult) => number): number =>
    [...results].sort((a, b) => score(a) - score(b) || tie(a) - tie(b) || a.memoryMb - b.memoryMb)[0]?.memoryMb ?? 0;
  const maxCost = Math.max(...results.map((r) => r.avgComputeUsd)) || 1;
  const maxDuration = Math.max(...results.map((r) => r.avgDurationMs)) || 1;
  return {
    cheapest: by((r) => r.avgComputeUsd, (r) => r.avgDurationMs),
    fastest: by((r) => r.avgDurationMs, (r) => r.avgComputeUsd),
    balanced: by((r) => r.avgComputeUsd / maxCost + r.avgDurationMs / maxDuration, (r) => r.avgComputeUsd),
  };
}

/** Sizes typed by the user ("128, 512, 2048"): whole numbers of MB in Lambda's range, at most 16, sorted; or why not. */
export function parseSizes(text: string): { sizes: number[] } | { problem: string } {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return { problem: 'Give at least one memory size.' };
  const { min, max } = POWER_TUNING_LIMITS.memoryMb;
  const sizes = new Set<number>();
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < min || n > max) return { problem: `Memory sizes are whole numbers of MB from ${min} to ${max.toLocaleString('en-US')}: “${p}” is not.` };
    sizes.add(n);
  }
  if (sizes.size > POWER_TUNING_LIMITS.sizes.max) return { problem: `At most ${POWER_TUNING_LIMITS.sizes.max} sizes in one run.` };
  return { sizes: [...sizes].sort((a, b) => a - b) };
}
