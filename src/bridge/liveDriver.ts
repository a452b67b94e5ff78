import { isPythonRuntime, type FunctionConfig } from '../core/functionConfig';
import { realTimers, repeat, type TimerHost } from './timerHost';
import type { FinishedInvocation } from '../core/invocationRecord';
import type { LambdaError } from '../core/lambdaError';
import type { InvocationTrace } from '../core/tracing/invocationTrace';
import { ExecutionTracker } from '../core/executionTracker';
import { Platform, type PlatformOptions } from '../core/platform';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../core/platformSettings';
import type { EnvironmentSpec, EnvironmentView, Notice, PlatformCommand, PlatformEvent } from '../core/platformTypes';
import { createRandom } from '../core/random';
import type { ToEnvironment, WireAwsRequest, WireAwsResponse } from '../protocol/messages';
import { awsSdkScriptsFor } from './awsSdkScripts';
import type * as InitSpecModule from './initSpec';
import { TicketOrigins } from './ticketOrigins';
import { loadSucrase } from './sucraseLoader';
import { discardSpareFrame, FramePool } from './framePool';
import { FrameWatch } from './frameWatch';
import { EnvironmentGate } from './environmentGate';
import { InvokeAbortedError, wait, type Waiter } from './invokeWaiters';
import { standaloneScheduler, wallClock, type PlatformScheduler } from './platformScheduler';
import type { SandboxFrame } from './sandboxFrame';

let initSpecModule: Promise<typeof InitSpecModule> | null = null;
const loadInitSpec = (): Promise<typeof InitSpecModule> => (initSpecModule ??= import('./initSpec'));

/** What a synchronous invoke returns: a finished invocation, or the Invoke API's refusal. */
export type InvokeResult =
  | ({ kind: 'finished' } & FinishedInvocation)
  | { kind: 'rejected'; statusCode: number; error: LambdaError };

/** What an asynchronous invoke returns at once: 202 with the request id, or the Invoke API's refusal. */
export type AsyncInvokeResult = { kind: 'accepted'; statusCode: 202; requestId: string } | { kind: 'rejected'; statusCode: number; error: LambdaError };

/** Sees every command the model emits (notices, completions, refusals), after the driver has carried it out. */
export type CommandListener = (commands: readonly PlatformCommand[]) => void;

export interface LiveDriverOptions {
  settings?: PlatformSettings;
  seed?: number;
  /** Live environments (workers) this tab runs at most; see LIVE_ENVIRONMENT_CAP. */
  maxEnvironments?: number;
  /** Cores the handlers share; more busy handlers than this and their measured durations are inflated. */
  cores?: number;
  /** The session's timer owner and platform clock, shared by every driver and the source hub (a driver used alone gets its own). */
  scheduler?: PlatformScheduler;
  /** The host's timers for the driver's own watchdog (the session's; real ones by default). */
  timers?: TimerHost;
  /** Subscribed before the first command (the settings' provisioned environments start in the constructor). */
  listener?: CommandListener;
  /** The account concurrency shared with the workspace's other functions, and this function's id in it. */
  account?: Pick<PlatformOptions, 'account' | 'functionId'>;
  version?: string; // the published version this driver runs (default `$LATEST`)
  /** A SnapStart version: its snapshot's seed (`takeSnapshot` runs the Init; cold starts restore). */
  snapStart?: { seed: number };
  /** The workspace's AWS services, which the handlers' SDK requests go to (absent: every request fails as for an unknown host). */
  aws?: AwsServices;
}

/** Who made an AWS SDK request: the function, its environment, and the invocation in flight there (null during Init or between invocations). */
export interface AwsCaller {
  functionName: string;
  envId: string;
  requestId: string | null;
}

/** Answers one SDK request (src/bridge/services/awsServiceHub.ts, through the session); a rejection answers as an unreachable host. */
export type AwsServices = (request: WireAwsRequest, caller: AwsCaller) => Promise<WireAwsResponse>;

/** How a SnapStart snapshot's Init ended (the model's `snapshot` notice). */
export type SnapshotOutcome = Extract<Notice, { kind: 'snapshot' }>;

