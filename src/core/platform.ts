import type { AsyncEvent } from './asyncInvocation';
import { AsyncQueue } from './asyncQueue';
import type { Clock } from './clock';
import { modelledDurationMs } from './cpuShare';
import { environmentVariables, functionArn, logGroupName, logStreamName } from './environmentVariables';
import type { FunctionConfig } from './functionConfig';
import type { InvocationOutcome, InvokeResponse, LogLine } from './invocationRecord';
import { exitError, exitErrorMessage, exitErrorType, timeoutError, type ExitReason, type LambdaError } from './lambdaError';
import { exitLine, initReportLine, initStartLine, timeoutLine, type ReportFields } from './logLines';
import { IdleList } from './idleList';
import { FIXED_KEEP_ALIVE, type KeepAlivePolicy } from './keepAlivePolicy';
import { checkRequestPayload, checkResponsePayload } from './payloadLimits';
import { DEFAULT_SETTINGS, type PlatformSettings } from './platformSettings';
import type {
  DestroyReason,
  CompletionListener,
  EnvironmentListener,
  EnvironmentState,
  EnvironmentView,
  InvocationType,
  Notice,
  PlatformCommand,
  PlatformEvent,
  ThrottleReason,
  EnvironmentSpec,
} from './platformTypes';
import { environmentNotice } from './platformTypes';
import {
  appendLogs,
  completionOf,
  countingIds,
  emptyCompletion,
  holdTimer,
  initTimer,
  invocationOf,
  logsOf,
  NO_LOGS,
  prewarmTimer,
  reclaimTimer,
  recordOf,
  throttleError,
  type Environment,
  type Invocation,
} from './platformState';
import type { Random } from './random';
import { ProvisionedAllocation } from './provisionedAllocation';
import { ScalingBudget } from './scalingBudget';

export interface PlatformOptions {
  clock: Clock;
  random: Random;
  config: FunctionConfig;
  region?: string;
  accountId?: string;
  /** On-demand init limit; past it Lambda re-runs init inside the invocation (lambda-model.md §2). */
  initTimeoutMs?: number;
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
  /** Lean mode only: told of every completion instead of `complete` commands being emitted (the scale simulation's metrics and bill). */
  onComplete?: CompletionListener;
}

/** Provisioned environments may take max(130 s, timeout) to initialise (lambda-model.md §2). */
const PROVISIONED_INIT_MIN_MS = 130_000;

/**
 * The Lambda platform for one function, as a pure state machine: events in,
 * commands out. It owns no timers and no workers; the driver that feeds it
 * carries out its commands, in live mode with real Web Workers, in the scale
 * simulation with virtual time.
 */
export class Platform {
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly region: string;
  private readonly accountId: string;
  private readonly initTimeoutMs: number;
  private config: FunctionConfig;
  private settings: PlatformSettings;
  private configVersion = 0;
  private nextEnvNumber = 1;
  private readonly environments = new Map<string, Environment>();
  private readonly invocations = new Map<string, Invocation>();
  private readonly queue: AsyncQueue;
  private readonly budget: ScalingBudget;
  private readonly allocation = new ProvisionedAllocation();
  /** Whether the environment the last `admit` returned is a new one (no object per admission for it). */
  private admittedCold = false;
  /** The last response body found within the limit: load runs return one payload over and over. */
  private fittingResponse: string | null = null;
  /** The last success response made in lean mode: load runs return one payload over and over, and nobody keeps it. */
  private lastOk: { ok: true; payload: string } | null = null;
  private readonly lean: boolean;
  private readonly keepAlive: KeepAlivePolicy;
  private readonly onEnvironment: EnvironmentListener | null;
  private readonly onComplete: CompletionListener | null;
  private readonly completion = emptyCompletion();
  /** Finished invocations' objects, for the next ones (lean mode only). */
  private readonly spareInvocations: Invocation[] = [];
  private readonly idleProvisioned = new IdleList<Environment>();
  private readonly idleOnDemand = new IdleList<Environment>();
  /** On-demand environments initialising without a request (pre-warmed by the keep-alive policy). */
  private prewarming = 0;
  /** Pre-warms the keep-alive policy scheduled: timer number → how long to keep the environment once ready. */
  private readonly prewarms = new Map<number, number>();
  private nextPrewarm = 1;
  /** When the function's most recent invocation ended (null before the first). */
  private lastEndMs: number | null = null;
  /** The last request body the Invoke API accepted. */
  private acceptedPayload: string | null = null;

