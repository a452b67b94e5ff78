import type { InitSpec, WireError } from '../../protocol/messages';
import { RuntimeApi, type ApiInvocation, type RuntimeApiHost } from '../runtimeApi';
import type { Pyodide, PythonModule } from './bootPyodide';
import runtimeSource from './lambda_runtime.py';

/** Where the runtime's own module lives in the environment's file system (Lambda's LAMBDA_RUNTIME_DIR). */
const RUNTIME_DIR = '/var/runtime';
const API = '/2018-06-01/runtime';

/** What the Python environment tells its worker: when Pyodide is up, the log events of the runtime, and the Runtime API's outcomes. */
export interface PythonHost extends RuntimeApiHost {
  /** Pyodide booted (before any function code ran): Init starts now. */
  booted(bootMs: number, version: string): void;
  /** One log event (its newlines kept), as the runtime's logging writes it. */
  event(text: string): void;
  /** One line of standard output or error (`print`). */
  line(text: string): void;
  /** `time.sleep` waited this long: time the handler spent waiting, not using the CPU (the worker spins, as it cannot block). */
  slept(ms: number): void;
  /** Pyodide itself could not start. */
  bootFailed(error: WireError): void;
  /** The function's code ended the process (`sys.exit`). */
  exited(status: number): void;
  /** SnapStart restore: the snapshot's Init has been replayed (its log output is dropped: it was logged at publish); after-restore hooks run next. */
  restoreLoaded(): void;
}



/**
 * The managed Python runtime (python3.12, python3.13) on Pyodide: once
 * CPython has booted (`boot`: bootPyodide.ts in a worker, Node.js's Pyodide
 * in the unit tests), it acts as a client of the environment's Runtime API, as
 * Lambda's Python runtime interface client does: Init imports the handler
 * (an error goes to `init/error`), then each `next` event is handled and its
 * result posted to `response` or `error`. Returns what the platform's
 * invocations are delivered to.
 */
export function runPython(spec: InitSpec, boot: () => Promise<Pyodide>, host: PythonHost, now: () => number): { deliver(inv: ApiInvocation): void } {
  const api = new RuntimeApi(host);
  void run(api, spec, boot, host, now);
  return api;
}

async function run(api: RuntimeApi, spec: InitSpec, boot: () => Promise<Pyodide>, host: PythonHost, now: () => number): Promise<void> {
  const started = now();
  let py: Pyodide;
  try {
    py = await boot();
  } catch (err) {
    host.bootFailed({ errorType: 'Runtime.Unknown', errorMessage: `The Python runtime (Pyodide) failed to start: ${err instanceof Error ? err.message : String(err)}`, trace: [] });
    return;
  }
  py.setStdout({ batched: (line) => host.line(line) });
  py.setStderr({ batched: (line) => host.line(line) });
  py.registerJsModule('_lambda_sink', {
    event: (text: string) => host.event(String(text)),
    sleep: (seconds: number) => {
      const start = now();
      const until = start + Math.max(0, Number(seconds)) * 1000;
      while (now() < until) {
        // A dedicated worker has no blocking sleep without shared memory (which the sandbox does not have): it spins.
      }
      host.slept(now() - start);
    },
  });
  py.FS.mkdirTree(RUNTIME_DIR);
  py.FS.writeFile(`${RUNTIME_DIR}/lambda_runtime.py`, runtimeSource);
  py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})`);
  const runtime = py.pyimport('lambda_runtime');
  host.booted(now() - started, py.version);
  await initThenServe(api, spec, runtime, host);
}

const post = (api: RuntimeApi, path: string, body: string, errorType?: string): Promise<unknown> =>
  api.handle('POST', `${API}${path}`, new Headers(errorType ? { 'Lambda-Runtime-Function-Error-Type': errorType } : {}), body);

/** Init's outcome from the runtime module: nothing, an error body (posted to init/error), or an exit. True when Init is over. */
async function failedInit(api: RuntimeApi, host: PythonHost, result: unknown): Promise<boolean> {
  if (typeof result !== 'string') return false;
  const body = JSON.parse(result) as { errorType: string; exit?: number };
  if (body.exit !== undefined) exitWith(api, host, body.exit);
  else await post(api, '/init/error', result, body.errorType);
  return true;
}

function exitWith(api: RuntimeApi, host: PythonHost, status: number): void {
  api.end();
  host.exited(status);
}

async function initThenServe(api: RuntimeApi, spec: InitSpec, runtime: PythonModule, host: PythonHost): Promise<void> {
  const snapStart = spec.snapStart;
  const initSpec = {
    ...(snapStart ? { snapStart: { seed: snapStart.seed } } : {}),
    handler: spec.handler,
    variables: spec.variables,
    functionName: spec.functionName,
    functionVersion: spec.functionVersion ?? '$LATEST',
    memoryMb: spec.memoryMb,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
  };
  // The function's module in /var/task, and its layers' files under /opt (merged in order by the app): /opt/python is on sys.path.
  const files: [string, string][] = [[`/var/task/${spec.fileName}`, spec.pythonSource ?? ''], ...(spec.layerFiles ?? []).map((f): [string, string] => [f.path, f.content])];
  const initError = runtime.init?.(JSON.stringify(initSpec), JSON.stringify(files));
  if (await failedInit(api, host, initError)) return;
  // SnapStart: before-snapshot hooks end the Init that is snapshotted; a restore replays that Init, then runs the after-restore hooks.
  if (snapStart?.phase === 'snapshot' && (await failedInit(api, host, runtime.run_hooks?.('before_snapshot')))) return;
  if (snapStart?.phase === 'restore') {
    host.restoreLoaded();
    if (await failedInit(api, host, runtime.run_hooks?.('after_restore'))) return;
  }
  for (;;) {
    const next = await api.handle('GET', `${API}/invocation/next`, new Headers(), '');
    if (next.status !== 200) return;
    const h = next.headers;
    const requestId = h['Lambda-Runtime-Aws-Request-Id'] ?? '';
    const result = JSON.parse(String(runtime.invoke?.(requestId, next.body, Number(h['Lambda-Runtime-Deadline-Ms']), h['Lambda-Runtime-Invoked-Function-Arn'], h['Lambda-Runtime-Trace-Id'] ?? ''))) as
      | { ok: true; payload: string }
      | { ok: false; error: { errorMessage: string; errorType: string; requestId: string; stackTrace: string[] } }
      | { exit: number };
    if ('exit' in result) return exitWith(api, host, result.exit);
    if (result.ok) await post(api, `/invocation/${requestId}/response`, result.payload);
    else await post(api, `/invocation/${requestId}/error`, JSON.stringify(result.error), result.error.errorType);
  }
}
