import { describe, expect, it } from 'vitest';
import {
  arrivalTimes,
  DEFAULT_LOAD_PLAN,
  expectedArrivalCount,
  LOAD_PATTERN_KINDS,
  switchPatternKind,
  validateLoadPlan,
  type LoadPattern,
  type LoadPlan,
} from './loadPattern';
import { createRandom } from './random';

const plan = (pattern: LoadPattern, durationS: number): LoadPlan => ({ pattern, durationS, invocationType: 'RequestResponse' });

/** The first index out of order, or −1: one assertion, not one per arrival. */
function firstOutOfOrder(times: Float64Array): number {
  for (let i = 1; i < times.length; i++) if (times[i]! < times[i - 1]!) return i;
  return -1;
}
const expectSorted = (times: Float64Array): void => expect(firstOutOfOrder(times)).toBe(-1);

describe('arrivalTimes: deterministic rates send the k-th request where the integral of the rate reaches k', () => {
  it.each<[string, number, number, number, LoadPlan]>([
    ['constant 10 rps for 20 s', 200, 100, 20_000, plan({ kind: 'constant', rps: 10 }, 20)],
    ['constant 0.5 rps for 10 s', 5, 2_000, 10_000, plan({ kind: 'constant', rps: 0.5 }, 10)],
    ['constant 0.1 rps for 30 s (float sums still count 3)', 3, 10_000, 30_000, plan({ kind: 'constant', rps: 0.1 }, 30)],
    ['constant 3 rps for 1.5 s (4.5 → 4)', 4, 1000 / 3, 4000 / 3, plan({ kind: 'constant', rps: 3 }, 1.5)],
    ['constant 2,000 rps for 100 s (exactly the 200,000 limit)', 200_000, 0.5, 100_000, plan({ kind: 'constant', rps: 2000 }, 100)],
    ['ramp 0 → 10 rps over 10 s', 50, Math.SQRT2 * 1000, 10_000, plan({ kind: 'ramp', fromRps: 0, toRps: 10 }, 10)],
    ['ramp 10 → 0 rps over 10 s', 50, (10 - Math.sqrt(98)) * 1000, 10_000, plan({ kind: 'ramp', fromRps: 10, toRps: 0 }, 10)],
    ['ramp 4 → 4 rps is constant', 20, 250, 5_000, plan({ kind: 'ramp', fromRps: 4, toRps: 4 }, 5)],
    ['ramp 1 → 3 rps over 4 s', 8, (Math.SQRT2 - 1) * 2000, 4_000, plan({ kind: 'ramp', fromRps: 1, toRps: 3 }, 4)],
    ['spike 2 → 20 rps from 5 s for 2 s, 10 s run', 56, 500, 10_000, plan({ kind: 'spike', baseRps: 2, spikeRps: 20, spikeStartS: 5, spikeDurationS: 2 }, 10)],
    ['spike from the start', 12, 100, 3_000, plan({ kind: 'spike', baseRps: 1, spikeRps: 10, spikeStartS: 0, spikeDurationS: 1 }, 3)],
    ['burst of 100', 100, 0, 0, plan({ kind: 'burst', count: 100 }, 20)],
  ])('%s: %i arrivals, first at %f ms, last at %f ms', (_name, count, firstMs, lastMs, p) => {
    const times = arrivalTimes(p);
    expect(times).toBeInstanceOf(Float64Array);
    expect(times.length).toBe(count);
    expect(expectedArrivalCount(p)).toBe(count);
    expect(times[0]).toBeCloseTo(firstMs, 9);
    expect(times[count - 1]).toBeCloseTo(lastMs, 9);
    expectSorted(times);
  });

  it('constant 10 rps lands on exact multiples of 100 ms', () => {
    const times = arrivalTimes(plan({ kind: 'constant', rps: 10 }, 3));
    expect(Array.from(times)).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 100));
  });

  it('ramp 0 → 10 rps over 10 s: the k-th request at √(2k) s, where t²/2 = k', () => {
    const times = arrivalTimes(plan({ kind: 'ramp', fromRps: 0, toRps: 10 }, 10));
    times.forEach((t, i) => expect(t).toBeCloseTo(Math.sqrt(2 * (i + 1)) * 1000, 9));
    expect(times[1]).toBe(2000);
    expect(times[7]).toBe(4000);
    expect(times[49]).toBe(10_000);
  });

  it('spike: 10 at 2 rps, 40 at 20 rps during the spike, 6 at 2 rps after', () => {
    const times = Array.from(arrivalTimes(plan({ kind: 'spike', baseRps: 2, spikeRps: 20, spikeStartS: 5, spikeDurationS: 2 }, 10)));
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => (i + 1) * 500),
      ...Array.from({ length: 40 }, (_, i) => 5000 + (i + 1) * 50),
      ...Array.from({ length: 6 }, (_, i) => 7000 + (i + 1) * 500),
    ];
    expect(times).toHaveLength(expected.length);
    times.forEach((t, i) => expect(t).toBeCloseTo(expected[i]!, 9));
  });

  it('burst: every request at 0, whatever the duration', () => {
    expect(Array.from(arrivalTimes(plan({ kind: 'burst', count: 5 }, 600)))).toEqual([0, 0, 0, 0, 0]);
  });

  it('the same plan always gives the same times', () => {
    const p = plan({ kind: 'ramp', fromRps: 3, toRps: 17 }, 33);
    expect(arrivalTimes(p)).toEqual(arrivalTimes(p));
  });
});

