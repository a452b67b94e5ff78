import { describe, expect, it } from 'vitest';
import type { LambdaError } from './lambdaError';
import { ScenarioDriver, SYNTAX_ERROR, type Completion } from './scenario.test-support';
import { exitError, functionErrorPayload, invokeApiErrorBody, timeoutError } from './lambdaError';

/** The first line of every new environment (nodejs22.x, the default runtime). */
const INIT_START = 'INIT_START Runtime Version: nodejs:22.v47\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0e2c8a4b6d1f3e5a7c9b0d2f4e6a8c1b3d5f7e9a0c2e4b6d8f1a3c5e7b9d0f2a';

const errorOf = (c: Completion): LambdaError => {
  if (c.response.ok) throw new Error('expected an error response');
  return c.response.error;
};

describe('timeout', () => {
  function timedOut(): { d: ScenarioDriver; ticket: number; id: string } {
    const d = new ScenarioDriver({ config: { timeoutS: 3 } });
    const ticket = d.invoke();
    d.initDone('env-1', 100.2);
    d.advance(2999.999);
    expect(d.commands('complete')).toEqual([]);
    d.advance(0.001);
    const id = d.completion(ticket).record.requestId;
    return { d, ticket, id };
  }

  it('fires timeoutS × 1000 ms after START and answers Sandbox.Timedout', () => {
    const { d, ticket, id } = timedOut();
    expect(d.completion(ticket).response).toEqual({
      ok: false,
      error: { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after 3.00 seconds`, trace: [], platform: true },
    });
    expect(d.completion(ticket).record).toMatchObject({ outcome: 'timeout', errorType: 'Sandbox.Timedout', durationMs: 3000 });
  });

  it('logs the timeout line before END, and a REPORT ending Status: timeout', () => {
    const { d, ticket, id } = timedOut();
    expect(d.logText(ticket)).toEqual([
      INIT_START,
      `START RequestId: ${id} Version: $LATEST`,
      `2025-09-01T12:00:03.100Z ${id} Task timed out after 3.00 seconds`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 3000.00 ms\tBilled Duration: 3101 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 100.20 ms\tStatus: timeout`,
    ]);
  });

  it('resets the environment: its runtime stops, and the next invoke re-runs init inside it (suppressed init)', () => {
    const { d } = timedOut();
    expect(d.summary().slice(-2, -1)).toEqual(['3100.2 complete #1 r1 env-1 timeout cold']);
    expect(d.commands('stopRuntime')).toEqual([{ type: 'stopRuntime', envId: 'env-1', reason: 'timeout' }]);
    expect(d.commands('destroyEnvironment')).toEqual([]);
    const stream = d.commands('startEnvironment')[0]?.spec.logStreamName;
    const next = d.invoke();
    // The same environment starts its runtime again, under the same log stream.
    const starts = d.commands('startEnvironment');
    expect(starts.map((c) => c.spec.envId)).toEqual(['env-1', 'env-1']);
    expect(starts[1]?.spec.logStreamName).toBe(stream);
    d.initDone('env-1', 50);
    d.invokeDone('env-1', 1);
    const { record } = d.completion(next);
    // No Init Duration: init ran inside the invocation, and its time is in Duration.
    expect(record).toMatchObject({ envId: 'env-1', durationMs: 51, billedDurationMs: 51 });
    expect(record).not.toHaveProperty('initDurationMs');
    const logs = d.logText(next);
    expect(logs.some((l) => l.startsWith('INIT_START'))).toBe(false);
    expect(logs.at(-1)).not.toContain('Init Duration');
  });

  it('ignores a late invokeDone from the killed environment', () => {
    const { d } = timedOut();
    const before = d.timeline.length;
    expect(d.invokeDone('env-1', 5)).toEqual([]);
    expect(d.timeline.length).toBe(before);
    // Only the reset environment's keep-alive is left.
    expect(d.pendingTimers()).toEqual(['reclaim:env-1']);
  });

  it('a warm request times out after the configured timeout, with no Init Duration', () => {
    const d = new ScenarioDriver({ config: { timeoutS: 900 } });
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 1 }, { invokeDone: 'env-1', ms: 1 }]);
    const t = d.invoke();
    d.advance(900_000);
    const { record } = d.completion(t);
    expect(d.logText(t).at(-1)).toBe(
      `REPORT RequestId: ${record.requestId}\tDuration: 900000.00 ms\tBilled Duration: 900000 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tStatus: timeout`,
    );
    expect(errorOf(d.completion(t)).errorMessage).toMatch(/Task timed out after 900\.00 seconds$/);
  });
});

