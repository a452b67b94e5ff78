import type { ColdStartReason } from './coldStartReason';
import { modelledDurationMs } from './cpuShare';
import type { EnvironmentPool } from './environmentPool';
import type { InvocationOutcome, InvokeResponse, LogLine } from './invocationRecord';
import { exitError, exitErrorMessage, exitErrorType, timeoutError, type ExitReason, type LambdaError } from './lambdaError';
import { exitLine, initReportLine, initStartLine, restoreReportLine, restoreStartLine, timeoutLine, type ReportFields } from './logLines';
import { MODELLED_SNAPSHOT_RESTORE_MS, restoreDurations } from './snapStart';
import { functionArn } from './environmentVariables';
import { checkResponsePayload } from './payloadLimits';
import { pushNotice, type PlatformContext } from './platformContext';
import {
  appendLogs,
  completionOf,
  emptyCompletion,
  invocationOf,
  logsOf,
  NO_LOGS,
  recordOf,
  type Environment,
  type Invocation,
} from './platformState';
import type { InvocationType, CommandSink, PlatformEvent } from './platformTypes';
import { initTimer } from './timerKey';

/** The Invoke API's SnapStartException (an after-restore hook failed) and SnapStartTimeoutException (the Restore phase ran past 10 s), in its words. */
const SNAP_START_EXCEPTION = 'The afterRestore() runtime hook encountered an error. For more information, check the Amazon CloudWatch logs.';
const SNAP_START_TIMEOUT = "Lambda couldn't restore the snapshot within the timeout limit.";

/**
 * An invocation from the moment an environment is chosen for it to its end:
 * init (and init re-run inside the invoke phase), START and the deadline, the
 * handler's CPU-scaled duration, timeouts, runtime exits and lost
 * environments, the record and the logs. Lambda's lifecycle tables are in
 * lambda-model.md §2.
 */
