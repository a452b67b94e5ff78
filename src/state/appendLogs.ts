import type { InvocationOutcome, LogLine } from '../core/invocationRecord';

/** Lines of a load run's invocations past the function's window: counted, not shown; the run's records keep them. */
export interface LogGap {
  /** How many lines are not shown here. */
  count: number;
  /** The marker stands before `logs[at]` (at the end when `at === logs.length`). */
  at: number;
}

/** What the Logs panel says of one invocation, above its lines. */
export interface LogGroupMeta {
  requestId: string;
  /** What caused it: "Invoke button", "Load test", "SQS queue orders" …; null when unknown. */
  origin: string | null;
  cold: boolean;
  outcome: InvocationOutcome;
  errorType?: string;
  attempt: number;
  invocationType: 'RequestResponse' | 'Event';
  durationMs: number;
  startedAtMs: number;
  /** A provisioned environment's init, logged in its own stream before any request (no invocation; `requestId` names the environment). */
  init?: { envId: string; logStreamName: string; snapStart?: 'snapshot' | 'restore' };
}

/** An invocation's group begins at `logs[at]`. */
export interface LogGroupMark extends LogGroupMeta {
  at: number;
}

/** One invocation's lines. `pinned`: the user asked for it (the Invoke button): always shown. */
export interface LogBatch {
  requestId: string;
  lines: readonly LogLine[];
  pinned: boolean;
  meta?: LogGroupMeta;
  /**
   * The load run's window in force when the lines arrived (null: none), which
   * decides whether they are shown, however late they are appended; absent:
   * `appendLogs`' own `window`.
   */
  window?: { used: number } | null;
}

export interface LogView {
  logs: LogLine[];
  gaps: LogGap[];
  /** Where each shown invocation's lines begin, in order; absent in views made before groups. */
  groups?: LogGroupMark[];
}

export interface LogLimits {
  /** The most lines a function's log keeps (the oldest go first). */
  maxLines: number;
  /** During a load run: how many of the run's lines are shown before the rest are only counted. */
  windowLines: number;
}

export const LOG_LIMITS: LogLimits = { maxLines: 5_000, windowLines: 200 };

/**
 * A function's log with new invocations' lines added. `window` is the run's
 * window (for batches that carry none of their own), or null outside load
 * runs (every line is shown): `used` counts the
 * run's lines shown so far and is updated in place. Lines are never dropped
 * silently: those past the window are counted in a gap marker where they
 * would have been; pinned lines are always shown.
 */
export function appendLogs(view: LogView, batches: readonly LogBatch[], window: { used: number } | null, limits: LogLimits = LOG_LIMITS): LogView {
  // The same array when no line is added, so the panel does not draw its lines again for a count.
  let logs = view.logs;
  const gaps = view.gaps.map((g) => ({ ...g }));
  // Copied on the first mark added, so that a view with no new lines keeps its arrays.
  let groups = view.groups ?? [];
  let groupsCopied = false;
  for (const b of batches) {
    const w = b.window === undefined ? window : b.window;
    if (b.pinned || w === null || w.used + b.lines.length <= limits.windowLines) {
      if (logs === view.logs) logs = view.logs.slice();
      if (b.meta) {
        if (!groupsCopied) {
          groups = groups.slice();
          groupsCopied = true;
        }
        groups.push({ ...b.meta, at: logs.length });
      }
      logs.push(...b.lines);
      if (!b.pinned && w) w.used += b.lines.length;
      continue;
    }
    const last = gaps[gaps.length - 1];
    if (last && last.at === logs.length) last.count += b.lines.length;
    else gaps.push({ count: b.lines.length, at: logs.length });
  }
  const excess = logs.length - limits.maxLines;
  if (excess <= 0) return { logs, gaps, groups };
  const kept: LogGap[] = [];
  for (const g of gaps) {
    const at = Math.max(0, g.at - excess);
    const prev = kept[kept.length - 1];
    if (prev && prev.at === at) prev.count += g.count;
    else kept.push({ count: g.count, at });
  }
  // Groups whose lines went keep their header while any of their lines remain (the first then starts mid-way).
  const shifted: LogGroupMark[] = [];
  groups.forEach((g, i) => {
    const next = groups[i + 1];
    if (next && next.at - excess <= 0) return;
    shifted.push({ ...g, at: Math.max(0, g.at - excess) });
  });
  return { logs: logs.slice(excess), gaps: kept, groups: shifted };
}
