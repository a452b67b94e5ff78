import { describe, expect, it } from 'vitest';
import { AccountConcurrency } from './accountConcurrency';
import { ManualClock } from './clock';
import { DEFAULT_CONFIG } from './functionConfig';
import { Platform } from './platform';
import { DEFAULT_SETTINGS, reservationProblem, type PlatformSettings } from './platformSettings';
import type { PlatformCommand } from './platformTypes';
import { createRandom } from './random';

/** Two functions' platforms in one account; `hold(p, n)` sends n requests that stay in flight (cold, init never ends). */
function account(limit: number, a: Partial<PlatformSettings>, b: Partial<PlatformSettings>) {
  const clock = new ManualClock(1_700_000_000_000);
  const shared = new AccountConcurrency(limit);
  const make = (id: string, own: Partial<PlatformSettings>): Platform =>
    new Platform({ clock, random: createRandom(id.length), config: { ...DEFAULT_CONFIG, name: id, code: '' }, settings: { ...DEFAULT_SETTINGS, accountConcurrency: limit, ...own }, account: shared, functionId: id });
  let ticket = 0;
  const hold = (p: Platform, n: number): string[] => {
    const reasons: string[] = [];
    for (let i = 0; i < n; i++) {
      const out: PlatformCommand[] = p.handle({ type: 'invoke', ticket: ++ticket, payload: '{}' });
      for (const c of out) if (c.type === 'reject') reasons.push(c.error.reason ?? c.error.errorType);
    }
    return reasons;
  };
  return { shared, a: make('a', a), b: make('b', b), hold };
}

describe('the account concurrency shared by the functions of a workspace', () => {
  it('functions without a reservation share the unreserved pool: what one holds, the other cannot have', () => {
    const { a, b, hold } = account(300, {}, {});
    expect(hold(a, 250)).toEqual([]);
    const refused = hold(b, 100);
    expect(refused).toHaveLength(50);
    expect(new Set(refused)).toEqual(new Set(['ConcurrentInvocationLimitExceeded']));
  });

  it("a reservation is a guarantee: the others' pool shrinks by it, and they cannot take it even when it is unused", () => {
    const { a, b, hold } = account(300, { reservedConcurrency: 100 }, {});
    // b shares 300 − 100 = 200.
    expect(hold(b, 250)).toHaveLength(50);
    // a still gets its 100, though b is at its limit.
    expect(hold(a, 100)).toEqual([]);
  });

  it('a reservation is also a cap: past it the reserved function is throttled with its own reason, whatever the pool holds', () => {
    const { a, hold } = account(300, { reservedConcurrency: 5 }, {});
    const refused = hold(a, 8);
    expect(refused).toEqual(['ReservedFunctionConcurrentInvocationLimitExceeded', 'ReservedFunctionConcurrentInvocationLimitExceeded', 'ReservedFunctionConcurrentInvocationLimitExceeded']);
  });

  it('a new reservation applies at once to the pool the others share', () => {
    const { b, a, hold, shared } = account(300, {}, {});
    expect(shared.unreservedPool()).toBe(300);
    a.handle({ type: 'settings', settings: { ...DEFAULT_SETTINGS, accountConcurrency: 300, reservedConcurrency: 150 } });
    expect(shared.unreservedPool()).toBe(150);
    expect(hold(b, 160)).toHaveLength(10);
  });

  it('a function that leaves (removed from the workspace) frees what it held and what it reserved', () => {
    const { a, b, hold, shared } = account(300, { reservedConcurrency: 100 }, {});
    hold(b, 200);
    a.leaveAccount();
    expect(shared.unreservedPool()).toBe(300);
    expect(hold(b, 100)).toEqual([]);
  });
});

describe('the 100-unreserved rule across functions (PutFunctionConcurrency)', () => {
  it('reservations together must leave at least 100 unreserved; the function that crosses the line is named', () => {
    expect(reservationProblem(1000, [{ name: 'a', reserved: 500 }, { name: 'b', reserved: 400 }])).toBeNull();
    expect(reservationProblem(1000, [{ name: 'a', reserved: 500 }, { name: 'b', reserved: null }, { name: 'c', reserved: 401 }])).toEqual({
      name: 'c',
      message: "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    });
    // A reservation of 0 (throttle everything) takes nothing from the pool.
    expect(reservationProblem(1000, [{ name: 'a', reserved: 900 }, { name: 'b', reserved: 0 }])).toBeNull();
  });
});
