import * as Comlink from 'comlink';
import type { Clock } from '../core/clock';
import type { FunctionConfig } from '../core/functionConfig';
import type { FinishedInvocation } from '../core/invocationRecord';
import type { LambdaError } from '../core/lambdaError';
import { Platform } from '../core/platform';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../core/platformSettings';
import type { EnvironmentSpec, EnvironmentView, PlatformCommand, PlatformEvent } from '../core/platformTypes';
import { createRandom } from '../core/random';
import type { InitSpec, ToEnvironment } from '../protocol/messages';
import { compileHandlerCached } from './compileHandler';
import { nodeBuiltinsScript } from './nodeBuiltins';
import { FramePool } from './framePool';
import { readEnvironmentMessage } from './readEnvironmentMessage';
import type { SandboxFrame } from './sandboxFrame';

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
}

interface LiveEnvironment {
  port: MessagePort;
  frame: SandboxFrame;
  /** When the current invoke was sent, on the app's clock: bounds what the environment may claim. */
  sentAt: number | null;
  /** Messages the app did not ask for; past a limit the environment is killed. */
  unsolicited: number;
  /** The most invocations in flight at once while this one ran. */
  peakInFlight: number;
}

/** Live environments one tab runs at most (browser-limits.md §1: 100–200 is practical, creation slows past 400). */
export const LIVE_ENVIRONMENT_CAP = 256;
const WATCHDOG_MS = 1000;
/** Unanswered pings in a row before a frame counts as dead (its renderer crashed, as an out-of-memory handler does). */
const WATCHDOG_MISSES = 3;
const UNSOLICITED_LIMIT = 16;

/** Wall-clock time on the app's thread, in epoch milliseconds. */
export const wallClock: Clock = { now: () => performance.timeOrigin + performance.now() };

/**
 * Live mode: carries out the platform model's commands with real workers in
 * the sandbox frame and real timers, and feeds their results back as events.
 * The model decides; this only does what it is told.
 */
export class LiveDriver {
  private readonly platform: Platform;
  private readonly frames = new FramePool();
  private readonly envs = new Map<string, LiveEnvironment>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly waiting = new Map<number, (result: InvokeResult) => void>();
  private readonly waitingAsync = new Map<number, (result: AsyncInvokeResult) => void>();
  private readonly listeners = new Set<CommandListener>();
  private readonly cores: number;
  private readonly maxEnvironments: number;
  private nextTicket = 1;
  /** Invocations sent to a worker and not yet answered. */
  private inFlight = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private checking = false;
  private readonly misses = new Map<SandboxFrame, number>();
  private disposed = false;

  constructor(config: FunctionConfig, options: LiveDriverOptions = {}) {
    this.maxEnvironments = options.maxEnvironments ?? LIVE_ENVIRONMENT_CAP;
    const settings = this.capped(options.settings ?? DEFAULT_SETTINGS);
    this.cores = options.cores ?? (typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2);
    this.platform = new Platform({ clock: wallClock, random: createRandom(options.seed ?? Date.now() >>> 0), config, settings });
    this.feed({ type: 'settings', settings });
  }

  /**
   * A browser tab cannot hold Lambda's 1,000 environments: every worker is a
   * thread on this machine's few cores, and their cold starts take CPU the
   * others need. Live mode applies the tab's cap as the account limit (the
   * model throttles past it, as Lambda throttles past the account limit);
   * the scale simulation covers larger scales.
   */
  private capped(settings: PlatformSettings): PlatformSettings {
    return settings.accountConcurrency <= this.maxEnvironments ? settings : { ...settings, accountConcurrency: this.maxEnvironments };
  }

