import type { Clock } from './clock';
import { environmentVariables, functionArn, logGroupName, logStreamName } from './environmentVariables';
import type { FunctionConfig } from './functionConfig';
import { finishInvocation, type InvocationOutcome, type InvokeResponse, type LogLine } from './invocationRecord';
import { exitError, exitErrorType, timeoutError, type ExitReason, type LambdaError } from './lambdaError';
import { exitLine, initReportLine, timeoutLine, type ReportFields } from './logLines';
import { estimateMaxMemoryUsedMb } from './memoryModel';
import { checkRequestPayload, checkResponsePayload } from './payloadLimits';
import type {
  DestroyReason,
  EnvironmentState,
  EnvironmentView,
  HandlerOutcome,
  PlatformCommand,
  PlatformEvent,
} from './platformTypes';
import type { Random } from './random';

export interface PlatformOptions {
  clock: Clock;
  random: Random;
  config: FunctionConfig;
  region?: string;
  accountId?: string;
  /** On-demand init limit; past it Lambda re-runs init inside the invocation (lambda-model.md §2). */
  initTimeoutMs?: number;
}

interface Environment {
  id: string;
  state: EnvironmentState;
  /** The configuration the environment was started with: its invocations run, time out and bill under it. */
  config: FunctionConfig;
  configVersion: number;
  /** `init`: the normal init phase. `invoke`: init re-run inside an invocation, after a failed or timed-out init. */
  initPhase: 'init' | 'invoke';
  requestId: string | null;
  createdAtMs: number;
  lastUsedAtMs: number;
  invocations: number;
  logStreamName: string;
}

interface Invocation {
  ticket: number;
  requestId: string;
  payload: string;
  envId: string;
  /** The configuration of the environment serving it, not the function's latest. */
  config: FunctionConfig;
  arrivedAtMs: number;
  cold: boolean;
  /** Set when the invoke phase began (the deadline runs from here). */
  startedAtMs: number | null;
  initDurationMs?: number;
  /** Init that ran inside the invoke phase: it counts toward Duration, not Init Duration. */
  initInInvokeMs: number;
  beforeStart: LogLine[];
  body: LogLine[];
}

