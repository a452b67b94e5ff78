import { invokeApiErrorBody } from './lambdaError';
import { describe, expect, it } from 'vitest';
import { cpuFactor } from './cpuShare';
import { ScenarioDriver } from './scenario.test-support';
import type { HandlerOutcome } from './platformTypes';
import { validateSettings, DEFAULT_SETTINGS } from './platformSettings';

const FAIL: HandlerOutcome = { kind: 'error', error: { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] } };

/** Fire `n` synchronous invokes at the same instant; returns their tickets. */
function burst(d: ScenarioDriver, n: number): number[] {
  return Array.from({ length: n }, () => d.invoke());
}

describe('reserved and account concurrency', () => {
  it('reserved 2 with 10 simultaneous requests: 2 cold starts, 8 throttles with the reserved reason', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 2 } });
    burst(d, 10);
    expect(d.commands('startEnvironment')).toHaveLength(2);
    const rejects = d.commands('reject');
    expect(rejects.map((r) => r.ticket)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rejects[0]).toMatchObject({
      statusCode: 429,
      error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    });
    expect(d.notices('throttle')).toHaveLength(8);
    d.initDone('env-1', 50);
    d.initDone('env-2', 0);
    d.invokeDone('env-1', 500);
    d.invokeDone('env-2', 0);
    expect(d.commands('complete').map((c) => c.record.outcome)).toEqual(['success', 'success']);
    // Once they are idle again, the next request is admitted and warm.
    const t = d.invoke();
    d.invokeDone('env-2', 5);
    expect(d.completion(t).record.cold).toBe(false);
  });

  it('reserved 0 throttles everything', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 0 } });
    burst(d, 3);
    expect(d.commands('startEnvironment')).toHaveLength(0);
    expect(d.commands('reject').map((r) => r.statusCode)).toEqual([429, 429, 429]);
  });

  it('without a reservation the account limit applies, with its own reason', () => {
    const d = new ScenarioDriver({ settings: { accountConcurrency: 3 } });
    burst(d, 4);
    expect(d.commands('startEnvironment')).toHaveLength(3);
    const error = d.commands('reject')[0]?.error;
    expect(error && invokeApiErrorBody(error)).toEqual({ Reason: 'ConcurrentInvocationLimitExceeded', Type: 'User', message: 'Rate Exceeded.' });
  });

  it('an idle environment does not count toward concurrency; a busy one does', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 1 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 10 }, { invokeDone: 'env-1', ms: 10 }]);
    d.invoke();
    d.invoke();
    expect(d.commands('reject')).toHaveLength(1);
    expect(d.commands('startEnvironment')).toHaveLength(1);
  });

  it('validates settings with Lambda’s messages', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, reservedConcurrency: 950 })[0]?.message).toMatch(/below its minimum value of \[100\]/);
    expect(validateSettings({ ...DEFAULT_SETTINGS, reservedConcurrency: 2, provisionedConcurrency: 3 })[0]?.message).toMatch(
      /should not be greater than the reservedConcurrentExecution/,
    );
    expect(validateSettings({ ...DEFAULT_SETTINGS, maximumRetryAttempts: 3 })[0]?.message).toMatch(/less than or equal to 2/);
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it.each([
    { qualifier: 'live', ok: true },
    { qualifier: '12', ok: true },
    { qualifier: '$LATEST', ok: true },
    { qualifier: 'live alias', ok: false },
    { qualifier: '', ok: false },
    { qualifier: 'x'.repeat(129), ok: false },
  ])("provisioned concurrency's qualifier $qualifier: Lambda's qualifier pattern", ({ qualifier, ok }) => {
    const problems = validateSettings({ ...DEFAULT_SETTINGS, provisionedQualifier: qualifier });
    expect(problems.map((p) => p.field)).toEqual(ok ? [] : ['provisionedQualifier']);
    if (!ok) expect(problems[0]?.message).toMatch(/^1 validation error detected: Value '.*' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
  });
});

