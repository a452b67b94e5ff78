import { loadPyodide } from 'pyodide';
import type { InitSpec, WireError, WireLog, WireOutcome } from '../../protocol/messages';
import type { ApiInvocation } from '../runtimeApi';
import type { Pyodide } from './bootPyodide';
import { runPython } from './pythonRuntime';

export interface PythonInvocation {
  outcome: WireOutcome;
  logs: WireLog[];
  result: unknown;
}

/** Init failed: Lambda's error, and what Init logged. */
export class PythonInitError extends Error {
  constructor(
    readonly wire: WireError,
    readonly logs: WireLog[],
  ) {
    super(wire.errorMessage);
  }
}

/**
 * A Python environment as the worker makes it, on Node.js's Pyodide (the same
 * runtime module and Runtime API client; only the boot differs): Init ends at
 * the runtime's first `next`, and each invocation is what it posts back.
 */
export class PythonEnvironment {
  private invocations = 0;
  private logs: WireLog[] = [];
  private pending: { requestId: string; settle(outcome: WireOutcome): void } | null = null;
  private api: { deliver(inv: ApiInvocation): void } | null = null;
  exitStatus: number | null = null;
  /** What time.sleep waited, in total. */
  sleptMs = 0;
  /** SnapStart restore: what the replayed Init logged (dropped by the environment), set when the replay ended. */
  restoredAfter: WireLog[] | null = null;

  private constructor(readonly spec: InitSpec) {}

  static async start(code: string, overrides: Partial<InitSpec> = {}): Promise<PythonEnvironment> {
    const spec: InitSpec = {
      functionName: 'corpus',
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      fileName: 'lambda_function.py',
      compiled: { ok: true, js: '', esm: false },
      pythonSource: code,
      ephemeralStorageMb: 512,
      variables: { AWS_LAMBDA_FUNCTION_NAME: 'corpus', AWS_EXECUTION_ENV: 'AWS_Lambda_python3.13', _HANDLER: 'lambda_function.lambda_handler' },
      memoryMb: 128,
      architecture: 'x86_64',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:corpus',
      logGroupName: '/aws/lambda/corpus',
      logStreamName: '2026/12/05/[$LATEST]corpus',
      ...overrides,
    };
    const env = new PythonEnvironment(spec);
    const push = (text: string): void => void env.logs.push({ atMs: Date.now(), text });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: WireError): void => reject(new PythonInitError(error, env.take()));
      env.api = runPython(spec, async () => (await loadPyodide()) as unknown as Pyodide, {
        booted: () => undefined,
        slept: (ms) => {
          env.sleptMs += ms;
        },
        restoreLoaded: () => {
          env.restoredAfter = env.take();
        },
        event: push,
        line: push,
        bootFailed: fail,
        initDone: resolve,
        initFailed: fail,
        respond: (requestId, payload) => env.settle(requestId, { kind: 'success', payload }),
        fail: (requestId, error) => env.settle(requestId, { kind: 'error', error }),
        exited: (status) => {
          env.exitStatus = status;
          fail({ errorType: 'Runtime.ExitError', errorMessage: `exit status ${status}`, trace: [] });
          env.settle(env.pending?.requestId ?? '', { kind: 'fatal', error: { errorType: 'Runtime.ExitError', errorMessage: `exit status ${status}`, trace: [] }, exitStatus: status });
        },
      }, () => performance.now());
    });
    return env;
  }

  take(): WireLog[] {
    return this.logs.splice(0);
  }

  private settle(requestId: string, outcome: WireOutcome): void {
    if (this.pending?.requestId !== requestId) return;
    const p = this.pending;
    this.pending = null;
    p.settle(outcome);
  }

  async invoke(event: unknown, { deadlineMs = Date.now() + 3000 }: { deadlineMs?: number } = {}): Promise<PythonInvocation> {
    const requestId = `req-${++this.invocations}`;
    const outcome = await new Promise<WireOutcome>((settle) => {
      this.pending = { requestId, settle };
      this.api?.deliver({ requestId, payload: JSON.stringify(event), deadlineMs, invokedFunctionArn: this.spec.functionArn, traceId: 'Root=1-00000000-000000000000000000000000;Sampled=0' });
    });
    return { outcome, logs: this.take(), result: outcome.kind === 'success' ? JSON.parse(outcome.payload) : undefined };
  }
}
