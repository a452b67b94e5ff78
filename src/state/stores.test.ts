import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveDriver } from '../bridge/liveDriver';
import { DEFAULT_SETTINGS } from '../core/platformSettings';
import { ManualTimers } from '../bridge/manualTimers.test-support';
import { session, startSession } from './currentSession';
import { usePlayground } from './playgroundStore';
import { ALL_FUNCTIONS, runRecorder, useRun } from './runStore';
import { lessonActions } from './lessons/lessonActions';
import { sentSoFar } from './sentCounter';
import { sourceById, useSources } from './sourcesStore';
import { useVersions } from './versionsStore';
import { applyWorkspace, captureWorkspace, exampleWorkspace } from './workspaceSnapshot';

/**
 * The stores as slices of a session: each test starts one on hand-driven
 * timers and a manual clock (what main.tsx does with the page's), so nothing
 * here waits on real time. Environments never start in Node (no sandbox
 * frames): these tests are about what the stores do with the session.
 */
let timers: ManualTimers;
beforeEach(async () => {
  timers = new ManualTimers();
  startSession({ timers, clock: timers.clock, driver: { seed: 3 } });
  // The stores outlive a session: each test starts from the example workspace.
  await applyWorkspace(exampleWorkspace());
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

  it("settings are each function's own: the form shows the selected function's, the session runs each with its own, a workspace keeps them", async () => {
    const play = usePlayground.getState();
    const first = fnId();
    useRun.getState().setSettings({ ...useRun.getState().settings, reservedConcurrency: 7, keepAliveMs: 60_000 });
    const second = play.addFunction();
    usePlayground.getState().selectFunction(second);
    expect(useRun.getState().settings.reservedConcurrency).toBeNull();
    useRun.getState().setSettings({ ...useRun.getState().settings, maximumRetryAttempts: 0, waitScale: 10 });
    expect(session().settingsOf(first)).toMatchObject({ reservedConcurrency: 7, keepAliveMs: 60_000, maximumRetryAttempts: 2, waitScale: 10 });
    expect(session().settingsOf(second)).toMatchObject({ reservedConcurrency: null, keepAliveMs: 600_000, maximumRetryAttempts: 0, waitScale: 10 });
    // Saved and opened again: each function keeps its own.
    const saved = captureWorkspace('two functions', []);
    expect(saved.concurrency.maximumRetryAttempts).toBe(0);
    expect(saved.functions[0]?.concurrency).toMatchObject({ reservedConcurrency: 7, keepAliveMs: 60_000 });
    expect(saved.functions[1]?.concurrency).toBeUndefined();
    await applyWorkspace(saved);
    const [a, b] = usePlayground.getState().functions;
    expect(session().settingsOf(a?.id ?? '')).toMatchObject({ reservedConcurrency: 7, maximumRetryAttempts: 2 });
    expect(session().settingsOf(b?.id ?? '')).toMatchObject({ reservedConcurrency: null, maximumRetryAttempts: 0 });
  });

  it("provisioned concurrency on an alias (the lesson's action): the version holds it, the bill hears of it, a workspace keeps it; on $LATEST none starts", async () => {
    useRun.getState().setSettings({ ...useRun.getState().settings, provisionedConcurrency: 2 });
    expect(session().provisionedOf(fnId()).size).toBe(0);
    lessonActions.provisionOnAlias('live', 2);
    const versions = useVersions.getState();
    expect(versions.byFunction[fnId()]?.aliases.map((a) => [a.name, a.functionVersion])).toEqual([['live', 1]]);
    expect(versions.qualifier[fnId()]).toBe('live');
    expect(Object.fromEntries(session().provisionedOf(fnId()))).toEqual({ 1: 2 });
    expect(session().existingDriver(fnId())).toBeNull();
    // A fresh run knows the allocation is there, held by version 1.
    useRun.getState().resetRun();
    expect(runRecorder(fnId()).provisionedChanges()).toEqual([expect.objectContaining({ count: 2, source: ':1' })]);
    const saved = captureWorkspace('provisioned', []);
    expect(saved.concurrency).toMatchObject({ provisionedConcurrency: 2, provisionedQualifier: 'live' });
    await applyWorkspace(saved);
    expect(Object.fromEntries(session().provisionedOf(usePlayground.getState().selectedId))).toEqual({ 1: 2 });
    // A workspace from before versions: its provisioned concurrency was on $LATEST, which Lambda refuses.
    await applyWorkspace({ ...saved, concurrency: { ...saved.concurrency, provisionedQualifier: '$LATEST' } });
    expect(useRun.getState().settings).toMatchObject({ provisionedConcurrency: 2, provisionedQualifier: '$LATEST' });
    expect(session().provisionedOf(usePlayground.getState().selectedId).size).toBe(0);
  });

  it('the reservations of all the functions together must leave 100 unreserved: the one that would not is refused, the others stay', () => {
    const first = fnId();
    useRun.getState().setSettings({ ...useRun.getState().settings, reservedConcurrency: 600 });
    const second = usePlayground.getState().addFunction();
    usePlayground.getState().selectFunction(second);
    useRun.getState().setSettings({ ...useRun.getState().settings, reservedConcurrency: 350 });
    expect(useRun.getState().settingsProblems.map((p) => p.message)).toEqual([
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    ]);
    expect(session().settingsOf(second).reservedConcurrency).toBeNull();
    expect(session().settingsOf(first).reservedConcurrency).toBe(600);
    expect(session().account.unreservedPool()).toBe(400);
  });
});

