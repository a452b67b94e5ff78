import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { DEFAULT_CONFIG, isPythonRuntime, validateConfig, type FunctionConfig } from './functionConfig';
import { functionErrorPayload } from './lambdaError';
import { Platform } from './platform';
import type { PlatformCommand } from './platformTypes';
import { createRandom } from './random';
import { initTimer, timeoutTimer } from './timerKey';

const T0 = Date.UTC(2026, 0, 1);
const python: FunctionConfig = { ...DEFAULT_CONFIG, runtime: 'python3.13', fileName: 'lambda_function.py', handler: 'lambda_function.lambda_handler', code: 'def lambda_handler(e, c):\n    return 1\n' };

function setup(config: FunctionConfig, bootsFirst: boolean) {
  const clock = new ManualClock(T0);
  const platform = new Platform({ clock, random: createRandom(7), config, ...(bootsFirst ? { runtimeBootsFirst: isPythonRuntime } : {}) });
  return { clock, platform };
}

const timers = (out: PlatformCommand[]) => out.filter((c): c is Extract<PlatformCommand, { type: 'setTimer' }> => c.type === 'setTimer');
const started = (out: PlatformCommand[]) => out.flatMap((c) => (c.type === 'startEnvironment' ? [c.spec.envId] : []));

describe('a runtime that boots in the tab first (Python on Pyodide, live mode)', () => {
  it('starts Init’s 10 s limit when the runtime is ready, not when the environment is asked for', () => {
    const { clock, platform } = setup(python, true);
    const out = platform.handle({ type: 'invoke', ticket: 1, payload: '{}' });
    const [envId] = started(out);
    expect(envId).toBeDefined();
    expect(timers(out).filter((t) => t.timerId === initTimer(envId!))).toEqual([]);
    clock.advance(25_000); // a slow boot on a busy machine: no init timeout fires meanwhile
    const ready = platform.handle({ type: 'runtimeReady', envId: envId! });
    expect(timers(ready)).toEqual([{ type: 'setTimer', timerId: initTimer(envId!), atMs: T0 + 25_000 + 10_000 }]);
    // Said twice, it counts once.
    expect(platform.handle({ type: 'runtimeReady', envId: envId! })).toEqual([]);
  });

  it('is not waited for by Node.js functions, nor by the simulation (no boot there)', () => {
    for (const [config, bootsFirst] of [
      [{ ...DEFAULT_CONFIG, code: '' }, true],
      [python, false],
    ] as const) {
      const { platform } = setup(config, bootsFirst);
      const out = platform.handle({ type: 'invoke', ticket: 1, payload: '{}' });
      const [envId] = started(out);
      expect(timers(out).map((t) => t.timerId)).toContain(initTimer(envId!));
    }
  });

  it('after a failed init, the retry inside the invocation gets its full timeout once the new runtime is ready', () => {
    const { clock, platform } = setup({ ...python, timeoutS: 3 }, true);
    const [first] = started(platform.handle({ type: 'invoke', ticket: 1, payload: '{}' }));
    platform.handle({ type: 'runtimeReady', envId: first! });
    const error = { errorType: 'Runtime.ImportModuleError', errorMessage: "Unable to import module 'lambda_function': No module named 'x'", trace: [], requestId: '' };
    const failed = platform.handle({ type: 'initFailed', envId: first!, initDurationMs: 40, error, logs: [] });
    const [retry] = started(failed);
    expect(retry).toBeDefined();
    const deadline = (out: PlatformCommand[]) => timers(out).filter((t) => t.timerId === timeoutTimer(retry!));
    expect(deadline(failed)).toEqual([]);
    clock.advance(8_000); // booting again
    const ready = platform.handle({ type: 'runtimeReady', envId: retry! });
    expect(deadline(ready).map((t) => t.atMs)).toEqual([T0 + 8_000 + 3_000]);
    const done = platform.handle({ type: 'initFailed', envId: retry!, initDurationMs: 35, error, logs: [] });
    const complete = done.find((c) => c.type === 'complete');
    expect(complete && !complete.response.ok && functionErrorPayload(complete.response.error)).toEqual({
      errorMessage: "Unable to import module 'lambda_function': No module named 'x'",
      errorType: 'Runtime.ImportModuleError',
      requestId: '',
      stackTrace: [],
    });
  });
});

describe('Python configuration', () => {
  it.each([
    ['lambda_function.py', true],
    ['app.py', true],
    ['index.mjs', false],
    ['lambda-function.py', false],
    ['bootstrap', false],
  ])('file %s is %s for a Python runtime', (fileName, ok) => {
    expect(validateConfig({ ...python, fileName }).some((p) => p.field === 'fileName')).toBe(!ok);
  });

  it('an error with a request id has the Python body; without, the Node.js one', () => {
    expect(functionErrorPayload({ errorType: 'ValueError', errorMessage: 'no', trace: ['  File "/var/task/lambda_function.py", line 2, in lambda_handler\n'], requestId: 'r-1' })).toEqual({
      errorMessage: 'no',
      errorType: 'ValueError',
      requestId: 'r-1',
      stackTrace: ['  File "/var/task/lambda_function.py", line 2, in lambda_handler\n'],
    });
    expect(functionErrorPayload({ errorType: 'Error', errorMessage: 'no', trace: ['Error: no'] })).toEqual({ errorType: 'Error', errorMessage: 'no', trace: ['Error: no'] });
  });
});
