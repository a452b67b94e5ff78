import { describe, expect, it, vi } from 'vitest';
import { HybridHistogramPolicy } from './hybridHistogramPolicy';
import { DEFAULT_HYBRID, DEFAULT_SCENARIO, type Scenario } from './scenario';
import { simulate } from './simulation';

// Whole simulated runs: a few seconds alone, several times that on a machine shared with other jobs.
vi.setConfig({ testTimeout: 60_000 });

const MIN = 60_000;

describe('HybridHistogramPolicy', () => {
  it('keeps environments for the whole histogram range until it has seen enough idle times', () => {
    const policy = new HybridHistogramPolicy(DEFAULT_HYBRID);
    expect(policy.current()).toEqual({ mode: 'warming-up', prewarmMs: 0, keepAliveMs: 240 * MIN });
    for (let i = 0; i < 9; i++) policy.observeIdleTime(29.5 * MIN);
    expect(policy.current().mode).toBe('warming-up');
  });

  it('idle times clustered at 29–30 minutes: pre-warm from the head (less 10 %), keep alive to the tail (plus 10 %)', () => {
    const policy = new HybridHistogramPolicy(DEFAULT_HYBRID);
    for (let i = 0; i < 100; i++) policy.observeIdleTime(29.5 * MIN);
    const w = policy.current();
    expect(w.mode).toBe('histogram');
    expect(w.prewarmMs).toBeCloseTo(29 * MIN * 0.9);
    expect(w.keepAliveMs).toBeCloseTo((30 * MIN - 29 * MIN * 0.9) * 1.1);
  });

  it('a busy function (idle times under a minute) gets no pre-warm and a keep-alive of 1.1 minutes', () => {
    const policy = new HybridHistogramPolicy(DEFAULT_HYBRID);
    for (let i = 0; i < 1000; i++) policy.observeIdleTime(i % 7);
    expect(policy.current()).toEqual({ mode: 'histogram', prewarmMs: 0, keepAliveMs: 1.1 * MIN });
  });

  it('idle times spread evenly over the range are not a pattern: plain keep-alive for the range', () => {
    const policy = new HybridHistogramPolicy(DEFAULT_HYBRID);
    for (let i = 0; i < 2400; i++) policy.observeIdleTime((i % 240) * MIN + 1);
    expect(policy.current().mode).toBe('warming-up');
    expect(policy.keepAliveMs()).toBe(240 * MIN);
  });

  it('mostly beyond the range: windows around the mean of the latest long idle times (15 % margin)', () => {
    const policy = new HybridHistogramPolicy(DEFAULT_HYBRID);
    for (let i = 0; i < 20; i++) policy.observeIdleTime(6 * 60 * MIN);
    const w = policy.current();
    expect(w.mode).toBe('long-idle');
    expect(w.prewarmMs).toBeCloseTo(0.85 * 360 * MIN);
    expect(w.keepAliveMs).toBeCloseTo(0.3 * 360 * MIN);
  });
});

describe('the hybrid policy in a simulation', () => {
  // One request every 30 minutes for two days.
  const periodic: Scenario = {
    ...DEFAULT_SCENARIO,
    durationS: 2 * 86_400,
    traffic: { kind: 'replay', perMinute: [1, ...Array<number>(29).fill(0)], scale: 1, poisson: false, seed: 1 },
  };

  it('turns the cold starts of a periodic function warm and holds less idle memory than a fixed keep-alive', () => {
    const fixed10 = simulate({ ...periodic, keepAlive: { policy: 'fixed', minutes: 10 } });
    const fixed240 = simulate({ ...periodic, keepAlive: { policy: 'fixed', minutes: 240 } });
    const hybrid = simulate({ ...periodic, keepAlive: { ...DEFAULT_HYBRID, policy: 'hybrid' } });
    expect(fixed10.coldStarts.count).toBe(96);
    // The first request, then one after each end of the environment's lifetime (2–6 h: Lambda replaces environments every few hours).
    expect(fixed240.coldStarts.count).toBe(11);
    // Cold while it learns (10 idle times), then pre-warmed before each request.
    expect(hybrid.coldStarts.count).toBeLessThanOrEqual(12);
    expect(hybrid.keepAlive.windows?.mode).toBe('histogram');
    expect(hybrid.environments.idleGbSeconds).toBeLessThan(fixed240.environments.idleGbSeconds / 3);
  });
});