describe('provisioned concurrency', () => {
  it('initialises environments ahead of traffic; the first requests are warm, the next spills to on-demand', () => {
    const d = new ScenarioDriver({ settings: { provisionedConcurrency: 3 } });
    const specs = d.commands('startEnvironment').map((c) => c.spec);
    expect(specs.map((s) => [s.envId, s.initializationType, s.variables.AWS_LAMBDA_INITIALIZATION_TYPE])).toEqual([
      ['env-1', 'provisioned-concurrency', 'provisioned-concurrency'],
      ['env-2', 'provisioned-concurrency', 'provisioned-concurrency'],
      ['env-3', 'provisioned-concurrency', 'provisioned-concurrency'],
    ]);
    // Provisioned init may take max(130 s, timeout).
    expect(d.commands('setTimer')[0]).toMatchObject({ timerId: 'init:env-1', atMs: d.clock.now() + 130_000 });
    expect(d.notices('provisioned')).toEqual([expect.objectContaining({ count: 3, memoryMb: 128 })]);
    for (const env of ['env-1', 'env-2', 'env-3']) d.initDone(env, 100);
    const tickets = burst(d, 4);
    expect(d.commands('startEnvironment')).toHaveLength(4);
    for (const env of ['env-1', 'env-2', 'env-3', 'env-4']) {
      if (env === 'env-4') d.initDone(env, 20);
      d.invokeDone(env, 10);
    }
    const records = tickets.map((t) => d.completion(t).record);
    expect(records.map((r) => [r.envId, r.cold, r.provisioned])).toEqual([
      ['env-3', false, true],
      ['env-2', false, true],
      ['env-1', false, true],
      ['env-4', true, false],
    ]);
    // Provisioned duration is billed at its own price.
    expect(records[0]?.cost.computeUsd).toBeCloseTo((128 / 1024) * 0.01 * 0.0000097222, 15);
  });

  it("a provisioned environment's init goes to its own log stream: INIT_START, its output, INIT_REPORT with its status; on-demand inits log none there", () => {
    const d = new ScenarioDriver({ settings: { provisionedConcurrency: 2 } });
    d.initDone('env-1', 1503.2, ['connecting to the database']);
    d.initFailed('env-2', 40);
    const logs = d.notices('initLog');
    expect(logs.map((n) => [n.envId, n.status, n.lines.map((l) => l.text.replace(/^INIT_START .*/, 'INIT_START'))])).toEqual([
      ['env-1', 'success', ['INIT_START', 'connecting to the database', 'INIT_REPORT Init Duration: 1503.20 ms\tPhase: init\tStatus: success']],
      ['env-2', 'error', ['INIT_START', 'INIT_REPORT Init Duration: 40.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.UserCodeSyntaxError']],
    ]);
    // Each environment has its own stream.
    expect(logs.map((n) => n.logStreamName)).toEqual([expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/), expect.stringMatching(/\[\$LATEST\]/)]);
    expect(new Set(logs.map((n) => n.logStreamName)).size).toBe(2);
    // The first request on env-1 has no Init Duration: its init was logged on its own.
    const t = d.invoke();
    d.invokeDone('env-1', 10);
    expect(d.completion(t).record.initDurationMs).toBeUndefined();
    expect(d.logText(t).some((l) => l.startsWith('INIT_'))).toBe(false);
  });

  it('provisioned environments are never reclaimed; lowering the setting releases idle ones', () => {
    const d = new ScenarioDriver({ settings: { provisionedConcurrency: 2, keepAliveMs: 1000 } });
    d.initDone('env-1', 10);
    d.initDone('env-2', 10);
    d.advance(60_000);
    expect(d.platform.environmentViews().map((v) => v.state)).toEqual(['idle', 'idle']);
    d.settings({ provisionedConcurrency: 1, keepAliveMs: 1000 });
    expect(d.commands('destroyEnvironment')).toEqual([{ type: 'destroyEnvironment', envId: 'env-1', reason: 'deprovisioned' }]);
    expect(d.notices('provisioned').map((n) => n.count)).toEqual([2, 1]);
  });

  it('a provisioned environment that times out is replaced', () => {
    const d = new ScenarioDriver({ settings: { provisionedConcurrency: 1 } });
    d.initDone('env-1', 10);
    d.invoke();
    d.advance(3000);
    expect(d.commands('destroyEnvironment').at(-1)).toMatchObject({ envId: 'env-1', reason: 'timeout' });
    expect(d.commands('startEnvironment').at(-1)?.spec).toMatchObject({ envId: 'env-2', initializationType: 'provisioned-concurrency' });
  });
});