/** Options of one invoke. */
export interface InvokeOptions {
  /** Stop waiting: the promise rejects with an InvokeAbortedError (the invocation itself, once sent, runs on, as on Lambda when a client hangs up). */
  signal?: AbortSignal;
  /** What caused the invocation ("Invoke button", "SQS queue orders" …), for the logs; kept with its ticket. */
  origin?: string;
  qualifier?: string; // the version or alias the caller named (the context's invokedFunctionArn is qualified with it)
  /** The X-Ray trace header the invocation continues (an SQS message's AWSTraceHeader, an SDK caller's): the handler's _X_AMZN_TRACE_ID. */
  traceHeader?: string;
}

interface LiveEnvironment {
  port: MessagePort;
  frame: SandboxFrame;
  /** When the current invoke was sent, on the app's clock: bounds what the environment may claim. */
  sentAt: number | null;
  /** What the app asked this environment for: only answers to that are accepted, timed on the app's clock. */
  gate: EnvironmentGate;
  /** The most invocations in flight at once while this one ran. */
  peakInFlight: number;
  /** Init running now; `initPeak` is the most handlers and inits busy at once while it ran. */
  initializing: boolean;
  initPeak: number;
  functionName: string;
}

/** Live environments one tab runs at most (browser-limits.md §1: 100–200 is practical, creation slows past 400). */
export const LIVE_ENVIRONMENT_CAP = 256;
/** How often frames are pinged while invocations are in flight (frameWatch.ts: a dead renderer is noticed within about 2 s). */
const WATCHDOG_MS = 100;

export { InvokeAbortedError };

/** Pyodide's files could not be fetched or compiled (offline before they were ever cached, a blocked request): the environment's init fails, saying so. */
class PythonUnavailable extends Error {
  readonly lambdaError: LambdaError;
  constructor(cause: unknown) {
    super('Python runtime unavailable');
    const why = cause instanceof Error ? cause.message : String(cause);
    this.lambdaError = { errorType: 'Runtime.Unknown', errorMessage: `The Python runtime (Pyodide) could not be loaded in this tab: ${why}`, trace: [], platform: true };
  }
}
let driverCount = 0;
/** Tickets are unique across drivers: a function's versions feed one recorder, which tells requests apart by ticket. */
let nextTicket = 1;

/**
 * Live mode: carries out the platform model's commands with real workers in
 * the sandbox frame and real timers, and feeds their results back as events.
 * The model decides; this only does what it is told.
 */
export class LiveDriver {
  private readonly platform: Platform;
  private readonly frames = new FramePool();
  private readonly envs = new Map<string, LiveEnvironment>();
  private readonly scheduler: PlatformScheduler;
  private readonly timers: TimerHost;
  /** This driver's prefix on the shared scheduler's timer keys. */
  private readonly timerPrefix = `fn${++driverCount}:`;
  private readonly waiting = new Map<number, Waiter<InvokeResult>>();
  private readonly waitingAsync = new Map<number, Waiter<AsyncInvokeResult>>();
  private readonly origins = new TicketOrigins();
  /** Publishes waiting for their SnapStart snapshot, in order. */
  private readonly snapshotWaiters: Waiter<SnapshotOutcome>[] = [];
  /** Environments initialising or invoking: they hold the platform clock at real speed. */
  private readonly executing: ExecutionTracker;
  private readonly listeners = new Set<CommandListener>();
  private readonly cores: number;
  private readonly maxEnvironments: number;
  /** Invocations sent to a worker and not yet answered. */
  private inFlight = 0;
  /** Environments whose init is running. */
  private initializing = 0;
  private watchdog: (() => void) | null = null;
  private readonly watch = new FrameWatch<SandboxFrame>({ now: () => performance.now(), everyMs: WATCHDOG_MS });
  private disposed = false;

  private readonly aws: AwsServices | undefined;

