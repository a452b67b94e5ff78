import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock';
import { PlatformClock } from '../core/platformClock';
import { PlatformScheduler, type TimerHost } from './platformScheduler';

/** Host timers driven by a manual clock: `run(ms)` fires each due callback in time order. */
function fakeHost(real: ManualClock) {
  let seq = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  const host: TimerHost = {
    setTimeout: (fire, delayMs) => {
      const id = ++seq;
      timers.set(id, { at: real.now() + delayMs, fire });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const run = (ms: number): void => {
    const end = real.now() + ms;
    for (;;) {
      const next = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      timers.delete(next[0]);
      real.set(Math.max(real.now(), next[1].at));
      next[1].fire();
    }
    real.set(end);
  };
  return { host, run, armed: () => timers.size };
}

describe('PlatformScheduler', () => {
  it('fires a platform-time deadline at the compressed real time while nothing executes', () => {
    const real = new ManualClock(0);
    const clock = new PlatformClock(real, 60);
    const { host, run } = fakeHost(real);
    const s = new PlatformScheduler(clock, host);
    const fired: number[] = [];
    s.set('a', 60_000, () => fired.push(clock.now()));
    run(999);
    expect(fired).toEqual([]);
    run(1);
    expect(fired).toEqual([60_000]);
  });

  it('re-arms every pending timer when execution starts: a deadline never passes early under a running handler', () => {
    const real = new ManualClock(0);
    const clock = new PlatformClock(real, 60);
    const { host, run } = fakeHost(real);
    const s = new PlatformScheduler(clock, host);
    const fired: string[] = [];
    s.set('visibility', 30_000, () => fired.push('visibility'));
    run(100); // 6 s of platform time pass
    clock.begin(); // a handler starts: real speed
    run(20_000); // 26 s of platform time so far
    expect(fired).toEqual([]);
    run(4_000);
    expect(fired).toEqual(['visibility']);
    clock.end();
  });

  it('clears one timer, an owner\'s timers by prefix, and all on dispose', () => {
    const real = new ManualClock(0);
    const clock = new PlatformClock(real, 1);
    const { host, run, armed } = fakeHost(real);
    const s = new PlatformScheduler(clock, host);
    const fired: string[] = [];
    for (const k of ['fn1:a', 'fn1:b', 'fn2:a']) s.set(k, 10, () => fired.push(k));
    s.set('fn2:a', 20, () => fired.push('fn2:a late'));
    s.clearPrefix('fn1:');
    expect(s.size()).toBe(1);
    run(15);
    expect(fired).toEqual([]);
    run(5);
    expect(fired).toEqual(['fn2:a late']);
    s.set('x', 100, () => fired.push('x'));
    s.dispose();
    expect(armed()).toBe(0);
    clock.begin();
    expect(armed()).toBe(0);
  });
});
