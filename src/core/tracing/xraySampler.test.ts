import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { XraySampler } from './xraySampler';

describe("X-Ray's default sampling rule", () => {
  it('samples the first request of every second', () => {
    const sampler = new XraySampler(createRandom(1));
    for (let second = 0; second < 50; second++) expect(sampler.sample(1_700_000_000_000 + second * 1000 + 999)).toBe(true);
  });

  it('samples about 5 % of the requests after the first in a second, drawing on the seeded random', () => {
    const sampler = new XraySampler(createRandom(7));
    let sampled = 0;
    const start = 1_700_000_000_000;
    for (let i = 0; i < 20_000; i++) if (sampler.sample(start + 500)) sampled += 1;
    // The first is the reservoir's; of the 19,999 others, 5 % ± 0.6 %.
    expect((sampled - 1) / 19_999).toBeGreaterThan(0.044);
    expect((sampled - 1) / 19_999).toBeLessThan(0.056);
  });

  it('refills its reservoir at each new second, and gives the same decisions for the same seed and clock', () => {
    const run = (): boolean[] => {
      const sampler = new XraySampler(createRandom(3));
      return Array.from({ length: 60 }, (_, i) => sampler.sample(1_000 * Math.floor(i / 20) + (i % 20)));
    };
    const decisions = run();
    expect([decisions[0], decisions[20], decisions[40]]).toEqual([true, true, true]);
    expect(run()).toEqual(decisions);
  });

  it('a rule with no reservoir and a zero rate samples nothing', () => {
    const sampler = new XraySampler(createRandom(3), { reservoirPerSecond: 0, fixedRate: 0 });
    expect(Array.from({ length: 100 }, (_, i) => sampler.sample(i * 100)).some(Boolean)).toBe(false);
  });
});
