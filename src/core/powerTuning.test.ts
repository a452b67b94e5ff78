import { describe, expect, it } from 'vitest';
import { choose, parseSizes, summarize, type PowerResult } from './powerTuning';

const r = (memoryMb: number, avgDurationMs: number, avgComputeUsd: number): PowerResult => ({ memoryMb, runs: 5, avgDurationMs, avgComputeUsd });

describe('power tuning', () => {
  it('averages after dropping 20% at each end, keeping at least one sample', () => {
    const samples = [10, 11, 12, 13, 500].map((d) => ({ durationMs: d, computeUsd: d / 1e6 }));
    // 5 samples: one dropped at each end → 11, 12, 13.
    expect(summarize(128, samples)).toEqual({ memoryMb: 128, runs: 3, avgDurationMs: 12, avgComputeUsd: 12 / 1e6 });
    expect(summarize(128, [{ durationMs: 7, computeUsd: 1 }])).toMatchObject({ runs: 1, avgDurationMs: 7 });
    expect(summarize(128, [{ durationMs: 7, computeUsd: 1 }, { durationMs: 9, computeUsd: 3 }])).toMatchObject({ runs: 2, avgDurationMs: 8 });
    expect(() => summarize(128, [])).toThrow();
  });

  it.each([
    ['CPU-bound: more memory is faster and, up to a point, no dearer (equal cost: the faster is cheapest)', [r(128, 1000, 2.1e-6), r(256, 500, 2.1e-6), r(512, 250, 2.1e-6), r(1024, 130, 2.2e-6), r(2048, 125, 4.2e-6)], { cheapest: 512, fastest: 2048, balanced: 1024 }],
    ['waiting on I/O: memory does not help, so the smallest is cheapest', [r(128, 200, 4.2e-7), r(512, 200, 1.7e-6), r(1024, 199, 3.3e-6)], { cheapest: 128, fastest: 1024, balanced: 128 }],
  ])('%s', (_name, results, expected) => {
    expect(choose(results)).toEqual(expected);
  });

  it('has no choice without results', () => {
    expect(choose([])).toBeNull();
  });

  it('reads custom sizes, and refuses what Lambda would not take', () => {
    expect(parseSizes('2048, 128 512 128')).toEqual({ sizes: [128, 512, 2048] });
    expect(parseSizes('10240')).toEqual({ sizes: [10240] });
    expect(parseSizes('64')).toEqual({ problem: 'Memory sizes are whole numbers of MB from 128 to 10,240: “64” is not.' });
    expect(parseSizes('10241')).toMatchObject({ problem: expect.stringContaining('“10241”') });
    expect(parseSizes('512.5')).toMatchObject({ problem: expect.stringContaining('“512.5”') });
    expect(parseSizes(' ')).toEqual({ problem: 'Give at least one memory size.' });
    expect(parseSizes(Array.from({ length: 17 }, (_, i) => 128 + i).join(','))).toEqual({ problem: 'At most 16 sizes in one run.' });
  });
});