describe('scaling rate', () => {
  it('adds at most the burst of new environments, refilled continuously over the window', () => {
    const d = new ScenarioDriver({ settings: { scaleBurst: 2, scaleWindowMs: 10_000 } });
    burst(d, 5);
    expect(d.commands('startEnvironment')).toHaveLength(2);
    expect(d.notices('throttle').map((n) => n.reason)).toEqual(Array(3).fill('ConcurrentInvocationLimitExceeded'));
    d.advance(4_999);
    d.invoke();
    expect(d.commands('startEnvironment')).toHaveLength(2);
    d.advance(1);
    d.invoke();
    expect(d.commands('startEnvironment')).toHaveLength(3);
  });

  it('reusing a warm environment costs no scaling budget', () => {
    const d = new ScenarioDriver({ settings: { scaleBurst: 1 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 10 }, { invokeDone: 'env-1', ms: 10 }]);
    for (let i = 0; i < 5; i += 1) d.run([{ invoke: '{}' }, { invokeDone: 'env-1', ms: 1 }]);
    expect(d.commands('reject')).toHaveLength(0);
  });
});

describe('keep-alive', () => {
  it('reclaims an idle environment after the keep-alive; the next request is cold', () => {
    const d = new ScenarioDriver({ settings: { keepAliveMs: 600_000 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 10 }, { invokeDone: 'env-1', ms: 10 }]);
    d.advance(599_999);
    expect(d.platform.environmentViews()).toHaveLength(1);
    d.advance(1);
    expect(d.commands('destroyEnvironment')).toEqual([{ type: 'destroyEnvironment', envId: 'env-1', reason: 'reclaimed' }]);
    const t = d.invoke();
    d.initDone('env-2', 10);
    d.invokeDone('env-2', 1);
    expect(d.completion(t).record.cold).toBe(true);
  });

  it('use restarts the keep-alive; compressed waits shorten it', () => {
    const d = new ScenarioDriver({ settings: { keepAliveMs: 600_000, waitScale: 60 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 10 }, { invokeDone: 'env-1', ms: 10 }]);
    d.advance(9_000);
    d.run([{ invoke: '{}' }, { invokeDone: 'env-1', ms: 10 }]);
    d.advance(9_999);
    expect(d.commands('destroyEnvironment')).toHaveLength(0);
    d.advance(1);
    expect(d.commands('destroyEnvironment')).toHaveLength(1);
  });
});

describe('asynchronous invocation', () => {
  it('a handler that always throws is tried 3 times, 1 and 2 minutes apart, then goes to the on-failure destination', () => {
    const d = new ScenarioDriver({ config: { name: 'orders' } });
    const t = d.invokeAsync('{"order":7}');
    const accepted = d.commands('accepted');
    expect(accepted).toEqual([{ type: 'accepted', ticket: t, requestId: expect.any(String) }]);
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 5, FAIL);
    expect(d.notices('asyncRetry')).toEqual([expect.objectContaining({ cause: 'function-error', attempts: 1, retryAtMs: d.clock.now() + 60_000 })]);
    d.advance(60_000);
    d.invokeDone('env-1', 5, FAIL);
    expect(d.notices('asyncRetry')[1]).toMatchObject({ attempts: 2, retryAtMs: d.clock.now() + 120_000 });
    d.advance(120_000);
    d.invokeDone('env-1', 5, FAIL);
    const attempts = d.commands('complete').filter((c) => c.ticket === t);
    expect(attempts.map((c) => [c.record.attempt, c.record.invocationType, c.record.requestId])).toEqual([
      [1, 'Event', accepted[0]?.requestId],
      [2, 'Event', accepted[0]?.requestId],
      [3, 'Event', accepted[0]?.requestId],
    ]);
    const done = d.notices('asyncDone');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ result: 'on-failure', attempts: 3 });
    expect(done[0]?.destination).toEqual({
      version: '1.0',
      timestamp: new Date(d.clock.now()).toISOString(),
      requestContext: {
        requestId: accepted[0]?.requestId,
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { order: 7 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: FAIL.kind === 'error' ? FAIL.error : null,
    });
    expect(d.platform.queuedAsyncEvents()).toBe(0);
  });

  it('MaximumRetryAttempts 0 sends the first failure straight to the destination; compressed waits shorten retries', () => {
    const none = new ScenarioDriver({ settings: { maximumRetryAttempts: 0 } });
    none.invokeAsync();
    none.initDone('env-1', 1);
    none.invokeDone('env-1', 1, FAIL);
    expect(none.notices('asyncDone')[0]).toMatchObject({ result: 'on-failure', attempts: 1 });

    const fast = new ScenarioDriver({ settings: { waitScale: 60 } });
    fast.invokeAsync();
    fast.initDone('env-1', 1);
    fast.invokeDone('env-1', 1, FAIL);
    // The retry is Lambda's 1 minute of platform time, which passes in 1 real second at 60× once nothing executes.
    expect(fast.notices('asyncRetry')[0]).toMatchObject({ retryAtMs: fast.clock.now() + 60_000 });
    fast.advance(999);
    expect(fast.commands('invoke')).toHaveLength(1);
    fast.advance(1);
    fast.invokeDone('env-1', 1);
    expect(fast.notices('asyncDone')[0]).toMatchObject({ result: 'retried-delivered', attempts: 2 });
  });

  it('a throttled event is retried with backoff from 1 s, doubling, and discarded when it gets too old', () => {
    const d = new ScenarioDriver({ settings: { reservedConcurrency: 0, maximumEventAgeS: 60 } });
    d.invokeAsync();
    d.advance(120_000);
    const retries = d.notices('asyncRetry');
    expect(retries.map((r) => r.retryAtMs - r.atMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retries.every((r) => r.cause === 'throttle')).toBe(true);
    expect(d.notices('throttle')).toHaveLength(6);
    const done = d.notices('asyncDone')[0];
    expect(done).toMatchObject({ result: 'on-failure', attempts: 0 });
    expect(done?.destination?.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 0 });
  });

  it('a first-time success is delivered; asynchronous payloads over 1 MB are refused with 413', () => {
    const d = new ScenarioDriver();
    d.invokeAsync();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1);
    expect(d.notices('asyncDone')[0]).toMatchObject({ result: 'delivered', attempts: 1 });
    d.invokeAsync(JSON.stringify('x'.repeat(1024 * 1024)));
    expect(d.commands('reject')[0]).toMatchObject({ statusCode: 413, error: { errorType: 'RequestEntityTooLargeException', errorMessage: expect.stringMatching(/^\d+ byte payload is too large for the Event invocation type \(limit 1048576 bytes\)$/) } });
  });
});

