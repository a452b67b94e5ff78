/**
 * The execution environment: one dedicated worker per Lambda environment,
 * started from a Blob URL inside the sandbox frame. It receives a MessagePort
 * from the app, runs Init once, then one invocation at a time.
 */
import type { FromEnvironment, InitSpec, ToEnvironment, WireError } from '../protocol/messages';
import { loggedErrorJson, toWireError } from './errors';
import { invokeHandler } from './invokeHandler';
import { InitError, loadHandler, type HandlerFn } from './loadHandler';
import { LogSink } from './logSink';
import { installProcess, ProcessExit } from './processShim';
import { makeContext } from './context';
import { CpuMeter } from './cpuMeter';

declare const self: DedicatedWorkerGlobalScope;
const scope = self as unknown as Record<string, unknown>;

let port: MessagePort | null = null;
let spec: InitSpec | null = null;
let handler: HandlerFn | null = null;
let logs = new LogSink('undefined');
let current: { requestId: string; started: number; finish: (m: FromEnvironment) => void } | null = null;
// Captured before any handler code runs, so a handler that patches prototypes cannot redirect replies.
const post = MessagePort.prototype.postMessage;
const now = performance.now.bind(performance);
const cpu = new CpuMeter(now);
cpu.wrapTimers(scope);

function send(message: FromEnvironment): void {
  if (port) post.call(port, message);
}

/** An error escaped the handler (uncaught exception, unhandled rejection): log it, report it, exit as Node would. */
function fatal(label: string, error: WireError, exitStatus: number): void {
  logs.write('ERROR', `${label} \t${loggedErrorJson(error)}`);
  if (current) {
    const { requestId, started, finish } = current;
    current = null;
    finish({ t: 'invokeDone', requestId, durationMs: now() - started, cpuMs: cpu.read(), outcome: { kind: 'fatal', error, exitStatus }, logs: logs.take() });
  } else {
    send({ t: 'exited', exitStatus, logs: logs.take() });
  }
  self.close();
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
    trace: [`Runtime.UnhandledPromiseRejection: ${text}`, ...(reason instanceof Error && reason.stack ? reason.stack.split('\n').slice(1) : [])],
  };
  fatal('Unhandled Promise Rejection', error, 128);
});

function fatalExit(status: number): void {
  if (current) {
    const error: WireError = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${current.requestId} Error: Runtime exited with error: exit status ${status}`, trace: [] };
    const { requestId, started, finish } = current;
    current = null;
    finish({ t: 'invokeDone', requestId, durationMs: now() - started, cpuMs: cpu.read(), outcome: { kind: 'fatal', error, exitStatus: status }, logs: logs.take() });
  } else {
    send({ t: 'exited', exitStatus: status, logs: logs.take() });
  }
  self.close();
}

async function init(s: InitSpec): Promise<void> {
  spec = s;
  logs = new LogSink(s.runtime === 'nodejs24.x' ? '-' : 'undefined');
  logs.patch(console);
  installProcess(scope, s);
  try {
    handler = await loadHandler(s, scope);
    send({ t: 'initDone', initDurationMs: now(), logs: logs.take() });
  } catch (err) {
    if (err instanceof ProcessExit) return fatalExit(err.status);
    const error = err instanceof InitError ? err.wire : toWireError(err);
    logs.write('ERROR', `${s.runtime === 'nodejs24.x' ? 'Init Error' : 'Uncaught Exception'} \t${loggedErrorJson(error)}`);
    send({ t: 'initFailed', initDurationMs: now(), error, logs: logs.take() });
  }
}

function invoke(requestId: string, payload: string, remainingMs: number): void {
  if (!spec || !handler || current) return;
  const started = now();
  cpu.reset();
  cpu.taskStarted();
  const context = makeContext(spec, requestId, started + remainingMs, now);
  logs.requestId = requestId;
  current = { requestId, started, finish: send };
  const event: unknown = JSON.parse(payload);
  void invokeHandler(handler, event, context, spec.runtime, logs).then((outcome) => {
    if (!current || current.requestId !== requestId) return;
    current = null;
    const durationMs = now() - started;
    send({ t: 'invokeDone', requestId, durationMs, cpuMs: Math.min(durationMs, cpu.read()), outcome, logs: logs.take() });
    if (outcome.kind === 'fatal') self.close();
  });
}

self.addEventListener('message', (event: MessageEvent<{ port?: MessagePort }>) => {
  if (port || !(event.data?.port instanceof MessagePort)) return;
  port = event.data.port;
  port.onmessage = (e: MessageEvent<ToEnvironment>) => {
    const m = e.data;
    if (m.t === 'init') void init(m.spec);
    else if (m.t === 'invoke') invoke(m.requestId, m.payload, m.remainingMs);
  };
});