describe('init failure', () => {
  const initFailedTwice = (): { d: ScenarioDriver; ticket: number } => {
    const d = new ScenarioDriver();
    const ticket = d.invoke();
    d.initFailed('env-1', 150.5, SYNTAX_ERROR, ['first init output']);
    d.initFailed('env-2', 160.25, SYNTAX_ERROR, ['second init output']);
    return { d, ticket };
  };

  it('destroys the environment and re-runs init for the same request in a new one', () => {
    const d = new ScenarioDriver();
    d.invoke();
    d.initFailed('env-1', 150.5);
    expect(d.summary()).toEqual([
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '150.5 clearTimer init:env-1',
      '150.5 destroyEnvironment env-1 init-failed',
      '150.5 startEnvironment env-2',
      '150.5 setTimer timeout:env-2 @3150.5',
    ]);
  });

  it('a second failure completes the request with the init error', () => {
    const { d, ticket } = initFailedTwice();
    const c = d.completion(ticket);
    const id = c.record.requestId;
    expect(c.response).toEqual({ ok: false, error: SYNTAX_ERROR });
    expect(c.record).toMatchObject({ outcome: 'error', errorType: 'Runtime.UserCodeSyntaxError', envId: 'env-2', durationMs: 160.25, billedDurationMs: 161 });
    expect(c.record).not.toHaveProperty('initDurationMs');
    expect(d.logText(ticket)).toEqual([
      INIT_START,
      'first init output',
      'INIT_REPORT Init Duration: 150.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.UserCodeSyntaxError',
      'second init output',
      'INIT_REPORT Init Duration: 160.25 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.UserCodeSyntaxError',
      `START RequestId: ${id} Version: $LATEST`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 160.25 ms\tBilled Duration: 161 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tStatus: error\tError Type: Runtime.UserCodeSyntaxError`,
    ]);
    expect(d.commands('destroyEnvironment').map((c) => `${c.envId} ${c.reason}`)).toEqual(['env-1 init-failed', 'env-2 init-failed']);
  });

  it('leaves no timer running once the request has completed', () => {
    const { d } = initFailedTwice();
    expect(d.pendingTimers()).toEqual([]);
  });

  it('a successful re-run counts toward Duration, not Init Duration', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initFailed('env-1', 150.5);
    d.initDone('env-2', 40);
    expect(d.commands('invoke').at(-1)).toMatchObject({ envId: 'env-2', remainingMs: 2960 });
    d.invokeDone('env-2', 10.5);
    const { record } = d.completion(t);
    expect(record).toMatchObject({ cold: true, outcome: 'success', durationMs: 50.5, billedDurationMs: 51 });
    expect(record).not.toHaveProperty('initDurationMs');
    expect(d.logText(t).at(-1)).toMatch(/\tDuration: 50\.50 ms\tBilled Duration: 51 ms\t.*Max Memory Used: 69 MB$/);
    expect(d.pendingTimers()).toEqual(['reclaim:env-2']);
  });

  it('a re-run that hangs is cut off by the function timeout', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initFailed('env-1', 100);
    d.advance(3000);
    expect(d.completion(t).record).toMatchObject({ outcome: 'timeout', envId: 'env-2', durationMs: 3000 });
    expect(d.commands('stopRuntime').at(-1)).toEqual({ type: 'stopRuntime', envId: 'env-2', reason: 'timeout' });
    expect(d.initDone('env-2', 1)).toEqual([]);
  });
});

describe('init timeout (10 s on demand)', () => {
  it('logs a timeout INIT_REPORT and retries init inside the invocation', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.advance(10_000);
    expect(d.summary()).toEqual([
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '10000 destroyEnvironment env-1 timeout',
      '10000 startEnvironment env-2',
      '10000 setTimer timeout:env-2 @13000',
    ]);
    expect(d.initDone('env-1', 1)).toEqual([]);
    d.initDone('env-2', 50);
    d.invokeDone('env-2', 10);
    const { record } = d.completion(t);
    // Init is retried in the same sandbox inside the invocation: one INIT_START.
    expect(d.logText(t).slice(0, 3)).toEqual([INIT_START, 'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout', expect.stringMatching(/^START RequestId/)]);
    expect(d.logText(t).filter((l) => l.startsWith('INIT_START'))).toHaveLength(1);
    expect(record).toMatchObject({ outcome: 'success', envId: 'env-2', durationMs: 60, billedDurationMs: 60 });
  });

  it('honours a custom init limit', () => {
    const d = new ScenarioDriver({ initTimeoutMs: 500 });
    d.invoke();
    d.advance(500);
    expect(d.commands('destroyEnvironment')).toEqual([{ type: 'destroyEnvironment', envId: 'env-1', reason: 'timeout' }]);
  });
});

describe('the runtime exits under an invocation', () => {
  const handlerError: LambdaError = { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom', '    at handler (index.mjs:1:1)'] };

  it('fatal (exit status 129): the handler error is the response, an exit line is logged, the runtime stops and the environment is reset', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 5, { kind: 'fatal', error: handlerError, exitStatus: 129 }, ['about to throw']);
    const c = d.completion(t);
    const id = c.record.requestId;
    expect(c.response).toEqual({ ok: false, error: handlerError });
    expect(c.record).toMatchObject({ outcome: 'error', errorType: 'Error' });
    expect(d.logText(t)).toEqual([
      INIT_START,
      `START RequestId: ${id} Version: $LATEST`,
      'about to throw',
      `RequestId: ${id} Error: Runtime exited with error: exit status 129\nRuntime.ExitError`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 5.00 ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 10.00 ms\tStatus: error\tError Type: Runtime.ExitError`,
    ]);
    expect(d.summary().slice(-3)).toEqual(['15 clearTimer timeout:env-1', '15 complete #1 r1 env-1 error cold', '15 stopRuntime env-1 exited']);
    d.invoke();
    expect(d.commands('startEnvironment')).toHaveLength(2);
  });

  it('no reply (the event loop emptied with the promise pending): Runtime.NodeJsExit, logged and reported, the environment is reset', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 5, { kind: 'noReply' });
    const c = d.completion(t);
    const id = c.record.requestId;
    const errorMessage = `RequestId: ${id} Error: Runtime exited without providing a reason`;
    expect(c.response).toEqual({ ok: false, error: { errorType: 'Runtime.NodeJsExit', errorMessage, trace: [] } });
    expect(c.record).toMatchObject({ outcome: 'error', errorType: 'Runtime.NodeJsExit', durationMs: 5 });
    expect(d.logText(t).slice(-3)).toEqual([
      `${errorMessage}\nRuntime.NodeJsExit`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 5.00 ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 10.00 ms\tStatus: error\tError Type: Runtime.NodeJsExit`,
    ]);
    expect(d.summary().at(-1)).toBe('15 stopRuntime env-1 exited');
  });

  it('out of memory: Runtime.ExitError "signal: killed", REPORT Error Type Runtime.OutOfMemory', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.advance(250);
    d.lost('env-1', 'outOfMemory');
    const c = d.completion(t);
    const id = c.record.requestId;
    expect(c.response).toEqual({
      ok: false,
      error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${id} Error: Runtime exited with error: signal: killed`, trace: [], platform: true },
    });
    expect(c.record).toMatchObject({ outcome: 'crash', durationMs: 250, errorType: 'Runtime.ExitError' });
    expect(d.logText(t).slice(-3)).toEqual([
      `RequestId: ${id} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 250.00 ms\tBilled Duration: 260 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 10.00 ms\tStatus: error\tError Type: Runtime.OutOfMemory`,
    ]);
    expect(d.commands('destroyEnvironment')).toEqual([{ type: 'destroyEnvironment', envId: 'env-1', reason: 'lost' }]);
    expect(d.pendingTimers()).toEqual([]);
  });

  it('a crash without a reason', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 10);
    d.lost('env-1', 'crashed');
    const c = d.completion(t);
    expect(errorOf(c).errorMessage).toBe(`RequestId: ${c.record.requestId} Error: Runtime exited without providing a reason`);
    expect(d.logText(t).at(-1)).toMatch(/\tStatus: error\tError Type: Runtime\.ExitError$/);
  });

  it('an idle environment that is lost just goes; the next invoke is cold', () => {
    const d = new ScenarioDriver();
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 1 }, { invokeDone: 'env-1', ms: 1 }]);
    const destroyed = d.lost('env-1', 'crashed').filter((c) => c.type !== 'notice' && c.type !== 'clearTimer');
    expect(destroyed).toEqual([{ type: 'destroyEnvironment', envId: 'env-1', reason: 'lost' }]);
    d.invoke();
    expect(d.commands('startEnvironment')).toHaveLength(2);
    expect(d.lost('env-9', 'crashed')).toEqual([]);
  });
});

describe('error payloads as the caller receives them', () => {
  it('a timeout and a runtime exit have no trace; a thrown error keeps its trace', () => {
    expect(functionErrorPayload(timeoutError('r1', 3))).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: r1 Error: Task timed out after 3.00 seconds' });
    expect(functionErrorPayload(exitError('r1', { exitStatus: 1 }))).toEqual({ errorType: 'Runtime.ExitError', errorMessage: 'RequestId: r1 Error: Runtime exited with error: exit status 1' });
    expect(functionErrorPayload({ errorType: 'TypeError', errorMessage: 'x', trace: ['TypeError: x', '    at f'] })).toEqual({ errorType: 'TypeError', errorMessage: 'x', trace: ['TypeError: x', '    at f'] });
  });

  it('the Invoke API answers a refusal with its own body: a throttle carries its Reason', () => {
    expect(invokeApiErrorBody({ errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' })).toEqual({
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      Type: 'User',
      message: 'Rate Exceeded.',
    });
    expect(invokeApiErrorBody({ errorType: 'InvalidRequestContentException', errorMessage: 'Could not parse request body into json', trace: [] })).toEqual({ Type: 'User', message: 'Could not parse request body into json' });
  });
});
