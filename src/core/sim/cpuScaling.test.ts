import { describe, expect, it } from 'vitest';
import { modelledDurationMs } from '../cpuShare';
import { cpuDurationScale } from './durationSampler';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { Simulation } from './simulation';

describe('memory → CPU in the simulation', () => {
  it.each([
    // [stated at, CPU fraction, run at, scale]
    [128, 1, 128, 1],
    [128, 1, 1024, 128 / 1024],
    [128, 1, 3008, 128 / 1769], // one JavaScript thread cannot use a second vCPU
    [1024, 1, 128, 1024 / 128],
    [128, 0, 3008, 1], // all waiting: memory changes nothing
    [128, 0.5, 1769, 0.5 + 0.5 * (128 / 1769)],
  ])('a duration stated at %i MB, %f CPU-bound, reads ×%s at %i MB', (statedAt, c, at, scale) => {
    expect(cpuDurationScale({ memoryMb: statedAt, cpuFraction: c }, at)).toBeCloseTo(scale, 10);
  });

  it.each([
    [20, 5, 128, 1024],
    [100, 100, 256, 2048],
    [300, 30, 1769, 512],
  ])('agrees with live mode: measured %i ms with %i ms of CPU, at %i MB then %i MB', (measured, cpu, a, b) => {
    const atA = modelledDurationMs(measured, cpu, a);
    const atB = modelledDurationMs(measured, cpu, b);
    // What "Profile from live runs" states: the share of Duration at A that is CPU.
    const cpuFraction = (modelledDurationMs(measured, cpu, a) - (measured - cpu)) / atA;
    expect(atA * cpuDurationScale({ memoryMb: a, cpuFraction }, b)).toBeCloseTo(atB, 9);
  });

  it('a simulated A/B of memory sizes follows the CPU share; without a CPU statement durations stay as given', () => {
    const base: Scenario = {
      ...DEFAULT_SCENARIO,
      durationS: 60,
      traffic: { kind: 'constant', rps: 5 },
      duration: { model: 'fixed', ms: 800 },
      function: { ...DEFAULT_SCENARIO.function, memoryMb: 128, timeoutS: 10 },
    };
    const at = (memoryMb: number, withCpu: boolean): number =>
      new Simulation({ ...base, function: { ...base.function, memoryMb }, ...(withCpu ? { cpu: { memoryMb: 128, cpuFraction: 1 } } : {}) }).runToEnd().durationMs.p50 ?? Number.NaN;
    expect(at(128, true)).toBeCloseTo(800, 6);
    expect(at(1024, true)).toBeCloseTo(100, 6);
    expect(at(1024, false)).toBeCloseTo(800, 6);
  });
});