  constructor(config: FunctionConfig, options: LiveDriverOptions = {}) {
    this.maxEnvironments = options.maxEnvironments ?? LIVE_ENVIRONMENT_CAP;
    this.aws = options.aws;
    const settings = options.settings ?? DEFAULT_SETTINGS;
    this.cores = options.cores ?? (typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2);
    this.scheduler = options.scheduler ?? standaloneScheduler(settings.waitScale);
    this.timers = options.timers ?? realTimers;
    this.executing = new ExecutionTracker(this.scheduler.clock);
    // A tab cannot hold Lambda's 1,000 environments (each worker is a thread on this machine's few cores): the model throttles
    // past the tab's cap as past the account limit, while the invocation rate limit still follows the account's own limit.
    const random = createRandom(options.seed ?? Date.now() >>> 0);
    // Python boots Pyodide in the tab before Lambda's runtime would have started: Init's limit starts when it is ready.
    this.platform = new Platform({
      clock: this.scheduler.clock,
      random,
      tracingRandom: createRandom(((options.seed ?? Date.now()) ^ 0x7ace) >>> 0),
      config,
      settings,
      environmentCap: this.maxEnvironments,
      runtimeBootsFirst: isPythonRuntime,
      ...options.account,
      ...(options.version ? { version: options.version } : {}),
      ...(options.snapStart ? { snapStart: options.snapStart } : {}),
    });
    if (options.listener) this.listeners.add(options.listener);
    this.feed({ type: 'settings', settings });
    this.preparePython(config);
  }

  /**
   * A Python function's frame gets Pyodide ready before the first request:
   * fetched, compiled, and a spare worker booting it. Only waiting time is
   * saved; no figure changes (the boot is never part of Init).
   */
  private preparePython(config: FunctionConfig): void {
    if (!isPythonRuntime(config.runtime) || typeof document === 'undefined') return;
    this.frames
      .next(config.networkAccess)
      .preparePython()
      .catch(() => undefined);
  }

  /** Watch every command the model emits; returns the unsubscribe function. */
  subscribe(listener: CommandListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Invoke asynchronously (Event): resolves with 202 as soon as the event is queued. */
  invokeAsync(payload: string, options: InvokeOptions = {}): Promise<AsyncInvokeResult> {
    const ticket = nextTicket++;
    this.origins.note(ticket, options.origin);
    this.origins.noteTrace(ticket, options.traceHeader);
    const result = wait(this.waitingAsync, ticket, options.signal, this.disposed);
    if (!options.signal?.aborted) this.feed({ type: 'invoke', ticket, payload, invocationType: 'Event', ...(options.qualifier ? { qualifier: options.qualifier } : {}) });
    return result;
  }

  /**
   * Publishing a SnapStart version: one real Init in an environment of this version, discarded afterwards (the
   * snapshot is what remains). Resolves with the snapshot, or with the Init's failure (which fails the publish).
   */
  takeSnapshot(): Promise<SnapshotOutcome> {
    if (this.disposed) return Promise.reject(new InvokeAbortedError('The function was removed from the workspace before its snapshot was taken.'));
    const result = new Promise<SnapshotOutcome>((resolve, reject) => this.snapshotWaiters.push({ resolve, reject }));
    this.feed({ type: 'takeSnapshot' });
    return result;
  }

  /** The trace of a request refused with 429, and when, if it was sampled. */
  refusedTraceOf(ticket: number): { trace: InvocationTrace; atMs: number } | null {
    return this.origins.refusalOf(ticket);
  }

  /** What caused the invocation of this ticket, when the caller said. */
  originOf(ticket: number): string | null {
    return this.origins.of(ticket);
  }

  /** Concurrency, scaling, keep-alive and async settings; provisioned environments start or stop at once. */
  setSettings(settings: PlatformSettings): void {
    this.feed({ type: 'settings', settings });
  }

  /** Asynchronous events accepted and not yet delivered or discarded. */
  queuedAsyncEvents(): number {
    return this.platform.queuedAsyncEvents();
  }

  /** The clock the model runs on: platform time (epoch ms; equal to the wall clock unless waits are compressed). */
  now(): number {
    return this.scheduler.clock.now();
  }

  /** Invoke synchronously (RequestResponse) with a JSON payload. */
  invoke(payload: string, options: InvokeOptions = {}): Promise<InvokeResult> {
    const ticket = nextTicket++;
    this.origins.note(ticket, options.origin);
    this.origins.noteTrace(ticket, options.traceHeader);
    const result = wait(this.waiting, ticket, options.signal, this.disposed);
    if (!options.signal?.aborted) this.feed({ type: 'invoke', ticket, payload, ...(options.qualifier ? { qualifier: options.qualifier } : {}) });
    this.updateWatchdog();
    return result;
  }

  /** A new configuration or new code: environments of the old one are not reused. */
  configure(config: FunctionConfig): void {
    this.preparePython(config);
    this.feed({ type: 'configure', config });
  }

  environments(): EnvironmentView[] {
    return this.platform.environmentViews();
  }

  /**
   * Stop: timers cleared, environments closed, and every invoke still pending
   * rejected with an InvokeAbortedError that says why (`reason`).
   */
  dispose(reason = 'The function was removed from the workspace before its invocation finished.'): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.clearPrefix(this.timerPrefix);
    this.executing.releaseAll();
    for (const waiters of [this.waiting, this.waitingAsync] as Map<number, Waiter<unknown>>[]) {
      for (const w of waiters.values()) w.reject(new InvokeAbortedError(reason));
      waiters.clear();
    }
    for (const w of this.snapshotWaiters.splice(0)) w.reject(new InvokeAbortedError(reason));
    this.watchdog?.();
    this.watchdog = null;
    for (const env of this.envs.values()) env.port.close();
    this.envs.clear();
    this.frames.closeAll();
    this.platform.leaveAccount();
  }

