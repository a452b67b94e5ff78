/** A duration as the trace view shows it: one decimal under a second, whole milliseconds above. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms).toLocaleString('en-US')} ms` : `${ms.toFixed(1)} ms`;
}
