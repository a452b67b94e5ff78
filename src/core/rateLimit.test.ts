import { describe, expect, it } from 'vitest';
import { ScenarioDriver } from './scenario.test-support';

/** `n` synchronous requests at once to a function whose handler is warm and quick; returns the throttle reasons. */
function burst(d: ScenarioDriver, n: number): string[] {
  for (let i = 0; i < n; i++) d.invoke();
  return d.commands('reject').map((c) => c.error.reason ?? '');
}

describe('the invocation rate limit: 10 synchronous requests per second per unit of concurrency', () => {
  it('reserved concurrency 1 allows 10 requests a second; the 11th is ReservedFunctionInvocationRateLimitExceeded', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 1 } });
    // One environment, answering each request at once: concurrency never limits.
    for (let i = 0; i < 10; i++) {
      d.invoke();
      if (i === 0) d.initDone('env-1', 0);
      d.invokeDone('env-1', 0);
    }
    expect(d.commands('reject')).toHaveLength(0);
    d.invoke();
    expect(d.commands('reject').map((c) => [c.statusCode, c.error.reason])).toEqual([[429, 'ReservedFunctionInvocationRateLimitExceeded']]);
    // The budget refills continuously: a tenth of a second later there is room for one more.
    d.advance(100);
    const before = d.commands('reject').length;
    d.invoke();
    expect(d.commands('reject')).toHaveLength(before);
  });

  it('without a reservation the limit is 10 × the account limit, reason FunctionInvocationRateLimitExceeded', () => {
    const d = new ScenarioDriver({ settings: { accountConcurrency: 2 } });
    const reasons = burst(d, 25);
    // 2 admitted (concurrency), 18 more refused for concurrency, then past 20 requests in the second, the rate.
    expect(reasons.filter((r) => r === 'ConcurrentInvocationLimitExceeded')).toHaveLength(18);
    expect(reasons.filter((r) => r === 'FunctionInvocationRateLimitExceeded')).toHaveLength(5);
  });

  it("live mode's tab cap limits environments, not the rate: with account 1,000 and a cap of 2, the rate limit stays 10,000 a second", () => {
    const d = new ScenarioDriver({ environmentCap: 2 });
    const reasons = burst(d, 40);
    // 2 admitted; the other 38 find the tab full, refused as at the account limit; none for the rate (40 ≪ 10,000).
    expect(reasons).toHaveLength(38);
    expect(new Set(reasons)).toEqual(new Set(['ConcurrentInvocationLimitExceeded']));
  });

  it('asynchronous invocations are limited by concurrency only', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 1 } });
    for (let i = 0; i < 30; i++) d.invokeAsync();
    expect(d.notices('throttle').filter((n) => n.reason.includes('Rate'))).toHaveLength(0);
  });
});
