/**
 * The one percentile definition of the core: nearest rank. The p-th
 * percentile of n values is the value at rank ceil(p/100 × n) (at least 1)
 * in ascending order. The simulation's histograms (sim/logHistogram.ts, the
 * hybrid keep-alive policy) find the bin holding that rank.
 */

/** The 1-based nearest rank of the p-th percentile among n values (n ≥ 1). */
export function nearestRank(p: number, n: number): number {
  return Math.max(1, Math.ceil((p / 100) * n));
}

/** Nearest-rank percentile of an ascending list, or null when it is empty. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length, nearestRank(p, sorted.length)) - 1] ?? null;
}

/**
 * The bin holding the nearest-rank p-th percentile of `total` values
 * counted in `counts[from … from + bins)`, as an index from `from`; −1 when
 * the counts add up to less than the rank.
 */
export function percentileBin(counts: ArrayLike<number>, from: number, bins: number, total: number, p: number): number {
  const rank = nearestRank(p, total);
  let seen = 0;
  for (let i = 0; i < bins; i++) {
    seen += counts[from + i] as number;
    if (seen >= rank) return i;
  }
  return -1;
}
