import { environmentVariables, functionArn, logGroupName, logStreamName } from './environmentVariables';
import { IdleList } from './idleList';
import { pushNotice, type PlatformContext } from './platformContext';
import type { Environment } from './platformState';
import { holdTimer, initTimer, prewarmTimer, reclaimTimer, timeoutTimer } from './timerKey';
import type { DestroyReason, EnvironmentSpec, EnvironmentState, EnvironmentView, CommandSink } from './platformTypes';
import { environmentNotice } from './platformTypes';
import { ProvisionedAllocation } from './provisionedAllocation';
import type { ColdStartFacts } from './coldStartReason';
import { RESTORE_LIMIT_MS, SNAPSHOT_INIT_MIN_MS } from './snapStart';

/** Provisioned environments may take max(130 s, timeout) to initialise (lambda-model.md §2). */
const PROVISIONED_INIT_MIN_MS = 130_000;

/**
 * The function's execution environments: starting them, their states and idle
 * lists, keep-alive and pre-warming, provisioned concurrency, and their end.
 * Which request an environment serves is the invocation lifecycle's business.
 */
export class EnvironmentPool {
  private readonly environments = new Map<string, Environment>();
  private readonly idleProvisioned = new IdleList<Environment>();
  private readonly idleOnDemand = new IdleList<Environment>();
  private readonly allocation = new ProvisionedAllocation();
  private nextEnvNumber = 1;
  /** On-demand environments initialising without a request (pre-warmed by the keep-alive policy). */
  private prewarming = 0;
  /** A SnapStart version's snapshot Init running: no request, no concurrency (Lambda runs it at publish). */
  private snapshotting = 0;
  /** Pre-warms the keep-alive policy scheduled: timer number → how long to keep the environment once ready. */
  private readonly prewarms = new Map<number, number>();
  private nextPrewarm = 1;
  /** For cold-start reasons: environments started under the current configuration, and how the last on-demand one of it ended. */
  private startedThisVersion = 0;
  private lastEnded: ColdStartFacts['lastEnded'] = null;

  constructor(private readonly ctx: PlatformContext) {}

  get(envId: string): Environment | undefined {
    return this.environments.get(envId);
  }

  /** The live (not destroyed) environments, oldest first. */
  views(): EnvironmentView[] {
    return [...this.environments.values()].map((e) => ({
      envId: e.id,
      state: e.state,
      createdAtMs: e.createdAtMs,
      invocations: e.invocations,
      logStreamName: e.logStreamName,
      provisioned: e.provisioned,
      memoryMb: e.config.memoryMb,
    }));
  }

  /**
   * Concurrency in use: every provisioned environment, plus on-demand ones
   * serving a request, that is, all but the idle on-demand ones and those
   * pre-warming (an idle environment has no request; neither has one
   * initialising ahead of traffic).
   */
  inUse(): number {
    return this.environments.size - this.idleOnDemand.size - this.prewarming - this.snapshotting;
  }

  /** The idle environment that takes the next request, by the routing setting (most recently used by default). */
  nextIdle(provisioned: boolean): Environment | undefined {
    const list = provisioned ? this.idleProvisioned : this.idleOnDemand;
    const { routing } = this.ctx.settings;
    if (routing === 'least-recent') return list.leastRecent(this.ctx.configVersion);
    if (routing === 'random') return list.any(this.ctx.configVersion, (n) => Math.floor(this.ctx.random.next() * n));
    return list.mostRecent(this.ctx.configVersion);
  }

  /**
   * When the environment is replaced however busy it is: its lifetime, spread
   * evenly between the settings' bounds by its number (a low-discrepancy
   * sequence, so the model's random stream is not drawn on).
   */
  private retireAtMs(createdAtMs: number, seq: number): number {
    const { lifetimeMinMs, lifetimeMaxMs } = this.ctx.settings;
    if (lifetimeMaxMs <= 0) return Number.POSITIVE_INFINITY;
    const spread = (seq * 0.6180339887498949) % 1;
    return createdAtMs + lifetimeMinMs + spread * (lifetimeMaxMs - lifetimeMinMs);
  }

