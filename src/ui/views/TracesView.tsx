import { useMemo } from 'react';
import { serviceMap } from '../../core/tracing/serviceMap';
import { traceSummary, waterfall } from '../../core/tracing/traceTree';
import { useTraces } from '../../state/traceStore';
import { formatMs } from '../traces/formatMs';
import { ServiceMapDiagram } from '../traces/ServiceMapDiagram';
import { TraceWaterfall } from '../traces/TraceWaterfall';
import '../traces/traces.css';

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
const STATUS_TEXT = { ok: 'OK', error: 'Error', fault: 'Fault', throttle: 'Throttled' } as const;

/**
 * The traces X-Ray would show for this session: the recent sampled
 * requests, and for the one picked its timeline and service map.
 */
export default function TracesView() {
  const traces = useTraces((s) => s.traces);
  const selectedId = useTraces((s) => s.selectedId);
  const select = useTraces((s) => s.select);
  const summaries = useMemo(() => traces.map((t) => traceSummary(t.traceId, t.spans)).reverse(), [traces]);
  const picked = traces.find((t) => t.traceId === selectedId) ?? traces.at(-1);
  const rows = useMemo(() => (picked ? waterfall(picked.spans) : []), [picked]);
  const map = useMemo(() => (picked ? serviceMap(picked.spans) : null), [picked]);

  if (traces.length === 0) {
    return (
      <div className="view-stack traces-view">
        <p className="empty">
          No traces yet. Traces appear for requests to functions with <strong>Active tracing (X-Ray)</strong> on (Configuration view): X-Ray’s
          default rule samples the first request each second and 5 % of the rest. Requests sampled upstream (an SDK call or a message from a
          traced function) are traced with PassThrough too.
        </p>
      </div>
    );
  }
  return (
    <div className="view-stack traces-view">
      <section aria-labelledby="traces-heading">
        <h2 id="traces-heading">Traces</h2>
        <table className="traces-table">
          <caption className="sr-only">Recent traces, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Trace id</th>
              <th scope="col">Entry point</th>
              <th scope="col">Start (UTC)</th>
              <th scope="col" className="num">Duration</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Segments</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.traceId} aria-current={s.traceId === picked?.traceId ? 'true' : undefined}>
                <td>
                  <button type="button" className="link-button" aria-pressed={s.traceId === picked?.traceId} onClick={() => select(s.traceId)}>
                    <code>{s.traceId}</code>
                  </button>
                </td>
                <td>{s.entry}</td>
                <td>
                  <time dateTime={new Date(s.startMs).toISOString()}>{clock(s.startMs)}</time>
                </td>
                <td className="num">{formatMs(s.durationMs)}</td>
                <td className={`trace-status status-${s.status}`}>{STATUS_TEXT[s.status]}</td>
                <td className="num">{s.segments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {picked && (
        <section className="trace-detail" aria-label={`Trace ${picked.traceId}`}>
          <h2>
            Trace <code>{picked.traceId}</code>
          </h2>
          <TraceWaterfall rows={rows} />
          {map && <ServiceMapDiagram map={map} />}
        </section>
      )}
    </div>
  );
}
