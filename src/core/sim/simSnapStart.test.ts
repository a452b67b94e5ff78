import { describe, expect, it } from 'vitest';
import { SNAP_START_PRICES } from '../snapStart';
import { validateScenario } from './scenarioFile';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { Simulation } from './simulation';

/** A Python function, cold starts at 20 rps spread over a minute, with SnapStart's restore in place of Init. */
const scenario: Scenario = {
  ...DEFAULT_SCENARIO,
  durationS: 60,
  traffic: { kind: 'constant', rps: 20 },
  function: { memoryMb: 1024, timeoutS: 3, architecture: 'x86_64', runtime: 'python3.13' },
  duration: { model: 'fixed', ms: 100 },
  initDuration: { model: 'fixed', ms: 900 },
  snapStart: { afterRestoreDuration: { model: 'fixed', ms: 20 } },
};

describe('SnapStart in the scale simulation (the same core, modelled figures)', () => {
  it('every cold start restores: Restore Duration 400 + 20 ms, Billed Restore Duration 20 ms, no Init Duration; restores and the cache are billed', () => {
    const records: { cold: boolean; initDurationMs?: number; restoreDurationMs?: number; billedRestoreDurationMs?: number; billedDurationMs: number }[] = [];
    const report = new Simulation(scenario, {
      observe: (c) => {
        if (c.type === 'complete') records.push(c.record);
      },
    }).runToEnd();
    const cold = records.filter((r) => r.cold);
    expect(cold.length).toBeGreaterThan(0);
    for (const r of cold) {
      expect(r.initDurationMs).toBeUndefined();
      expect(r.restoreDurationMs).toBe(420);
      expect(r.billedRestoreDurationMs).toBe(20);
      expect(r.billedDurationMs).toBe(120);
    }
    expect(records.filter((r) => !r.cold).every((r) => r.restoreDurationMs === undefined)).toBe(true);
    const bill = report.cost;
    expect(bill.snapStart.restores).toBe(cold.length);
    expect(bill.snapStart.restoreUsd).toBeCloseTo(cold.length * SNAP_START_PRICES.restoreGbUsd, 15);
    expect(bill.init.gbSeconds).toBe(0);
    // The snapshot is cached for the whole minute: billed its 3-hour minimum at 1 GB.
    expect(bill.snapStart.cache.gbSeconds).toBeCloseTo(3 * 3600, 6);
  });

  it('the lean run (no records) bills the same restores', () => {
    const lean = new Simulation(scenario).runToEnd().cost;
    const observed = new Simulation(scenario, { observe: () => undefined }).runToEnd().cost;
    expect(lean.snapStart).toEqual(observed.snapStart);
    expect(lean.totalUsd).toBeCloseTo(observed.totalUsd, 12);
  });

  it("Lambda's refusals apply to a scenario: a Node.js runtime, provisioned concurrency", () => {
    expect(validateScenario({ ...scenario, function: { ...scenario.function, runtime: 'nodejs22.x' } })).toEqual([
      'snapStart: InvalidParameterValueException: nodejs22.x is not supported for SnapStart enabled functions.',
    ]);
    expect(validateScenario({ ...scenario, concurrency: { ...scenario.concurrency, provisionedConcurrency: 1 } })).toEqual([
      'snapStart: InvalidParameterValueException: SnapStart is not supported for functions with provisioned concurrency.',
    ]);
    expect(validateScenario(scenario)).toEqual([]);
  });
});
