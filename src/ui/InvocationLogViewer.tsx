import { useId, useState } from 'react';
import { runRecorder, useRun } from '../state/runStore';

type Filter = 'all' | 'errors' | 'cold';

const FILTERS: Record<Filter, string> = { all: 'All invocations', errors: 'Errors and timeouts', cold: 'Cold starts' };

/**
 * The full log lines of one invocation of the function's latest run, from the
 * run's records: what the Logs panel's window left out during a load run.
 */
export function InvocationLogViewer({ functionId, onClose }: { functionId: string; onClose(): void }) {
  useRun((s) => s.version);
  const id = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const [position, setPosition] = useState(1);
  const recorder = runRecorder(functionId);
  const all = recorder.records();
  const indexes: number[] = [];
  all.forEach((r, i) => {
    if (filter === 'all' || (filter === 'errors' && r.outcome !== 'success') || (filter === 'cold' && r.cold)) indexes.push(i);
  });
  const n = indexes.length;
  const at = Math.min(Math.max(1, position), Math.max(1, n));
  const index = indexes[at - 1];
  const record = index === undefined ? undefined : all[index];
  return (
    <section className="invocation-logs" aria-labelledby={`${id}-heading`}>
      <div className="panel-head">
        <h3 id={`${id}-heading`}>Invocation logs</h3>
        <button type="button" className="ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="invocation-logs-controls">
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {Object.entries(FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Invocation{' '}
          <input type="number" min={1} max={Math.max(1, n)} value={at} onChange={(e) => setPosition(Number(e.target.value) || 1)} />
        </label>
        <span className="hint">of {n.toLocaleString('en-US')} in the run&apos;s records</span>
        <button type="button" className="ghost" disabled={at <= 1} onClick={() => setPosition(at - 1)}>
          Previous
        </button>
        <button type="button" className="ghost" disabled={at >= n} onClick={() => setPosition(at + 1)}>
          Next
        </button>
      </div>
      {record === undefined || index === undefined ? (
        <p className="empty">No invocation of the latest run matches.</p>
      ) : (
        <>
          <p className="hint">
            {record.requestId} · {record.outcome}
            {record.errorType ? ` (${record.errorType})` : ''} · {record.cold ? 'cold' : 'warm'} · {record.durationMs.toFixed(2)} ms
          </p>
          <div className="log-lines" role="log" aria-label="Invocation log lines">
            {recorder.logsOf(index).map((line, i) => (
              <div key={i} className={`log-line ${line.source}`}>
                {line.text}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
