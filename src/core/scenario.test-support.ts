/**
 * A virtual-time driver for the platform model, for the unit tests beside it.
 * It does what a real driver does (starts nothing, but keeps the timers the
 * model asks for and fires them as time passes) and records every command as
 * a timeline. Pure like the rest of src/core: time only from a manual clock.
 * The model reads platform time (TestPlatformClock): with `waitScale` set, it
 * runs faster while no environment initialises or invokes, as in live mode.
 */
import { DEFAULT_CONFIG, type FunctionConfig } from './functionConfig';
import type { LogLine } from './invocationRecord';
import type { ExitReason, LambdaError } from './lambdaError';
import { Platform } from './platform';
import { DEFAULT_SETTINGS, type PlatformSettings } from './platformSettings';
import type { HandlerOutcome, Notice, PlatformCommand, PlatformEvent } from './platformTypes';
import { ExecutionTracker } from './executionTracker';
import { createRandom } from './random';
import { TestPlatformClock } from './testPlatformClock.test-support';
import type { TimerId } from './timerKey';

/** 2025-09-01T12:00:00.000Z: after init billing began (1 August 2025). */
export const T0 = Date.UTC(2025, 8, 1, 12, 0, 0);

export const CODE = 'export const handler = async () => "ok";';

export function makeConfig(overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return { ...DEFAULT_CONFIG, code: CODE, ...overrides };
}

export const SYNTAX_ERROR: LambdaError = {
  errorType: 'Runtime.UserCodeSyntaxError',
  errorMessage: 'SyntaxError: Unexpected token )',
  trace: ['Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token )'],
};

export const OK: HandlerOutcome = { kind: 'success', payload: '"ok"' };

export type CommandOf<T extends PlatformCommand['type']> = Extract<PlatformCommand, { type: T }>;
export type Completion = CommandOf<'complete'>;

export interface TimelineEntry {
  /** Milliseconds since T0. */
  atMs: number;
  command: PlatformCommand;
}

/** One line of a scripted scenario. Environments are named by id (`env-1`, …), as the model numbers them. */
export type Step =
  | { invoke: string }
  | { initDone: string; ms: number; logs?: string[] }
  /** A restoring environment (SnapStart): its runtime loaded after `ms`, then after-restore hooks took `hooksMs`. */
  | { restored: string; ms: number; hooksMs: number; logs?: string[] }
  | { restoreLoaded: string; ms: number }
  | { takeSnapshot: true }
  | { initFailed: string; ms: number; error?: LambdaError; logs?: string[] }
  | { invokeDone: string; ms: number; outcome?: HandlerOutcome; logs?: string[] }
  | { lost: string; reason: ExitReason }
  | { advance: number }
  | { configure: Partial<FunctionConfig> };

export interface DriverOptions {
  seed?: number;
  config?: Partial<FunctionConfig>;
  startMs?: number;
  initTimeoutMs?: number;
  /** Concurrency and scaling settings, fed to the model before anything else (provisioned environments start then). */
  settings?: Partial<PlatformSettings>;
  /** Live mode's tab cap on environments. */
  environmentCap?: number;
  /** The platform runs a SnapStart version with this snapshot seed. */
  snapStart?: { seed: number };
  /** The version the platform runs (default `$LATEST`). */
  version?: string;
}

export class ScenarioDriver {
  readonly clock: TestPlatformClock;
  /** Environments initialising or invoking: they hold platform time at real speed, as in live mode. */
  private readonly executing: ExecutionTracker;
  readonly platform: Platform;
  readonly timeline: TimelineEntry[] = [];
  private readonly startMs: number;
  private readonly timers = new Map<string, number>();
  /** The request each environment was last asked to run, so a script can answer it by envId alone. */
  private readonly running = new Map<string, string>();
  /** Request ids in order of first appearance, for readable summaries (r1, r2, …). */
  private readonly requestNames = new Map<string, string>();
  private nextTicket = 1;

  constructor(options: DriverOptions = {}) {
    this.startMs = options.startMs ?? T0;
    this.clock = new TestPlatformClock(this.startMs);
    this.executing = new ExecutionTracker(this.clock);
    this.platform = new Platform({
      clock: this.clock,
      random: createRandom(options.seed ?? 1),
      config: makeConfig(options.config),
      ...(options.initTimeoutMs !== undefined ? { initTimeoutMs: options.initTimeoutMs } : {}),
      ...(options.environmentCap !== undefined ? { environmentCap: options.environmentCap } : {}),
      ...(options.snapStart ? { snapStart: options.snapStart } : {}),
      ...(options.version ? { version: options.version } : {}),
    });
    if (options.settings) this.settings(options.settings);
  }

