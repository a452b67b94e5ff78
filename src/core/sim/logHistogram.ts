import { percentileBin } from '../percentile';
/**
 * Durations counted in logarithmic bins, 2 % wide, from 0.01 ms to 10⁶ ms,
 * for one whole run and for each time bucket of it: percentiles without
 * keeping a single duration. A percentile is the middle of its bin
 * (within 1 %), clamped to the exact minimum and maximum seen, so a fixed
 * duration reads back exactly.
 */
const MIN_MS = 0.01;
const RATIO = 1.02;
const LOG_RATIO = Math.log(RATIO);
export const BIN_COUNT = 2 + Math.ceil(Math.log(1e6 / MIN_MS) / LOG_RATIO);

/** The bin of a duration: 0 below MIN_MS, the last one for everything past the range. */
export function binOf(ms: number): number {
  if (!(ms >= MIN_MS)) return 0;
  const i = 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_RATIO);
  return i < BIN_COUNT ? i : BIN_COUNT - 1;
}

function binMiddle(i: number): number {
  return i === 0 ? 0 : MIN_MS * Math.pow(RATIO, i - 0.5);
}

/** `series` histograms side by side in one array (series 0 may stand for the whole run). */
export class LogHistograms {
  private readonly counts: Uint32Array;
  private readonly totals: Float64Array;
  private readonly mins: Float64Array;
  private readonly maxs: Float64Array;
  private readonly sums: Float64Array;

  constructor(readonly series: number) {
    this.counts = new Uint32Array(series * BIN_COUNT);
    this.totals = new Float64Array(series);
    this.sums = new Float64Array(series);
    this.mins = new Float64Array(series).fill(Infinity);
    this.maxs = new Float64Array(series).fill(-Infinity);
  }

  /** Count `ms` (whose bin is `bin`) in histogram `s`. */
  add(s: number, bin: number, ms: number): void {
    this.counts[s * BIN_COUNT + bin] = (this.counts[s * BIN_COUNT + bin] as number) + 1;
    this.totals[s] = (this.totals[s] as number) + 1;
    this.sums[s] = (this.sums[s] as number) + ms;
    if (ms < (this.mins[s] as number)) this.mins[s] = ms;
    if (ms > (this.maxs[s] as number)) this.maxs[s] = ms;
  }

  count(s: number): number {
    return this.totals[s] as number;
  }

  mean(s: number): number | null {
    const n = this.totals[s] as number;
    return n === 0 ? null : (this.sums[s] as number) / n;
  }

  max(s: number): number | null {
    return (this.totals[s] as number) === 0 ? null : (this.maxs[s] as number);
  }

  /** Nearest-rank percentile of histogram `s`, or null when it is empty. */
  percentile(s: number, p: number): number | null {
    const n = this.totals[s] as number;
    if (n === 0) return null;
    const bin = percentileBin(this.counts, s * BIN_COUNT, BIN_COUNT, n, p);
    if (bin >= 0) return Math.min(this.maxs[s] as number, Math.max(this.mins[s] as number, binMiddle(bin)));
    return this.maxs[s] as number;
  }
}
