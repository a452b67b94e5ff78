import type { Notice, PlatformCommand } from '../core/platformTypes';
import type { LogBatch } from './appendLogs';

/**
 * Invocations' log lines on their way to their functions' logs: gathered per
 * function between two flushes, with which functions are in a load run (a
 * bounded window) and which invocations the user asked for (always shown).
 */
export class LogFeed {
  private readonly pending = new Map<string, LogBatch[]>();

  /** `originOf`: what caused an invocation, by its function and ticket (the driver keeps it), or null. */
  constructor(private readonly originOf: (functionId: string, ticket: number) => string | null = () => null) {}
  private readonly pins = new Set<string>();
  private readonly windows = new Map<string, { used: number }>();

  /** Keep the lines of every `complete` command; true when something waits for a flush. */
  receive(functionId: string, commands: readonly PlatformCommand[]): boolean {
    for (const c of commands) {
      if (c.type === 'notice' && c.notice.kind === 'initLog') {
        this.initLog(functionId, c.notice);
        continue;
      }
      if (c.type !== 'complete' || c.logs.length === 0) continue;
      const r = c.record;
      this.add(functionId, {
        requestId: r.requestId,
        lines: c.logs,
        pinned: false,
        meta: {
          requestId: r.requestId,
          origin: this.originOf(functionId, c.ticket),
          cold: r.cold,
          outcome: r.outcome,
          ...(r.errorType ? { errorType: r.errorType } : {}),
          attempt: r.attempt,
          invocationType: r.invocationType,
          durationMs: r.durationMs,
          startedAtMs: r.startedAtMs,
        },
      });
    }
    return this.pending.size > 0;
  }

  /**
   * One batch waiting for the flush, with the window in force now: a run's
   * lines stay in its window even when the flush comes after the run ended.
   */
  private add(functionId: string, batch: Omit<LogBatch, 'window'>): void {
    const list = this.pending.get(functionId) ?? [];
    list.push({ ...batch, window: this.windows.get(functionId) ?? null });
    this.pending.set(functionId, list);
  }

  /** A provisioned environment's init: its own group, named by its environment and log stream. */
  private initLog(functionId: string, n: Extract<Notice, { kind: 'initLog' }>): void {
    const requestId = `init ${n.envId}`;
    const outcome = n.status === 'success' ? 'success' : n.status === 'timeout' ? 'timeout' : 'error';
    this.add(functionId, {
      requestId,
      lines: n.lines,
      pinned: false,
      meta: { requestId, origin: null, cold: true, outcome, attempt: 1, invocationType: 'RequestResponse', durationMs: 0, startedAtMs: n.atMs, init: { envId: n.envId, logStreamName: n.logStreamName, ...(n.snapStart ? { snapStart: n.snapStart } : {}) } },
    });
  }

  /** The user asked for this invocation (its result came back to the Invoke button): its lines are shown whatever the window. */
  pin(requestId: string): void {
    this.pins.add(requestId);
  }

  /** A load run on the function starts (a fresh window) or ends (lines that arrive from then on are all shown). */
  setWindow(functionId: string, on: boolean): void {
    if (on) this.windows.set(functionId, { used: 0 });
    else this.windows.delete(functionId);
  }

  /** What arrived since the last flush, per function, pinned invocations marked. */
  take(): Map<string, LogBatch[]> {
    const out = new Map(this.pending);
    this.pending.clear();
    for (const batches of out.values()) {
      for (const b of batches) {
        if (this.pins.delete(b.requestId)) b.pinned = true;
      }
    }
    // A pin whose lines never came (a crash before any line): nothing to keep it for.
    this.pins.clear();
    return out;
  }
}