  /** Watch every command the model emits; returns the unsubscribe function. */
  subscribe(listener: CommandListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Invoke asynchronously (Event): resolves with 202 as soon as the event is queued. */
  invokeAsync(payload: string): Promise<AsyncInvokeResult> {
    const ticket = this.nextTicket++;
    const result = new Promise<AsyncInvokeResult>((resolve) => this.waitingAsync.set(ticket, resolve));
    this.feed({ type: 'invoke', ticket, payload, invocationType: 'Event' });
    return result;
  }

  /** Concurrency, scaling, keep-alive and async settings; provisioned environments start or stop at once. */
  setSettings(settings: PlatformSettings): void {
    this.feed({ type: 'settings', settings: this.capped(settings) });
  }

  /** Asynchronous events accepted and not yet delivered or discarded. */
  queuedAsyncEvents(): number {
    return this.platform.queuedAsyncEvents();
  }

  /** The clock the model runs on (epoch ms). */
  now(): number {
    return wallClock.now();
  }

  /** Invoke synchronously (RequestResponse) with a JSON payload. */
  invoke(payload: string): Promise<InvokeResult> {
    const ticket = this.nextTicket++;
    const result = new Promise<InvokeResult>((resolve) => this.waiting.set(ticket, resolve));
    this.feed({ type: 'invoke', ticket, payload });
    this.updateWatchdog();
    return result;
  }

  /** A new configuration or new code: environments of the old one are not reused. */
  configure(config: FunctionConfig): void {
    this.feed({ type: 'configure', config });
  }

  environments(): EnvironmentView[] {
    return this.platform.environmentViews();
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.watchdog) clearInterval(this.watchdog);
    for (const env of this.envs.values()) env.port.close();
    this.envs.clear();
    this.frames.closeAll();
  }

