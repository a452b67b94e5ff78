/**
 * Money as people read it: dollars and cents, "< $0.01" for a total under a
 * cent, and two significant figures for a single invocation's fraction of a
 * cent. (The exact figure, `formatUsd`, goes in a title.)
 */
export function formatMoney(usd: number): string {
  const sign = usd < 0 ? '−' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs < 0.005) return `${sign}< $0.01`;
  return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A small amount (one invocation's cost) with two significant figures: $0.0000021. */
export function formatSmallMoney(usd: number): string {
  const sign = usd < 0 ? '−' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs >= 0.01) return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const decimals = Math.min(12, Math.max(2, 1 - Math.floor(Math.log10(abs))));
  return `${sign}$${abs.toFixed(decimals)}`;
}

/** Amounts are rounded to the picodollar before they are added, so the exact figures of rows add up to their total's. */
export const PICO = 1e12;
export const toPicos = (usd: number): number => Math.round(usd * PICO);
export function formatPicos(picos: number): string {
  const sign = picos < 0 ? '−' : '';
  return `${sign}$${(Math.abs(picos) / PICO).toFixed(12)}`;
}
export function formatUsd(usd: number): string {
  return formatPicos(toPicos(usd));
}
