import { describe, expect, it } from 'vitest';
import { repeat, type TimerHost } from './timerHost';

/** A host whose time moves only when the test says so. */
function fakeHost(): TimerHost & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fire: () => void }>();
  return {
    setTimeout(fire, delayMs) {
      const id = next++;
      timers.set(id, { at: now + delayMs, fire });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fire();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

describe('repeat', () => {
  it('fires once per period until stopped, and leaves no timer behind', () => {
    const host = fakeHost();
    let fired = 0;
    const stop = repeat(host, 100, () => (fired += 1));
    host.advance(350);
    expect(fired).toBe(3);
    stop();
    host.advance(1_000);
    expect(fired).toBe(3);
    expect(host.pending()).toBe(0);
  });

  it('can be stopped from inside its own callback', () => {
    const host = fakeHost();
    let fired = 0;
    const stop = repeat(host, 10, () => {
      fired += 1;
      if (fired === 2) stop();
    });
    host.advance(100);
    expect(fired).toBe(2);
    expect(host.pending()).toBe(0);
  });
});
