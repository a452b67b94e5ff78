import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type FunctionConfig } from '../core/functionConfig';
import type { PublishedVersion } from '../core/functionVersions';
import { DEFAULT_SETTINGS } from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { ManualTimers } from '../bridge/manualTimers.test-support';
import { Session } from './session';

const CONFIG = { ...DEFAULT_CONFIG, code: 'export const handler = async () => "ok";' };

function published(version: number, config: FunctionConfig): PublishedVersion {
  return { version, description: '', publishedAtMs: 0, codeSha256: '', config };
}

let open: Session[] = [];
function session(): { s: Session; timers: ManualTimers } {
  const timers = new ManualTimers();
  const s = new Session({ timers, clock: timers.clock, driver: { seed: 7 } });
  open.push(s);
  return { s, timers };
}
afterEach(() => {
  for (const s of open) s.dispose();
  open = [];
});

describe('Session: the composition root of live mode', () => {
  it("makes one driver per function, deploys a changed configuration to it, and tells listeners each command with its function's id", () => {
    const { s } = session();
    const seen: string[] = [];
    s.onPlatformCommands((id, commands) => seen.push(...commands.map((c) => `${id} ${c.type}`)));
    const d = s.driverFor('fn-1', CONFIG);
    expect(s.driverFor('fn-1', CONFIG)).toBe(d);
    expect(s.existingDriver('fn-2')).toBeNull();
    void d.invoke('{}').catch(() => undefined);
    expect(seen).toContain('fn-1 startEnvironment');
    const memory: number[] = [];
    s.onPlatformCommands((_id, commands) => {
      for (const c of commands) if (c.type === 'startEnvironment') memory.push(c.spec.config.memoryMb);
    });
    const changed = { ...CONFIG, memoryMb: 512 };
    expect(s.driverFor('fn-1', changed)).toBe(d);
    void d.invoke('{}').catch(() => undefined);
    expect(memory).toEqual([512]);
  });

  it("a published version runs its own driver, its commands are the function's, its origins are found, and removing the function ends every version", () => {
    const { s } = session();
    const seen: string[] = [];
    s.onPlatformCommands((id, commands) => {
      for (const c of commands) if (c.type === 'startEnvironment') seen.push(`${id} ${c.spec.envId} ${c.spec.functionVersion} ${c.spec.config.memoryMb}`);
    });
    const latest = s.driverFor('fn-1', CONFIG);
    const v1 = s.driverFor('fn-1', { ...CONFIG, memoryMb: 256 }, 1);
    expect(v1).not.toBe(latest);
    expect(s.driverFor('fn-1', { ...CONFIG, memoryMb: 256 }, 1)).toBe(v1);
    void latest.invoke('{}', { origin: 'Invoke button' }).catch(() => undefined);
    void v1.invoke('{}', { origin: 'Load test', qualifier: '1' }).catch(() => undefined);
    expect(seen).toEqual(['fn-1 env-1 $LATEST 128', 'fn-1 env-1-v1 1 256']);
    // Tickets are numbered across every driver of the page: look through the first thousand.
    const origins = Array.from({ length: 1000 }, (_, t) => s.originOf('fn-1', t + 1)).filter((o) => o !== null);
    expect(new Set(origins)).toEqual(new Set(['Invoke button', 'Load test']));
    expect(origins).toHaveLength(2);
    s.disposeDriver('fn-1');
    expect(s.existingDriver('fn-1')).toBeNull();
    expect(Array.from({ length: 1000 }, (_, t) => s.originOf('fn-1', t + 1)).filter((o) => o !== null)).toEqual([]);
  });

  it('platform time is the injected clock, compressed by the wait scale the settings give', () => {
    const { s, timers } = session();
    const start = s.now();
    expect(start).toBe(timers.clock.now());
    s.applySettings({ ...DEFAULT_SETTINGS, waitScale: 60 }, []);
    expect(s.currentSettings().waitScale).toBe(60);
    timers.advance(1000);
    expect(s.now() - start).toBeCloseTo(60_000, 0);
  });

  it('provisioned concurrency starts environments at once, in the version it is configured on: drivers are made for every deployable function', () => {
    const { s } = session();
    const starts: string[] = [];
    s.onPlatformCommands((id, commands) => {
      for (const c of commands) if (c.type === 'startEnvironment') starts.push(`${id} ${c.spec.envId} ${c.spec.functionVersion} ${c.spec.initializationType}`);
    });
    const versions = { versions: [published(1, CONFIG)], aliases: [] };
    s.applySettings({ ...DEFAULT_SETTINGS, provisionedConcurrency: 2, provisionedQualifier: '1' }, [
      { id: 'fn-1', config: CONFIG, versions },
      { id: 'fn-2', config: { ...CONFIG, name: 'other' }, versions },
    ]);
    // `$LATEST` holds none: only the version's driver was made.
    expect(s.existingDriver('fn-1')).toBeNull();
    expect(starts.sort()).toEqual([
      'fn-1 env-1-v1 1 provisioned-concurrency',
      'fn-1 env-2-v1 1 provisioned-concurrency',
      'fn-2 env-1-v1 1 provisioned-concurrency',
      'fn-2 env-2-v1 1 provisioned-concurrency',
    ]);
  });

  it.each([
    { case: 'on $LATEST (Lambda refuses it): none', qualifier: '$LATEST', count: 2, expected: {} },
    { case: 'on a version that does not exist: none', qualifier: '7', count: 2, expected: {} },
    { case: 'on version 2', qualifier: '2', count: 3, expected: { 2: 3 } },
    { case: 'on an alias of one version', qualifier: 'stable', count: 2, expected: { 1: 2 } },
    { case: 'on a weighted alias (v2, 25 % to v1): split by the weights', qualifier: 'canary', count: 4, expected: { 2: 3, 1: 1 } },
  ])('provisioned concurrency $case', ({ qualifier, count, expected }) => {
    const { s } = session();
    const byVersion: Record<string, number> = {};
    s.onPlatformCommands((_id, commands) => {
      for (const c of commands) if (c.type === 'startEnvironment' && c.spec.initializationType === 'provisioned-concurrency') byVersion[c.spec.functionVersion] = (byVersion[c.spec.functionVersion] ?? 0) + 1;
    });
    const versions = {
      versions: [published(1, CONFIG), published(2, { ...CONFIG, memoryMb: 256 })],
      aliases: [
        { name: 'stable', functionVersion: 1, additional: null, description: '' },
        { name: 'canary', functionVersion: 2, additional: { version: 1, weight: 0.25 }, description: '' },
      ],
    };
    s.applySettings({ ...DEFAULT_SETTINGS, provisionedConcurrency: count, provisionedQualifier: qualifier }, [{ id: 'fn-1', config: CONFIG, versions }]);
    expect(byVersion).toEqual(expected);
    expect(Object.fromEntries(s.provisionedOf('fn-1'))).toEqual(expected);
  });

  it('an alias moved to another version moves its provisioned environments with it', () => {
    const { s } = session();
    const log: string[] = [];
    s.onPlatformCommands((_id, commands) => {
      for (const c of commands) {
        if (c.type === 'startEnvironment') log.push(`start ${c.spec.envId}`);
        if (c.type === 'destroyEnvironment') log.push(`destroy ${c.envId}`);
      }
    });
    const settings = { ...DEFAULT_SETTINGS, provisionedConcurrency: 1, provisionedQualifier: 'live' };
    const vs = [published(1, CONFIG), published(2, CONFIG)];
    s.applySettings(settings, [{ id: 'fn-1', config: CONFIG, versions: { versions: vs, aliases: [{ name: 'live', functionVersion: 1, additional: null, description: '' }] } }]);
    s.applySettings(settings, [{ id: 'fn-1', config: CONFIG, versions: { versions: vs, aliases: [{ name: 'live', functionVersion: 2, additional: null, description: '' }] } }]);
    expect(log).toEqual(['start env-1-v1', 'destroy env-1-v1', 'start env-1-v2']);
  });

  it('dispose settles everything: pending invokes reject with the reason, no timer is left, listeners hear nothing more, no driver can be made', async () => {
    const { s, timers } = session();
    const heard: PlatformCommand[] = [];
    s.onPlatformCommands((_id, commands) => heard.push(...commands));
    const pending = s.driverFor('fn-1', CONFIG).invoke('{}');
    expect(s.scheduler.size()).toBeGreaterThan(0);
    s.dispose('The tab is closing.');
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'The tab is closing.' });
    expect(s.scheduler.size()).toBe(0);
    expect(timers.pending).toBe(0);
    const before = heard.length;
    timers.advance(60_000);
    expect(heard).toHaveLength(before);
    expect(() => s.driverFor('fn-1', CONFIG)).toThrow('This session has ended.');
  });

  it('removing a function disposes its driver: its pending invoke is rejected, the others keep theirs', async () => {
    const { s } = session();
    const gone = s.driverFor('fn-1', CONFIG).invoke('{}');
    const kept = s.driverFor('fn-2', { ...CONFIG, name: 'other' });
    const stays = kept.invoke('{}');
    let settled = false;
    void stays.then(
      () => (settled = true),
      () => (settled = true),
    );
    s.disposeDriver('fn-1');
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' });
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(s.existingDriver('fn-1')).toBeNull();
    expect(s.existingDriver('fn-2')).toBe(kept);
  });

  it("the event sources resolve functions through the stores' wiring, on the session's scheduler", () => {
    const { s } = session();
    const asked: string[] = [];
    s.wireSources({ resolve: (name, id) => (asked.push(`${id}→${name}`), null), onChanged: () => undefined, onLog: () => undefined });
    s.sources.add({
      id: 'q-1',
      onTimer: () => undefined,
      onResult: () => undefined,
    });
    s.sources.act('q-1', (out) => out.push({ type: 'invoke', functionName: 'orders', invocationId: 'i1', payload: '{}', invocationType: 'RequestResponse' }));
    expect(asked).toEqual(['q-1→orders']);
  });
});
