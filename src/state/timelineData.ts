import type { InvocationOutcome } from '../core/invocationRecord';
import type { DestroyReason } from '../core/platformTypes';
import type { ThrottleSpan } from './throttleTally';

/** What a timeline segment shows: an init bar, an invocation (by outcome), or idle time. */
export type SegmentKind = 'init' | 'idle' | InvocationOutcome;

/** One bar on an environment's row. Times are epoch ms on the run's clock; `endMs` null = still running. */
export interface TimelineSegment {
  kind: SegmentKind;
  startMs: number;
  endMs: number | null;
  /** Invocation segments: the request, and the figures the hover card shows. */
  requestId?: string;
  durationMs?: number;
  billedDurationMs?: number;
  initDurationMs?: number;
  cold?: boolean;
  errorType?: string;
  /** Measured while more handlers and inits ran than the machine has cores: Init and Duration read long. */
  contended?: boolean;
}

/** One execution environment: a row on the timeline. */
export interface TimelineRow {
  envId: string;
  provisioned: boolean;
  memoryMb: number;
  createdAtMs: number;
  /** Set once the environment is destroyed (reclaimed, timed out, crashed …). */
  destroyedAtMs: number | null;
  destroyReason: DestroyReason | null;
  /** In time order; the last may be open (`endMs` null). */
  segments: TimelineSegment[];
}

/** Everything the timeline draws. `version` increases whenever anything changed, so a canvas knows to repaint. */
export interface TimelineData {
  version: number;
  /** The run's start, epoch ms: the timeline's zero. */
  originMs: number;
  rows: TimelineRow[];
  /** Throttled requests reach no environment: counted by reason beside the rows (absent = none recorded). */
  throttles?: ThrottleSpan[];
}