  private feed(event: PlatformEvent): void {
    if (this.disposed) return;
    const commands = this.platform.handle(event);
    for (const command of commands) this.run(command);
    for (const listener of this.listeners) {
      // An observer's bug (a view, a recorder) must not stop the platform: the commands are already carried out.
      try {
        listener(commands);
      } catch (error) {
        console.error('A platform observer failed:', error);
      }
    }
    this.updateWatchdog();
  }

  private run(c: PlatformCommand): void {
    switch (c.type) {
      case 'startEnvironment':
        this.start(c.spec);
        break;
      case 'invoke': {
        const env = this.envs.get(c.envId);
        if (!env) break;
        env.sentAt = wallClock.now();
        this.inFlight += 1;
        env.peakInFlight = this.busy();
        this.notePeaks();
        env.gate.invokeSent(c.requestId, env.sentAt);
        const message: ToEnvironment = { t: 'invoke', requestId: c.requestId, payload: c.payload, remainingMs: c.remainingMs };
        if (c.invokedFunctionArn !== undefined) message.invokedFunctionArn = c.invokedFunctionArn;
        // Every invocation has a trace header, decided by the model: the caller's continued, or a new one (sampled or not).
        const ticket = this.platform.servingTicket(c.envId);
        const trace = this.platform.traceServing(c.envId, ticket === null ? null : this.origins.traceOf(ticket));
        if (trace !== null) message.traceId = trace.header;
        env.port.postMessage(message);
        break;
      }
      case 'destroyEnvironment':
      case 'stopRuntime':
        this.destroy(c.envId, c.reason === 'timeout');
        break;
      case 'setTimer': {
        const timerId = c.timerId;
        this.scheduler.set(this.timerPrefix + timerId, c.atMs, () => this.feed({ type: 'timer', timerId }));
        break;
      }
      case 'clearTimer':
        this.scheduler.clear(this.timerPrefix + c.timerId);
        break;
      case 'complete':
        this.settle(c.ticket, { kind: 'finished', record: c.record, logs: c.logs, response: c.response });
        break;
      case 'reject':
        // A throttled request of a sampled trace is a throttle on the Lambda service's segment.
        if (c.statusCode === 429) this.origins.noteRefusal(c.ticket, this.platform.traceRefused(this.origins.traceOf(c.ticket)), this.now());
        this.settle(c.ticket, { kind: 'rejected', statusCode: c.statusCode, error: c.error });
        this.settleAsync(c.ticket, { kind: 'rejected', statusCode: c.statusCode, error: c.error });
        break;
      case 'accepted':
        this.settleAsync(c.ticket, { kind: 'accepted', statusCode: 202, requestId: c.requestId });
        break;
      case 'notice':
        if (c.notice.kind === 'environment') this.executing.note(c.notice.envId, c.notice.state);
        if (c.notice.kind === 'snapshot') this.snapshotWaiters.shift()?.resolve(c.notice);
        break;
    }
  }