  settings(overrides: Partial<PlatformSettings>): PlatformCommand[] {
    this.clock.setScale(overrides.waitScale ?? DEFAULT_SETTINGS.waitScale);
    return this.feed({ type: 'settings', settings: { ...DEFAULT_SETTINGS, ...overrides } });
  }

  /** An asynchronous (Event) invoke. */
  invokeAsync(payload = '{}'): number {
    const ticket = this.nextTicket++;
    this.feed({ type: 'invoke', ticket, payload, invocationType: 'Event' });
    return ticket;
  }

  /** Every notice of one kind so far, in order. */
  notices<K extends Notice['kind']>(kind: K): Extract<Notice, { kind: K }>[] {
    return this.commands('notice')
      .map((c) => c.notice)
      .filter((n): n is Extract<Notice, { kind: K }> => n.kind === kind);
  }

  /** Feed one event and carry out the timer commands it returns. */
  feed(event: PlatformEvent): PlatformCommand[] {
    const commands = this.platform.handle(event);
    for (const command of commands) {
      this.timeline.push({ atMs: this.clock.now() - this.startMs, command });
      if (command.type === 'setTimer') this.timers.set(command.timerId, command.atMs);
      if (command.type === 'clearTimer') this.timers.delete(command.timerId);
      if (command.type === 'invoke') this.running.set(command.envId, command.requestId);
      if (command.type === 'notice' && command.notice.kind === 'environment') this.executing.note(command.notice.envId, command.notice.state);
      const requestId = requestIdOf(command);
      if (requestId !== null && !this.requestNames.has(requestId)) {
        this.requestNames.set(requestId, `r${this.requestNames.size + 1}`);
      }
    }
    return commands;
  }

  /** Let `ms` of real time pass, firing the timers that fall due (platform time) in order, each at its own time. */
  advance(ms: number): void {
    this.clock.advanceTimers(ms, this.timers, (timerId) => this.feed({ type: 'timer', timerId: timerId as TimerId }));
  }

  invoke(payload = '{}'): number {
    const ticket = this.nextTicket++;
    this.feed({ type: 'invoke', ticket, payload });
    return ticket;
  }

  /** The environment reports its init finished after `ms` (time passes first, as it would). */
  initDone(envId: string, ms: number, logs: string[] = [], contended = false): PlatformCommand[] {
    this.advance(ms);
    return this.feed({ type: 'initDone', envId, initDurationMs: ms, logs: this.functionLines(logs), contended });
  }

  /** A restoring environment: its runtime loads after `ms` (the replay, not counted), then its after-restore hooks take `hooksMs`. */
  restored(envId: string, ms: number, hooksMs: number, logs: string[] = []): PlatformCommand[] {
    this.restoreLoaded(envId, ms);
    this.advance(hooksMs);
    return this.feed({ type: 'initDone', envId, initDurationMs: ms + hooksMs, restoreMs: hooksMs, logs: this.functionLines(logs) });
  }

  restoreLoaded(envId: string, ms: number): PlatformCommand[] {
    this.advance(ms);
    return this.feed({ type: 'restoreLoaded', envId });
  }

  initFailed(envId: string, ms: number, error: LambdaError = SYNTAX_ERROR, logs: string[] = []): PlatformCommand[] {
    this.advance(ms);
    return this.feed({ type: 'initFailed', envId, initDurationMs: ms, error, logs: this.functionLines(logs) });
  }

  /** The environment answers the last request it was sent, `ms` after now. */
  invokeDone(envId: string, ms: number, outcome: HandlerOutcome = OK, logs: string[] = [], cpuMs = 0, contended = false): PlatformCommand[] {
    const requestId = this.running.get(envId);
    if (requestId === undefined) throw new Error(`${envId} was never sent an invoke`);
    this.advance(ms);
    return this.feed({ type: 'invokeDone', envId, requestId, durationMs: ms, cpuMs, contended, outcome, logs: this.functionLines(logs) });
  }

  lost(envId: string, reason: ExitReason): PlatformCommand[] {
    return this.feed({ type: 'environmentLost', envId, reason });
  }

  configure(overrides: Partial<FunctionConfig>): PlatformCommand[] {
    return this.feed({ type: 'configure', config: makeConfig(overrides) });
  }

  /** Run a script; returns the timeline entries it produced. */
  run(steps: readonly Step[]): TimelineEntry[] {
    const from = this.timeline.length;
    for (const step of steps) {
      if ('invoke' in step) this.invoke(step.invoke);
      else if ('initDone' in step) this.initDone(step.initDone, step.ms, step.logs);
      else if ('restored' in step) this.restored(step.restored, step.ms, step.hooksMs, step.logs);
      else if ('restoreLoaded' in step) this.restoreLoaded(step.restoreLoaded, step.ms);
      else if ('takeSnapshot' in step) this.feed({ type: 'takeSnapshot' });
      else if ('initFailed' in step) this.initFailed(step.initFailed, step.ms, step.error, step.logs);
      else if ('invokeDone' in step) this.invokeDone(step.invokeDone, step.ms, step.outcome, step.logs);
      else if ('lost' in step) this.lost(step.lost, step.reason);
      else if ('advance' in step) this.advance(step.advance);
      else this.configure(step.configure);
    }
    return this.timeline.slice(from);
  }

