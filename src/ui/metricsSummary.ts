import type { MetricsPoint } from '../state/runRecorder';
import { noThrottles, THROTTLE_REASONS, type ThrottleCounts } from '../state/throttleTally';

export type CountKey = 'invocations' | 'errors' | 'coldStarts' | 'throttles';

/** A run's per-second metrics, added up: what the Metrics panel's headings and the Run view's strip state. */
export interface MetricsSummary {
  totals: Record<CountKey, number>;
  peaks: Record<CountKey | 'concurrentExecutions', number>;
  throttleReasons: ThrottleCounts;
  latestConcurrency: number;
  latestP50: number | null;
  latestP99: number | null;
  peakP99: number | null;
}

export function summariseMetrics(points: readonly MetricsPoint[]): MetricsSummary {
  const totals = { invocations: 0, errors: 0, coldStarts: 0, throttles: 0 };
  const peaks = { invocations: 0, errors: 0, coldStarts: 0, throttles: 0, concurrentExecutions: 0 };
  let latestP50: number | null = null;
  let latestP99: number | null = null;
  let peakP99: number | null = null;
  const throttleReasons = noThrottles();
  for (const p of points) {
    for (const r of THROTTLE_REASONS) throttleReasons[r] += p.throttleReasons[r];
    for (const k of ['invocations', 'errors', 'coldStarts', 'throttles'] as const) {
      totals[k] += p[k];
      peaks[k] = Math.max(peaks[k], p[k]);
    }
    peaks.concurrentExecutions = Math.max(peaks.concurrentExecutions, p.concurrentExecutions);
    if (p.durationP50 !== null) latestP50 = p.durationP50;
    if (p.durationP99 !== null) {
      latestP99 = p.durationP99;
      peakP99 = Math.max(peakP99 ?? 0, p.durationP99);
    }
  }
  const latestConcurrency = points[points.length - 1]?.concurrentExecutions ?? 0;
  return { totals, peaks, throttleReasons, latestConcurrency, latestP50, latestP99, peakP99 };
}

export const formatMs = (n: number | null): string => (n === null ? '–' : `${n.toFixed(2)} ms`);
