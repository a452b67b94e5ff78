import type { InvocationOutcome } from '../../core/invocationRecord';
import type { TimelineData } from '../../state/timelineData';

/** One invocation of the timeline, as the table beside the canvas lists it. */
export interface TimelineInvocation {
  envId: string;
  provisioned: boolean;
  requestId: string;
  /** ms after the run's start. */
  startMs: number;
  cold: boolean;
  initDurationMs: number | null;
  /** null while it runs. */
  durationMs: number | null;
  outcome: InvocationOutcome | 'running';
  errorType: string | null;
  /** Measured on a contended machine: Init and Duration read long. */
  contended: boolean;
}

/**
 * Every invocation segment of the timeline, newest first: the keyboard's and
 * screen reader's way to what the canvas draws.
 */
export function timelineInvocations(data: TimelineData): TimelineInvocation[] {
  const out: TimelineInvocation[] = [];
  for (const row of data.rows) {
    for (const s of row.segments) {
      if (s.kind === 'init' || s.kind === 'idle') continue;
      const running = s.endMs === null;
      out.push({
        envId: row.envId,
        provisioned: row.provisioned,
        requestId: s.requestId ?? '',
        startMs: s.startMs - data.originMs,
        cold: s.cold ?? false,
        initDurationMs: s.initDurationMs ?? null,
        durationMs: running ? null : (s.durationMs ?? (s.endMs as number) - s.startMs),
        outcome: running ? 'running' : s.kind,
        errorType: s.errorType ?? null,
        contended: s.contended ?? false,
      });
    }
  }
  return out.sort((a, b) => b.startMs - a.startMs || a.envId.localeCompare(b.envId));
}
