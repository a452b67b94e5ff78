import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock';
import { DEFAULT_CONFIG } from '../core/functionConfig';
import { PlatformClock } from '../core/platformClock';
import { LiveDriver } from './liveDriver';
import { PlatformScheduler, type TimerHost } from './platformScheduler';

const CONFIG = { ...DEFAULT_CONFIG, code: 'export const handler = async () => "ok";' };
const noTimers: TimerHost = { setTimeout: () => 0, clearTimeout: () => undefined };

function driver(): { d: LiveDriver; scheduler: PlatformScheduler } {
  const scheduler = new PlatformScheduler(new PlatformClock(new ManualClock(0), 60), noTimers);
  return { d: new LiveDriver(CONFIG, { seed: 1, scheduler }), scheduler };
}

describe('LiveDriver: disposal and cancellation', () => {
  it('dispose() rejects every pending invoke with the reason, and clears its timers on the shared scheduler', async () => {
    const { d, scheduler } = driver();
    const pending = d.invoke('{}');
    expect(scheduler.size()).toBeGreaterThan(0); // the init limit, at least
    expect(scheduler.clock.executingCount()).toBe(1); // the cold start holds platform time at real speed
    d.dispose('The workspace was closed.');
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'The workspace was closed.' });
    expect(scheduler.size()).toBe(0);
    expect(scheduler.clock.executingCount()).toBe(0);
    await expect(d.invoke('{}')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an aborted signal rejects the invoke; one aborted before the call never reaches the platform', async () => {
    const { d } = driver();
    const controller = new AbortController();
    const pending = d.invoke('{}', { signal: controller.signal });
    controller.abort('The user pressed Stop.');
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'The user pressed Stop.' });
    const environments = d.environments().length;
    await expect(d.invoke('{}', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(d.environments()).toHaveLength(environments);
    d.dispose();
  });
});

describe('LiveDriver: observers', () => {
  it('an observer that throws does not stop the platform: the next observer still sees the commands', () => {
    const { d } = driver();
    const seen: string[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      d.subscribe(() => {
        throw new Error('view bug');
      });
      d.subscribe((commands) => seen.push(...commands.map((c) => c.type)));
      void d.invoke('{}').catch(() => undefined);
      expect(seen).toContain('startEnvironment');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
      d.dispose();
    }
  });
});

describe('LiveDriver: SnapStart', () => {
  it("takeSnapshot starts one environment in the snapshot phase with the version's seed; dispose rejects the pending publish", async () => {
    const scheduler = new PlatformScheduler(new PlatformClock(new ManualClock(0), 60), noTimers);
    const specs: unknown[] = [];
    const d = new LiveDriver({ ...CONFIG, runtime: 'python3.12' }, { seed: 1, scheduler, version: '3', snapStart: { seed: 99 } });
    d.subscribe((commands) => {
      for (const c of commands) if (c.type === 'startEnvironment') specs.push(c.spec.snapStart);
    });
    const snapshot = d.takeSnapshot();
    expect(specs).toEqual([{ phase: 'snapshot', seed: 99 }]);
    void d.invoke('{}').catch(() => undefined);
    expect(specs).toEqual([
      { phase: 'snapshot', seed: 99 },
      { phase: 'restore', seed: 99 },
    ]);
    d.dispose('The function was removed.');
    await expect(snapshot).rejects.toMatchObject({ name: 'AbortError', message: 'The function was removed.' });
  });
});
