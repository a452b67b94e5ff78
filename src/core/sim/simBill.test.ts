import { describe, expect, it, vi } from 'vitest';
import { computeBill, type ProvisionedChange } from '../billing';
import type { InvocationRecord } from '../invocationRecord';
import { DEFAULT_SCENARIO, SIM_START_MS, type Scenario } from './scenario';
import { Simulation } from './simulation';

// Whole simulated runs: a few seconds alone, several times that on a machine shared with other jobs.
vi.setConfig({ testTimeout: 60_000 });

/** The simulation's bill beside billing.ts's, computed from every record of the same run. */
function bothBills(scenario: Scenario) {
  const records: InvocationRecord[] = [];
  const provisioned: ProvisionedChange[] = [];
  const report = new Simulation(scenario, {
    observe: (c) => {
      if (c.type === 'complete') records.push(c.record);
      if (c.type === 'notice' && c.notice.kind === 'provisioned') provisioned.push({ ...c.notice });
    },
  }).runToEnd();
  const reference = computeBill({
    records,
    provisioned,
    startMs: SIM_START_MS,
    nowMs: SIM_START_MS + scenario.durationS * 1000,
    freeTier: scenario.billing.freeTier,
    granularityMs: scenario.billing.granularityMs,
  });
  return { sim: report.cost, reference };
}

const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('the simulated bill', () => {
  const base: Scenario = {
    ...DEFAULT_SCENARIO,
    durationS: 600,
    traffic: { kind: 'spike', baseRps: 20, spikeRps: 300, spikeStartS: 200, spikeDurationS: 60 },
    duration: { model: 'lognormal', meanMs: 120, sdMs: 90 },
    initDuration: { model: 'normal', meanMs: 200, sdMs: 50 },
  };
  it.each([
    ['on-demand, 1 ms', base],
    ['100 ms rounding, arm64', { ...base, function: { ...base.function, architecture: 'arm64' as const }, billing: { freeTier: false, granularityMs: 100 as const } }],
    ['free tier', { ...base, billing: { freeTier: true, granularityMs: 1 as const } }],
    ['provisioned concurrency 20', { ...base, concurrency: { ...base.concurrency, provisionedConcurrency: 20 } }],
    ['ephemeral storage 4,096 MB, free tier', { ...base, function: { ...base.function, ephemeralStorageMb: 4096 }, billing: { freeTier: true, granularityMs: 1 as const } }],
  ])('adds up to what billing.ts bills for every record: %s', (_name, scenario) => {
    const { sim, reference } = bothBills(scenario);
    expect(sim.requests.count).toBe(reference.requests.count);
    if (scenario.function.ephemeralStorageMb) {
      // 3.5 GB above the free 512 MB for every billed second.
      const billedS = reference.rows.reduce((s, r) => s + r.billedMs, 0) / 1000;
      close(sim.ephemeralStorage.gbSeconds, 3.5 * billedS);
      expect(sim.ephemeralStorage.usd).toBeGreaterThan(0);
    }
    for (const line of ['invoke', 'init', 'ephemeralStorage', 'provisionedConcurrency', 'provisionedInvocations'] as const) {
      close(sim[line].gbSeconds, reference[line].gbSeconds);
      close(sim[line].usd, reference[line].usd);
    }
    close(sim.grossUsd, reference.grossUsd);
    close(sim.totalUsd, reference.totalUsd);
    close(sim.freeTier.usd, reference.freeTier.usd);
    close(sim.projectedMonthlyUsd ?? 0, reference.projectedMonthlyUsd ?? 0);
  });
});

describe('determinism', () => {
  const scenario: Scenario = { ...DEFAULT_SCENARIO, durationS: 120, traffic: { kind: 'poisson', rps: 200, seed: 4 }, duration: { model: 'exponential', meanMs: 80 } };
  it('a scenario and its seeds always give the same report', () => {
    expect(new Simulation(scenario).runToEnd()).toEqual(new Simulation(scenario).runToEnd());
  });
  it('another seed gives another run', () => {
    const a = new Simulation(scenario).runToEnd();
    const b = new Simulation({ ...scenario, seed: 2 }).runToEnd();
    expect(a.durationMs).not.toEqual(b.durationMs);
  });
  it('progress runs in slices to the same end', () => {
    const sim = new Simulation(scenario);
    let slices = 0;
    while (!sim.run(10_000)) slices += 1;
    expect(slices).toBeGreaterThan(3);
    expect(sim.progress().fraction).toBe(1);
    expect(sim.report()).toEqual(new Simulation(scenario).runToEnd());
  });
});