  constructor(options: PlatformOptions) {
    this.clock = options.clock;
    this.lean = options.lean ?? false;
    this.random = this.lean ? countingIds(options.random) : options.random;
    this.keepAlive = options.keepAlive ?? FIXED_KEEP_ALIVE;
    this.onEnvironment = options.onEnvironment ?? null;
    this.onComplete = this.lean ? (options.onComplete ?? null) : null;
    this.config = options.config;
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '123456789012';
    this.initTimeoutMs = options.initTimeoutMs ?? 10_000;
    this.budget = new ScalingBudget(this.settings.scaleBurst, this.settings.scaleWindowMs, this.clock.now());
    this.queue = new AsyncQueue({
      clock: this.clock,
      random: this.random,
      settings: () => this.settings,
      functionArn: () => functionArn(this.region, this.accountId, this.config.name),
      tryAttempt: (event, out) => this.tryAsyncAttempt(event, out),
    });
  }

  /** Feed one event; returns what the driver must do, in order (appended to `out`, so a driver may reuse one array). */
  handle(event: PlatformEvent, out: PlatformCommand[] = []): PlatformCommand[] {
    switch (event.type) {
      case 'invoke':
        this.arrived(out);
        if (event.invocationType === 'Event') this.queue.accept(event.ticket, event.payload, out);
        else this.onInvoke(event.ticket, event.payload, out);
        break;
      case 'initDone':
        this.onInitDone(event.envId, event.initDurationMs, event.logs, out);
        break;
      case 'initFailed':
        this.onInitFailed(event.envId, event.initDurationMs, event.error, event.logs, out);
        break;
      case 'invokeDone':
        this.onInvokeDone(event, out);
        break;
      case 'timer':
        this.onTimer(event.timerId, out);
        break;
      case 'environmentLost':
        this.onEnvironmentLost(event.envId, event.reason, out);
        break;
      case 'configure':
        this.onConfigure(event.config, out);
        break;
      case 'settings':
        this.onSettings(event.settings, out);
        break;
    }
    return out;
  }

  /** The live (not destroyed) environments, oldest first. */
  environmentViews(): EnvironmentView[] {
    return [...this.environments.values()].map((e) => ({
      envId: e.id,
      state: e.state,
      createdAtMs: e.createdAtMs,
      invocations: e.invocations,
      logStreamName: e.logStreamName,
      provisioned: e.provisioned,
    }));
  }

  /** Asynchronous events accepted and not yet delivered or discarded. */
  queuedAsyncEvents(): number {
    return this.queue.size;
  }

  // ── Admission: concurrency limits and the scaling rate ─────────────────

  /** The concurrency this function may use: its reservation, or the account's unreserved pool. */
  private cap(): number {
    return this.settings.reservedConcurrency ?? this.settings.accountConcurrency;
  }

  /**
   * Concurrency in use: every provisioned environment, plus on-demand ones
   * serving a request, that is, all but the idle on-demand ones and those
   * pre-warming (an idle environment has no request; neither has one
   * initialising ahead of traffic).
   */
  private inUse(): number {
    return this.environments.size - this.idleOnDemand.size - this.prewarming;
  }

