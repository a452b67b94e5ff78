import * as Comlink from 'comlink';
import type { Clock } from '../core/clock';
import type { FunctionConfig } from '../core/functionConfig';
import type { FinishedInvocation } from '../core/invocationRecord';
import type { LambdaError } from '../core/lambdaError';
import { Platform } from '../core/platform';
import type { EnvironmentSpec, EnvironmentView, PlatformCommand, PlatformEvent } from '../core/platformTypes';
import { createRandom } from '../core/random';
import type { InitSpec, ToEnvironment } from '../protocol/messages';
import { compileHandlerCached } from './compileHandler';
import { FramePool } from './framePool';
import { readEnvironmentMessage } from './readEnvironmentMessage';
import type { SandboxFrame } from './sandboxFrame';

/** What a synchronous invoke returns: a finished invocation, or the Invoke API's refusal. */
export type InvokeResult =
  | ({ kind: 'finished' } & FinishedInvocation)
  | { kind: 'rejected'; statusCode: number; error: LambdaError };

interface LiveEnvironment {
  port: MessagePort;
  frame: SandboxFrame;
  /** When the current invoke was sent, on the app's clock: bounds what the environment may claim. */
  sentAt: number | null;
  /** Messages the app did not ask for; past a limit the environment is killed. */
  unsolicited: number;
}

const WATCHDOG_MS = 1000;
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
  private nextTicket = 1;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private disposed = false;

  constructor(config: FunctionConfig, seed = Date.now() >>> 0) {
    this.platform = new Platform({ clock: wallClock, random: createRandom(seed), config });
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
    for (const command of this.platform.handle(event)) this.run(command);
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
        break;
    }
  }

  private settle(ticket: number, result: InvokeResult): void {
    const resolve = this.waiting.get(ticket);
    this.waiting.delete(ticket);
    resolve?.(result);
    this.updateWatchdog();
  }

  private start(spec: EnvironmentSpec): void {
    const { port1, port2 } = new MessageChannel();
    const frame = this.frames.acquire(spec.config.networkAccess);
    const env: LiveEnvironment = { port: port1, frame, sentAt: null, unsolicited: 0 };
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
        env.sentAt = null;
        return this.feed({ type: 'invokeDone', envId, requestId: m.requestId, durationMs, outcome: m.outcome, logs: m.logs });
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
    const busy = this.waiting.size > 0;
    if (busy && !this.watchdog) {
      this.watchdog = setInterval(() => void this.checkFrames(), WATCHDOG_MS);
    } else if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private async checkFrames(): Promise<void> {
    for (const frame of this.frames.frames()) {
      if (await frame.alive(WATCHDOG_MS * 1.5)) continue;
      const lost = [...this.envs].filter(([, env]) => env.frame === frame).map(([id]) => id);
      this.frames.remove(frame);
      for (const envId of lost) this.feed({ type: 'environmentLost', envId, reason: 'outOfMemory' });
    }
  }
}

function initSpec(spec: EnvironmentSpec): InitSpec {
  const c = spec.config;
  return {
    functionName: c.name,
    runtime: c.runtime,
    handler: c.handler,
    fileName: c.fileName,
    compiled: compileHandlerCached(c.fileName, c.code),
    variables: spec.variables,
    memoryMb: c.memoryMb,
    architecture: c.architecture,
    functionArn: spec.functionArn,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
  };
}
