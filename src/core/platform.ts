import { AccountConcurrency } from './accountConcurrency';
import { Admission } from './admission';
import type { AsyncEvent } from './asyncInvocation';
import { AsyncQueue } from './asyncQueue';
import type { Clock } from './clock';
import { EnvironmentPool } from './environmentPool';
import { functionArn } from './environmentVariables';
import type { FunctionConfig } from './functionConfig';
import { InvocationLifecycle } from './invocationLifecycle';
import { FIXED_KEEP_ALIVE, type KeepAlivePolicy } from './keepAlivePolicy';
import { checkRequestPayload } from './payloadLimits';
import type { PlatformContext } from './platformContext';
import { pushNotice } from './platformContext';
import { DEFAULT_SETTINGS, type PlatformSettings } from './platformSettings';
import { timerKind, timerSubject, type TimerId } from './timerKey';
import { countingIds, throttleError } from './platformState';
import type { CompletionListener, EnvironmentListener, EnvironmentView, CommandSink, PlatformCommand, PlatformEvent, ThrottleReason } from './platformTypes';
import { createRandom, type Random } from './random';
import { continueTrace, type InvocationTrace } from './tracing/invocationTrace';
import { XraySampler } from './tracing/xraySampler';

export interface PlatformOptions {
  clock: Clock;
  random: Random;
  /** The trace decisions' own random stream (new trace and segment ids, the sampling rule's fixed rate), apart from the request ids'. */
  tracingRandom?: Random;
  config: FunctionConfig;
  region?: string;
  accountId?: string;
  /** On-demand init limit; past it Lambda re-runs init inside the invocation (lambda-model.md §2). */
  initTimeoutMs?: number;
  /**
   * Live mode: a runtime that must boot in the tab before Lambda's runtime
   * would have started (Python on Pyodide) tells the model when it is ready
   * (`runtimeReady`), and Init's time limit counts from there. The boot is a
   * cost of running CPython in a browser, not of the function.
   */
  runtimeBootsFirst?: (runtime: string) => boolean;
  settings?: PlatformSettings;
  /**
   * For the scale simulation: no log lines are built, and ids come from
   * counters instead of UUIDs (`countingIds`). Every decision is the same.
   */
  lean?: boolean;
  /** Keep-alive of idle on-demand environments; default: the `keepAliveMs` setting, no pre-warming. */
  keepAlive?: KeepAlivePolicy;
  /** Told of every environment change instead of `environment` notices being emitted (the scale simulation's metrics). */
  onEnvironment?: EnvironmentListener;
  /**
   * The driver carries out each command before it feeds the next event and
   * keeps none of them (the unobserved scale simulation): the per-invocation
   * commands are then made once per environment and rewritten. Lean mode only.
   */
  reuseCommands?: boolean;
  /**
   * Environments this driver can hold at most (live mode: the tab's cap).
   * Past it the model throttles as past the account limit; the invocation
   * rate limit still follows the configured limits. Default: no cap.
   */
  environmentCap?: number;
  /**
   * The account's concurrency, shared by the workspace's functions (each
   * platform joins under `functionId`). Default: an account of its own.
   */
  account?: AccountConcurrency;
  functionId?: string;
  /** The version this platform runs: `$LATEST` (default) or a published version's number (its environments, logs and context say so). */
  version?: string;
  /**
   * The platform runs a published version with SnapStart: `takeSnapshot` runs its Init once (with this seed), and its
   * on-demand cold starts restore the snapshot (the Restore phase) instead of running Init.
   */
  snapStart?: { seed: number };
  /** Lean mode only: told of every completion instead of `complete` commands being emitted (the scale simulation's metrics and bill). */
  onComplete?: CompletionListener;
}

/**
 * The Lambda platform for one function, as a pure state machine: events in,
 * commands out. It owns no timers and no workers; the driver that feeds it
 * carries out its commands, in live mode with real Web Workers, in the scale
 * simulation with virtual time.
 *
 * It dispatches to its parts: the environment pool (environmentPool.ts),
 * admission (admission.ts), the invocation lifecycle (invocationLifecycle.ts)
 * and Lambda's queue for asynchronous events (asyncQueue.ts).
 */