  /** An environment for a new request, or why the request is throttled. */
  /** An environment for a new request (a new one, cold, when `admittedCold` is then true), or why the request is throttled. */
  private admit(out: PlatformCommand[]): Environment | ThrottleReason {
    this.admittedCold = false;
    const provisioned = this.mostRecentlyUsedIdle(true);
    if (provisioned) return provisioned;
    const limited: ThrottleReason =
      this.settings.reservedConcurrency === null ? 'ConcurrentInvocationLimitExceeded' : 'ReservedFunctionConcurrentInvocationLimitExceeded';
    if (this.inUse() >= this.cap()) return limited;
    const idle = this.mostRecentlyUsedIdle(false);
    if (idle) return idle;
    if (!this.budget.take(this.clock.now())) return 'ConcurrentInvocationLimitExceeded';
    this.admittedCold = true;
    return this.startEnvironment('init', false, out);
  }

  private mostRecentlyUsedIdle(provisioned: boolean): Environment | undefined {
    return (provisioned ? this.idleProvisioned : this.idleOnDemand).mostRecent(this.configVersion);
  }

  /** A request arrived: the keep-alive policy learns how long the function was idle, and pending pre-warms are moot. */
  private arrived(out: PlatformCommand[]): void {
    if (this.lastEndMs !== null) this.keepAlive.observeIdleTime(this.invocations.size > 0 ? 0 : this.clock.now() - this.lastEndMs);
    if (this.prewarms.size === 0) return;
    for (const n of this.prewarms.keys()) out.push({ type: 'clearTimer', timerId: prewarmTimer(n) });
    this.prewarms.clear();
  }

  // ── Synchronous and asynchronous invocation ────────────────────────────

  private onInvoke(ticket: number, payload: string, out: PlatformCommand[]): void {
    // Load runs send one payload over and over: it is checked (and parsed) once.
    const refusal = payload === this.acceptedPayload ? null : checkRequestPayload(payload);
    if (refusal) {
      out.push({ type: 'reject', ticket, ...refusal });
      return;
    }
    this.acceptedPayload = payload;
    const admitted = this.admit(out);
    if (typeof admitted === 'string') {
      this.notice(out, { kind: 'throttle', atMs: this.clock.now(), ticket, invocationType: 'RequestResponse', reason: admitted });
      out.push({ type: 'reject', ticket, statusCode: 429, error: throttleError(admitted) });
      return;
    }
    this.assign(admitted, this.admittedCold, ticket, this.random.uuid(), payload, 'RequestResponse', 1, out);
  }

  /** One attempt of a queued asynchronous event, if the function has room for it. */
  private tryAsyncAttempt(event: AsyncEvent, out: PlatformCommand[]): ThrottleReason | null {
    const admitted = this.admit(out);
    if (typeof admitted === 'string') return admitted;
    event.attempts += 1;
    this.assign(admitted, this.admittedCold, event.ticket, event.requestId, event.payload, 'Event', event.attempts, out);
    return null;
  }

  /** Give a request to an environment: at once if it is idle, when its init ends if it is starting. */
  private assign(
    env: Environment,
    cold: boolean,
    ticket: number,
    requestId: string,
    payload: string,
    invocationType: InvocationType,
    attempt: number,
    out: PlatformCommand[],
  ): void {
    // No log lists until a line comes: this runs once per request. Lean mode reuses finished invocations' objects.
    const inv = invocationOf(this.spareInvocations.pop(), env, cold, ticket, requestId, payload, invocationType, attempt, this.clock.now());
    this.invocations.set(inv.requestId, inv);
    env.requestId = inv.requestId;
    if (env.state === 'idle') {
      out.push(env.clearReclaim);
      if (env.needsInit) this.reinitialize(env, inv, out);
      else this.beginInvoke(env, inv, out);
    }
  }

  // ── Environments ───────────────────────────────────────────────────────

