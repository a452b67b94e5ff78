import type { WaterfallRow } from '../../core/tracing/traceTree';
import { formatMs } from './formatMs';

const STATUS_TEXT = { ok: '', error: ' (error)', fault: ' (fault)', throttle: ' (throttled)' } as const;

/**
 * One trace as X-Ray's timeline draws it: a row per segment and subsegment,
 * indented by depth, its bar placed by its start and length in the trace.
 */
export function TraceWaterfall({ rows }: { rows: readonly WaterfallRow[] }) {
  const totalMs = Math.max(1, ...rows.map((r) => r.offsetMs + r.durationMs));
  return (
    <section className="trace-waterfall" aria-label="Trace waterfall">
      <h3>Timeline</h3>
      <ol className="waterfall-rows">
        {rows.map((r) => (
          <li key={r.span.id} className={`waterfall-row kind-${r.span.kind} status-${r.span.status}`}>
            <span className="waterfall-label" style={{ paddingLeft: `${r.depth * 1.1}em` }}>
              {r.label} {formatMs(r.durationMs)}
              {STATUS_TEXT[r.span.status]}
              {r.span.httpStatus !== undefined && r.span.httpStatus !== 200 ? ` HTTP ${r.span.httpStatus}` : ''}
            </span>
            <span className="waterfall-track" aria-hidden="true">
              <span className="waterfall-bar" style={{ left: `${(r.offsetMs / totalMs) * 100}%`, width: `max(2px, ${(r.durationMs / totalMs) * 100}%)` }} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
