/**
 * The execution environment: one dedicated worker per Lambda environment,
 * started from a Blob URL inside the sandbox frame. It receives a MessagePort
 * from the app, runs Init once, then one invocation at a time.
 */
import type { FromEnvironment, InitSpec, PythonBoot, ToEnvironment, WireError, WireOutcome } from '../protocol/messages';
import { runPython } from './python/pythonRuntime';
import { bootPyodide, type Pyodide } from './python/bootPyodide';
import { toWireError } from './errors';
import { invokeHandler } from './invokeHandler';
import { InitError, loadHandler, type HandlerFn } from './loadHandler';
import { LogSink, logSettingsOf } from './logSink';
import { cleanTrace } from './traceSource';
import { installProcess, ProcessExit } from './processShim';
import { makeContext } from './context';
import { CpuMeter } from './cpuMeter';
import { sealChannel } from './sealChannel';
import { PendingWork } from './pendingWork';
import { TimerHold } from './timerHold';
import { isCustomRuntime, runtimeExitError, startCustomRuntime } from './customRuntime';
import { RuntimeApi, type ApiInvocation } from './runtimeApi';
import { serveNodeRuntime } from './nodeRuntimeClient';
import { AwsTransport } from './awsTransport';
import { AWS_SDK_TRANSPORT } from '../protocol/awsSdk';

declare const self: DedicatedWorkerGlobalScope;
const scope = self as unknown as Record<string, unknown>;

// Captured before any handler code runs: a handler that patches prototypes,
// `Function.prototype.call` or `Reflect` can neither redirect replies nor be
// handed the port. The port itself lives only in this closure (the bundle is
// an IIFE), and `sealChannel` removes every other way in before Init.
const apply = Reflect.apply;
const post = MessagePort.prototype.postMessage;
const closeWorker = self.close.bind(self);
const parse = JSON.parse;
const now = performance.now.bind(performance);
const dateNow = Date.now;
const nativeSetTimeout = self.setTimeout.bind(self);
const selfPost = self.postMessage;
/** Init sealed the worker's channels (sealChannel): it says nothing to the frame after that. */
let sealed = false;

let port: MessagePort | null = null;
/** Pyodide booting or booted in this worker (a Python environment's, or a spare the frame started ahead), and since when. */
let pyodide: { ready: Promise<Pyodide>; startedAt: number } | null = null;
let spec: InitSpec | null = null;
/** The environment's Runtime API, which invocations are handed to: every runtime (managed Node.js and Python, or a custom bootstrap) is its client. */
let customApi: { deliver(inv: ApiInvocation): void } | null = null;
let initialized = false;
let logs = new LogSink('undefined');
let current: { requestId: string } | null = null;
const cpu = new CpuMeter(now);
cpu.wrapTimers(scope);
const hold = new TimerHold();
hold.wrap(scope);
// Outermost, so a timer frozen while idle still counts as pending work.
const loop = new PendingWork((fire, ms) => nativeSetTimeout(fire, ms));
loop.wrap(scope);

function send(message: FromEnvironment): void {
  if (port) apply(post, port, [message]);
}

/** The AWS SDK's requests, to the workspace's services through the port (src/runtime/awsTransport.ts). */
const aws = new AwsTransport((id, request) => send({ t: 'aws', id, request }), (p) => loop.track(p));

function exit(): void {
  hold.end();
  closeWorker();
}

/** End the invocation in flight, if any, with `outcome`; otherwise report the process gone. */
function finishFatal(error: WireError, exitStatus: number): void {
  if (current) {
    const { requestId } = current;
    current = null;
    send({ t: 'invokeDone', requestId, cpuMs: cpu.read(), outcome: { kind: 'fatal', error, exitStatus }, logs: logs.take() });
  } else {
    send({ t: 'exited', exitStatus, logs: logs.take() });
  }
  exit();
}

/** An error escaped the handler (uncaught exception, unhandled rejection): log it, report it, exit as Node would. */
function fatal(label: string, error: WireError, exitStatus: number): void {
  logs.writeError(label, error);
  finishFatal(error, exitStatus);
}

function fatalExit(status: number): void {
  const errorMessage = `RequestId: ${current?.requestId ?? ''} Error: Runtime exited with error: exit status ${status}`;
  finishFatal({ errorType: 'Runtime.ExitError', errorMessage, trace: [] }, status);
}

self.addEventListener('error', (event) => {
  event.preventDefault();
  const err: unknown = event.error ?? new Error(event.message);
  if (err instanceof ProcessExit) return fatalExit(err.status);
  fatal('Uncaught Exception', toWireError(err), 129);
});

