/**
 * Money as people read it: dollars and cents, "< $0.01" for a total under a
 * cent, and two significant figures for a single invocation's fraction of a
 * cent. (The Billing panel puts the exact figure, `formatUsd`, in a title.)
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
