/** Number formatting for the simulation's report. */
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const dec = (n: number, digits = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (n: number | null): string => (n === null ? '–' : `${dec(n, n < 10 ? 2 : 1)} ms`);
export const pct = (n: number | null, digits = 3): string => (n === null ? '–' : `${(n * 100).toLocaleString('en-US', { maximumFractionDigits: digits })} %`);
export function usd(n: number): string {
  if (n === 0) return '$0';
  if (Math.abs(n) < 0.01) return `$${n.toPrecision(3)}`;
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "1 h 30 min", "3 days", "45 s". */
export function span(seconds: number): string {
  if (seconds >= 86_400 && seconds % 3600 === 0) return `${dec(seconds / 86_400, seconds % 86_400 === 0 ? 0 : 1)} days`;
  if (seconds >= 3600) return `${dec(seconds / 3600, seconds % 3600 === 0 ? 0 : 1)} h`;
  if (seconds >= 60) return `${dec(seconds / 60, seconds % 60 === 0 ? 0 : 1)} min`;
  return `${dec(seconds, 0)} s`;
}

/** A time of the run (s), in the unit its length calls for: "12:05" (min:s), "5:40" (h:min), "2 d 03:00". */
export function clock(seconds: number, runS: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (runS <= 3600) return `${Math.floor(seconds / 60)}:${two(s)}`;
  if (runS <= 86_400) return `${h + d * 24}:${two(m)}`;
  return `${d} d ${two(h)}:${two(m)}`;
}
