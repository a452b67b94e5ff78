import { describe, expect, it } from 'vitest';
import { nearestRank, percentileBin, percentileOfSorted } from './percentile';

describe('percentile: nearest rank, the one definition', () => {
  it('ranks ceil(p/100 × n), at least 1', () => {
    expect(nearestRank(50, 10)).toBe(5);
    expect(nearestRank(99, 10)).toBe(10);
    expect(nearestRank(0, 10)).toBe(1);
    expect(nearestRank(25, 1000)).toBe(250);
  });

  it('of a sorted list', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(xs, 50)).toBe(5);
    expect(percentileOfSorted(xs, 90)).toBe(9);
    expect(percentileOfSorted(xs, 100)).toBe(10);
    expect(percentileOfSorted([], 50)).toBeNull();
  });

  it('of counts in bins: the bin holding the rank', () => {
    const counts = [9, 0, 2, 3, 1, 0];
    // bins 2..5 hold 2, 3, 1: six values.
    expect(percentileBin(counts, 2, 4, 6, 50)).toBe(1);
    expect(percentileBin(counts, 2, 4, 6, 1)).toBe(0);
    expect(percentileBin(counts, 2, 4, 6, 100)).toBe(2);
    expect(percentileBin(counts, 2, 4, 7, 100)).toBe(-1);
  });
});