  private feed(event: PlatformEvent): void {
    if (this.disposed) return;
    const commands = this.platform.handle(event);
    for (const command of commands) this.run(command);
    for (const listener of this.listeners) listener(commands);
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
        env.peakInFlight = this.inFlight;
        if (this.inFlight > this.cores) for (const e of this.envs.values()) if (e.sentAt !== null) e.peakInFlight = Math.max(e.peakInFlight, this.inFlight);
        const message: ToEnvironment = { t: 'invoke', requestId: c.requestId, payload: c.payload, remainingMs: c.remainingMs };
        env.port.postMessage(message);
        break;
      }
      case 'destroyEnvironment':
        this.destroy(c.envId, c.reason === 'timeout');
        break;
      case 'setTimer': {
        const handle = setTimeout(() => {
          this.timers.delete(c.timerId);
          this.feed({ type: 'timer', timerId: c.timerId });
        }, Math.max(0, c.atMs - wallClock.now()));
        this.timers.set(c.timerId, handle);
        break;
      }
      case 'clearTimer':
        clearTimeout(this.timers.get(c.timerId));
        this.timers.delete(c.timerId);
        break;
      case 'complete':
        this.settle(c.ticket, { kind: 'finished', record: c.record, logs: c.logs, response: c.response });
        break;
      case 'reject':
        this.settle(c.ticket, { kind: 'rejected', statusCode: c.statusCode, error: c.error });
        this.settleAsync(c.ticket, { kind: 'rejected', statusCode: c.statusCode, error: c.error });
        break;
      case 'accepted':
        this.settleAsync(c.ticket, { kind: 'accepted', statusCode: 202, requestId: c.requestId });
        break;
      case 'notice':
        break;
    }
  }

  private settleAsync(ticket: number, result: AsyncInvokeResult): void {
    const resolve = this.waitingAsync.get(ticket);
    if (!resolve) return;
    this.waitingAsync.delete(ticket);
    resolve(result);
  }

  private settle(ticket: number, result: InvokeResult): void {
    const resolve = this.waiting.get(ticket);
    this.waiting.delete(ticket);
    resolve?.(result);
  }

  private start(spec: EnvironmentSpec): void {
    const { port1, port2 } = new MessageChannel();
    const frame = this.frames.acquire(spec.config.networkAccess);
    const env: LiveEnvironment = { port: port1, frame, sentAt: null, unsolicited: 0, peakInFlight: 0 };
    this.envs.set(spec.envId, env);
    port1.onmessage = (e: MessageEvent<unknown>) => this.onMessage(spec.envId, e.data);
    const init: ToEnvironment = { t: 'init', spec: initSpec(spec) };
    port1.postMessage(init);
    frame
      .open()
      .then((api) => api.spawn(spec.envId, Comlink.transfer(port2, [port2])))
      .catch(() => this.feed({ type: 'environmentLost', envId: spec.envId, reason: 'crashed' }));
  }

  private destroy(envId: string, runaway: boolean): void {
    const env = this.envs.get(envId);
    if (!env) return;
    this.envs.delete(envId);
    if (env.sentAt !== null) this.inFlight -= 1;
    env.port.onmessage = null;
    env.port.close();
    // A timed-out handler may still be looping or allocating: retire its frame rather than trust terminate().
    if (runaway) this.frames.retire(env.frame);
    else if (!env.frame.closed) env.frame.open().then((api) => api.kill(envId), () => undefined);
    this.frames.release(env.frame);
  }

  private onMessage(envId: string, data: unknown): void {
    const env = this.envs.get(envId);
    if (!env) return;
    const now = wallClock.now();
    const m = readEnvironmentMessage(data, now);
    if (!m) return this.unsolicited(envId, env);
    switch (m.t) {
      case 'initDone':
        return this.feed({ type: 'initDone', envId, initDurationMs: m.initDurationMs, logs: m.logs });
      case 'initFailed':
        return this.feed({ type: 'initFailed', envId, initDurationMs: m.initDurationMs, error: m.error, logs: m.logs });
      case 'invokeDone': {
        if (env.sentAt === null) return this.unsolicited(envId, env);
        // The environment measures its own duration; it may not claim more than the app saw elapse.
        const durationMs = Math.min(m.durationMs, now - env.sentAt);
        const cpuMs = Math.min(m.cpuMs, durationMs);
        env.sentAt = null;
        this.inFlight -= 1;
        // Only a handler that used the CPU is slowed by others using it too.
        const contended = env.peakInFlight > this.cores && cpuMs > 0.2 * durationMs;
        const event: PlatformEvent = { type: 'invokeDone', envId, requestId: m.requestId, durationMs, cpuMs, contended, outcome: m.outcome, logs: m.logs };
        return this.feed(event);
      }
      case 'exited':
        return this.feed({ type: 'environmentLost', envId, reason: { exitStatus: m.exitStatus } });
    }
  }

  private unsolicited(envId: string, env: LiveEnvironment): void {
    env.unsolicited += 1;
    if (env.unsolicited > UNSOLICITED_LIMIT) this.feed({ type: 'environmentLost', envId, reason: 'crashed' });
  }

  /** While invocations are in flight, check that their frames' renderers still answer; a dead frame ran out of memory. */
  private updateWatchdog(): void {
    const busy = this.inFlight > 0 || this.waiting.size > 0;
    if (busy && !this.watchdog) {
      this.watchdog = setInterval(() => void this.checkFrames(), WATCHDOG_MS);
    } else if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  /**
   * A frame is declared dead only after WATCHDOG_MISSES pings in a row go
   * unanswered, and a ping only counts as missed when this thread itself was
   * on time to notice: a frame busy starting hundreds of workers, or an app
   * thread stalled by rendering, answers late but is alive.
   */
  private async checkFrames(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const frame of this.frames.frames()) {
        const askedAt = performance.now();
        const answered = await frame.alive(WATCHDOG_MS * 1.5);
        const late = performance.now() - askedAt > WATCHDOG_MS * 3;
        if (answered || late) {
          this.misses.delete(frame);
          continue;
        }
        const misses = (this.misses.get(frame) ?? 0) + 1;
        this.misses.set(frame, misses);
        if (misses < WATCHDOG_MISSES) continue;
        this.misses.delete(frame);
        const lost = [...this.envs].filter(([, env]) => env.frame === frame).map(([id]) => id);
        this.frames.remove(frame);
        for (const envId of lost) this.feed({ type: 'environmentLost', envId, reason: 'outOfMemory' });
      }
    } finally {
      this.checking = false;
    }
  }
}

function initSpec(spec: EnvironmentSpec): InitSpec {
  const c = spec.config;
  const compiled = compileHandlerCached(c.fileName, c.code);
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled,
    nodeBuiltins: nodeBuiltinsScript(compiled),
    ephemeralStorageMb: c.ephemeralStorageMb,
    variables: spec.variables,
    memoryMb: c.memoryMb,
    architecture: c.architecture,
    functionArn: spec.functionArn,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
  };
}