  private startEnvironment(initPhase: Environment['initPhase'], provisioned: boolean, out: PlatformCommand[]): Environment {
    const now = this.clock.now();
    const seq = this.nextEnvNumber++;
    const id = `env-${seq}`;
    const reclaimTimerId = reclaimTimer(id);
    const env: Environment = {
      id,
      state: 'initializing',
      config: this.config,
      configVersion: this.configVersion,
      initPhase,
      requestId: null,
      createdAtMs: now,
      lastUsedAtMs: now,
      invocations: 0,
      logStreamName: logStreamName(now, this.random.hex(32)),
      provisioned,
      seq,
      reclaimTimerId,
      clearReclaim: { type: 'clearTimer', timerId: reclaimTimerId },
      // Every field from the start (optional ones too): one object shape for every environment.
      idlePrev: null,
      idleNext: null,
      prewarmKeepAliveMs: undefined,
      needsInit: false,
    };
    this.environments.set(id, env);
    out.push({ type: 'startEnvironment', spec: this.specOf(env) });
    this.envNotice(env, out);
    if (initPhase === 'init') out.push({ type: 'setTimer', timerId: initTimer(id), atMs: now + this.initLimitMs(env) });
    return env;
  }

  /** What a driver needs to start the environment's runtime. */
  private specOf(env: Environment): EnvironmentSpec {
    const initializationType = env.provisioned ? ('provisioned-concurrency' as const) : ('on-demand' as const);
    const identity = { region: this.region, logStreamName: env.logStreamName, initializationType };
    return {
      envId: env.id,
      config: env.config,
      initializationType,
      logStreamName: env.logStreamName,
      logGroupName: logGroupName(env.config.name),
      functionArn: functionArn(this.region, this.accountId, env.config.name),
      variables: environmentVariables(env.config, identity),
    };
  }

  /**
   * After a timeout or a runtime exit Lambda resets the environment rather
   * than replacing it: the runtime process goes now, and the next invocation
   * on the environment re-runs init inside its invoke phase. A provisioned
   * environment is replaced instead (its init must run ahead of traffic).
   */
  private reset(env: Environment, reason: 'timeout' | 'exited', out: PlatformCommand[]): void {
    if (env.provisioned || env.configVersion !== this.configVersion) {
      this.destroy(env, reason, out);
      return;
    }
    out.push({ type: 'stopRuntime', envId: env.id, reason });
    env.needsInit = true;
    this.release(env, out);
  }

  /** A reset environment takes a request: its runtime starts again, init runs inside the invocation (no INIT_START, no Init Duration). */
  private reinitialize(env: Environment, inv: Invocation, out: PlatformCommand[]): void {
    env.needsInit = false;
    env.initPhase = 'invoke';
    this.setState(env, 'initializing', out);
    out.push({ type: 'startEnvironment', spec: this.specOf(env) });
    this.beginInvoke(env, inv, out, false);
  }

  private initLimitMs(env: Environment): number {
    return env.provisioned ? Math.max(PROVISIONED_INIT_MIN_MS, env.config.timeoutS * 1000) : this.initTimeoutMs;
  }

  private setState(env: Environment, state: EnvironmentState, out: PlatformCommand[], reason?: DestroyReason): void {
    if (env.state === state) return;
    if (env.state === 'idle') (env.provisioned ? this.idleProvisioned : this.idleOnDemand).remove(env);
    else if (env.state === 'initializing' && env.prewarmKeepAliveMs !== undefined) this.prewarming -= 1;
    env.state = state;
    if (state === 'idle') (env.provisioned ? this.idleProvisioned : this.idleOnDemand).add(env);
    this.envNotice(env, out, reason);
  }

  private envNotice(env: Environment, out: PlatformCommand[], reason?: DestroyReason): void {
    const atMs = this.clock.now();
    if (this.onEnvironment) this.onEnvironment(atMs, env.id, env.state, env.provisioned, env.config.memoryMb, reason, env.requestId);
    else this.notice(out, environmentNotice(atMs, env.id, env.state, env.provisioned, env.config.memoryMb, reason, env.requestId));
  }

  private notice(out: PlatformCommand[], notice: Notice): void {
    out.push({ type: 'notice', notice });
  }

  /** The invoke phase begins: START is stamped and the deadline starts to run. */
  private beginInvoke(env: Environment, inv: Invocation, out: PlatformCommand[], ready = env.state !== 'initializing'): void {
    const now = this.clock.now();
    inv.startedAtMs = now;
    out.push({ type: 'setTimer', timerId: inv.timeoutTimerId, atMs: now + inv.config.timeoutS * 1000 });
    if (ready) this.sendInvoke(env, inv, out);
  }

