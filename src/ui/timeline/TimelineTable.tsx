import { CONTENDED_NOTE } from '../run/ContentionNote';
import { useMemo, useState } from 'react';
import type { TimelineData } from '../../state/timelineData';
import { timelineInvocations, type TimelineInvocation } from './timelineInvocations';

const PAGE = 50;

const STATUS: Record<TimelineInvocation['outcome'], string> = {
  success: 'Success',
  error: 'Error',
  timeout: 'Timeout',
  crash: 'Crash',
  running: 'Running',
};

const ms = (n: number | null): string => (n === null ? '–' : `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ms`);
const seconds = (n: number): string => `${(n / 1000).toFixed(3)} s`;

/** The timeline's invocations as a table, newest first, a page at a time: what the canvas shows, for the keyboard and screen readers. */
export function TimelineTable({ data }: { data: TimelineData }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the change signal for the recorder's in-place rows
  const all = useMemo(() => timelineInvocations(data), [data, data.version]);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = all.slice(current * PAGE, current * PAGE + PAGE);
  if (all.length === 0) return <p className="empty timeline-table-empty">No invocations yet.</p>;
  return (
    <div className="timeline-table">
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Invocations table, scrollable">
        <table>
          <caption>
            Invocations, newest first ({all.length.toLocaleString('en-US')}
            {pages > 1 ? `; ${current * PAGE + 1}–${current * PAGE + shown.length} shown` : ''})
          </caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col">Environment</th>
              <th scope="col">Start type</th>
              <th scope="col" className="num">Init</th>
              <th scope="col" className="num">Duration</th>
              <th scope="col">Status</th>
              <th scope="col">Request id</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.envId}-${r.requestId}-${r.startMs}`}>
                <td className="num">+{seconds(r.startMs)}</td>
                <td className="mono">
                  {r.envId}
                  {r.provisioned ? ' (PC)' : ''}
                </td>
                <td>
                  {r.cold ? 'Cold' : 'Warm'}
                  {r.contended && <span className="contended-mark" title={CONTENDED_NOTE}> · busy machine</span>}
                </td>
                <td className="num">{ms(r.initDurationMs)}</td>
                <td className="num">{ms(r.durationMs)}</td>
                <td className={`timeline-kind-${r.outcome === 'running' ? 'idle' : r.outcome}`}>
                  {STATUS[r.outcome]}
                  {r.errorType ? `: ${r.errorType}` : ''}
                </td>
                <td className="mono">{r.requestId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Newer
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Older
          </button>
        </div>
      )}
    </div>
  );
}