  /** Every command of one type so far, in order. */
  commands<T extends PlatformCommand['type']>(type: T): CommandOf<T>[] {
    return this.timeline.map((e) => e.command).filter((c): c is CommandOf<T> => c.type === type);
  }

  completion(ticket: number): Completion {
    const found = this.commands('complete').find((c) => c.ticket === ticket);
    if (!found) throw new Error(`ticket ${ticket} has not completed`);
    return found;
  }

  /** The log lines of a completed invocation, as text. */
  logText(ticket: number): string[] {
    return this.completion(ticket).logs.map((l) => l.text);
  }

  /** Timers set and neither fired nor cleared. */
  pendingTimers(): string[] {
    return [...this.timers.keys()].map((id) => this.nameRequests(id));
  }

  /**
   * The timeline as short lines (`100 invoke env-1 r1 remaining=3000`, times in ms since the start).
   * Request ids become r1, r2, … in the order they first appear in a command (a cold request's id
   * first shows when its environment is ready, so concurrent requests may be named out of ticket order).
   */
  summary(entries: readonly TimelineEntry[] = this.timeline, options: { notices?: boolean } = {}): string[] {
    // Times are rounded to the microsecond: epoch-sized clocks cannot hold 100.2 ms exactly.
    const shown = options.notices ? entries : entries.filter((e) => !isObservation(e.command));
    return shown.map((e) => `${Math.round(e.atMs * 1000) / 1000} ${this.nameRequests(describe(e.command, this.startMs))}`);
  }

  private nameRequests(text: string): string {
    let out = text;
    for (const [id, name] of this.requestNames) out = out.split(id).join(name);
    return out;
  }

  private functionLines(texts: string[]): LogLine[] {
    return texts.map((text) => ({ atMs: this.clock.now(), text, source: 'function' }));
  }
}

/**
 * Notices and keep-alive timers: what observers see. Summaries leave them out
 * unless asked (`{ notices: true }`), so lifecycle timelines stay readable.
 */
function isObservation(c: PlatformCommand): boolean {
  if (c.type === 'notice') return true;
  return (c.type === 'setTimer' || c.type === 'clearTimer') && c.timerId.startsWith('reclaim:');
}

function requestIdOf(command: PlatformCommand): string | null {
  if (command.type === 'invoke') return command.requestId;
  if (command.type === 'complete') return command.record.requestId;
  return null;
}

function describeNotice(n: Notice): string {
  switch (n.kind) {
    case 'environment':
      return `notice ${n.envId} ${n.state}${n.provisioned ? ' provisioned' : ''}${n.reason ? ` ${n.reason}` : ''}`;
    case 'throttle':
      return `notice throttle #${n.ticket} ${n.invocationType} ${n.reason}`;
    case 'asyncRetry':
      return `notice asyncRetry #${n.ticket} ${n.cause} attempts=${n.attempts} @+${n.retryAtMs - n.atMs}`;
    case 'asyncDone':
      return `notice asyncDone #${n.ticket} ${n.result} attempts=${n.attempts}`;
    case 'provisioned':
      return `notice provisioned ${n.count}`;
    case 'initLog':
      return `notice initLog ${n.envId} ${n.status}`;
    case 'snapshot':
      return `notice snapshot ${n.status} init=${n.initDurationMs}`;
  }
}

function describe(c: PlatformCommand, startMs: number): string {
  switch (c.type) {
    case 'startEnvironment':
      return `startEnvironment ${c.spec.envId}`;
    case 'invoke':
      return `invoke ${c.envId} ${c.requestId} remaining=${c.remainingMs}`;
    case 'destroyEnvironment':
      return `destroyEnvironment ${c.envId} ${c.reason}`;
    case 'stopRuntime':
      return `stopRuntime ${c.envId} ${c.reason}`;
    case 'setTimer':
      return `setTimer ${c.timerId} @${c.atMs - startMs}`;
    case 'clearTimer':
      return `clearTimer ${c.timerId}`;
    case 'complete':
      return `complete #${c.ticket} ${c.record.requestId} ${c.record.envId} ${c.record.outcome}${c.record.cold ? ' cold' : ''}`;
    case 'reject':
      return `reject #${c.ticket} ${c.statusCode} ${c.error.errorType}`;
    case 'accepted':
      return `accepted #${c.ticket} ${c.requestId}`;
    case 'notice':
      return describeNotice(c.notice);
  }
}