describe('SnapStart publishing', () => {
  const python = (): ReturnType<typeof usePlayground.getState>['config'] => ({
    ...usePlayground.getState().config,
    runtime: 'python3.12',
    fileName: 'lambda_function.py',
    handler: 'lambda_function.lambda_handler',
    code: 'import random\nVALUE = random.random()\ndef lambda_handler(event, context):\n    return VALUE\n',
  });

  it("records the snapshot (seed, when, its Init) on the version, and the version's cold starts restore with that seed", async () => {
    useRun.getState().setSettings({ ...useRun.getState().settings, snapStart: 'PublishedVersions' });
    // No sandbox frames in Node: the snapshot's Init answers as a runtime would, after 812.5 ms of platform time.
    const taken = vi.spyOn(LiveDriver.prototype, 'takeSnapshot').mockImplementation(() => Promise.resolve({ kind: 'snapshot', atMs: session().now() + 812.5, status: 'ready', initDurationMs: 812.5 }));
    try {
      const publishing = useVersions.getState().publish(fnId(), python(), 'with a snapshot');
      expect(useVersions.getState().snapshotting[fnId()]).toBe(1);
      expect(useVersions.getState().message?.kind).toBe('pending');
      await publishing;
    } finally {
      taken.mockRestore();
    }
    const version = useVersions.getState().byFunction[fnId()]?.versions[0];
    expect(version?.snapStart).toEqual({ seed: expect.any(Number), takenAtMs: session().now() + 812.5, initDurationMs: 812.5 });
    expect(useVersions.getState().message?.text).toContain('SnapStart: snapshot ready');
    expect(useVersions.getState().snapshotting).toEqual({});
    const specs: unknown[] = [];
    const off = session().onPlatformCommands((_id, commands) => {
      for (const c of commands) if (c.type === 'startEnvironment') specs.push(c.spec.snapStart);
    });
    useVersions.getState().setQualifier(fnId(), '1');
    void usePlayground.getState().invoke();
    off();
    expect(specs).toEqual([{ phase: 'restore', seed: version?.snapStart?.seed }]);
    // Saved and opened again, the version keeps its snapshot.
    await applyWorkspace(captureWorkspace('snapstart', []));
    expect(useVersions.getState().byFunction[usePlayground.getState().selectedId]?.versions[0]?.snapStart).toEqual(version?.snapStart);
    expect(session().settingsOf(usePlayground.getState().selectedId).snapStart).toBe('PublishedVersions');
  });

  it("Lambda's refusal: SnapStart on a Node.js runtime publishes nothing", async () => {
    useRun.getState().setSettings({ ...useRun.getState().settings, snapStart: 'PublishedVersions' });
    await useVersions.getState().publish(fnId(), usePlayground.getState().config, '');
    expect(useVersions.getState().byFunction[fnId()]?.versions ?? []).toEqual([]);
    expect(useVersions.getState().message).toEqual({ kind: 'problem', text: `InvalidParameterValueException: ${usePlayground.getState().config.runtime} is not supported for SnapStart enabled functions.` });
  });

  it('an Init that fails (here its environment cannot start) fails the publish: no version', async () => {
    useRun.getState().setSettings({ ...useRun.getState().settings, snapStart: 'PublishedVersions' });
    const publishing = useVersions.getState().publish(fnId(), python(), '');
    await publishing;
    expect(useVersions.getState().byFunction[fnId()]?.versions ?? []).toEqual([]);
    expect(useVersions.getState().message?.text).toMatch(/^Publishing version 1 failed: its Init failed, so no snapshot was taken\. Runtime\.ExitError: /);
  });
});
