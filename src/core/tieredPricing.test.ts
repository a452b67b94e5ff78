import { describe, expect, it } from 'vitest';
import { BillAccumulator, MONTH_MS, projectMonthAt } from './billAccumulator';
import { PRICES, tieredDurationUsd } from './pricing';

const r = PRICES.gbSecondUsd.x86_64;
const ra = PRICES.gbSecondUsd.arm64;

describe('tiered duration pricing: 10% off past the first tier, 20% past the second, per architecture', () => {
  it.each([
    [3e9, 'x86_64', r * 3e9],
    [6e9, 'x86_64', r * 6e9],
    [10e9, 'x86_64', r * (6e9 + 0.9 * 4e9)],
    [20e9, 'x86_64', r * (6e9 + 0.9 * 9e9 + 0.8 * 5e9)],
    [7.5e9, 'arm64', ra * 7.5e9],
    [20e9, 'arm64', ra * (7.5e9 + 0.9 * 11.25e9 + 0.8 * 1.25e9)],
  ] as const)('%d GB-s on %s', (gbs, arch, usd) => {
    expect(tieredDurationUsd(gbs, arch === 'x86_64' ? r : ra, arch)).toBeCloseTo(usd, 3);
  });

  it('a monthly projection past the tiers is priced on them; a small one is not touched', () => {
    const acc = new BillAccumulator(1);
    // 10 GB-s in 1 ms of run: a month at that rate is 10 × 2.628e9 GB-s.
    acc.add({ durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 10_240, architecture: 'x86_64', provisioned: false });
    const totals = acc.totals({ provisioned: [], startMs: 0, nowMs: 1, freeTier: false });
    const scale = MONTH_MS / 1;
    const gbs = 10 * scale;
    const expected = PRICES.requestUsd * scale + tieredDurationUsd(gbs, r, 'x86_64');
    expect(projectMonthAt(totals, 1) / expected).toBeCloseTo(1, 9);
    expect(projectMonthAt(totals, 1)).toBeLessThan(totals.grossUsd * scale * 0.9);
    // The period itself (10 GB-s) is far below the first tier: no discount on it.
    expect(totals.tierDiscount).toEqual({ gbSeconds: 0, usd: 0 });
    // An hour of the same is below 6 B GB-s a month only at a far slower rate.
    const slow = new BillAccumulator(1);
    slow.add({ durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 1024, architecture: 'x86_64', provisioned: false });
    const t = slow.totals({ provisioned: [], startMs: 0, nowMs: 3_600_000, freeTier: false });
    expect(projectMonthAt(t, 3_600_000)).toBeCloseTo(t.grossUsd * (MONTH_MS / 3_600_000), 12);
  });

  it('a simulated month past the first tier gets the discount in its own total', () => {
    const acc = new BillAccumulator(1);
    // One enormous billable standing for a month of heavy traffic: 10,240 MB for 7e8 s = 7e9 GB-s.
    acc.add({ durationMs: 7e11, billedDurationMs: 7e11, memorySizeMb: 10_240, architecture: 'x86_64', provisioned: false });
    const totals = acc.totals({ provisioned: [], startMs: 0, nowMs: MONTH_MS, freeTier: false });
    expect(totals.tierDiscount.gbSeconds).toBeCloseTo(1e9, 0);
    expect(totals.tierDiscount.usd).toBeCloseTo(r * 1e9 * 0.1, 3);
    expect(totals.totalUsd).toBeCloseTo(totals.grossUsd - totals.tierDiscount.usd, 3);
  });
});