  private sendInvoke(env: Environment, inv: Invocation, out: PlatformCommand[]): void {
    const startedAt = inv.startedAtMs ?? this.clock.now();
    const remainingMs = Math.max(0, startedAt + inv.config.timeoutS * 1000 - this.clock.now());
    env.invocations += 1;
    this.setState(env, 'busy', out);
    out.push({ type: 'invoke', envId: env.id, requestId: inv.requestId, payload: inv.payload, remainingMs });
  }

  private onInitDone(envId: string, initDurationMs: number, logs: LogLine[], out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env || env.state !== 'initializing') return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    if (env.initPhase === 'init') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      if (!inv) {
        this.becomeIdle(env, out);
        return;
      }
      inv.initDurationMs = initDurationMs;
      appendLogs(inv, 'beforeStart', this.withInitStart(env, logs));
      this.beginInvoke(env, inv, out, true);
      return;
    }
    if (!inv) {
      this.destroy(env, 'lost', out);
      return;
    }
    inv.initInInvokeMs = initDurationMs;
    // Init re-run inside the invocation (suppressed init): the sandbox is the same one, so no second INIT_START.
    appendLogs(inv, 'body', logs);
    this.sendInvoke(env, inv, out);
  }

  private onInitFailed(envId: string, initDurationMs: number, error: LambdaError, logs: LogLine[], out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env || env.state !== 'initializing') return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    const status = { kind: 'error' as const, errorType: error.errorType };
    if (env.initPhase === 'init') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      this.destroy(env, 'init-failed', out);
      if (inv) {
        appendLogs(inv, 'beforeStart', [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', status))]);
        this.retryInitInInvoke(inv, out);
      }
      return;
    }
    this.destroy(env, 'init-failed', out);
    if (!inv) return;
    out.push({ type: 'clearTimer', timerId: inv.timeoutTimerId });
    appendLogs(inv, 'beforeStart', [...logs, this.platformLine(initReportLine(initDurationMs, 'invoke', status))]);
    inv.initInInvokeMs = initDurationMs;
    this.complete(inv, 'error', { ok: false, error }, out, initDurationMs, status);
  }

  /** After a failed or timed-out init, Lambda runs init again inside the invocation, under the function timeout. */
  private retryInitInInvoke(inv: Invocation, out: PlatformCommand[]): void {
    const env = this.startEnvironment('invoke', false, out);
    env.requestId = inv.requestId;
    inv.envId = env.id;
    inv.config = env.config;
    this.beginInvoke(env, inv, out);
  }

  private onInvokeDone(event: Extract<PlatformEvent, { type: 'invokeDone' }>, out: PlatformCommand[]): void {
    const { envId, requestId, durationMs, outcome, logs } = event;
    const env = this.environments.get(envId);
    const inv = this.invocations.get(requestId);
    if (!env || !inv || env.state !== 'busy' || env.requestId !== requestId || inv.heldOutcome) return;
    appendLogs(inv, 'body', logs);
    inv.measuredDurationMs = durationMs;
    inv.cpuMs = Math.min(Math.max(0, event.cpuMs ?? 0), durationMs);
    inv.contended = event.contended ?? false;
    const modelled = inv.initInInvokeMs + modelledDurationMs(durationMs, inv.cpuMs, inv.config.memoryMb);
    const extraMs = modelled - inv.initInInvokeMs - durationMs;
    inv.heldOutcome = outcome;
    inv.heldDurationMs = modelled;
    if (extraMs > 0.0005) {
      // Lambda's smaller CPU share would still be running the handler: stay busy (and under the deadline) until then.
      out.push({ type: 'setTimer', timerId: holdTimer(requestId), atMs: this.clock.now() + extraMs });
      return;
    }
    this.finishHandler(env, inv, out);
  }

  /** The handler's modelled duration has passed: complete with what it returned. */
  private finishHandler(env: Environment, inv: Invocation, out: PlatformCommand[]): void {
    const outcome = inv.heldOutcome;
    if (!outcome) return;
    const duration = inv.heldDurationMs;
    out.push({ type: 'clearTimer', timerId: inv.timeoutTimerId });
    const tooLarge = outcome.kind === 'success' ? this.checkResponse(outcome.payload) : null;
    if (tooLarge) {
      this.complete(inv, 'error', { ok: false, error: tooLarge }, out, duration);
    } else if (outcome.kind === 'success') {
      this.complete(inv, 'success', this.okResponse(outcome.payload), out, duration);
    } else if (outcome.kind === 'error') {
      this.complete(inv, 'error', { ok: false, error: outcome.error }, out, duration);
    } else if (outcome.kind === 'noReply') {
      // Node's runtime exits when its event loop empties with the handler's promise pending.
      const error = { errorType: 'Runtime.NodeJsExit', errorMessage: exitErrorMessage(inv.requestId, 'crashed'), trace: [] };
      appendLogs(inv, 'body', [this.platformLine(exitLine(error.errorMessage, error.errorType))]);
      this.complete(inv, 'error', { ok: false, error }, out, duration, { kind: 'error', errorType: error.errorType });
      this.reset(env, 'exited', out);
      return;
    } else {
      const exit = exitError(inv.requestId, { exitStatus: outcome.exitStatus });
      appendLogs(inv, 'body', [this.platformLine(exitLine(exit.errorMessage, exit.errorType))]);
      this.complete(inv, 'error', { ok: false, error: outcome.error }, out, duration, { kind: 'error', errorType: exit.errorType });
      this.reset(env, 'exited', out);
      return;
    }
    this.release(env, out);
  }

  private release(env: Environment, out: PlatformCommand[]): void {
    env.requestId = null;
    env.lastUsedAtMs = this.clock.now();
    if (env.configVersion !== this.configVersion || (env.provisioned && this.provisionedCount() > this.settings.provisionedConcurrency)) {
      this.destroy(env, env.configVersion !== this.configVersion ? 'config-changed' : 'deprovisioned', out);
      this.provision(out);
      return;
    }
    this.becomeIdle(env, out);
  }

  /**
   * Idle on-demand environments are reclaimed after the keep-alive (or
   * unloaded now, if the keep-alive policy would rather pre-warm a fresh one
   * later); provisioned ones stay.
   */
  private becomeIdle(env: Environment, out: PlatformCommand[]): void {
    const prewarmed = env.prewarmKeepAliveMs;
    this.setState(env, 'idle', out);
    if (env.provisioned) return;
    let keepMs = prewarmed;
    if (keepMs === undefined) {
      const prewarmMs = this.keepAlive.prewarmMs(this.settings);
      if (prewarmMs > 0) {
        const n = this.nextPrewarm++;
        this.prewarms.set(n, this.keepAlive.keepAliveMs(this.settings));
        out.push({ type: 'setTimer', timerId: prewarmTimer(n), atMs: this.clock.now() + prewarmMs });
        this.destroy(env, 'reclaimed', out);
        return;
      }
      keepMs = this.keepAlive.keepAliveMs(this.settings);
    } else {
      env.prewarmKeepAliveMs = undefined;
    }
    const at = this.clock.now() + keepMs;
    out.push({ type: 'setTimer', timerId: env.reclaimTimerId, atMs: at });
  }

  /** The keep-alive policy's pre-warm is due: an on-demand environment initialises ahead of the next request. */
  private onPrewarm(n: number, out: PlatformCommand[]): void {
    const keepMs = this.prewarms.get(n);
    if (keepMs === undefined) return;
    this.prewarms.delete(n);
    const env = this.startEnvironment('init', false, out);
    env.prewarmKeepAliveMs = keepMs;
    this.prewarming += 1;
  }

  private onTimer(timerId: string, out: PlatformCommand[]): void {
    // `kind:id`, split at the first colon (ids may hold colons).
    const colon = timerId.indexOf(':');
    const kind = colon < 0 ? timerId : timerId.slice(0, colon);
    const id = (colon < 0 ? undefined : timerId.slice(colon + 1)) as string;
    switch (kind) {
      case 'init':
        return this.onInitTimeout(id, out);
      case 'timeout':
        return this.onInvokeTimeout(id, out);
      case 'hold': {
        const inv = this.invocations.get(id);
        const env = inv && this.environments.get(inv.envId);
        if (inv && env) this.finishHandler(env, inv, out);
        return;
      }
      case 'reclaim': {
        const env = this.environments.get(id);
        if (env && env.state === 'idle' && !env.provisioned) this.destroy(env, 'reclaimed', out);
        return;
      }
      case 'async': {
        this.queue.onTimer(id, this.invocations.has(id), out);
        return;
      }
      case 'prewarm':
        return this.onPrewarm(Number(id), out);
    }
  }

  private onInitTimeout(envId: string, out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env || env.state !== 'initializing' || env.initPhase !== 'init') return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    this.destroy(env, 'timeout', out);
    if (!inv) return;
    appendLogs(inv, 'beforeStart', [...this.withInitStart(env, []), this.platformLine(initReportLine(this.initLimitMs(env), 'init', { kind: 'timeout' }))]);
    this.retryInitInInvoke(inv, out);
  }

  private onInvokeTimeout(requestId: string, out: PlatformCommand[]): void {
    const inv = this.invocations.get(requestId);
    if (!inv || inv.startedAtMs === null) return;
    const env = this.environments.get(inv.envId);
    const { timeoutS } = inv.config;
    out.push({ type: 'clearTimer', timerId: holdTimer(requestId) });
    appendLogs(inv, 'body', [this.platformLine(timeoutLine(new Date(this.clock.now()).toISOString(), inv.requestId, timeoutS))]);
    this.complete(inv, 'timeout', { ok: false, error: timeoutError(inv.requestId, timeoutS) }, out, timeoutS * 1000, { kind: 'timeout' });
    if (env) this.reset(env, 'timeout', out);
  }

  private onEnvironmentLost(envId: string, reason: ExitReason, out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env) return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    if (inv) {
      out.push(
        { type: 'clearTimer', timerId: initTimer(envId) },
        { type: 'clearTimer', timerId: inv.timeoutTimerId },
        { type: 'clearTimer', timerId: holdTimer(inv.requestId) },
      );
      const now = this.clock.now();
      if (inv.startedAtMs === null) inv.startedAtMs = now;
      const error = exitError(inv.requestId, reason);
      const errorType = exitErrorType(reason);
      appendLogs(inv, 'body', [this.platformLine(exitLine(error.errorMessage, errorType))]);
      // The invocation ends first, then its environment goes: observers see the crash on the environment's row.
      this.complete(inv, 'crash', { ok: false, error }, out, now - inv.startedAtMs, { kind: 'error', errorType });
    }
    this.destroy(env, 'lost', out);
  }

  private onConfigure(config: FunctionConfig, out: PlatformCommand[]): void {
    this.config = config;
    this.configVersion += 1;
    for (const env of [...this.environments.values()]) {
      if (env.state === 'idle' || (env.provisioned && env.state === 'initializing' && env.requestId === null)) this.destroy(env, 'config-changed', out);
    }
    this.provision(out);
  }

  private onSettings(settings: PlatformSettings, out: PlatformCommand[]): void {
    const before = this.settings;
    this.settings = settings;
    this.budget.reset(settings.scaleBurst, settings.scaleWindowMs, this.clock.now());
    if (before.keepAliveMs !== settings.keepAliveMs) {
      for (const env of this.environments.values()) if (env.state === 'idle' && !env.provisioned) this.becomeIdleAgain(env, out);
    }
    // Fewer provisioned environments: release idle ones now, busy ones when they finish.
    let excess = this.provisionedCount() - settings.provisionedConcurrency;
    for (const env of [...this.environments.values()]) {
      if (excess <= 0) break;
      if (env.provisioned && env.requestId === null) {
        this.destroy(env, 'deprovisioned', out);
        excess -= 1;
      }
    }
    this.provision(out);
  }

  /** A new keep-alive applies from the environment's last use. */
  private becomeIdleAgain(env: Environment, out: PlatformCommand[]): void {
    const at = Math.max(this.clock.now(), env.lastUsedAtMs + this.settings.keepAliveMs);
    out.push({ type: 'clearTimer', timerId: env.reclaimTimerId }, { type: 'setTimer', timerId: env.reclaimTimerId, atMs: at });
  }

  private provisionedCount(): number {
    let n = 0;
    for (const env of this.environments.values()) if (env.provisioned && env.configVersion === this.configVersion) n += 1;
    return n;
  }

  /** Start provisioned environments up to the setting, and tell the bill what is allocated. */
  private provision(out: PlatformCommand[]): void {
    const target = this.settings.provisionedConcurrency;
    for (let n = this.provisionedCount(); n < target; n += 1) this.startEnvironment('init', true, out);
    const { memoryMb, architecture } = this.config;
    if (this.allocation.change(target, memoryMb, architecture)) {
      this.notice(out, { kind: 'provisioned', atMs: this.clock.now(), count: target, memoryMb, architecture });
    }
  }

  private destroy(env: Environment, reason: DestroyReason, out: PlatformCommand[]): void {
    if (env.state === 'destroyed') return;
    out.push(env.clearReclaim);
    this.setState(env, 'destroyed', out, reason);
    this.environments.delete(env.id);
    out.push({ type: 'destroyEnvironment', envId: env.id, reason });
    // Lambda replaces a provisioned environment that timed out or crashed (not one whose code cannot init).
    if (env.provisioned && (reason === 'timeout' || reason === 'exited' || reason === 'lost') && env.requestId !== null) this.provision(out);
  }

  private complete(
    inv: Invocation,
    outcome: InvocationOutcome,
    response: InvokeResponse,
    out: PlatformCommand[],
    durationMs: number,
    status?: ReportFields['status'],
  ): void {
    this.invocations.delete(inv.requestId);
    this.lastEndMs = this.clock.now();
    const provisioned = this.environments.get(inv.envId)?.provisioned ?? false;
    if (this.onComplete) {
      this.onComplete(completionOf(this.completion, inv, outcome, durationMs, this.clock.now(), provisioned));
    } else {
      const record = recordOf(inv, outcome, response, durationMs, this.clock.now(), provisioned);
      out.push({ type: 'complete', ticket: inv.ticket, record, logs: this.lean ? NO_LOGS : logsOf(inv, record, status), response });
    }
    if (inv.invocationType === 'Event') this.queue.afterAttempt(inv.requestId, response, out);
    // Nothing holds a finished invocation (its id is what timers and events name): lean mode makes the next one of it.
    if (this.lean && this.spareInvocations.length < 64) this.spareInvocations.push(inv);
  }

  private checkResponse(payload: string): LambdaError | null {
    if (payload === this.fittingResponse) return null;
    const tooLarge = checkResponsePayload(payload);
    if (!tooLarge) this.fittingResponse = payload;
    return tooLarge;
  }

  private okResponse(payload: string): InvokeResponse {
    if (!this.lean) return { ok: true, payload };
    if (this.lastOk === null || this.lastOk.payload !== payload) this.lastOk = { ok: true, payload };
    return this.lastOk;
  }

  /** Init's output as the log stream shows it: INIT_START first, stamped when the environment was created. */
  private withInitStart(env: Environment, logs: readonly LogLine[]): LogLine[] {
    return [{ atMs: env.createdAtMs, text: initStartLine(env.config.runtime, this.region), source: 'platform' }, ...logs];
  }

  private platformLine(text: string): LogLine {
    return { atMs: this.clock.now(), text, source: 'platform' };
  }
}