  start(phase: Environment['initPhase'], provisioned: boolean, out: CommandSink): Environment {
    const { ctx } = this;
    // A SnapStart version's on-demand cold starts restore its snapshot instead of running Init.
    const initPhase = phase === 'init' && !provisioned && ctx.snapStart !== null ? 'restore' : phase;
    const now = ctx.clock.now();
    const seq = this.nextEnvNumber++;
    // A published version's environments are told apart from $LATEST's (the recorders see every version of a function).
    const id = ctx.version === '$LATEST' ? `env-${seq}` : `env-${seq}-v${ctx.version}`;
    const reclaimTimerId = reclaimTimer(id);
    const timeoutTimerId = timeoutTimer(id);
    const holdTimerId = holdTimer(id);
    const env: Environment = {
      id,
      state: 'initializing',
      config: ctx.config,
      configVersion: ctx.configVersion,
      initPhase,
      requestId: null,
      serving: null,
      createdAtMs: now,
      retireAtMs: this.retireAtMs(now, seq),
      lastUsedAtMs: now,
      invocations: 0,
      logStreamName: logStreamName(now, ctx.random.hex(32), ctx.version),
      provisioned,
      seq,
      reclaimTimerId,
      clearReclaim: { type: 'clearTimer', timerId: reclaimTimerId },
      timeoutTimerId,
      holdTimerId,
      clearTimeout: { type: 'clearTimer', timerId: timeoutTimerId },
      clearHold: { type: 'clearTimer', timerId: holdTimerId },
      scratch: ctx.reuseCommands
        ? {
            setTimeout: { type: 'setTimer', timerId: timeoutTimerId, atMs: 0 },
            setReclaim: { type: 'setTimer', timerId: reclaimTimerId, atMs: 0 },
            invoke: { type: 'invoke', envId: id, requestId: '', payload: '', remainingMs: 0 },
          }
        : null,
      // Every field from the start (optional ones too): one object shape for every environment.
      idlePrev: null,
      idleNext: null,
      prewarmKeepAliveMs: undefined,
      needsInit: false,
      awaitingRuntime: ctx.runtimeBootsFirst(ctx.config.runtime),
      restoreLoadedAtMs: Number.NaN,
    };
    this.environments.set(id, env);
    if (initPhase === 'snapshot') this.snapshotting += 1;
    else this.startedThisVersion += 1;
    out.push({ type: 'startEnvironment', spec: this.specOf(env) });
    this.envNotice(env, out);
    if (initPhase !== 'invoke' && !env.awaitingRuntime) out.push({ type: 'setTimer', timerId: initTimer(id), atMs: now + this.initLimitMs(env) });
    return env;
  }

  /** Publishing a SnapStart version: one environment runs Init for the snapshot (it serves nothing and is discarded after). */
  startSnapshot(out: CommandSink): Environment {
    return this.start('snapshot', false, out);
  }

  /** What a driver needs to start the environment's runtime. */
  specOf(env: Environment): EnvironmentSpec {
    const { region, accountId } = this.ctx;
    const snapStart = this.ctx.snapStart !== null && !env.provisioned;
    const initializationType = env.provisioned ? ('provisioned-concurrency' as const) : snapStart ? ('snap-start' as const) : ('on-demand' as const);
    const identity = { region, logStreamName: env.logStreamName, initializationType, version: this.ctx.version };
    const phase = env.initPhase === 'snapshot' || env.initPhase === 'restore' ? env.initPhase : null;
    return {
      ...(phase !== null && this.ctx.snapStart !== null ? { snapStart: { phase, seed: this.ctx.snapStart.seed } } : {}),
      envId: env.id,
      config: env.config,
      initializationType,
      logStreamName: env.logStreamName,
      logGroupName: logGroupName(env.config.name),
      functionArn: functionArn(region, accountId, env.config.name),
      functionVersion: this.ctx.version,
      variables: environmentVariables(env.config, identity),
    };
  }

