import { describe, expect, it } from 'vitest';
import { validateSettings, DEFAULT_SETTINGS } from './platformSettings';
import { ScenarioDriver } from './scenario.test-support';

/** Two environments made busy together, then idle (env-1 used first, env-2 last); returns the environment the next request went to. */
function nextEnvironment(d: ScenarioDriver): string {
  d.invoke();
  d.invoke();
  d.initDone('env-1', 1);
  d.initDone('env-2', 1);
  d.invokeDone('env-1', 1);
  d.invokeDone('env-2', 1);
  const t = d.invoke();
  d.invokeDone(d.commands('invoke').at(-1)?.envId ?? '', 1);
  return d.completion(t).record.envId;
}

describe('routing among idle environments', () => {
  it.each([
    ['most-recent', 'env-2'],
    ['least-recent', 'env-1'],
  ] as const)('%s takes %s', (routing, env) => {
    expect(nextEnvironment(new ScenarioDriver({ settings: { routing } }))).toBe(env);
  });

  it('random picks among the idle ones of the current version, with the seeded generator', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed += 1) seen.add(nextEnvironment(new ScenarioDriver({ seed, settings: { routing: 'random' } })));
    expect([...seen].sort()).toEqual(['env-1', 'env-2']);
  });
});

describe('environment lifetime: replaced every few hours even under steady traffic', () => {
  it('an environment past its lifetime is recycled when its request ends; the next request is cold, "recycled"', () => {
    const d = new ScenarioDriver({ settings: { lifetimeMinMs: 3_600_000, lifetimeMaxMs: 3_600_000, keepAliveMs: 6 * 3_600_000 } });
    d.invoke();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1);
    // Requests every 10 minutes keep it warm for an hour.
    for (let i = 0; i < 5; i += 1) {
      d.advance(600_000);
      const t = d.invoke();
      d.invokeDone('env-1', 1);
      expect(d.completion(t).record.cold).toBe(false);
    }
    d.advance(600_000);
    d.invoke();
    d.invokeDone('env-1', 1);
    expect(d.notices('environment').filter((n) => n.state === 'destroyed')).toEqual([expect.objectContaining({ envId: 'env-1', reason: 'recycled' })]);
    const t = d.invoke();
    d.initDone('env-2', 1);
    d.invokeDone('env-2', 1);
    expect(d.completion(t).record).toMatchObject({ cold: true, coldReason: 'recycled' });
  });

  it('0 and 0 turns it off; bounds out of order are refused', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, lifetimeMinMs: 0, lifetimeMaxMs: 0 })).toEqual([]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, lifetimeMinMs: 7_200_000, lifetimeMaxMs: 3_600_000 })).toEqual([{ field: 'lifetimeMaxMs', message: 'The longest lifetime must not be shorter than the shortest.' }]);
  });
});
