import { describe, expect, it } from 'vitest';
import { ScenarioDriver } from './scenario.test-support';

/** Invoke once and let it finish on `envId`; returns its record's cold-start reason. */
function invokeOn(d: ScenarioDriver, envId: string, cold: boolean): string | undefined {
  const t = d.invoke();
  if (cold) d.initDone(envId, 10);
  d.invokeDone(envId, 5);
  const record = d.completion(t).record;
  expect(record.cold).toBe(cold);
  return record.coldReason;
}

describe('why a start was cold', () => {
  it('the first request, then warm (no reason), then a configuration change', () => {
    const d = new ScenarioDriver();
    expect(invokeOn(d, 'env-1', true)).toBe('first-request');
    expect(invokeOn(d, 'env-1', false)).toBeUndefined();
    d.configure({ memoryMb: 256 });
    expect(invokeOn(d, 'env-2', true)).toBe('config-changed');
  });

  it('a request while every environment is busy', () => {
    const d = new ScenarioDriver();
    const first = d.invoke();
    const second = d.invoke();
    d.initDone('env-1', 10);
    d.initDone('env-2', 10);
    d.invokeDone('env-1', 5);
    d.invokeDone('env-2', 5);
    expect(d.completion(first).record.coldReason).toBe('first-request');
    expect(d.completion(second).record.coldReason).toBe('all-busy');
  });

  it('after the keep-alive reclaimed the idle environment', () => {
    const d = new ScenarioDriver({ settings: { keepAliveMs: 60_000 } });
    invokeOn(d, 'env-1', true);
    d.advance(61_000);
    expect(invokeOn(d, 'env-2', true)).toBe('reclaimed');
  });

  it('after the environment crashed', () => {
    const d = new ScenarioDriver();
    invokeOn(d, 'env-1', true);
    const t = d.invoke();
    d.lost('env-1', 'crashed');
    expect(d.completion(t).record.outcome).toBe('crash');
    expect(invokeOn(d, 'env-2', true)).toBe('recycled');
  });

  it('a spill-over past provisioned concurrency', () => {
    const d = new ScenarioDriver({ settings: { provisionedConcurrency: 1 } });
    d.initDone('env-1', 10);
    const a = d.invoke();
    const b = d.invoke();
    d.initDone('env-2', 10);
    d.invokeDone('env-1', 5);
    d.invokeDone('env-2', 5);
    expect(d.completion(a).record.cold).toBe(false);
    expect(d.completion(b).record.coldReason).toBe('provisioned-spillover');
  });
});
