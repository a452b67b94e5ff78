import { describe, expect, it, vi } from 'vitest';
import type { LoadPlan } from '../loadPattern';
import { replayLive } from './liveReplay.test-support';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { simulate } from './simulation';

// Whole simulated runs: a few seconds alone, several times that on a machine shared with other jobs.
vi.setConfig({ testTimeout: 60_000 });

/** 20 requests per second for 60 s, synchronous: small enough to run live in a browser tab. */
const PLAN: LoadPlan = { pattern: { kind: 'constant', rps: 20 }, durationS: 60, invocationType: 'RequestResponse' };

function scenarioFor(duration: Scenario['duration'], initDuration: Scenario['initDuration']): Scenario {
  return { ...DEFAULT_SCENARIO, durationS: PLAN.durationS, traffic: { kind: 'constant', rps: 20 }, duration, initDuration };
}

describe('live and simulated agree (README: "Live and simulated")', () => {
  it('a 120 ms handler at 20 rps: the same cold starts and environments, busy time within 3 %', () => {
    const live = replayLive(PLAN, scenarioFor({ model: 'fixed', ms: 120 }, { model: 'fixed', ms: 8.5 }), 120);
    const sim = simulate(scenarioFor({ model: 'fixed', ms: 120 }, { model: 'fixed', ms: 8.5 }));
    expect(sim.requests.invocations).toBe(1200);
    expect(live.metrics.totals.invocations).toBe(1200);
    // Requests 50 ms apart, each holding an environment 120 ms plus at most ~20 ms of jitter: three environments,
    // three cold starts, whichever side runs it. Exact: 120 ms is far from a multiple of the 50 ms gap.
    expect(sim.coldStarts.count).toBe(3);
    expect(live.metrics.totals.coldStarts).toBe(sim.coldStarts.count);
    expect(live.metrics.peakEnvironments).toBe(sim.environments.peak);
    expect(live.metrics.totals.environmentsStarted).toBe(sim.environments.started);
    // Live environments stay busy for the message round trip and the timer's lateness too (≈ 2.3 ms of 120).
    const liveBusy = live.metrics.servingArea / (PLAN.durationS * 1000);
    expect(Math.abs(liveBusy - sim.environments.averageBusy) / liveBusy).toBeLessThan(0.03);
  });

  it('profiled from the live run, the simulation also takes in its jitter: busy time within 1 %', () => {
    const live = replayLive(PLAN, scenarioFor({ model: 'fixed', ms: 120 }, { model: 'fixed', ms: 8.5 }), 120, 3);
    const durations = live.records.map((r) => r.durationMs);
    const inits = live.records.flatMap((r) => (r.initDurationMs === undefined ? [] : [r.initDurationMs]));
    const sim = simulate(scenarioFor({ model: 'profiled', samplesMs: durations }, { model: 'profiled', samplesMs: inits }));
    const liveBusy = live.metrics.servingArea / (PLAN.durationS * 1000);
    expect(Math.abs(liveBusy - sim.environments.averageBusy) / liveBusy).toBeLessThan(0.01);
    expect(live.metrics.totals.coldStarts).toBe(sim.coldStarts.count);
  });

  it('at a multiple of the gap (100 ms at 20 rps, no Init to stagger the environments) a fixed model is one environment short; a profiled one agrees', () => {
    const live = replayLive(PLAN, scenarioFor({ model: 'fixed', ms: 100 }, { model: 'fixed', ms: 0 }), 100, 5, 0);
    const fixed = simulate(scenarioFor({ model: 'fixed', ms: 100 }, { model: 'fixed', ms: 0 }));
    // In the simulation an environment frees up at the very instant the next-but-one request arrives, and takes it:
    // two environments. Live, it is a message and a late timer behind: a third environment, a third cold start.
    expect(fixed.environments.peak).toBe(2);
    expect(live.metrics.peakEnvironments).toBe(3);
    expect(live.metrics.totals.coldStarts - fixed.coldStarts.count).toBe(1);
    const profiled = simulate(
      scenarioFor(
        { model: 'profiled', samplesMs: live.records.map((r) => r.durationMs) },
        { model: 'profiled', samplesMs: live.records.flatMap((r) => (r.initDurationMs === undefined ? [] : [r.initDurationMs])) },
      ),
    );
    expect(profiled.environments.peak).toBe(live.metrics.peakEnvironments);
    expect(profiled.coldStarts.count).toBe(live.metrics.totals.coldStarts);
  });
});
