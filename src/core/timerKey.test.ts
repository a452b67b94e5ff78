import { describe, expect, it } from 'vitest';
import { asyncTimer, initTimer, isTimeoutTimer, isTimeoutTimerOf, prewarmTimer, reclaimTimer, timeoutTimer, timerKind, timerSubject } from './timerKey';

describe('timer keys', () => {
  it.each([
    [initTimer('env-1'), 'init', 'env-1'],
    [timeoutTimer('a:b:c'), 'timeout', 'a:b:c'],
    [reclaimTimer('fn1:env-2'), 'reclaim', 'fn1:env-2'],
    [prewarmTimer(3), 'prewarm', '3'],
    [asyncTimer('req'), 'async', 'req'],
  ] as const)('%s reads back as its kind and subject', (id, kind, subject) => {
    expect(timerKind(id)).toBe(kind);
    expect(timerSubject(id)).toBe(subject);
  });

  it('knows a timeout timer, and whose it is, without building strings', () => {
    expect(isTimeoutTimer(timeoutTimer('r1'))).toBe(true);
    expect(isTimeoutTimer(initTimer('timeout'))).toBe(false);
    expect(isTimeoutTimerOf(timeoutTimer('env-1'), 'env-1')).toBe(true);
    expect(isTimeoutTimerOf(timeoutTimer('env-11'), 'env-1')).toBe(false);
    expect(isTimeoutTimerOf(reclaimTimer('env-1'), 'env-1')).toBe(false);
  });
});