describe('memory sets CPU', () => {
  it('CPU time is stretched by 1,769 MB / memory and the environment stays busy until then', () => {
    const d = new ScenarioDriver({ config: { memoryMb: 128 } });
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 30, undefined, [], 20);
    expect(d.commands('complete')).toHaveLength(0);
    expect(d.platform.environmentViews()[0]?.state).toBe('busy');
    const modelled = 10 + 20 * (1769 / 128);
    d.advance(modelled - 30);
    const { record } = d.completion(t);
    expect(record).toMatchObject({ measuredDurationMs: 30, cpuMs: 20, cpuFactor: 1769 / 128 });
    expect(record.durationMs).toBeCloseTo(modelled, 9);
    expect(record.billedDurationMs).toBe(Math.ceil(modelled + 10));
  });

  it('at 1,769 MB and above the factor is 1; a stretched handler past its timeout times out', () => {
    expect(cpuFactor(1769)).toBe(1);
    expect(cpuFactor(10_240)).toBe(1);
    const d = new ScenarioDriver({ config: { memoryMb: 128, timeoutS: 1 } });
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 100, undefined, [], 100);
    d.advance(900);
    expect(d.completion(t).record).toMatchObject({ outcome: 'timeout', durationMs: 1000 });
    expect(d.commands('stopRuntime')).toEqual([{ type: 'stopRuntime', envId: 'env-1', reason: 'timeout' }]);
  });
});

describe('notices', () => {
  it('report every environment state change in order, for the timeline', () => {
    const d = new ScenarioDriver({ settings: { keepAliveMs: 1000 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 10 }, { invokeDone: 'env-1', ms: 10 }, { advance: 1000 }]);
    expect(d.notices('environment').map((n) => `${n.atMs - d.clock.now()} ${n.state}${n.reason ? ` ${n.reason}` : ''}`)).toEqual([
      '-1020 initializing',
      '-1010 busy',
      '-1000 idle',
      '0 destroyed reclaimed',
    ]);
  });

  it('an environment lost under an invocation: the crash completes before the environment is destroyed', () => {
    const d = new ScenarioDriver();
    d.invoke();
    d.initDone('env-1', 10);
    const types = d.lost('env-1', 'outOfMemory').map((c) => (c.type === 'notice' && c.notice.kind === 'environment' ? `notice:${c.notice.state}` : c.type));
    expect(types.indexOf('complete')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('complete')).toBeLessThan(types.indexOf('notice:destroyed'));
  });
});
