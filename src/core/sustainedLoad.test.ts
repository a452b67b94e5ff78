import { describe, expect, it } from 'vitest';
import { sustainedLoad } from './sustainedLoad';

const every = (ms: number, count: number, from = 0): number[] => Array.from({ length: count }, (_, i) => from + i * ms);

describe('sustained load', () => {
  it('a constant 10 rps for two minutes is sustained, at 10 rps', () => {
    const load = sustainedLoad(every(100, 1201));
    expect(load?.ratePerS).toBeCloseTo(10, 6);
    expect(load?.spanMs).toBe(120_000);
  });

  it('a one-off burst is not, however large', () => {
    expect(sustainedLoad(new Array(5_000).fill(1_000))).toBeNull();
  });

  it('a burst, then a trickle over minutes, is not', () => {
    expect(sustainedLoad([...new Array(500).fill(0), ...every(10_000, 12, 10_000)])).toBeNull();
  });

  it('a steady rate shorter than a minute is not', () => {
    expect(sustainedLoad(every(100, 500))).toBeNull();
  });
});