describe('arrivalTimes: Poisson arrivals from the seeded generator', () => {
  it('the first gap is −ln(1 − u)/rps with u = createRandom(seed).next()', () => {
    const times = arrivalTimes(plan({ kind: 'poisson', rps: 50, seed: 42 }, 10));
    const u = createRandom(42).next();
    expect(times[0]).toBe((-Math.log(1 - u) * 1000) / 50);
  });

  it.each([1, 7, 123456, 4_294_967_295])('seed %i: the same times every run', (seed) => {
    const p = plan({ kind: 'poisson', rps: 20, seed }, 30);
    expect(Array.from(arrivalTimes(p))).toEqual(Array.from(arrivalTimes(p)));
  });

  it('different seeds give different times', () => {
    const a = arrivalTimes(plan({ kind: 'poisson', rps: 20, seed: 1 }, 30));
    const b = arrivalTimes(plan({ kind: 'poisson', rps: 20, seed: 2 }, 30));
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it.each<[number, number, number]>([
    [100, 600, 1],
    [2000, 100, 9],
    [0.5, 600, 3],
  ])('%f rps for %i s (seed %i): sorted, inside the run, mean rate within 5 standard errors', (rps, durationS, seed) => {
    const times = arrivalTimes(plan({ kind: 'poisson', rps, seed }, durationS));
    const expected = rps * durationS;
    expect(Math.abs(times.length - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(times[0]).toBeGreaterThan(0);
    expect(times[times.length - 1]).toBeLessThanOrEqual(durationS * 1000);
    expectSorted(times);
    expect(expectedArrivalCount(plan({ kind: 'poisson', rps, seed }, durationS))).toBe(Math.round(expected));
  });

  it('100 rps for 600 s: within 2% of 60,000 and gaps averaging 10 ms', () => {
    const times = arrivalTimes(plan({ kind: 'poisson', rps: 100, seed: 2024 }, 600));
    expect(times.length).toBeGreaterThan(58_800);
    expect(times.length).toBeLessThan(61_200);
    const meanGap = times[times.length - 1]! / times.length;
    expect(meanGap).toBeGreaterThan(9.8);
    expect(meanGap).toBeLessThan(10.2);
  });
});

describe('validateLoadPlan', () => {
  it.each<[string, LoadPlan, string, string]>([
    ['rate over 2,000', plan({ kind: 'constant', rps: 2001 }, 10), 'rps', 'Requests per second: must be at most 2,000 per second (got 2,001).'],
    ['negative rate', plan({ kind: 'constant', rps: -1 }, 10), 'rps', 'Requests per second: must be at least 0 per second (got -1).'],
    ['empty rate', plan({ kind: 'poisson', rps: Number.NaN, seed: 1 }, 10), 'rps', 'Requests per second: enter a number (0–2,000 per second).'],
    ['ramp from over the limit', plan({ kind: 'ramp', fromRps: 2500, toRps: 10 }, 10), 'fromRps', 'From (rps): must be at most 2,000 per second (got 2,500).'],
    ['ramp to below 0', plan({ kind: 'ramp', fromRps: 1, toRps: -5 }, 10), 'toRps', 'To (rps): must be at least 0 per second (got -5).'],
    ['duration 0', plan({ kind: 'constant', rps: 1 }, 0), 'durationS', 'Duration (s): must be at least 1 s (got 0).'],
    ['duration over 600 s', plan({ kind: 'constant', rps: 1 }, 601), 'durationS', 'Duration (s): must be at most 600 s (got 601).'],
    ['burst over 2,000', plan({ kind: 'burst', count: 2001 }, 10), 'count', 'Burst size: must be at most 2,000 requests (got 2,001).'],
    ['burst of 0', plan({ kind: 'burst', count: 0 }, 10), 'count', 'Burst size: must be at least 1 requests (got 0).'],
    ['burst of 2.5', plan({ kind: 'burst', count: 2.5 }, 10), 'count', 'Burst size: must be a whole number from 1 to 2,000 requests (got 2.5).'],
    ['seed not whole', plan({ kind: 'poisson', rps: 1, seed: 1.5 }, 10), 'seed', 'Seed: must be a whole number from 0 to 4,294,967,295 (got 1.5).'],
    ['spike rate over 2,000', plan({ kind: 'spike', baseRps: 1, spikeRps: 3000, spikeStartS: 1, spikeDurationS: 1 }, 10), 'spikeRps', 'Spike (rps): must be at most 2,000 per second (got 3,000).'],
    ['spike after the end', plan({ kind: 'spike', baseRps: 1, spikeRps: 5, spikeStartS: 11, spikeDurationS: 1 }, 10), 'spikeStartS', 'Spike starts at (s): must be at most 10 s (got 11).'],
    ['spike of 0 s', plan({ kind: 'spike', baseRps: 1, spikeRps: 5, spikeStartS: 1, spikeDurationS: 0 }, 10), 'spikeDurationS', 'Spike lasts (s): must be more than 0 s.'],
    [
      'spike running past the end',
      plan({ kind: 'spike', baseRps: 1, spikeRps: 5, spikeStartS: 8, spikeDurationS: 3 }, 10),
      'spikeDurationS',
      'Spike lasts (s): the spike must end within the run (starts at 8 s + lasts 3 s is past the duration of 10 s).',
    ],
    ['2,000 rps for 600 s', plan({ kind: 'constant', rps: 2000 }, 600), 'total', 'This plan sends 1,200,000 requests: the limit is 200,000 per run. Lower the rate or the duration.'],
    ['Poisson over the total', plan({ kind: 'poisson', rps: 1000, seed: 1 }, 300), 'total', 'This plan sends about 300,000 requests: the limit is 200,000 per run. Lower the rate or the duration.'],
    ['0 rps', plan({ kind: 'constant', rps: 0 }, 10), 'total', 'This plan sends no requests: raise the rate or the duration.'],
    ['0.05 rps for 10 s (half a request)', plan({ kind: 'constant', rps: 0.05 }, 10), 'total', 'This plan sends no requests: raise the rate or the duration.'],
  ])('%s', (_name, p, field, message) => {
    expect(validateLoadPlan(p)).toEqual([{ field, message }]);
    expect(() => arrivalTimes(p)).toThrow(new RangeError(message));
  });

  it.each<[string, LoadPlan]>([
    ['the default plan', DEFAULT_LOAD_PLAN],
    ['0 → 2,000 rps ramp for 200 s (200,000 requests)', plan({ kind: 'ramp', fromRps: 0, toRps: 2000 }, 200)],
    ['burst of 2,000 for 1 s', plan({ kind: 'burst', count: 2000 }, 1)],
    ['spike to the very end', plan({ kind: 'spike', baseRps: 0, spikeRps: 5, spikeStartS: 8, spikeDurationS: 2 }, 10)],
    ['Poisson with seed 0', plan({ kind: 'poisson', rps: 1, seed: 0 }, 600)],
  ])('accepts %s', (_name, p) => {
    expect(validateLoadPlan(p)).toEqual([]);
  });

  it('reports every field problem at once', () => {
    const problems = validateLoadPlan(plan({ kind: 'ramp', fromRps: -1, toRps: 5000 }, 0));
    expect(problems.map((p) => p.field)).toEqual(['durationS', 'fromRps', 'toRps']);
  });
});

describe('switchPatternKind', () => {
  it('carries the rate over', () => {
    expect(switchPatternKind({ kind: 'constant', rps: 25 }, 'poisson', 20)).toEqual({ kind: 'poisson', rps: 25, seed: 1 });
    expect(switchPatternKind({ kind: 'poisson', rps: 25, seed: 9 }, 'ramp', 20)).toEqual({ kind: 'ramp', fromRps: 0, toRps: 25 });
    expect(switchPatternKind({ kind: 'ramp', fromRps: 0, toRps: 8 }, 'spike', 20)).toEqual({ kind: 'spike', baseRps: 8, spikeRps: 80, spikeStartS: 5, spikeDurationS: 5 });
    expect(switchPatternKind({ kind: 'constant', rps: 10 }, 'burst', 20)).toEqual({ kind: 'burst', count: 100 });
  });

  it.each(LOAD_PATTERN_KINDS)('gives a valid plan when switching the default to %s', (kind) => {
    const p = { ...DEFAULT_LOAD_PLAN, pattern: switchPatternKind(DEFAULT_LOAD_PLAN.pattern, kind, DEFAULT_LOAD_PLAN.durationS) };
    expect(p.pattern.kind).toBe(kind);
    expect(validateLoadPlan(p)).toEqual([]);
  });

  it('returns the same pattern for the same kind', () => {
    const p: LoadPattern = { kind: 'constant', rps: 3 };
    expect(switchPatternKind(p, 'constant', 10)).toBe(p);
  });
});
