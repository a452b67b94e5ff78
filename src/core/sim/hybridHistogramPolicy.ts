import type { KeepAlivePolicy } from '../keepAlivePolicy';
import { percentileBin } from '../percentile';
import type { HybridSettings } from './scenario';

const MINUTE_MS = 60_000;
/** Long idle times remembered for the out-of-range fallback. */
const RECENT_LONG = 8;
/** Margin around a predicted long idle time (the paper's time-series branch uses 15 %). */
const LONG_MARGIN = 0.15;

/** What the policy would decide now, and why: shown in the report. */
export interface HybridWindows {
  mode: 'warming-up' | 'histogram' | 'long-idle';
  prewarmMs: number;
  keepAliveMs: number;
}

/**
 * The hybrid histogram keep-alive policy of Shahrad et al., "Serverless in
 * the Wild" (USENIX ATC 2020), implemented from the paper's description:
 *
 * - The function's idle times (from the end of its latest invocation to the
 *   next request; 0 when one was still running) are counted in a histogram
 *   of fixed range (4 hours of 1-minute bins).
 * - When the histogram is representative (enough idle times, and bin counts
 *   concentrated enough: coefficient of variation ≥ 2), the pre-warm window
 *   is the head of the distribution (the 5th percentile, the lower edge of
 *   its bin) and the keep-alive window runs from there to the tail (the
 *   99th percentile, the upper edge of its bin), with a 10 % margin: the
 *   pre-warm shortened, the keep-alive lengthened. A pre-warm of 0 keeps
 *   the environment loaded after each invocation for the keep-alive window;
 *   a positive one unloads it at once and loads it again just before the
 *   next request is expected.
 * - When it is not (too few idle times, or too spread out), it falls back to
 *   a plain keep-alive for the histogram's whole range, no pre-warm.
 * - When most idle times fall beyond the range, the paper predicts the next
 *   one with an ARIMA model; here the prediction is the mean of the latest
 *   long idle times (a simpler forecaster, documented as such), with the
 *   paper's 15 % margin either side.
 *
 * The windows are recomputed after each 1 % more idle times (at least one),
 * not on every request: at thousands of requests per second the histogram
 * changes slowly, and a scan of its bins per request would dominate the run.
 */
export class HybridHistogramPolicy implements KeepAlivePolicy {
  private readonly binMs: number;
  private readonly bins: Float64Array;
  private inRange = 0;
  private sumOfSquares = 0;
  private outOfBounds = 0;
  private readonly recentLong = new Float64Array(RECENT_LONG);
  private recentCount = 0;
  private observedAtCompute = -1;
  private windows: HybridWindows;

  constructor(private readonly settings: HybridSettings) {
    this.binMs = settings.binMinutes * MINUTE_MS;
    this.bins = new Float64Array(Math.max(1, Math.round(settings.rangeMinutes / settings.binMinutes)));
    this.windows = this.fallback();
  }

  observeIdleTime(idleMs: number): void {
    const bin = Math.floor(Math.max(0, idleMs) / this.binMs);
    if (bin >= this.bins.length) {
      this.outOfBounds += 1;
      this.recentLong[this.recentCount % RECENT_LONG] = idleMs;
      this.recentCount += 1;
      return;
    }
    const c = this.bins[bin] as number;
    this.bins[bin] = c + 1;
    this.sumOfSquares += 2 * c + 1;
    this.inRange += 1;
  }

  prewarmMs(): number {
    return this.current().prewarmMs;
  }

  keepAliveMs(): number {
    return this.current().keepAliveMs;
  }

  /** The windows in force, recomputed when enough new idle times have arrived. */
  current(): HybridWindows {
    const observed = this.inRange + this.outOfBounds;
    if (observed - this.observedAtCompute >= Math.max(1, this.observedAtCompute / 100)) {
      this.observedAtCompute = observed;
      this.windows = this.compute();
    }
    return this.windows;
  }

  /** Idle times seen, in range and beyond it. */
  observations(): { inRange: number; outOfBounds: number } {
    return { inRange: this.inRange, outOfBounds: this.outOfBounds };
  }

  private fallback(): HybridWindows {
    return { mode: 'warming-up', prewarmMs: 0, keepAliveMs: this.bins.length * this.binMs };
  }

  private compute(): HybridWindows {
    const s = this.settings;
    const observed = this.inRange + this.outOfBounds;
    if (observed > 0 && (this.outOfBounds / observed) * 100 > s.outOfBoundsPercent && this.recentCount > 0) {
      const n = Math.min(this.recentCount, RECENT_LONG);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += this.recentLong[i] as number;
      const predicted = sum / n;
      return { mode: 'long-idle', prewarmMs: predicted * (1 - LONG_MARGIN), keepAliveMs: predicted * 2 * LONG_MARGIN };
    }
    if (this.inRange < s.minObservations || this.coefficientOfVariation() < s.cvThreshold) return this.fallback();
    const head = this.binAt(s.headPercentile) * this.binMs;
    const tail = (this.binAt(s.tailPercentile) + 1) * this.binMs;
    const margin = s.marginPercent / 100;
    const prewarmMs = head * (1 - margin);
    return { mode: 'histogram', prewarmMs, keepAliveMs: (tail - prewarmMs) * (1 + margin) };
  }

  /** Coefficient of variation of the bin counts: high when idle times cluster, low when they spread evenly. */
  private coefficientOfVariation(): number {
    const n = this.bins.length;
    const mean = this.inRange / n;
    if (mean === 0) return 0;
    const variance = Math.max(0, this.sumOfSquares / n - mean * mean);
    return Math.sqrt(variance) / mean;
  }

  /** The bin holding the p-th percentile of the in-range idle times (nearest rank). */
  private binAt(p: number): number {
    const bin = percentileBin(this.bins, 0, this.bins.length, this.inRange, p);
    if (bin >= 0) return bin;
    return this.bins.length - 1;
  }
}