self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  if (reason instanceof ProcessExit) return fatalExit(reason.status);
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const error: WireError = {
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: text,
    trace: [`Runtime.UnhandledPromiseRejection: ${text}`, ...(reason instanceof Error && reason.stack ? cleanTrace(reason.stack.split('\n').slice(1)) : [])],
  };
  fatal('Unhandled Promise Rejection', error, 128);
});

/** Time the invocation spent in a blocking wait (Python's time.sleep spins the worker): waiting, not CPU. */
let waitedMs = 0;

/** The invocation in flight is answered (through the Runtime API): its outcome and logs go to the app. */
function answer(requestId: string, outcome: WireOutcome): void {
  if (!current || current.requestId !== requestId) return;
  current = null;
  hold.end();
  send({ t: 'invokeDone', requestId, cpuMs: Math.max(0, cpu.read() - waitedMs), outcome, logs: logs.take() });
}

/** What a runtime tells the environment's Runtime API: Init's end or failure, and the answer to the invocation in hand. */
const apiHost = {
  initDone(): void {
    initialized = true;
    hold.end();
    send({ t: 'initDone', logs: logs.take() });
  },
  initFailed(error: WireError): void {
    hold.end();
    send({ t: 'initFailed', error, logs: logs.take() });
    exit();
  },
  respond: (requestId: string, payload: string): void => answer(requestId, { kind: 'success', payload }),
  fail: (requestId: string, error: WireError): void => answer(requestId, { kind: 'error', error }),
};

/** The runtime's process ended with `status`: before Init ended, Init fails; after, the invocation in flight ends with it. */
function runtimeExited(status: number): void {
  if (!initialized) return apiHost.initFailed(runtimeExitError(status, null));
  finishFatal(runtimeExitError(status, current?.requestId ?? ''), status);
}

/** Init of a custom runtime: its bootstrap runs, and what it tells the Runtime API becomes the environment's messages. */
function initCustom(s: InitSpec): void {
  logs = new LogSink('undefined', { json: false, minLevel: 'TRACE', plain: true });
  logs.patch(console);
  hold.begin();
  customApi = startCustomRuntime(s, scope, {
    ...apiHost,
    exited(status, thrown) {
      // What the process printed on its way out, on standard error.
      if (thrown) logs.write('ERROR', thrownText(thrown));
      runtimeExited(status);
    },
  });
}

/** Init of a Python function: Pyodide boots (not part of Init), then the Python runtime imports the handler and serves the Runtime API. */
function initPython(s: InitSpec): void {
  logs = new LogSink('undefined', { json: false, minLevel: 'TRACE', plain: true });
  hold.begin();
  const boot = pyodide;
  if (!boot) {
    send({ t: 'initFailed', error: { errorType: 'Runtime.Unknown', errorMessage: 'The Python runtime (Pyodide) was not handed to this environment.', trace: [] }, logs: [] });
    exit();
    return;
  }
  const initAt = now();
  customApi = runPython(
    s,
    () => boot.ready,
    {
      booted(_, version) {
        send({ t: 'runtimeReady' });
        const ahead = boot.startedAt < initAt - 1;
        const took = Math.round(now() - boot.startedAt);
        logs.write(
          'INFO',
          `[playground] Pyodide ${version} (CPython on WebAssembly) booted in ${took} ms${ahead ? `, started before this environment was needed` : ''}; not part of Init Duration, as Lambda's Python runtime starts in under 100 ms.`,
        );
      },
      restoreLoaded() {
        // The replayed Init was logged once, at publish: its output is dropped here. After-restore hooks log as the restore's.
        logs.take();
        send({ t: 'restoreLoaded' });
      },
      event: (text) => logs.raw(text),
      slept: (ms) => {
        waitedMs += ms;
      },
      line: (text) => logs.write('INFO', text),
      ...apiHost,
      bootFailed: apiHost.initFailed,
      exited: runtimeExited,
    },
    now,
  );
}

/** An error as a Node.js process prints it when it dies of it. */
function thrownText(thrown: unknown): string {
  if (thrown instanceof Error) return cleanTrace((thrown.stack ?? `${thrown.name}: ${thrown.message}`).split('\n')).join('\n');
  if (thrown && typeof thrown === 'object' && 'errorType' in thrown) {
    const w = thrown as WireError;
    return [`${w.errorMessage}`, ...w.trace.slice(1)].join('\n');
  }
  return `Uncaught ${String(thrown)}`;
}

