import type { DestroyReason } from '../../core/platformTypes';
import type { SegmentKind, TimelineRow, TimelineSegment } from '../../state/timelineData';

const KIND_LABEL: Record<SegmentKind, string> = {
  init: 'Init (cold start)',
  idle: 'Idle',
  success: 'Invocation: success',
  error: 'Invocation: error',
  timeout: 'Invocation: timeout',
  crash: 'Invocation: crash',
};

const REASON_LABEL: Record<DestroyReason, string> = {
  reclaimed: 'reclaimed after idling',
  timeout: 'stopped by a timeout',
  exited: 'runtime exited',
  'config-changed': 'replaced by a new deployment',
  lost: 'lost (sandbox died)',
  'init-failed': 'init failed',
  deprovisioned: 'provisioned concurrency released',
  recycled: 'recycled at the end of its lifetime (every few hours)',
  snapshotted: 'discarded after its Init: the SnapStart snapshot was taken of it',
};

const ms = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ms`;
const offset = (t: number, originMs: number): string => `+${((t - originMs) / 1_000).toFixed(3)} s`;

interface Props {
  row: TimelineRow;
  segment: TimelineSegment | null;
  /** The pointer is at the environment's end marker. */
  pastEnd: boolean;
  originMs: number;
}

/** What the hover card says about one environment and the segment under the pointer. */
export function TimelineHoverCard({ row, segment, pastEnd, originMs }: Props) {
  const s = segment;
  const invocation = s !== null && s.kind !== 'init' && s.kind !== 'idle';
  const elapsed = s && s.endMs !== null ? s.endMs - s.startMs : null;
  const duration = s ? (invocation && s.durationMs !== undefined ? s.durationMs : elapsed) : null;
  const initDuration = s?.initDurationMs ?? (s?.kind === 'init' ? elapsed : null);
  return (
    <>
      <p className="timeline-card-title">
        {row.envId}
        {row.provisioned && <span className="timeline-pc"> PC</span>}
        <span className="timeline-card-memory"> {row.memoryMb} MB</span>
      </p>
      <dl>
        {s && (
          <div>
            <dt>Segment</dt>
            <dd className={`timeline-kind-${s.kind}`}>{KIND_LABEL[s.kind]}</dd>
          </div>
        )}
        {s?.requestId && (
          <div>
            <dt>Request id</dt>
            <dd>{s.requestId}</dd>
          </div>
        )}
        {s && (
          <div>
            <dt>Started</dt>
            <dd>{offset(s.startMs, originMs)}</dd>
          </div>
        )}
        {s && (
          <div>
            <dt>Duration</dt>
            <dd>{duration === null ? 'running…' : ms(duration)}</dd>
          </div>
        )}
        {s?.billedDurationMs !== undefined && (
          <div>
            <dt>Billed duration</dt>
            <dd>{ms(s.billedDurationMs)}</dd>
          </div>
        )}
        {initDuration !== null && initDuration !== undefined && (
          <div>
            <dt>Init duration</dt>
            <dd>{ms(initDuration)}</dd>
          </div>
        )}
        {invocation && s.cold !== undefined && (
          <div>
            <dt>Start</dt>
            <dd>{s.cold ? 'Cold' : 'Warm'}</dd>
          </div>
        )}
        {s?.contended && (
          <div>
            <dt>Measured</dt>
            <dd className="contended-mark">on a busy machine: reads long</dd>
          </div>
        )}
        {s?.errorType && (
          <div>
            <dt>Error type</dt>
            <dd className="timeline-kind-error">{s.errorType}</dd>
          </div>
        )}
        {row.destroyedAtMs !== null && (pastEnd || !s) && (
          <div>
            <dt>Destroyed</dt>
            <dd>
              {offset(row.destroyedAtMs, originMs)}
              {row.destroyReason && `: ${REASON_LABEL[row.destroyReason]}`}
            </dd>
          </div>
        )}
        {!s && row.destroyedAtMs === null && (
          <div>
            <dt>Created</dt>
            <dd>{offset(row.createdAtMs, originMs)}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
