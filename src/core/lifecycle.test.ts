import { describe, expect, it } from 'vitest';
import { ScenarioDriver, type Step } from './scenario.test-support';

/** Scenario in, timeline out: each row is a script and the exact commands it must produce. */
const scenarios: { name: string; steps: Step[]; timeline: string[] }[] = [
  {
    name: 'a first invoke is cold: an environment starts, inits, then runs the request',
    steps: [{ invoke: '{}' }, { initDone: 'env-1', ms: 100 }, { invokeDone: 'env-1', ms: 20 }],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '100 clearTimer init:env-1',
      '100 setTimer timeout:env-1 @3100',
      '100 invoke env-1 r1 remaining=3000',
      '120 clearTimer timeout:env-1',
      '120 complete #1 r1 env-1 success cold',
    ],
  },
  {
    name: 'a second invoke after the first completed reuses the warm environment',
    steps: [
      { invoke: '{}' },
      { initDone: 'env-1', ms: 100 },
      { invokeDone: 'env-1', ms: 20 },
      { advance: 1000 },
      { invoke: '{}' },
      { invokeDone: 'env-1', ms: 5 },
    ],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '100 clearTimer init:env-1',
      '100 setTimer timeout:env-1 @3100',
      '100 invoke env-1 r1 remaining=3000',
      '120 clearTimer timeout:env-1',
      '120 complete #1 r1 env-1 success cold',
      '1120 setTimer timeout:env-1 @4120',
      '1120 invoke env-1 r2 remaining=3000',
      '1125 clearTimer timeout:env-1',
      '1125 complete #2 r2 env-1 success',
    ],
  },
  {
    name: 'two concurrent invokes need two environments',
    steps: [{ invoke: '{}' }, { invoke: '{}' }, { initDone: 'env-2', ms: 50 }, { initDone: 'env-1', ms: 10 }],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '0 startEnvironment env-2',
      '0 setTimer init:env-2 @10000',
      '50 clearTimer init:env-2',
      // r1 names the first request id to appear in a command: here the second request, on env-2 (timers are named by environment).
      '50 setTimer timeout:env-2 @3050',
      '50 invoke env-2 r1 remaining=3000',
      '60 clearTimer init:env-1',
      '60 setTimer timeout:env-1 @3060',
      '60 invoke env-1 r2 remaining=3000',
    ],
  },
  {
    name: 'configure destroys idle environments, so the next invoke is cold',
    steps: [
      { invoke: '{}' },
      { initDone: 'env-1', ms: 100 },
      { invokeDone: 'env-1', ms: 20 },
      { configure: { memoryMb: 256 } },
      { invoke: '{}' },
    ],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '100 clearTimer init:env-1',
      '100 setTimer timeout:env-1 @3100',
      '100 invoke env-1 r1 remaining=3000',
      '120 clearTimer timeout:env-1',
      '120 complete #1 r1 env-1 success cold',
      '120 destroyEnvironment env-1 config-changed',
      '120 startEnvironment env-2',
      '120 setTimer init:env-2 @10120',
    ],
  },
  {
    name: 'a busy environment is left alone by configure and destroyed when it finishes',
    steps: [
      { invoke: '{}' },
      { initDone: 'env-1', ms: 100 },
      { configure: { memoryMb: 256 } },
      { invokeDone: 'env-1', ms: 20 },
      { invoke: '{}' },
    ],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '100 clearTimer init:env-1',
      '100 setTimer timeout:env-1 @3100',
      '100 invoke env-1 r1 remaining=3000',
      '120 clearTimer timeout:env-1',
      '120 complete #1 r1 env-1 success cold',
      '120 destroyEnvironment env-1 config-changed',
      '120 startEnvironment env-2',
      '120 setTimer init:env-2 @10120',
    ],
  },
  {
    name: 'an environment still initialising when configure arrives serves its request, then goes',
    steps: [
      { invoke: '{}' },
      { configure: { timeoutS: 10 } },
      { initDone: 'env-1', ms: 100 },
      { invokeDone: 'env-1', ms: 20 },
    ],
    timeline: [
      '0 startEnvironment env-1',
      '0 setTimer init:env-1 @10000',
      '100 clearTimer init:env-1',
      '100 setTimer timeout:env-1 @3100',
      '100 invoke env-1 r1 remaining=3000',
      '120 clearTimer timeout:env-1',
      '120 complete #1 r1 env-1 success cold',
      '120 destroyEnvironment env-1 config-changed',
    ],
  },
];