async function init(s: InitSpec): Promise<void> {
  spec = s;
  if (isCustomRuntime(s.runtime)) {
    installProcess(scope, s);
    initCustom(s);
    return;
  }
  if (s.runtime.startsWith('python')) {
    initPython(s);
    return;
  }
  logs = new LogSink(s.runtime === 'nodejs24.x' ? '-' : 'undefined', logSettingsOf(s.variables));
  logs.patch(console);
  installProcess(scope, s);
  if (s.awsSdk) scope[AWS_SDK_TRANSPORT] = aws.handler();
  hold.begin();
  try {
    const loaded = await loadHandler(s, scope);
    // The managed runtime is a client of the environment's Runtime API: Init ends at its first `next`.
    const api = new RuntimeApi(apiHost);
    customApi = api;
    void serveNodeRuntime(api, (inv) => runNodeHandler(s, loaded, inv), (requestId, outcome) => {
      // A crash, or the event loop emptied with no reply: the process ends (Runtime.NodeJsExit and the like).
      if (current?.requestId === requestId) answer(requestId, outcome);
      exit();
    });
  } catch (err) {
    hold.end();
    if (err instanceof ProcessExit) return fatalExit(err.status);
    const error = err instanceof InitError ? err.wire : toWireError(err);
    logs.writeError(s.runtime === 'nodejs24.x' ? 'Init Error' : 'Uncaught Exception', error);
    send({ t: 'initFailed', error, logs: logs.take() });
  }
}

/** A custom runtime's invocation: handed to the bootstrap's `next` through the Runtime API. */
function invokeCustom(api: { deliver(inv: ApiInvocation): void }, requestId: string, payload: string, remainingMs: number, invokedArn: string | undefined, traceId: string | undefined): void {
  if (!spec || current) return;
  cpu.reset();
  cpu.taskStarted();
  waitedMs = 0;
  current = { requestId };
  hold.begin();
  // The platform's trace header (the live driver always sends one: a caller's continued, or a new trace); a made-up unsampled one otherwise.
  const trace = traceId ?? `Root=1-${Math.floor(dateNow() / 1000).toString(16)}-${requestId.replace(/-/g, '').slice(0, 24)};Parent=${requestId.replace(/-/g, '').slice(-16)};Sampled=0`;
  api.deliver({ requestId, payload, deadlineMs: dateNow() + remainingMs, invokedFunctionArn: invokedArn ?? spec.functionArn, traceId: trace });
}

/** The managed Node.js runtime runs one event `next` handed it: the handler, with Lambda's context. */
function runNodeHandler(s: InitSpec, fn: HandlerFn, inv: ApiInvocation): Promise<WireOutcome> {
  // The deadline as the performance clock reads it (the context's remaining time never depends on Date.now).
  const context = makeContext(s, inv.requestId, now() + (inv.deadlineMs - dateNow()), now, inv.invokedFunctionArn === s.functionArn ? undefined : inv.invokedFunctionArn);
  logs.requestId = inv.requestId;
  // Node's runtime puts the invocation's trace header in the environment, where the AWS SDK reads it (X-Amzn-Trace-Id).
  const env = (scope.process as { env?: Record<string, string> } | undefined)?.env;
  if (env) env._X_AMZN_TRACE_ID = inv.traceId;
  return invokeHandler(fn, parse(inv.payload), context, s.runtime, logs, loop);
}

function invoke(requestId: string, payload: string, remainingMs: number, invokedArn: string | undefined, traceId: string | undefined): void {
  if (customApi) invokeCustom(customApi, requestId, payload, remainingMs, invokedArn, traceId);
}

function onPortMessage(e: MessageEvent<ToEnvironment>): void {
  const m = e.data;
  if (m.t === 'init') {
    sealed = true;
    sealChannel(self);
    void init(m.spec);
  } else if (m.t === 'awsResult') aws.answer(m.id, m.response);
  else if (m.t === 'invoke') invoke(m.requestId, m.payload, m.remainingMs, typeof m.invokedFunctionArn === 'string' ? m.invokedFunctionArn : undefined, typeof m.traceId === 'string' ? m.traceId : undefined);
}

/** Boot Pyodide now, before any function code (the frame's spare Python worker boots before it has an environment). */
function startPyodide(boot: PythonBoot): void {
  if (pyodide) return;
  hold.begin(); // Pyodide's own timers must run while it boots
  pyodide = { ready: bootPyodide(boot, scope, (line) => logs.write('INFO', line)), startedAt: now() };
  // Tell the frame (its spare-worker bookkeeping) the boot is done, unless Init has already sealed this worker's channel.
  const tell = selfPost;
  pyodide.ready.then(
    () => {
      if (!sealed) apply(tell, self, [{ pyodideReady: true }]);
    },
    () => undefined,
  );
}

function onFirstMessage(event: MessageEvent<{ port?: MessagePort; python?: PythonBoot }>): void {
  if (port) return;
  if (event.data?.python?.module instanceof WebAssembly.Module) startPyodide(event.data.python);
  if (!(event.data?.port instanceof MessagePort)) return;
  self.removeEventListener('message', onFirstMessage);
  port = event.data.port;
  port.onmessage = onPortMessage;
}
self.addEventListener('message', onFirstMessage);
