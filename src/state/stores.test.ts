import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/platformSettings';
import { ManualTimers } from '../bridge/manualTimers.test-support';
import { session, startSession } from './currentSession';
import { usePlayground } from './playgroundStore';
import { ALL_FUNCTIONS, runRecorder, useRun } from './runStore';
import { sentSoFar } from './sentCounter';
import { sourceById, useSources } from './sourcesStore';

/**
 * The stores as slices of a session: each test starts one on hand-driven
 * timers and a manual clock (what main.tsx does with the page's), so nothing
 * here waits on real time. Environments never start in Node (no sandbox
 * frames): these tests are about what the stores do with the session.
 */
let timers: ManualTimers;
beforeEach(() => {
  timers = new ManualTimers();
  startSession({ timers, clock: timers.clock, driver: { seed: 3 } });
  useRun.getState().resetRun();
});
afterEach(() => session().dispose());

const fnId = (): string => usePlayground.getState().selectedId;

describe('stores on a session', () => {
  it("the run store's recorders see the function's commands, per function and for the workspace, and publish in one batch", () => {
    const version = useRun.getState().version;
    void usePlayground.getState().invoke();
    const own = runRecorder(fnId()).timeline();
    const all = runRecorder(ALL_FUNCTIONS).timeline();
    expect(own.rows).toHaveLength(1);
    expect(all.rows).toHaveLength(1);
    expect(sentSoFar(fnId())).toBe(1);
    expect(useRun.getState().version).toBe(version);
    timers.advance(250);
    expect(useRun.getState().version).toBe(version + 1);
  });

  it('settings: invalid ones are listed and not applied; valid ones reach the session (and its clock)', () => {
    useRun.getState().setSettings({ ...DEFAULT_SETTINGS, reservedConcurrency: -1 });
    expect(useRun.getState().settingsProblems.length).toBeGreaterThan(0);
    expect(session().currentSettings().reservedConcurrency).toBe(DEFAULT_SETTINGS.reservedConcurrency);
    useRun.getState().setSettings({ ...DEFAULT_SETTINGS, waitScale: 60 });
    expect(useRun.getState().settingsProblems).toEqual([]);
    expect(session().currentSettings().waitScale).toBe(60);
    const t0 = session().now();
    timers.advance(1000);
    expect(session().now() - t0).toBeCloseTo(60_000, 0);
  });

  it("a load run sends on the session's timers: 2 requests a second for 3 s send 6, and Stop ends it", () => {
    useRun.getState().setPlan({ pattern: { kind: 'constant', rps: 2 }, durationS: 3, invocationType: 'RequestResponse' });
    useRun.getState().startLoad();
    expect(useRun.getState().startProblem).toBeNull();
    timers.advance(1600);
    const midway = sentSoFar(fnId());
    expect(midway).toBeGreaterThanOrEqual(3);
    expect(midway).toBeLessThan(6);
    timers.advance(2000);
    expect(sentSoFar(fnId())).toBe(6);
    expect(useRun.getState().loadState).toBe('finished');
  });

  it('a refused plan says why and sends nothing', () => {
    useRun.getState().setPlan({ pattern: { kind: 'constant', rps: -5 }, durationS: 3, invocationType: 'RequestResponse' });
    useRun.getState().startLoad();
    expect(useRun.getState().startProblem).toMatch(/./);
    timers.advance(5000);
    expect(sentSoFar(fnId())).toBe(0);
  });

  it("the sources store's triggers live in the session's hub: registered, found, removed", () => {
    const source = { id: 'sqs-orders', onTimer: () => undefined, onResult: () => undefined };
    useSources.getState().register({ sourceId: 'sqs-orders', kind: 'sqs', functionNames: ['x'] }, source);
    expect(sourceById('sqs-orders')).toBe(source);
    expect(session().sources.get('sqs-orders')).toBe(source);
    useSources.getState().removeTrigger('sqs-orders');
    expect(sourceById('sqs-orders')).toBeUndefined();
    expect(useSources.getState().triggers.some((t) => t.sourceId === 'sqs-orders')).toBe(false);
  });

  it('a new session disposes the old one: its pending invoke is rejected and its drivers are gone', async () => {
    const old = session();
    const { config } = usePlayground.getState();
    const pending = old.driverFor(fnId(), config).invoke('{}');
    const fresh = startSession({ timers, clock: timers.clock });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fresh.existingDriver(fnId())).toBeNull();
    expect(session()).toBe(fresh);
  });
});
