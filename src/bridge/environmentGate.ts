import type { LambdaError } from '../core/lambdaError';
import type { LogLine } from '../core/invocationRecord';
import type { HandlerOutcome } from '../core/platformTypes';
import { readEnvironmentMessage } from './readEnvironmentMessage';
import type { WireAwsRequest } from '../protocol/messages';

/** What the app does with one message from an environment. */
export type GateVerdict =
  /** The runtime booted (Python on Pyodide): Init is timed from here. */
  | { kind: 'runtimeReady'; bootMs: number }
  /** `restoreMs`: a SnapStart restore's measured part, from `restoreLoaded` to `initDone` (runtime load and after-restore hooks). */
  | { kind: 'initDone'; initDurationMs: number; logs: LogLine[]; restoreMs?: number }
  /** A SnapStart restore's runtime is loaded: the after-restore hooks (and the 10 s limit) begin. */
  | { kind: 'restoreLoaded' }
  | { kind: 'initFailed'; initDurationMs: number; error: LambdaError; logs: LogLine[] }
  | { kind: 'invokeDone'; requestId: string; durationMs: number; cpuMs: number; outcome: HandlerOutcome; logs: LogLine[] }
  | { kind: 'exited'; exitStatus: number; logs: LogLine[] }
  /** An AWS SDK request from handler code, for the workspace's services: answered by `id`. */
  | { kind: 'aws'; id: number; request: WireAwsRequest }
  /** Not asked for (or malformed): dropped unread. */
  | { kind: 'refused' }
  /** Too many refused messages: the environment is flooding the app and must go. */
  | { kind: 'flood' };

/** Refused messages an environment may send before it is killed: a few strays are tolerated, a flood is not. */
export const REFUSED_LIMIT = 16;

type Phase =
  | { is: 'starting' }
  /** `restore`: a SnapStart restore, whose runtime must say `restoreLoaded` (at `loadedAt`) before its `initDone`. */
  | { is: 'initializing'; since: number; restore: boolean; loadedAt: number | null } | { is: 'idle' } | { is: 'invoking'; requestId: string; since: number } | { is: 'gone' };

/**
 * The app's side of one environment's protocol. It knows what it asked for:
 * Init once, then one invocation at a time, each under a request id. Only
 * the answer to the question in flight is accepted, once; anything else
 * (a completion for another request id or for none, a second initDone, a
 * duplicate) is refused before its logs are even read, so a forged message
 * never displaces the genuine one, and a flood of them is cheap to refuse
 * until the limit kills the environment.
 *
 * Every duration is measured here, on the app's clock, between the app's own
 * send and receive: handler code cannot reach it. The CPU time the runtime
 * reports is bounded by the duration measured here.
 */
export class EnvironmentGate {
  private phase: Phase = { is: 'starting' };
  private refusedCount = 0;
  /** The runtime said it booted (once at most). */
  private booted = false;

  /** The app asked the frame to start the worker (Init begins with the runtime's own start, as on Lambda); `restore`: a SnapStart restore. */
  initSent(atMs: number, restore = false): void {
    if (this.phase.is === 'starting') this.phase = { is: 'initializing', since: atMs, restore, loadedAt: null };
  }

  /** The app sent invocation `requestId`. */
  invokeSent(requestId: string, atMs: number): void {
    this.phase = { is: 'invoking', requestId, since: atMs };
  }

  /** Is an invocation in flight? */
  invoking(): boolean {
    return this.phase.is === 'invoking';
  }

  /** The request id of the invocation in flight, or null. */
  requestInFlight(): string | null {
    return this.phase.is === 'invoking' ? this.phase.requestId : null;
  }

  refused(): number {
    return this.refusedCount;
  }

  receive(data: unknown, atMs: number): GateVerdict {
    if (!this.expected(data)) return this.refuse();
    const m = readEnvironmentMessage(data, atMs);
    if (!m) return this.refuse();
    const phase = this.phase;
    switch (m.t) {
      case 'runtimeReady': {
        if (phase.is !== 'initializing' || this.booted) return this.refuse();
        this.booted = true;
        const bootMs = Math.max(0, atMs - phase.since);
        phase.since = atMs;
        return { kind: 'runtimeReady', bootMs };
      }
      case 'restoreLoaded':
        if (phase.is !== 'initializing' || !phase.restore || phase.loadedAt !== null) return this.refuse();
        phase.loadedAt = atMs;
        return { kind: 'restoreLoaded' };
      case 'initDone':
      case 'initFailed': {
        if (phase.is !== 'initializing') return this.refuse();
        // A restore is done only after its runtime said it was loaded.
        if (m.t === 'initDone' && phase.restore && phase.loadedAt === null) return this.refuse();
        this.phase = m.t === 'initDone' ? { is: 'idle' } : { is: 'gone' };
        const initDurationMs = Math.max(0, atMs - phase.since);
        if (m.t === 'initFailed') return { kind: 'initFailed', initDurationMs, error: m.error, logs: m.logs };
        if (phase.loadedAt === null) return { kind: 'initDone', initDurationMs, logs: m.logs };
        return { kind: 'initDone', initDurationMs, logs: m.logs, restoreMs: Math.max(0, atMs - phase.loadedAt) };
      }
      case 'invokeDone': {
        if (phase.is !== 'invoking' || phase.requestId !== m.requestId) return this.refuse();
        this.phase = { is: 'idle' };
        const durationMs = Math.max(0, atMs - phase.since);
        return { kind: 'invokeDone', requestId: m.requestId, durationMs, cpuMs: Math.min(m.cpuMs, durationMs), outcome: m.outcome, logs: m.logs };
      }
      case 'exited':
        this.phase = { is: 'gone' };
        return { kind: 'exited', exitStatus: m.exitStatus, logs: m.logs };
      case 'aws':
        return { kind: 'aws', id: m.id, request: m.request };
    }
  }

  /** A cheap look at the message type and request id, before any log line is read. */
  private expected(data: unknown): boolean {
    if (typeof data !== 'object' || data === null) return false;
    const { t, requestId } = data as { t?: unknown; requestId?: unknown };
    const phase = this.phase;
    if (t === 'initDone') return phase.is === 'initializing' && (!phase.restore || phase.loadedAt !== null);
    if (t === 'initFailed') return phase.is === 'initializing';
    if (t === 'restoreLoaded') return phase.is === 'initializing' && phase.restore && phase.loadedAt === null;
    if (t === 'runtimeReady') return phase.is === 'initializing' && !this.booted;
    if (t === 'invokeDone') return phase.is === 'invoking' && requestId === phase.requestId;
    // SDK calls come from Init's code, an invocation's, or work it left running (which Lambda would freeze until the next).
    if (t === 'aws') return phase.is === 'initializing' || phase.is === 'invoking' || phase.is === 'idle';
    return t === 'exited' && phase.is !== 'gone';
  }

  private refuse(): GateVerdict {
    this.refusedCount += 1;
    return this.refusedCount > REFUSED_LIMIT ? { kind: 'flood' } : { kind: 'refused' };
  }
}
