import { describe, expect, it, vi } from 'vitest';
import type { PlatformCommand } from '../platformTypes';
import { DEFAULT_HYBRID, DEFAULT_SCENARIO, type Scenario } from './scenario';
import { Simulation } from './simulation';

// Whole simulated runs: a few seconds alone, several times that on a machine shared with other jobs.
vi.setConfig({ testTimeout: 60_000 });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|req-\d+/g;
// coldReason explains a decision to people (the Response's "Why cold"); lean mode makes the same decision without writing the explanation.
const UNREAD = new Set(['logs', 'logStreamName', 'variables', 'coldReason']);

/**
 * Every command of a run, as text, with request ids renamed in order of
 * appearance and what only people read left out. Environment notices come
 * after the other commands, in their own order: lean mode gives them to the
 * simulation's metrics as they happen (the platform's `onEnvironment` path)
 * rather than as commands, so observers see each one before the commands of
 * the event that caused it, not among them. Both orders must match full mode.
 */
function commandsOf(scenario: Scenario, lean: boolean): string[] {
  const commands: string[] = [];
  const environments: string[] = [];
  const observe = (c: PlatformCommand): void => {
    // A provisioned environment's init log carries log lines only, which lean mode makes none of.
    if (c.type === 'notice' && c.notice.kind === 'initLog') return;
    const text = JSON.stringify(c, (key, value: unknown) => (UNREAD.has(key) ? undefined : value));
    (c.type === 'notice' && c.notice.kind === 'environment' ? environments : commands).push(text);
  };
  const sim = new Simulation(scenario, { lean, observe });
  sim.run();
  const names = new Map<string, string>();
  return [...commands, ...environments].map((text) =>
    text.replace(UUID, (id) => {
      let name = names.get(id);
      if (!name) {
        name = `#${names.size + 1}`;
        names.set(id, name);
      }
      return name;
    }),
  );
}

const BUSY: Scenario = {
  ...DEFAULT_SCENARIO,
  seed: 5,
  durationS: 300,
  traffic: { kind: 'spike', baseRps: 20, spikeRps: 400, spikeStartS: 60, spikeDurationS: 30 },
  function: { ...DEFAULT_SCENARIO.function, timeoutS: 1 },
  // Some invocations run past the 1 s timeout; some throw.
  duration: { model: 'lognormal', meanMs: 300, sdMs: 400 },
  initDuration: { model: 'normal', meanMs: 150, sdMs: 40 },
  errorRate: 0.05,
  keepAlive: { policy: 'fixed', minutes: 1 },
  concurrency: { accountConcurrency: 1000, reservedConcurrency: 60, provisionedConcurrency: 10, scaleBurst: 50, scaleWindowS: 10 },
};

describe('lean mode', () => {
  it('makes every decision the full model makes: same commands, in the same order, ids and log lines aside (environment notices in their own order)', () => {
    const full = commandsOf(BUSY, false);
    const lean = commandsOf(BUSY, true);
    expect(full.length).toBeGreaterThan(50_000);
    expect(lean).toEqual(full);
    const text = full.join('\n');
    // The run did meet the rules it is meant to exercise.
    for (const seen of ['"outcome":"timeout"', '"outcome":"error"', 'ReservedFunctionConcurrentInvocationLimitExceeded', '"reason":"reclaimed"', '"provisioned":true']) {
      expect(text).toContain(seen);
    }
  });

  it('the same with asynchronous invocations: throttle backoff, retries after errors and timeouts', () => {
    const scenario: Scenario = {
      ...BUSY,
      durationS: 90,
      traffic: { kind: 'spike', baseRps: 10, spikeRps: 300, spikeStartS: 20, spikeDurationS: 10 },
      invocationType: 'Event',
      async: { maximumRetryAttempts: 1, maximumEventAgeS: 300 },
    };
    const full = commandsOf(scenario, false);
    expect(commandsOf(scenario, true)).toEqual(full);
    const text = full.join('\n');
    for (const seen of ['"kind":"asyncRetry"', '"cause":"throttle"', '"cause":"function-error"', '"result":"on-failure"']) expect(text).toContain(seen);
  });

  it('the same under the hybrid keep-alive policy, which unloads environments and pre-warms them', () => {
    // One request every 20 minutes: idle times cluster at 19–20 minutes, so the policy pre-warms just before each.
    const scenario: Scenario = {
      ...BUSY,
      durationS: 8 * 3600,
      traffic: { kind: 'replay', perMinute: [1, ...Array<number>(19).fill(0)], scale: 1, poisson: false, seed: 1 },
      errorRate: 0,
      keepAlive: { ...DEFAULT_HYBRID, policy: 'hybrid', minObservations: 3 },
      concurrency: { ...BUSY.concurrency, provisionedConcurrency: 0 },
    };
    const full = commandsOf(scenario, false);
    expect(commandsOf(scenario, true)).toEqual(full);
    expect(full.join('\n')).toContain('"timerId":"prewarm:');
  });

  it('gives the same report', () => {
    const lean = new Simulation(BUSY, { lean: true }).runToEnd();
    const full = new Simulation(BUSY, { lean: false }).runToEnd();
    expect(lean).toEqual(full);
  });
});
