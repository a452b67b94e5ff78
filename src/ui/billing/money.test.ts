import { describe, expect, it } from 'vitest';
import { formatMoney, formatSmallMoney } from './money';

describe('money', () => {
  it('totals are in dollars and cents, with thousands separated', () => {
    expect(formatMoney(12.345)).toBe('$12.35');
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(0.01)).toBe('$0.01');
    expect(formatMoney(0)).toBe('$0.00');
  });

  it('a total under a cent reads "< $0.01", never twelve decimals', () => {
    expect(formatMoney(0.0000021)).toBe('< $0.01');
    expect(formatMoney(-0.0000021)).toBe('−< $0.01');
  });

  it('an invocation’s cost keeps two significant figures', () => {
    expect(formatSmallMoney(0.0000020833)).toBe('$0.0000021');
    expect(formatSmallMoney(0.000217)).toBe('$0.00022');
    expect(formatSmallMoney(0.5)).toBe('$0.50');
  });
});