  private settleAsync(ticket: number, result: AsyncInvokeResult): void {
    const waiter = this.waitingAsync.get(ticket);
    if (!waiter) return;
    this.waitingAsync.delete(ticket);
    waiter.resolve(result);
  }

  private settle(ticket: number, result: InvokeResult): void {
    const waiter = this.waiting.get(ticket);
    this.waiting.delete(ticket);
    waiter?.resolve(result);
  }

  private start(spec: EnvironmentSpec): void {
    const { port1, port2 } = new MessageChannel();
    const frame = this.frames.acquire(spec.config.networkAccess);
    const env: LiveEnvironment = { port: port1, frame, sentAt: null, gate: new EnvironmentGate(), peakInFlight: 0, initializing: true, initPeak: 0, functionName: spec.config.name };
    this.envs.set(spec.envId, env);
    this.initializing += 1;
    env.initPeak = this.busy();
    this.notePeaks();
    port1.onmessage = (e: MessageEvent<unknown>) => this.onMessage(spec.envId, e.data);
    const python = isPythonRuntime(spec.config.runtime);
    // A frame that cannot be made (no DOM, a blocked iframe) loses the environment instead of throwing into the model's loop.
    // The handler is compiled once the compiler is loaded (the first start waits for it), before the init clock starts.
    // The init spec's module (with the Node.js built-ins' scripts, ~55 KB gzip) loads with the compiler, not with the page.
    const specModule = loadInitSpec();
    Promise.resolve()
      .then(() => (python ? undefined : loadSucrase()))
      // The AWS SDK scripts the handler imports, fetched once per tab (their evaluation is the environment's, during Init).
      .then(() => (python ? undefined : awsSdkScriptsFor(spec.config)))
      .then((awsSdk) => specModule.then(({ initSpec }) => initSpec(spec, awsSdk)))
      .then((initMessage) => {
        const init: ToEnvironment = { t: 'init', spec: initMessage };
        port1.postMessage(init);
        return frame.open();
      })
      .then(() => (python ? frame.preparePython().catch((error: unknown) => Promise.reject(new PythonUnavailable(error))) : undefined))
      .then(() => {
        env.gate.initSent(wallClock.now(), spec.snapStart?.phase === 'restore');
        return frame.spawn(spec.envId, port2, python);
      })
      .catch((error: unknown) => {
        if (error instanceof PythonUnavailable && this.envs.get(spec.envId) === env) {
          this.initEnded(env);
          this.feed({ type: 'initFailed', envId: spec.envId, initDurationMs: 0, error: error.lambdaError, logs: [] });
          return;
        }
        this.feed({ type: 'environmentLost', envId: spec.envId, reason: 'crashed' });
      });
  }

  private destroy(envId: string, runaway: boolean): void {
    const env = this.envs.get(envId);
    if (!env) return;
    this.envs.delete(envId);
    this.initEnded(env);
    if (env.sentAt !== null) this.inFlight -= 1;
    env.port.onmessage = null;
    env.port.close();
    // A timed-out handler may still be looping or allocating: retire its frame rather than trust terminate().
    if (runaway) this.frames.retire(env.frame);
    else if (!env.frame.closed) {
      const frame = env.frame;
      Promise.resolve()
        .then(() => frame.open())
        .then((api) => api.kill(envId))
        .catch(() => undefined);
    }
    this.frames.release(env.frame);
  }

