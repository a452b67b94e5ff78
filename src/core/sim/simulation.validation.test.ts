import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { simulate } from './simulation';

// Whole simulated runs: a few seconds alone, several times that on a machine shared with other jobs.
vi.setConfig({ testTimeout: 60_000 });

/** No limit in the way: a large account, a scaling rate that never bites. */
const UNLIMITED: Scenario['concurrency'] = { accountConcurrency: 100_000, reservedConcurrency: null, provisionedConcurrency: 0, scaleBurst: 10_000, scaleWindowS: 1 };

function scenario(overrides: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, concurrency: UNLIMITED, function: { ...DEFAULT_SCENARIO.function, timeoutS: 900 }, ...overrides };
}

const within = (actual: number, expected: number, relative: number): void => {
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(relative);
};

describe('analytical checks', () => {
  it("Little's law: Poisson arrivals at λ with mean duration E[S] keep λ·E[S] environments busy", () => {
    // λ = 40/s, E[S] = 250 ms (exponential): 10 busy on average. A keep-alive longer than the run: (almost) no cold starts.
    const r = simulate(
      scenario({
        durationS: 7200,
        traffic: { kind: 'poisson', rps: 40, seed: 7 },
        duration: { model: 'exponential', meanMs: 250 },
        initDuration: { model: 'fixed', ms: 1 },
        keepAlive: { policy: 'fixed', minutes: 360 },
      }),
    );
    within(r.environments.averageBusy, 40 * 0.25, 0.02);
    expect(r.coldStarts.probability).toBeLessThan(0.0002);
  });

  it('the cold-start probability with keep-alive T and a slow rate λ is e^(−λT)', () => {
    // λ = 1 per 50 s, T = 60 s, handlers of 1 ms: the gap after each end is exponential, so P(cold) = e^(−1.2) ≈ 0.301.
    const r = simulate(
      scenario({
        durationS: 1_000_000,
        traffic: { kind: 'poisson', rps: 0.02, seed: 11 },
        duration: { model: 'fixed', ms: 1 },
        initDuration: { model: 'fixed', ms: 1 },
        keepAlive: { policy: 'fixed', minutes: 1 },
      }),
    );
    const expected = Math.exp(-0.02 * 60);
    // About 20,000 requests: one standard error is about 0.0032, so 5 % is about 5 standard errors.
    within(r.coldStarts.probability ?? 0, expected, 0.05);
  });
});

describe('a published simulator: the SimFaaS README case (Mahmoudi & Khazaei)', () => {
  it('λ = 0.9/s, warm 1.991 s, cold 2.244 s, expiry 600 s, 10⁶ s: within 10 % of its cold-start probability and environment counts', () => {
    // SimFaaS draws warm and cold service times from exponentials; here a cold start is an Init of 253 ms followed by
    // the warm (exponential) Duration, the same 2.244 s on average. It expires an instance 600 s after its last use,
    // as Lambda's keep-alive does.
    const r = simulate(
      scenario({
        durationS: 1_000_000,
        traffic: { kind: 'poisson', rps: 0.9, seed: 1 },
        duration: { model: 'exponential', meanMs: 1991 },
        initDuration: { model: 'fixed', ms: 2244 - 1991 },
        keepAlive: { policy: 'fixed', minutes: 10 },
      }),
    );
    within(r.coldStarts.probability ?? 0, 0.0014, 0.1);
    within(r.environments.average, 7.66, 0.1);
    within(r.environments.averageBusy, 1.79, 0.1);
    within(r.environments.averageIdle, 5.87, 0.1);
  });
});
