/**
 * Whether a run's requests came at a sustained rate, the only kind of run a
 * month can be projected from: they span at least `minSpanMs`, and each sixth
 * of that span holds between half and one and a half times its share. A
 * one-off burst, or a burst and then silence, is not sustained.
 */
export interface SustainedLoad {
  ratePerS: number;
  spanMs: number;
}

const SLICES = 6;

export function sustainedLoad(arrivalsMs: readonly number[], minSpanMs = 60_000): SustainedLoad | null {
  if (arrivalsMs.length < SLICES * 2) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const t of arrivalsMs) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const spanMs = last - first;
  if (!(spanMs >= minSpanMs)) return null;
  const counts = new Array<number>(SLICES).fill(0);
  for (const t of arrivalsMs) counts[Math.min(SLICES - 1, Math.floor(((t - first) / spanMs) * SLICES))]! += 1;
  const share = arrivalsMs.length / SLICES;
  if (counts.some((c) => c < share * 0.5 || c > share * 1.5)) return null;
  return { ratePerS: ((arrivalsMs.length - 1) / spanMs) * 1000, spanMs };
}
