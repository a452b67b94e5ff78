import { describe, expect, it } from 'vitest';
import { TimerHold } from './timerHold';

/** A scope whose timers fire only when the test says so. */
function manualScope() {
  const timers = new Map<number, { fn: () => void; repeat: boolean }>();
  let next = 1;
  const scope: Record<string, unknown> = {
    setTimeout: (fn: () => void) => (timers.set(next, { fn, repeat: false }), next++),
    setInterval: (fn: () => void) => (timers.set(next, { fn, repeat: true }), next++),
    clearTimeout: (id: number) => timers.delete(id),
    clearInterval: (id: number) => timers.delete(id),
  };
  /** Fire every pending timer once (intervals stay). */
  const tick = (): void => {
    for (const [id, t] of [...timers]) {
      if (!t.repeat) timers.delete(id);
      t.fn();
    }
  };
  return { scope, tick };
}

describe('TimerHold freezes handler timers between invocations', () => {
  it('runs nothing while idle, and a held interval once at the next invoke', () => {
    const { scope, tick } = manualScope();
    const hold = new TimerHold();
    hold.wrap(scope);
    let runs = 0;
    hold.begin();
    (scope.setInterval as (fn: () => void, ms: number) => number)(() => runs++, 1);
    tick();
    expect(runs).toBe(1);
    hold.end();
    for (let i = 0; i < 10; i++) tick();
    expect(runs).toBe(1);
    expect(hold.heldCount()).toBe(1);
    hold.begin();
    tick(); // the released callback, and the interval's own next turn
    expect(runs).toBe(3);
    expect(hold.heldCount()).toBe(0);
  });

  it('a timer cleared while held never runs', () => {
    const { scope, tick } = manualScope();
    const hold = new TimerHold();
    hold.wrap(scope);
    let runs = 0;
    hold.begin();
    const id = (scope.setInterval as (fn: () => void, ms: number) => number)(() => runs++, 1);
    hold.end();
    tick();
    (scope.clearInterval as (id: number) => void)(id);
    hold.begin();
    tick();
    expect(runs).toBe(0);
  });

  it('a released callback that comes due after the invocation ended is held again, not lost', () => {
    const { scope, tick } = manualScope();
    const hold = new TimerHold();
    hold.wrap(scope);
    let runs = 0;
    (scope.setTimeout as (fn: () => void, ms: number) => number)(() => runs++, 5);
    tick();
    hold.begin();
    hold.end();
    tick();
    expect(runs).toBe(0);
    hold.begin();
    tick();
    expect(runs).toBe(1);
  });
});