export class InvocationLifecycle {
  /** Invocations admitted and not yet ended (each is its environment's `serving`). */
  private activeCount = 0;
  /** Request ids of the asynchronous ones among them. */
  private readonly activeAsync = new Set<string>();
  private readonly completion = emptyCompletion();
  /** Finished invocations' objects, for the next ones (lean mode only). */
  private readonly spareInvocations: Invocation[] = [];
  /** The last response body found within the limit: load runs return one payload over and over. */
  private fittingResponse: string | null = null;
  /** The last success response made in lean mode: load runs return one payload over and over, and nobody keeps it. */
  private lastOk: { ok: true; payload: string } | null = null;
  /** When the function's most recent invocation ended (NaN before the first: a number field never boxes its stores). */
  lastEndMs = Number.NaN;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly pool: EnvironmentPool,
    /** An asynchronous event's attempt ended: the async queue decides on a retry or a destination. */
    private readonly afterAsyncAttempt: (requestId: string, response: InvokeResponse, out: CommandSink) => void,
  ) {}

  /** Invocations admitted and not yet ended. */
  get active(): number {
    return this.activeCount;
  }

  /** Whether an asynchronous event's attempt is running now. */
  hasAsync(requestId: string): boolean {
    return this.activeAsync.has(requestId);
  }

  /** Give a request to an environment: at once if it is idle, when its init ends if it is starting. */
  assign(
    env: Environment,
    cold: boolean,
    coldReason: ColdStartReason | null,
    ticket: number,
    requestId: string,
    payload: string,
    invocationType: InvocationType,
    attempt: number,
    out: CommandSink,
    qualifier: string | null = null,
  ): void {
    // No log lists until a line comes: this runs once per request. Lean mode reuses finished invocations' objects.
    const inv = invocationOf(this.spareInvocations.pop(), env, cold, coldReason, ticket, requestId, payload, invocationType, attempt, this.ctx.clock.now(), qualifier);
    this.activeCount += 1;
    if (invocationType === 'Event') this.activeAsync.add(requestId);
    env.serving = inv;
    env.requestId = inv.requestId;
    if (env.state === 'idle') {
      out.push(env.clearReclaim);
      if (env.needsInit) this.reinitialize(env, inv, out);
      else this.beginInvoke(env, inv, out);
    }
  }

  /**
   * After a timeout or a runtime exit Lambda resets the environment rather
   * than replacing it: the runtime process goes now, and the next invocation
   * on the environment re-runs init inside its invoke phase. A provisioned
   * environment is replaced instead (its init must run ahead of traffic).
   */
  private reset(env: Environment, reason: 'timeout' | 'exited', out: CommandSink): void {
    if (env.provisioned || env.configVersion !== this.ctx.configVersion) {
      this.pool.destroy(env, reason, out);
      return;
    }
    out.push({ type: 'stopRuntime', envId: env.id, reason });
    env.needsInit = true;
    this.release(env, out);
  }

  /** A reset environment takes a request: its runtime starts again, init runs inside the invocation (no INIT_START, no Init Duration). */
  private reinitialize(env: Environment, inv: Invocation, out: CommandSink): void {
    env.needsInit = false;
    env.initPhase = 'invoke';
    env.awaitingRuntime = this.ctx.runtimeBootsFirst(env.config.runtime);
    this.pool.setState(env, 'initializing', out);
    out.push({ type: 'startEnvironment', spec: this.pool.specOf(env) });
    this.beginInvoke(env, inv, out, false);
  }

  /** The invoke phase begins: START is stamped and the deadline starts to run. */
  private beginInvoke(env: Environment, inv: Invocation, out: CommandSink, ready = env.state !== 'initializing'): void {
    const now = this.ctx.clock.now();
    inv.startedAtMs = now;
    // A runtime still booting in the tab: the deadline starts when it is ready (onRuntimeReady).
    if (env.awaitingRuntime) return;
    const atMs = now + inv.config.timeoutS * 1000;
    const scratch = env.scratch;
    if (scratch === null) out.push({ type: 'setTimer', timerId: env.timeoutTimerId, atMs });
    else {
      scratch.setTimeout.atMs = atMs;
      out.push(scratch.setTimeout);
    }
    if (ready) this.sendInvoke(env, inv, out);
  }

  private sendInvoke(env: Environment, inv: Invocation, out: CommandSink): void {
    const now = this.ctx.clock.now();
    const startedAt = Number.isNaN(inv.startedAtMs) ? now : inv.startedAtMs;
    const remainingMs = Math.max(0, startedAt + inv.config.timeoutS * 1000 - now);
    env.invocations += 1;
    this.pool.setState(env, 'busy', out);
    const scratch = env.scratch;
    if (scratch === null) {
      const { ctx } = this;
      out.push(
        inv.qualifier === null
          ? { type: 'invoke', envId: env.id, requestId: inv.requestId, payload: inv.payload, remainingMs }
          : { type: 'invoke', envId: env.id, requestId: inv.requestId, payload: inv.payload, remainingMs, invokedFunctionArn: `${functionArn(ctx.region, ctx.accountId, inv.config.name)}:${inv.qualifier}` },
      );
      return;
    }
    const c = scratch.invoke;
    c.requestId = inv.requestId;
    c.payload = inv.payload;
    c.remainingMs = remainingMs;
    out.push(c);
  }

  onInitDone(envId: string, initDurationMs: number, logs: LogLine[], out: CommandSink, contended = false, restoreMs?: number): void {
    const env = this.pool.get(envId);
    if (!env || env.state !== 'initializing') return;
    env.awaitingRuntime = false;
    const inv = this.servedBy(env);
    // A contended init makes this invocation's figures (Init Duration) read long: the record says so.
    if (inv && contended) inv.contended = true;
    if (env.initPhase === 'snapshot') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      this.snapshotLog(env, [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', { kind: 'success' }))], 'success', out);
      pushNotice(out, { kind: 'snapshot', atMs: this.ctx.clock.now(), status: 'ready', initDurationMs });
      // The snapshot is what remains of this environment.
      this.pool.destroy(env, 'snapshotted', out);
      return;
    }
    if (env.initPhase === 'restore') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      // Billed: runtime load and after-restore hooks, as measured; Restore Duration adds the modelled snapshot restore.
      const { restoreDurationMs, billedRestoreDurationMs } = restoreDurations(restoreMs ?? initDurationMs);
      const lines = [...this.withRestoreStart(env, logs), this.platformLine(restoreReportLine(restoreDurationMs, { kind: 'success' }))];
      if (!inv) {
        this.snapshotLog(env, lines, 'success', out);
        this.pool.becomeIdle(env, out);
        return;
      }
      inv.restoreDurationMs = restoreDurationMs;
      inv.billedRestoreDurationMs = billedRestoreDurationMs;
      appendLogs(inv, 'beforeStart', lines);
      this.beginInvoke(env, inv, out, true);
      return;
    }
    if (env.initPhase === 'init') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      if (!inv) {
        this.initLog(env, [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', { kind: 'success' }))], 'success', out);
        this.pool.becomeIdle(env, out);
        return;
      }
      inv.initDurationMs = initDurationMs;
      appendLogs(inv, 'beforeStart', this.withInitStart(env, logs));
      this.beginInvoke(env, inv, out, true);
      return;
    }
    if (!inv) {
      this.pool.destroy(env, 'lost', out);
      return;
    }
    inv.initInInvokeMs = initDurationMs;
    // Init re-run inside the invocation (suppressed init): the sandbox is the same one, so no second INIT_START.
    appendLogs(inv, 'body', logs);
    this.sendInvoke(env, inv, out);
  }

  /** A runtime that boots in the tab first is ready: Init's limit starts now, or, for init inside an invocation, the invocation's deadline. */
  onRuntimeReady(envId: string, out: CommandSink): void {
    const env = this.pool.get(envId);
    if (!env || env.state !== 'initializing' || !env.awaitingRuntime) return;
    env.awaitingRuntime = false;
    const now = this.ctx.clock.now();
    if (env.initPhase !== 'invoke') {
      out.push({ type: 'setTimer', timerId: initTimer(env.id), atMs: now + this.pool.initLimitMs(env) });
      return;
    }
    const inv = this.servedBy(env);
    if (!inv) return;
    inv.startedAtMs = now;
    out.push({ type: 'setTimer', timerId: env.timeoutTimerId, atMs: now + inv.config.timeoutS * 1000 });
  }

  /** A restoring environment's runtime is loaded: runtime load and after-restore hooks have 10 s from now (lambda-model.md §9). */
  onRestoreLoaded(envId: string, out: CommandSink): void {
    const env = this.pool.get(envId);
    if (!env || env.state !== 'initializing' || env.initPhase !== 'restore' || !Number.isNaN(env.restoreLoadedAtMs)) return;
    env.restoreLoadedAtMs = this.ctx.clock.now();
    out.push({ type: 'setTimer', timerId: initTimer(envId), atMs: env.restoreLoadedAtMs + this.pool.initLimitMs(env) });
  }

  onInitFailed(envId: string, initDurationMs: number, error: LambdaError, logs: LogLine[], out: CommandSink): void {
    const env = this.pool.get(envId);
    if (!env || env.state !== 'initializing') return;
    const inv = this.servedBy(env);
    const status = { kind: 'error' as const, errorType: error.errorType };
    if (env.initPhase === 'snapshot') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      this.snapshotLog(env, [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', status))], 'error', out);
      pushNotice(out, { kind: 'snapshot', atMs: this.ctx.clock.now(), status: 'error', initDurationMs, error });
      this.pool.destroy(env, 'init-failed', out);
      return;
    }
    if (env.initPhase === 'restore') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      const lines = [...this.withRestoreStart(env, logs), this.platformLine(restoreReportLine(this.restoreSoFarMs(env), status))];
      this.pool.destroy(env, 'init-failed', out);
      this.snapshotLog(env, lines, 'error', out);
      if (inv) this.restoreFailed(inv, 400, { errorType: 'SnapStartException', errorMessage: SNAP_START_EXCEPTION, trace: [] }, out);
      return;
    }
    if (env.initPhase === 'init') {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      this.pool.destroy(env, 'init-failed', out);
      if (!inv) this.initLog(env, [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', status))], 'error', out);
      if (inv) {
        appendLogs(inv, 'beforeStart', [...this.withInitStart(env, logs), this.platformLine(initReportLine(initDurationMs, 'init', status))]);
        this.retryInitInInvoke(inv, out);
      }
      return;
    }
    this.pool.destroy(env, 'init-failed', out);
    if (!inv) return;
    out.push(env.clearTimeout);
    appendLogs(inv, 'beforeStart', [...logs, this.platformLine(initReportLine(initDurationMs, 'invoke', status))]);
    inv.initInInvokeMs = initDurationMs;
    this.complete(inv, 'error', { ok: false, error }, out, initDurationMs, status);
  }

  /** After a failed or timed-out init, Lambda runs init again inside the invocation, under the function timeout. */
  private retryInitInInvoke(inv: Invocation, out: CommandSink): void {
    const env = this.pool.start('invoke', false, out);
    env.requestId = inv.requestId;
    env.serving = inv;
    inv.env = env;
    inv.config = env.config;
    this.beginInvoke(env, inv, out);
  }

  onInvokeDone(event: Extract<PlatformEvent, { type: 'invokeDone' }>, out: CommandSink): void {
    const { envId, requestId, durationMs, outcome, logs } = event;
    const env = this.pool.get(envId);
    const inv = this.servedBy(env);
    if (!env || !inv || env.state !== 'busy' || inv.requestId !== requestId || inv.heldOutcome) return;
    appendLogs(inv, 'body', logs);
    inv.measuredDurationMs = durationMs;
    inv.cpuMs = Math.min(Math.max(0, event.cpuMs ?? 0), durationMs);
    inv.contended = inv.contended || (event.contended ?? false);
    const modelled = inv.initInInvokeMs + modelledDurationMs(durationMs, inv.cpuMs, inv.config.memoryMb);
    const extraMs = modelled - inv.initInInvokeMs - durationMs;
    inv.heldOutcome = outcome;
    inv.heldDurationMs = modelled;
    if (extraMs > 0.0005) {
      // Lambda's smaller CPU share would still be running the handler: stay busy (and under the deadline) until then.
      out.push({ type: 'setTimer', timerId: env.holdTimerId, atMs: this.ctx.clock.now() + extraMs });
      return;
    }
    this.finishHandler(env, inv, out);
  }

  /** The invocation the environment is serving, if any. */
  private servedBy(env: Environment | undefined): Invocation | undefined {
    return env?.serving ?? undefined;
  }

  /** The environment's hold timer fired: its handler's modelled duration has passed. */
  onHoldEnded(envId: string, out: CommandSink): void {
    const env = this.pool.get(envId);
    const inv = this.servedBy(env);
    if (env && inv) this.finishHandler(env, inv, out);
  }

  /** The handler's modelled duration has passed: complete with what it returned. */
  private finishHandler(env: Environment, inv: Invocation, out: CommandSink): void {
    const outcome = inv.heldOutcome;
    if (!outcome) return;
    const duration = inv.heldDurationMs;
    out.push(env.clearTimeout);
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

  private release(env: Environment, out: CommandSink): void {
    env.requestId = null;
    env.lastUsedAtMs = this.ctx.clock.now();
    const outlived = this.pool.outlived(env);
    if (outlived) {
      this.pool.destroy(env, outlived, out);
      this.pool.provision(out);
      return;
    }
    this.pool.becomeIdle(env, out);
  }

  onInitTimeout(envId: string, out: CommandSink): void {
    const env = this.pool.get(envId);
    if (!env || env.state !== 'initializing' || env.initPhase === 'invoke') return;
    const inv = this.servedBy(env);
    if (env.initPhase === 'snapshot') {
      const limitMs = this.pool.initLimitMs(env);
      this.pool.destroy(env, 'timeout', out);
      this.snapshotLog(env, [...this.withInitStart(env, []), this.platformLine(initReportLine(limitMs, 'init', { kind: 'timeout' }))], 'timeout', out);
      const error = { errorType: 'Sandbox.Timedout', errorMessage: `The function's Init did not finish within ${limitMs / 1000} seconds: no snapshot was taken.`, trace: [] };
      pushNotice(out, { kind: 'snapshot', atMs: this.ctx.clock.now(), status: 'timeout', initDurationMs: limitMs, error });
      return;
    }
    if (env.initPhase === 'restore') {
      const lines = [...this.withRestoreStart(env, []), this.platformLine(restoreReportLine(this.restoreSoFarMs(env), { kind: 'timeout' }))];
      this.pool.destroy(env, 'timeout', out);
      this.snapshotLog(env, lines, 'timeout', out);
      if (inv) this.restoreFailed(inv, 408, { errorType: 'SnapStartTimeoutException', errorMessage: SNAP_START_TIMEOUT, trace: [] }, out);
      return;
    }
    this.pool.destroy(env, 'timeout', out);
    if (!inv) {
      this.initLog(env, [...this.withInitStart(env, []), this.platformLine(initReportLine(this.pool.initLimitMs(env), 'init', { kind: 'timeout' }))], 'timeout', out);
      return;
    }
    appendLogs(inv, 'beforeStart', [...this.withInitStart(env, []), this.platformLine(initReportLine(this.pool.initLimitMs(env), 'init', { kind: 'timeout' }))]);
    this.retryInitInInvoke(inv, out);
  }

  /** The environment's deadline timer fired: its invocation timed out. */
  onInvokeTimeout(envId: string, out: CommandSink): void {
    const env = this.pool.get(envId);
    const inv = this.servedBy(env);
    if (!env || !inv || Number.isNaN(inv.startedAtMs)) return;
    const { timeoutS } = inv.config;
    out.push(env.clearHold);
    appendLogs(inv, 'body', [this.platformLine(timeoutLine(new Date(this.ctx.clock.now()).toISOString(), inv.requestId, timeoutS))]);
    this.complete(inv, 'timeout', { ok: false, error: timeoutError(inv.requestId, timeoutS) }, out, timeoutS * 1000, { kind: 'timeout' });
    this.reset(env, 'timeout', out);
  }

  onEnvironmentLost(envId: string, reason: ExitReason, out: CommandSink): void {
    const env = this.pool.get(envId);
    if (!env) return;
    if (env.initPhase === 'snapshot' && env.state === 'initializing') {
      // The snapshot's Init died with its environment: no snapshot, and the publish fails with the exit.
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      // No request to name: the message is the exit itself ("Runtime exited with error: …").
      const error = { errorType: exitErrorType(reason), errorMessage: exitErrorMessage('', reason).replace(/^RequestId: {2}Error: /, ''), trace: [] };
      const initDurationMs = this.ctx.clock.now() - env.createdAtMs;
      this.snapshotLog(env, [...this.withInitStart(env, []), this.platformLine(initReportLine(initDurationMs, 'init', { kind: 'error', errorType: exitErrorType(reason) }))], 'error', out);
      pushNotice(out, { kind: 'snapshot', atMs: this.ctx.clock.now(), status: 'error', initDurationMs, error });
      this.pool.destroy(env, 'lost', out);
      return;
    }
    const inv = this.servedBy(env);
    if (inv) {
      out.push({ type: 'clearTimer', timerId: initTimer(envId) });
      out.push(env.clearTimeout);
      out.push(env.clearHold);
      const now = this.ctx.clock.now();
      if (Number.isNaN(inv.startedAtMs)) inv.startedAtMs = now;
      const error = exitError(inv.requestId, reason);
      const errorType = exitErrorType(reason);
      appendLogs(inv, 'body', [this.platformLine(exitLine(error.errorMessage, errorType))]);
      // The invocation ends first, then its environment goes: observers see the crash on the environment's row.
      this.complete(inv, 'crash', { ok: false, error }, out, now - inv.startedAtMs, { kind: 'error', errorType });
    }
    this.pool.destroy(env, 'lost', out);
  }

  private complete(
    inv: Invocation,
    outcome: InvocationOutcome,
    response: InvokeResponse,
    out: CommandSink,
    durationMs: number,
    status?: ReportFields['status'],
  ): void {
    const { ctx } = this;
    const now = ctx.clock.now();
    this.activeCount -= 1;
    if (inv.invocationType === 'Event') this.activeAsync.delete(inv.requestId);
    const env = inv.env;
    if (env.serving === inv) env.serving = null;
    this.lastEndMs = now;
    // An environment destroyed before its invocation ends (a failed init re-run) no longer counts as provisioned.
    const provisioned = env.state !== 'destroyed' && env.provisioned;
    if (ctx.onComplete) {
      ctx.onComplete(completionOf(this.completion, inv, outcome, durationMs, now, provisioned));
    } else {
      const record = recordOf(inv, outcome, response, durationMs, now, provisioned);
      if (ctx.version !== '$LATEST') record.version = ctx.version;
      if (inv.trace?.sampled) record.trace = inv.trace;
      out.push({ type: 'complete', ticket: inv.ticket, record, logs: ctx.lean ? NO_LOGS : logsOf(inv, record, status), response });
    }
    if (inv.invocationType === 'Event') this.afterAsyncAttempt(inv.requestId, response, out);
    // Nothing holds a finished invocation (its id is what timers and events name): lean mode makes the next one of it.
    if (ctx.lean && this.spareInvocations.length < 64) this.spareInvocations.push(inv);
  }

  private checkResponse(payload: string): LambdaError | null {
    if (payload === this.fittingResponse) return null;
    const tooLarge = checkResponsePayload(payload);
    if (!tooLarge) this.fittingResponse = payload;
    return tooLarge;
  }

  private okResponse(payload: string): InvokeResponse {
    if (!this.ctx.lean) return { ok: true, payload };
    if (this.lastOk === null || this.lastOk.payload !== payload) this.lastOk = { ok: true, payload };
    return this.lastOk;
  }

  /** Restore Duration so far: the modelled snapshot restore, plus runtime load and hooks since the runtime said it was loaded. */
  private restoreSoFarMs(env: Environment): number {
    const loaded = env.restoreLoadedAtMs;
    return MODELLED_SNAPSHOT_RESTORE_MS + (Number.isNaN(loaded) ? 0 : this.ctx.clock.now() - loaded);
  }

  /**
   * The Restore phase failed: the Invoke API answers the request with Lambda's SnapStart exception (no START, no
   * REPORT: the function never ran); an asynchronous event is retried as after a function error.
   */
  private restoreFailed(inv: Invocation, statusCode: number, error: LambdaError, out: CommandSink): void {
    this.activeCount -= 1;
    if (inv.env.serving === inv) inv.env.serving = null;
    this.lastEndMs = this.ctx.clock.now();
    if (inv.invocationType === 'Event') {
      this.activeAsync.delete(inv.requestId);
      this.afterAsyncAttempt(inv.requestId, { ok: false, error }, out);
      return;
    }
    out.push({ type: 'reject', ticket: inv.ticket, statusCode, error });
  }

  /** A SnapStart environment's Init (at publish) or Restore: its lines go to its own log stream, once. */
  private snapshotLog(env: Environment, lines: LogLine[], status: 'success' | 'error' | 'timeout', out: CommandSink): void {
    if (this.ctx.lean) return;
    const snapStart = env.initPhase === 'snapshot' ? 'snapshot' : 'restore';
    pushNotice(out, { kind: 'initLog', atMs: this.ctx.clock.now(), envId: env.id, logStreamName: env.logStreamName, lines, status, snapStart });
  }

  /** A restored environment's output: RESTORE_START (in place of INIT_START), stamped when the environment was created. */
  private withRestoreStart(env: Environment, logs: readonly LogLine[]): LogLine[] {
    return [{ atMs: env.createdAtMs, text: restoreStartLine(env.config.runtime, this.ctx.region), source: 'platform' }, ...logs];
  }

  /** A provisioned environment's init with no request to carry its lines: they go to its own log stream. */
  private initLog(env: Environment, lines: LogLine[], status: 'success' | 'error' | 'timeout', out: CommandSink): void {
    if (!env.provisioned || this.ctx.lean) return;
    pushNotice(out, { kind: 'initLog', atMs: this.ctx.clock.now(), envId: env.id, logStreamName: env.logStreamName, lines, status });
  }

  /** Init's output as the log stream shows it: INIT_START first, stamped when the environment was created. */
  private withInitStart(env: Environment, logs: readonly LogLine[]): LogLine[] {
    return [{ atMs: env.createdAtMs, text: initStartLine(env.config.runtime, this.ctx.region), source: 'platform' }, ...logs];
  }

  private platformLine(text: string): LogLine {
    return { atMs: this.ctx.clock.now(), text, source: 'platform' };
  }
}