export class Platform {
  private readonly ctx: PlatformContext;
  private readonly pool: EnvironmentPool;
  private readonly admission: Admission;
  private readonly lifecycle: InvocationLifecycle;
  private readonly queue: AsyncQueue;
  /** This platform's environments in use: its count in the account. */
  private readonly inUse = (): number => this.pool.inUse();
  private readonly tracingRandom: Random;
  /** X-Ray's default sampling rule for this function's Active tracing: its reservoir outlives an invocation. */
  private readonly sampler: XraySampler;
  /** The last request body the Invoke API accepted. */
  private acceptedPayload: string | null = null;

  constructor(options: PlatformOptions) {
    this.tracingRandom = options.tracingRandom ?? createRandom(0x7ace);
    this.sampler = new XraySampler(this.tracingRandom);
    const lean = options.lean ?? false;
    const settings = options.settings ?? DEFAULT_SETTINGS;
    const account = options.account ?? new AccountConcurrency(settings.accountConcurrency);
    const ctx: PlatformContext = {
      clock: options.clock,
      random: lean ? countingIds(options.random) : options.random,
      region: options.region ?? 'us-east-1',
      accountId: options.accountId ?? '123456789012',
      initTimeoutMs: options.initTimeoutMs ?? 10_000,
      runtimeBootsFirst: options.runtimeBootsFirst ?? (() => false),
      environmentCap: options.environmentCap ?? Number.POSITIVE_INFINITY,
      lean,
      reuseCommands: lean && (options.reuseCommands ?? false),
      keepAlive: options.keepAlive ?? FIXED_KEEP_ALIVE,
      onEnvironment: options.onEnvironment ?? null,
      onComplete: lean ? (options.onComplete ?? null) : null,
      config: options.config,
      configVersion: 0,
      settings,
      account,
      functionId: options.functionId ?? 'function',
      version: options.version ?? '$LATEST',
      snapStart: options.snapStart ?? null,
    };
    this.ctx = ctx;
    this.pool = new EnvironmentPool(ctx);
    this.admission = new Admission(ctx, this.pool);
    account.join(ctx.functionId, this.inUse, settings.reservedConcurrency);
    this.queue = new AsyncQueue({
      clock: ctx.clock,
      random: ctx.random,
      settings: () => ctx.settings,
      functionArn: () => functionArn(ctx.region, ctx.accountId, ctx.config.name),
      version: ctx.version,
      tryAttempt: (event, out) => this.tryAsyncAttempt(event, out),
    });
    this.lifecycle = new InvocationLifecycle(ctx, this.pool, (requestId, response, out) => this.queue.afterAttempt(requestId, response, out));
  }

  /** Feed one event; returns what the driver must do, in order (appended to `out`, so a driver may reuse one array). */
  handle(event: PlatformEvent, out: PlatformCommand[] = []): PlatformCommand[] {
    this.feed(event, out);
    return out;
  }

  /** Feed one event; what the driver must do goes to `out` in order, as it is decided. */
  feed(event: PlatformEvent, out: CommandSink): void {
    const { lifecycle } = this;
    switch (event.type) {
      case 'invoke':
        this.arrived(out);
        if (event.invocationType === 'Event') this.queue.accept(event.ticket, event.payload, out, event.qualifier ?? null);
        else this.onInvoke(event.ticket, event.payload, out, event.qualifier ?? null);
        break;
      case 'initDone':
        lifecycle.onInitDone(event.envId, event.initDurationMs, event.logs, out, event.contended ?? false, event.restoreMs);
        break;
      case 'restoreLoaded':
        lifecycle.onRestoreLoaded(event.envId, out);
        break;
      case 'takeSnapshot':
        this.pool.startSnapshot(out);
        break;
      case 'runtimeReady':
        lifecycle.onRuntimeReady(event.envId, out);
        break;
      case 'initFailed':
        lifecycle.onInitFailed(event.envId, event.initDurationMs, event.error, event.logs, out);
        break;
      case 'invokeDone':
        lifecycle.onInvokeDone(event, out);
        break;
      case 'timer':
        this.onTimer(event.timerId, out);
        break;
      case 'environmentLost':
        lifecycle.onEnvironmentLost(event.envId, event.reason, out);
        break;
      case 'configure':
        this.ctx.config = event.config;
        this.ctx.configVersion += 1;
        this.pool.onConfigure(out);
        break;
      case 'settings': {
        const keepAliveChanged = this.ctx.settings.keepAliveMs !== event.settings.keepAliveMs;
        this.ctx.settings = event.settings;
        this.admission.onSettings();
        this.pool.onSettings(keepAliveChanged, out);
        break;
      }
    }
  }