  /**
   * How long the environment's init may take. A restore: 10 s for runtime load and after-restore hooks, from the
   * runtime's `restoreLoaded`; before it (the replay of Init that stands in for the memory restore) as long as the
   * snapshot's own Init could take.
   */
  initLimitMs(env: Environment): number {
    if (env.initPhase === 'restore' && !Number.isNaN(env.restoreLoadedAtMs)) return RESTORE_LIMIT_MS;
    if (env.initPhase === 'snapshot' || env.initPhase === 'restore') return Math.max(SNAPSHOT_INIT_MIN_MS, env.config.timeoutS * 1000);
    return env.provisioned ? Math.max(PROVISIONED_INIT_MIN_MS, env.config.timeoutS * 1000) : this.ctx.initTimeoutMs;
  }

  setState(env: Environment, state: EnvironmentState, out: CommandSink, reason?: DestroyReason): void {
    if (env.state === state) return;
    if (env.state === 'idle') (env.provisioned ? this.idleProvisioned : this.idleOnDemand).remove(env);
    else if (env.state === 'initializing' && env.prewarmKeepAliveMs !== undefined) this.prewarming -= 1;
    else if (env.state === 'initializing' && env.initPhase === 'snapshot') this.snapshotting -= 1;
    env.state = state;
    if (state === 'idle') (env.provisioned ? this.idleProvisioned : this.idleOnDemand).add(env);
    this.envNotice(env, out, reason);
  }

  private envNotice(env: Environment, out: CommandSink, reason?: DestroyReason): void {
    const atMs = this.ctx.clock.now();
    const listener = this.ctx.onEnvironment;
    if (listener) listener(atMs, env.id, env.state, env.provisioned, env.config.memoryMb, reason, env.requestId, env.seq);
    else pushNotice(out, environmentNotice(atMs, env.id, env.state, env.provisioned, env.config.memoryMb, reason, env.requestId));
  }

  /**
   * Idle on-demand environments are reclaimed after the keep-alive (or
   * unloaded now, if the keep-alive policy would rather pre-warm a fresh one
   * later); provisioned ones stay.
   */
  becomeIdle(env: Environment, out: CommandSink): void {
    const { ctx } = this;
    const prewarmed = env.prewarmKeepAliveMs;
    this.setState(env, 'idle', out);
    if (env.provisioned) return;
    let keepMs = prewarmed;
    if (keepMs === undefined) {
      const prewarmMs = ctx.keepAlive.prewarmMs(ctx.settings);
      if (prewarmMs > 0) {
        const n = this.nextPrewarm++;
        this.prewarms.set(n, ctx.keepAlive.keepAliveMs(ctx.settings));
        out.push({ type: 'setTimer', timerId: prewarmTimer(n), atMs: ctx.clock.now() + prewarmMs });
        this.destroy(env, 'reclaimed', out);
        return;
      }
      keepMs = ctx.keepAlive.keepAliveMs(ctx.settings);
    } else {
      env.prewarmKeepAliveMs = undefined;
    }
    const atMs = ctx.clock.now() + keepMs;
    const scratch = env.scratch;
    if (scratch === null) out.push({ type: 'setTimer', timerId: env.reclaimTimerId, atMs });
    else {
      scratch.setReclaim.atMs = atMs;
      out.push(scratch.setReclaim);
    }
  }

  /** The keep-alive reached its end: an idle on-demand environment goes. */
  reclaim(envId: string, out: CommandSink): void {
    const env = this.environments.get(envId);
    if (env && env.state === 'idle' && !env.provisioned) this.destroy(env, 'reclaimed', out);
  }

  /** A request arrived: pending pre-warms are moot. */
  cancelPrewarms(out: CommandSink): void {
    if (this.prewarms.size === 0) return;
    for (const n of this.prewarms.keys()) out.push({ type: 'clearTimer', timerId: prewarmTimer(n) });
    this.prewarms.clear();
  }

  /** The keep-alive policy's pre-warm is due: an on-demand environment initialises ahead of the next request. */
  onPrewarm(n: number, out: CommandSink): void {
    const keepMs = this.prewarms.get(n);
    if (keepMs === undefined) return;
    this.prewarms.delete(n);
    const env = this.start('init', false, out);
    env.prewarmKeepAliveMs = keepMs;
    this.prewarming += 1;
  }