  private onMessage(envId: string, data: unknown): void {
    const env = this.envs.get(envId);
    if (!env) return;
    const now = wallClock.now();
    // The gate refuses what was not asked for and measures every duration here (environmentGate.ts).
    const m = env.gate.receive(data, now);
    switch (m.kind) {
      case 'refused':
        return;
      case 'flood':
        return this.feed({ type: 'environmentLost', envId, reason: 'crashed' });
      case 'runtimeReady':
        return this.feed({ type: 'runtimeReady', envId });
      case 'restoreLoaded':
        return this.feed({ type: 'restoreLoaded', envId });
      case 'initDone': {
        const contended = env.initPeak > this.cores;
        this.initEnded(env);
        const restore = m.restoreMs === undefined ? {} : { restoreMs: m.restoreMs };
        return this.feed({ type: 'initDone', envId, initDurationMs: m.initDurationMs, logs: m.logs, contended, ...restore });
      }
      case 'initFailed':
        this.initEnded(env);
        return this.feed({ type: 'initFailed', envId, initDurationMs: m.initDurationMs, error: m.error, logs: m.logs });
      case 'invokeDone': {
        const { durationMs, cpuMs } = m;
        env.sentAt = null;
        this.inFlight -= 1;
        // Only a handler that used the CPU is slowed by others using it too.
        const contended = env.peakInFlight > this.cores && cpuMs > 0.2 * durationMs;
        const event: PlatformEvent = { type: 'invokeDone', envId, requestId: m.requestId, durationMs, cpuMs, contended, outcome: m.outcome, logs: m.logs };
        return this.feed(event);
      }
      case 'exited':
        return this.feed({ type: 'environmentLost', envId, reason: { exitStatus: m.exitStatus } });
      case 'aws':
        return this.answerAws(envId, env, m.id, m.request);
    }
  }

  /** An SDK request from the environment: to the workspace's services, and their answer back to the environment (if it still exists). */
  private answerAws(envId: string, env: LiveEnvironment, id: number, request: WireAwsRequest): void {
    const noService: WireAwsResponse = { error: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${request.hostname}` } };
    const caller: AwsCaller = { functionName: env.functionName, envId, requestId: env.gate.requestInFlight() };
    const answered = this.aws ? this.aws(request, caller).catch(() => noService) : Promise.resolve(noService);
    void answered.then((response) => {
      if (this.envs.get(envId) !== env) return;
      const message: ToEnvironment = { t: 'awsResult', id, response };
      env.port.postMessage(message);
    });
  }

  /** Handlers running and inits running now: what shares this machine's cores. */
  private busy(): number {
    return this.inFlight + this.initializing;
  }

  /** More busy than cores: every running handler and init is slowed, and its figures will say so. */
  private notePeaks(): void {
    const busy = this.busy();
    if (busy <= this.cores) return;
    for (const e of this.envs.values()) {
      if (e.sentAt !== null) e.peakInFlight = Math.max(e.peakInFlight, busy);
      if (e.initializing) e.initPeak = Math.max(e.initPeak, busy);
    }
  }

  private initEnded(env: LiveEnvironment): void {
    if (!env.initializing) return;
    env.initializing = false;
    this.initializing -= 1;
  }

  /** While invocations are in flight, check that their frames' renderers still answer; a dead frame ran out of memory. */
  private updateWatchdog(): void {
    const busy = this.inFlight > 0 || this.waiting.size > 0;
    if (busy && !this.watchdog) {
      this.watchdog = repeat(this.timers, WATCHDOG_MS, () => this.checkFrames());
    } else if (!busy && this.watchdog) {
      this.watchdog();
      this.watchdog = null;
      this.watch.pause();
    }
  }

  /** Frames the watch found silent died (out of memory): their environments are lost, and a fresh frame takes over. */
  private checkFrames(): void {
    // A worker that failed to start is lost now, not at the init timeout.
    for (const frame of this.frames.frames()) {
      for (const envId of frame.takeFailures()) if (this.envs.get(envId)?.frame === frame) this.feed({ type: 'environmentLost', envId, reason: 'crashed' });
    }
    for (const frame of this.watch.tick(this.frames.frames())) {
      const lost = [...this.envs].filter(([, env]) => env.frame === frame).map(([id]) => id);
      this.frames.remove(frame);
      discardSpareFrame();
      for (const envId of lost) this.feed({ type: 'environmentLost', envId, reason: 'outOfMemory' });
    }
  }
}