  /** The function is gone: its environments no longer count against the account. */
  leaveAccount(): void {
    this.ctx.account.leave(this.ctx.functionId, this.inUse);
  }

  /** The live (not destroyed) environments, oldest first. */
  /** The ticket of the invocation an environment is serving, or null. */
  servingTicket(envId: string): number | null {
    return this.pool.get(envId)?.serving?.ticket ?? null;
  }

  /** The trace of a request the Invoke API refused (a throttle): decided as an invocation's is, with no environment. */
  traceRefused(incoming: string | null): InvocationTrace {
    return continueTrace(incoming, this.ctx.config.tracing ?? 'PassThrough', this.sampler, this.tracingRandom, this.ctx.clock.now());
  }

  /**
   * The X-Ray trace of the invocation an environment is serving, decided once
   * (when the driver hands it to the handler): the caller's header `incoming`
   * continued, or a new trace, sampled by the configuration's TracingConfig
   * and X-Ray's default rule (src/core/tracing/). Null when it serves none.
   */
  traceServing(envId: string, incoming: string | null): InvocationTrace | null {
    const inv = this.pool.get(envId)?.serving;
    if (!inv) return null;
    inv.trace ??= continueTrace(incoming, inv.config.tracing ?? 'PassThrough', this.sampler, this.tracingRandom, this.ctx.clock.now());
    return inv.trace;
  }

  environmentViews(): EnvironmentView[] {
    return this.pool.views();
  }

  /** Asynchronous events accepted and not yet delivered or discarded. */
  queuedAsyncEvents(): number {
    return this.queue.size;
  }

  /** A request arrived: the keep-alive policy learns how long the function was idle, and pending pre-warms are moot. */
  private arrived(out: CommandSink): void {
    const { lastEndMs } = this.lifecycle;
    if (!Number.isNaN(lastEndMs)) this.ctx.keepAlive.observeIdleTime(this.lifecycle.active > 0 ? 0 : this.ctx.clock.now() - lastEndMs);
    this.pool.cancelPrewarms(out);
  }

  private onInvoke(ticket: number, payload: string, out: CommandSink, qualifier: string | null): void {
    // Load runs send one payload over and over: it is checked (and parsed) once.
    const refusal = payload === this.acceptedPayload ? null : checkRequestPayload(payload);
    if (refusal) {
      out.push({ type: 'reject', ticket, ...refusal });
      return;
    }
    this.acceptedPayload = payload;
    const admitted = this.admission.admit(out, true);
    if (typeof admitted === 'string') {
      pushNotice(out, { kind: 'throttle', atMs: this.ctx.clock.now(), ticket, invocationType: 'RequestResponse', reason: admitted });
      out.push({ type: 'reject', ticket, statusCode: 429, error: throttleError(admitted) });
      return;
    }
    this.lifecycle.assign(admitted, this.admission.cold, this.admission.coldReason, ticket, this.ctx.random.uuid(), payload, 'RequestResponse', 1, out, qualifier);
  }

  /** One attempt of a queued asynchronous event, if the function has room for it. */
  private tryAsyncAttempt(event: AsyncEvent, out: CommandSink): ThrottleReason | null {
    const admitted = this.admission.admit(out);
    if (typeof admitted === 'string') return admitted;
    event.attempts += 1;
    this.lifecycle.assign(admitted, this.admission.cold, this.admission.coldReason, event.ticket, event.requestId, event.payload, 'Event', event.attempts, out, event.qualifier);
    return null;
  }

  private onTimer(timerId: TimerId, out: CommandSink): void {
    const id = timerSubject(timerId);
    switch (timerKind(timerId)) {
      case 'init':
        return this.lifecycle.onInitTimeout(id, out);
      case 'timeout':
        return this.lifecycle.onInvokeTimeout(id, out);
      case 'hold':
        return this.lifecycle.onHoldEnded(id, out);
      case 'reclaim':
        return this.pool.reclaim(id, out);
      case 'async':
        return this.queue.onTimer(id, this.lifecycle.hasAsync(id), out);
      case 'prewarm':
        return this.pool.onPrewarm(Number(id), out);
    }
  }
}