  /** What admission needs to say why a request is about to get a new environment (computed before starting it). */
  coldStartFacts(): ColdStartFacts {
    let onDemand = 0;
    for (const env of this.environments.values()) {
      if (!env.provisioned && env.configVersion === this.ctx.configVersion && env.prewarmKeepAliveMs === undefined && env.initPhase !== 'snapshot') onDemand += 1;
    }
    return {
      provisionedConcurrency: this.ctx.settings.provisionedConcurrency,
      onDemandOfCurrentVersion: onDemand,
      startedEver: this.nextEnvNumber - 1,
      startedThisVersion: this.startedThisVersion,
      lastEnded: this.lastEnded,
    };
  }

  /** A new configuration: idle environments (and provisioned ones still initialising without a request) go now, busy ones when they finish. */
  onConfigure(out: CommandSink): void {
    this.startedThisVersion = 0;
    this.lastEnded = null;
    for (const env of [...this.environments.values()]) {
      if (env.state === 'idle' || (env.provisioned && env.state === 'initializing' && env.requestId === null)) this.destroy(env, 'config-changed', out);
    }
    this.provision(out);
  }

  /** New settings: a changed keep-alive applies to idle environments, and provisioned concurrency follows its setting. */
  onSettings(keepAliveChanged: boolean, out: CommandSink): void {
    const { settings } = this.ctx;
    if (keepAliveChanged) {
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
  private becomeIdleAgain(env: Environment, out: CommandSink): void {
    const at = Math.max(this.ctx.clock.now(), env.lastUsedAtMs + this.ctx.settings.keepAliveMs);
    out.push({ type: 'clearTimer', timerId: env.reclaimTimerId });
    out.push({ type: 'setTimer', timerId: env.reclaimTimerId, atMs: at });
  }

  /** Whether an environment that just finished a request should go rather than wait for the next (an old configuration, or more provisioned than the setting). */
  outlived(env: Environment): DestroyReason | null {
    if (env.configVersion !== this.ctx.configVersion) return 'config-changed';
    if (env.provisioned && this.provisionedCount() > this.ctx.settings.provisionedConcurrency) return 'deprovisioned';
    if (this.ctx.clock.now() >= env.retireAtMs) return 'recycled';
    return null;
  }

  private provisionedCount(): number {
    let n = 0;
    for (const env of this.environments.values()) if (env.provisioned && env.configVersion === this.ctx.configVersion) n += 1;
    return n;
  }

  /** Start provisioned environments up to the setting, and tell the bill what is allocated. */
  provision(out: CommandSink): void {
    const { ctx } = this;
    const target = ctx.settings.provisionedConcurrency;
    for (let n = this.provisionedCount(); n < target; n += 1) this.start('init', true, out);
    const { memoryMb, architecture } = ctx.config;
    if (this.allocation.change(target, memoryMb, architecture)) {
      // Each published version holds its own allocation (an alias's is split between its versions): the bill sums them.
      pushNotice(out, { kind: 'provisioned', atMs: ctx.clock.now(), count: target, memoryMb, architecture, ...(ctx.version === '$LATEST' ? {} : { version: ctx.version }) });
    }
  }

  destroy(env: Environment, reason: DestroyReason, out: CommandSink): void {
    if (env.state === 'destroyed') return;
    out.push(env.clearReclaim);
    this.setState(env, 'destroyed', out, reason);
    this.environments.delete(env.id);
    if (!env.provisioned && env.configVersion === this.ctx.configVersion && env.initPhase !== 'snapshot') this.lastEnded = reason === 'reclaimed' ? 'reclaimed' : 'other';
    out.push({ type: 'destroyEnvironment', envId: env.id, reason });
    // Lambda replaces a provisioned environment that timed out or crashed (not one whose code cannot init).
    if (env.provisioned && (reason === 'timeout' || reason === 'exited' || reason === 'lost') && env.requestId !== null) this.provision(out);
  }
}
