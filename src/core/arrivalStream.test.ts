import { describe, expect, it } from 'vitest';
import { ArrivalStream, dailyRate, expectedArrivals, type Traffic } from './arrivalStream';
import { arrivalTimes, type LoadPlan } from './loadPattern';

function drain(traffic: Traffic, durationS: number): number[] {
  const stream = new ArrivalStream(traffic, durationS);
  const out: number[] = [];
  for (let t = stream.next(); t !== Infinity; t = stream.next()) out.push(t);
  return out;
}

describe('ArrivalStream', () => {
  const plans: LoadPlan[] = [
    { pattern: { kind: 'constant', rps: 10 }, durationS: 20, invocationType: 'RequestResponse' },
    { pattern: { kind: 'constant', rps: 0.1 }, durationS: 30, invocationType: 'RequestResponse' },
    { pattern: { kind: 'ramp', fromRps: 0, toRps: 50 }, durationS: 60, invocationType: 'RequestResponse' },
    { pattern: { kind: 'ramp', fromRps: 40, toRps: 3 }, durationS: 17, invocationType: 'RequestResponse' },
    { pattern: { kind: 'spike', baseRps: 5, spikeRps: 200, spikeStartS: 10, spikeDurationS: 5 }, durationS: 40, invocationType: 'RequestResponse' },
    { pattern: { kind: 'poisson', rps: 30, seed: 42 }, durationS: 60, invocationType: 'RequestResponse' },
    { pattern: { kind: 'burst', count: 25 }, durationS: 10, invocationType: 'RequestResponse' },
  ];
  it.each(plans)('sends what live mode sends for $pattern.kind ($durationS s)', (plan) => {
    expect(drain(plan.pattern, plan.durationS)).toEqual(Array.from(arrivalTimes(plan)));
  });

  it('streams long runs without holding them: a day at 100 rps', () => {
    const stream = new ArrivalStream({ kind: 'constant', rps: 100 }, 86_400);
    let n = 0;
    let last = 0;
    let outOfOrder = 0;
    for (let t = stream.next(); t !== Infinity; t = stream.next()) {
      if (t < last) outOfOrder += 1;
      last = t;
      n += 1;
    }
    expect(outOfOrder).toBe(0);
    expect(n).toBe(8_640_000);
    expect(last).toBe(86_400_000);
  });

  it('follows a daily cycle: about the integral of the rate, densest at the peak hour', () => {
    const traffic: Traffic = { kind: 'daily', minRps: 1, peakRps: 9, peakHour: 6, poisson: false, seed: 1 };
    const times = drain(traffic, 86_400);
    // Mean rate (1 + 9) / 2 = 5 rps over a day.
    expect(times.length).toBe(Math.floor(expectedArrivals(traffic, 86_400)));
    expect(Math.abs(times.length - 432_000)).toBeLessThan(50);
    const hour = (h: number): number => times.filter((t) => t >= h * 3_600_000 && t < (h + 1) * 3_600_000).length;
    expect(Math.abs(hour(6) - 3600 * dailyRate(traffic, 6.5 * 3600))).toBeLessThan(200);
    expect(hour(6)).toBeGreaterThan(hour(18) * 5);
  });

  it('replays per-minute counts evenly within each minute, repeating them past their end', () => {
    const traffic: Traffic = { kind: 'replay', perMinute: [60, 0, 30], scale: 1, poisson: false, seed: 1 };
    const times = drain(traffic, 6 * 60);
    expect(times.length).toBe(180);
    expect(times.slice(0, 3)).toEqual([1000, 2000, 3000]);
    expect(times[59]).toBe(60_000);
    expect(times.filter((t) => t > 60_000 && t < 120_000)).toEqual([]);
    expect(times[60]).toBe(122_000);
  });

  it('a Poisson replay keeps the counts on average, and a seed repeats it', () => {
    const traffic: Traffic = { kind: 'replay', perMinute: [600, 1200], scale: 2, poisson: true, seed: 9 };
    const a = drain(traffic, 120);
    expect(Math.abs(a.length - 3600)).toBeLessThan(250);
    expect(drain(traffic, 120)).toEqual(a);
  });
});
