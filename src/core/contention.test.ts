import { describe, expect, it } from 'vitest';
import { ScenarioDriver } from './scenario.test-support';

/** A cold invocation whose init and run report contention (live mode's machine had more busy handlers and inits than cores) as given. */
function coldRun(initContended: boolean, runContended: boolean): boolean {
  const d = new ScenarioDriver();
  const t = d.invoke();
  d.initDone('env-1', 900, [], initContended);
  d.invokeDone('env-1', 5, undefined, [], 0, runContended);
  return d.completion(t).record.contended;
}

describe('figures measured on a contended machine are marked', () => {
  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])('init contended %s, run contended %s → record contended %s', (init, run, expected) => {
    expect(coldRun(init, run)).toBe(expected);
  });

  it('a warm invocation after a contended cold one starts unmarked', () => {
    const d = new ScenarioDriver();
    const first = d.invoke();
    d.initDone('env-1', 900, [], true);
    d.invokeDone('env-1', 5);
    expect(d.completion(first).record.contended).toBe(true);
    const second = d.invoke();
    d.invokeDone('env-1', 5);
    expect(d.completion(second).record.contended).toBe(false);
  });
});