describe('environment lifecycle', () => {
  it.each(scenarios)('$name', ({ steps, timeline }) => {
    const driver = new ScenarioDriver();
    expect(driver.summary(driver.run(steps))).toEqual(timeline);
  });

  it('cold then warm: same environment, Init Duration only on the first', () => {
    const d = new ScenarioDriver();
    const first = d.invoke();
    d.initDone('env-1', 100.2);
    d.invokeDone('env-1', 12.34);
    const second = d.invoke();
    d.invokeDone('env-1', 3);
    const cold = d.completion(first).record;
    const warm = d.completion(second).record;
    expect(cold).toMatchObject({ cold: true, envId: 'env-1', initDurationMs: 100.2, durationMs: 12.34 });
    expect(warm).toMatchObject({ cold: false, envId: 'env-1', durationMs: 3 });
    expect(warm).not.toHaveProperty('initDurationMs');
    expect(warm.requestId).not.toBe(cold.requestId);
    expect(d.logText(second).join('\n')).not.toContain('Init Duration');
    expect(d.commands('startEnvironment')).toHaveLength(1);
  });

  it('records when the request arrived, started and ended', () => {
    const d = new ScenarioDriver();
    const ticket = d.invoke();
    d.initDone('env-1', 100);
    d.invokeDone('env-1', 20);
    const { record } = d.completion(ticket);
    expect([record.arrivedAtMs, record.startedAtMs, record.endedAtMs]).toEqual([d.clock.now() - 120, d.clock.now() - 20, d.clock.now()]);
  });

  it('the warm environment picked is the one used most recently', () => {
    const d = new ScenarioDriver();
    d.run([
      { invoke: '{}' },
      { invoke: '{}' },
      { initDone: 'env-1', ms: 10 },
      { initDone: 'env-2', ms: 10 },
      { invokeDone: 'env-1', ms: 5 },
      { invokeDone: 'env-2', ms: 5 },
    ]);
    d.invoke();
    expect(d.commands('invoke').at(-1)?.envId).toBe('env-2');
    d.invoke();
    expect(d.commands('invoke').at(-1)?.envId).toBe('env-1');
    d.invoke();
    expect(d.commands('startEnvironment').map((c) => c.spec.envId)).toEqual(['env-1', 'env-2', 'env-3']);
  });

  it('environmentViews shows each live environment and its state', () => {
    const d = new ScenarioDriver();
    const states = (): string[] => d.platform.environmentViews().map((v) => `${v.envId}:${v.state}:${v.invocations}`);
    d.invoke();
    expect(states()).toEqual(['env-1:initializing:0']);
    d.initDone('env-1', 100);
    expect(states()).toEqual(['env-1:busy:1']);
    d.invokeDone('env-1', 20);
    expect(states()).toEqual(['env-1:idle:1']);
    d.invoke();
    d.invokeDone('env-1', 20);
    expect(states()).toEqual(['env-1:idle:2']);
    d.configure({});
    expect(states()).toEqual([]);
  });

  it('the new configuration reaches the next environment', () => {
    const d = new ScenarioDriver();
    d.run([{ invoke: '{}' }, { initDone: 'env-1', ms: 1 }, { invokeDone: 'env-1', ms: 1 }]);
    d.configure({ memoryMb: 512, environment: { STAGE: 'prod' } });
    d.invoke();
    const spec = d.commands('startEnvironment').at(-1)?.spec;
    expect(spec?.envId).toBe('env-2');
    expect(spec?.config.memoryMb).toBe(512);
    expect(spec?.variables.AWS_LAMBDA_FUNCTION_MEMORY_SIZE).toBe('512');
    expect(spec?.variables.STAGE).toBe('prod');
  });

  it('an invocation in flight keeps the configuration it started under', () => {
    const d = new ScenarioDriver({ config: { memoryMb: 128, timeoutS: 3 } });
    const ticket = d.invoke();
    d.initDone('env-1', 100);
    d.configure({ memoryMb: 1024, timeoutS: 60, architecture: 'arm64' });
    d.invokeDone('env-1', 20);
    const { record, logs } = d.completion(ticket);
    expect(record.memorySizeMb).toBe(128);
    expect(record.architecture).toBe('x86_64');
    expect(logs.at(-1)?.text).toContain('\tMemory Size: 128 MB\t');
  });

  it('a request in flight when configure raises the timeout still times out on its own deadline', () => {
    const d = new ScenarioDriver({ config: { timeoutS: 3 } });
    const ticket = d.invoke();
    d.initDone('env-1', 100);
    d.configure({ timeoutS: 60 });
    d.advance(3000);
    const { response, record } = d.completion(ticket);
    expect(response.ok ? null : response.error.errorMessage).toBe(`RequestId: ${record.requestId} Error: Task timed out after 3.00 seconds`);
    expect(record.durationMs).toBe(3000);
  });
});
