import { useEffect, useRef } from 'react';
import { usePlayground } from '../state/playgroundStore';

/**
 * The function's log stream, as CloudWatch shows it: START, the handler's lines, END, REPORT.
 * A line is styled as the platform's only if the platform wrote it: handler output that
 * looks like START/END/REPORT stays application output.
 */
export function LogsPanel() {
  const logs = usePlayground((s) => s.logs);
  const clearLogs = usePlayground((s) => s.clearLogs);
  const functionName = usePlayground((s) => s.config.name);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [logs]);
  return (
    <section className="panel logs" aria-labelledby="logs-heading">
      <div className="panel-head">
        <h2 id="logs-heading">Logs</h2>
        <span className="hint">/aws/lambda/{functionName}</span>
        <button type="button" className="ghost" onClick={clearLogs} disabled={logs.length === 0}>
          Clear logs
        </button>
      </div>
      <div className="log-lines" role="log" aria-label="Log lines">
        {logs.length === 0 && <p className="empty">No log lines yet.</p>}
        {logs.map((line, i) => (
          <div key={i} className={`log-line ${line.source}`}>
            {line.text}
          </div>
        ))}
        <div ref={end} />
      </div>
    </section>
  );
}