const initTimer = (envId: string): string => `init:${envId}`;
const timeoutTimer = (requestId: string): string => `timeout:${requestId}`;

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
  private configVersion = 0;
  private nextEnvNumber = 1;
  private readonly environments = new Map<string, Environment>();
  private readonly invocations = new Map<string, Invocation>();

  constructor(options: PlatformOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.config = options.config;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '123456789012';
    this.initTimeoutMs = options.initTimeoutMs ?? 10_000;
  }

  /** Feed one event; returns what the driver must do, in order. */
  handle(event: PlatformEvent): PlatformCommand[] {
    const out: PlatformCommand[] = [];
    switch (event.type) {
      case 'invoke':
        this.onInvoke(event.ticket, event.payload, out);
        break;
      case 'initDone':
        this.onInitDone(event.envId, event.initDurationMs, event.logs, out);
        break;
      case 'initFailed':
        this.onInitFailed(event.envId, event.initDurationMs, event.error, event.logs, out);
        break;
      case 'invokeDone':
        this.onInvokeDone(event.envId, event.requestId, event.durationMs, event.outcome, event.logs, out);
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
    }));
  }

  private onInvoke(ticket: number, payload: string, out: PlatformCommand[]): void {
    const refusal = checkRequestPayload(payload);
    if (refusal) {
      out.push({ type: 'reject', ticket, ...refusal });
      return;
    }
    const now = this.clock.now();
    const requestId = this.random.uuid();
    const idle = this.mostRecentlyUsedIdle();
    const env = idle ?? this.startEnvironment('init', out);
    const inv: Invocation = {
      ticket,
      requestId,
      payload,
      envId: env.id,
      config: env.config,
      arrivedAtMs: now,
      cold: idle === undefined,
      startedAtMs: null,
      initInInvokeMs: 0,
      beforeStart: [],
      body: [],
    };
    this.invocations.set(requestId, inv);
    env.requestId = requestId;
    if (idle) this.beginInvoke(env, inv, out);
  }

  private mostRecentlyUsedIdle(): Environment | undefined {
    let best: Environment | undefined;
    for (const env of this.environments.values()) {
      if (env.state !== 'idle' || env.configVersion !== this.configVersion) continue;
      if (!best || env.lastUsedAtMs >= best.lastUsedAtMs) best = env;
    }
    return best;
  }

  private startEnvironment(initPhase: Environment['initPhase'], out: PlatformCommand[]): Environment {
    const now = this.clock.now();
    const id = `env-${this.nextEnvNumber++}`;
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
    };
    this.environments.set(id, env);
    const identity = { region: this.region, logStreamName: env.logStreamName, initializationType: 'on-demand' as const };
    out.push({
      type: 'startEnvironment',
      spec: {
        envId: id,
        config: this.config,
        initializationType: 'on-demand',
        logStreamName: env.logStreamName,
        logGroupName: logGroupName(this.config.name),
        functionArn: functionArn(this.region, this.accountId, this.config.name),
        variables: environmentVariables(this.config, identity),
      },
    });
    if (initPhase === 'init') out.push({ type: 'setTimer', timerId: initTimer(id), atMs: now + this.initTimeoutMs });
    return env;
  }

  /** The invoke phase begins: START is stamped and the deadline starts to run. */
  private beginInvoke(env: Environment, inv: Invocation, out: PlatformCommand[]): void {
    const now = this.clock.now();
    inv.startedAtMs = now;
    out.push({ type: 'setTimer', timerId: timeoutTimer(inv.requestId), atMs: now + inv.config.timeoutS * 1000 });
    if (env.state !== 'initializing') this.sendInvoke(env, inv, out);
  }

  private sendInvoke(env: Environment, inv: Invocation, out: PlatformCommand[]): void {
    const startedAt = inv.startedAtMs ?? this.clock.now();
    const remainingMs = Math.max(0, startedAt + inv.config.timeoutS * 1000 - this.clock.now());
    env.state = 'busy';
    env.invocations += 1;
    out.push({ type: 'invoke', envId: env.id, requestId: inv.requestId, payload: inv.payload, remainingMs });
  }

  private onInitDone(envId: string, initDurationMs: number, logs: LogLine[], out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env || env.state !== 'initializing') return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    if (env.initPhase === 'init') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      if (!inv) {
        env.state = 'idle';
        return;
      }
      inv.initDurationMs = initDurationMs;
      inv.beforeStart.push(...logs);
      env.state = 'busy';
      this.beginInvoke(env, inv, out);
      return;
    }
    if (!inv) {
      this.destroy(env, 'lost', out);
      return;
    }
    inv.initInInvokeMs = initDurationMs;
    inv.body.push(...logs);
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
        inv.beforeStart.push(...logs, this.platformLine(initReportLine(initDurationMs, 'init', status)));
        this.retryInitInInvoke(inv, out);
      }
      return;
    }
    this.destroy(env, 'init-failed', out);
    if (!inv) return;
    out.push({ type: 'clearTimer', timerId: timeoutTimer(inv.requestId) });
    inv.beforeStart.push(...logs, this.platformLine(initReportLine(initDurationMs, 'invoke', status)));
    inv.initInInvokeMs = initDurationMs;
    this.complete(inv, 'error', { ok: false, error }, out, initDurationMs, status);
  }

  /** After a failed or timed-out init, Lambda runs init again inside the invocation, under the function timeout. */
  private retryInitInInvoke(inv: Invocation, out: PlatformCommand[]): void {
    const env = this.startEnvironment('invoke', out);
    env.requestId = inv.requestId;
    inv.envId = env.id;
    inv.config = env.config;
    this.beginInvoke(env, inv, out);
  }

  private onInvokeDone(
    envId: string,
    requestId: string,
    durationMs: number,
    outcome: HandlerOutcome,
    logs: LogLine[],
    out: PlatformCommand[],
  ): void {
    const env = this.environments.get(envId);
    const inv = this.invocations.get(requestId);
    if (!env || !inv || env.state !== 'busy' || env.requestId !== requestId) return;
    out.push({ type: 'clearTimer', timerId: timeoutTimer(requestId) });
    inv.body.push(...logs);
    const duration = inv.initInInvokeMs + durationMs;
    const tooLarge = outcome.kind === 'success' ? checkResponsePayload(outcome.payload) : null;
    if (tooLarge) {
      this.complete(inv, 'error', { ok: false, error: tooLarge }, out, duration);
    } else if (outcome.kind === 'success') {
      this.complete(inv, 'success', { ok: true, payload: outcome.payload }, out, duration);
    } else if (outcome.kind === 'error') {
      this.complete(inv, 'error', { ok: false, error: outcome.error }, out, duration);
    } else {
      const exit = exitError(requestId, { exitStatus: outcome.exitStatus });
      inv.body.push(this.platformLine(exitLine(exit.errorMessage, exit.errorType)));
      this.complete(inv, 'error', { ok: false, error: outcome.error }, out, duration, {
        kind: 'error',
        errorType: exit.errorType,
      });
      this.destroy(env, 'exited', out);
      return;
    }
    this.release(env, out);
  }

  private release(env: Environment, out: PlatformCommand[]): void {
    env.requestId = null;
    env.lastUsedAtMs = this.clock.now();
    if (env.configVersion !== this.configVersion) this.destroy(env, 'config-changed', out);
    else env.state = 'idle';
  }

  private onTimer(timerId: string, out: PlatformCommand[]): void {
    const [kind, id] = timerId.split(/:(.*)/s) as [string, string];
    if (kind === 'init') {
      const env = this.environments.get(id);
      if (!env || env.state !== 'initializing' || env.initPhase !== 'init') return;
      const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
      this.destroy(env, 'timeout', out);
      if (!inv) return;
      inv.beforeStart.push(this.platformLine(initReportLine(this.initTimeoutMs, 'init', { kind: 'timeout' })));
      this.retryInitInInvoke(inv, out);
      return;
    }
    const inv = this.invocations.get(id);
    if (kind !== 'timeout' || !inv || inv.startedAtMs === null) return;
    const env = this.environments.get(inv.envId);
    const { timeoutS } = inv.config;
    inv.body.push(this.platformLine(timeoutLine(new Date(this.clock.now()).toISOString(), inv.requestId, timeoutS)));
    this.complete(inv, 'timeout', { ok: false, error: timeoutError(inv.requestId, timeoutS) }, out, timeoutS * 1000, {
      kind: 'timeout',
    });
    if (env) this.destroy(env, 'timeout', out);
  }

  private onEnvironmentLost(envId: string, reason: ExitReason, out: PlatformCommand[]): void {
    const env = this.environments.get(envId);
    if (!env) return;
    const inv = env.requestId === null ? undefined : this.invocations.get(env.requestId);
    this.destroy(env, 'lost', out);
    if (!inv) return;
    out.push({ type: 'clearTimer', timerId: initTimer(envId) }, { type: 'clearTimer', timerId: timeoutTimer(inv.requestId) });
    const now = this.clock.now();
    if (inv.startedAtMs === null) inv.startedAtMs = now;
    const error = exitError(inv.requestId, reason);
    const errorType = exitErrorType(reason);
    inv.body.push(this.platformLine(exitLine(error.errorMessage, errorType)));
    this.complete(inv, 'crash', { ok: false, error }, out, now - inv.startedAtMs, { kind: 'error', errorType });
  }

  private onConfigure(config: FunctionConfig, out: PlatformCommand[]): void {
    this.config = config;
    this.configVersion += 1;
    for (const env of [...this.environments.values()]) {
      if (env.state === 'idle') this.destroy(env, 'config-changed', out);
    }
  }

  private destroy(env: Environment, reason: DestroyReason, out: PlatformCommand[]): void {
    if (env.state === 'destroyed') return;
    env.state = 'destroyed';
    this.environments.delete(env.id);
    out.push({ type: 'destroyEnvironment', envId: env.id, reason });
  }

  private complete(
    inv: Invocation,
    outcome: InvocationOutcome,
    response: InvokeResponse,
    out: PlatformCommand[],
    durationMs: number,
    status?: ReportFields['status'],
  ): void {
    const now = this.clock.now();
    this.invocations.delete(inv.requestId);
    const responseBytes = response.ok ? response.payload.length : 0;
    const finished = finishInvocation({
      requestId: inv.requestId,
      envId: inv.envId,
      cold: inv.cold,
      arrivedAtMs: inv.arrivedAtMs,
      startedAtMs: inv.startedAtMs ?? now,
      endedAtMs: now,
      ...(inv.initDurationMs !== undefined ? { initDurationMs: inv.initDurationMs } : {}),
      durationMs,
      memorySizeMb: inv.config.memoryMb,
      maxMemoryUsedMb: estimateMaxMemoryUsedMb(inv.config.runtime, inv.config.memoryMb, inv.payload.length + responseBytes),
      architecture: inv.config.architecture,
      outcome,
      response,
      beforeStart: inv.beforeStart,
      body: inv.body,
      ...(status ? { status } : {}),
    });
    out.push({ type: 'complete', ticket: inv.ticket, ...finished });
  }

  private platformLine(text: string): LogLine {
    return { atMs: this.clock.now(), text, source: 'platform' };
  }
}
