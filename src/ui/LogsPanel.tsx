import { memo, useEffect, useRef, useState } from 'react';
import type { LogLine } from '../core/invocationRecord';
import type { LogGap } from '../state/appendLogs';
import { usePlayground } from '../state/playgroundStore';
import { InvocationLogViewer } from './InvocationLogViewer';
import { TraceText } from './TraceText';

function GapMarker({ gap, onOpen }: { gap: LogGap; onOpen(): void }) {
  return (
    <div className="log-gap" role="note">
      <span>
        … {gap.count.toLocaleString('en-US')} {gap.count === 1 ? 'line' : 'lines'} not shown (a load run&apos;s invocations past the window)
      </span>{' '}
      <button type="button" className="ghost" onClick={onOpen}>
        Open the run&apos;s invocation logs
      </button>
    </div>
  );
}

/** Lines `start` to `end` of the log: drawn again only when the log itself changes, not when a marker's count does. */
const LogChunk = memo(function LogChunk({ logs, start, end, fileName }: { logs: readonly LogLine[]; start: number; end: number; fileName: string }) {
  const out = [];
  for (let i = start; i < end; i += 1) {
    const line = logs[i] as LogLine;
    // One log event per entry: a multi-line message stays one entry, on several lines.
    out.push(
      <div key={i} className={`log-line ${line.source}`}>
        {line.source === 'function' ? <TraceText text={line.text} fileName={fileName} /> : line.text}
      </div>,
    );
  }
  return <>{out}</>;
});

/**
 * The function's log stream, as CloudWatch shows it: START, the handler's lines, END, REPORT.
 * During a load run, a window of it. A line is styled as the platform's only if the platform
 * wrote it: handler output that looks like START/END/REPORT stays application output.
 */
export function LogsPanel() {
  const logs = usePlayground((s) => s.logs);
  const gaps = usePlayground((s) => s.logGaps);
  const clearLogs = usePlayground((s) => s.clearLogs);
  const functionName = usePlayground((s) => s.config.name);
  const functionId = usePlayground((s) => s.selectedId);
  const fileName = usePlayground((s) => s.config.fileName);
  const [viewer, setViewer] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [logs]);
  const parts = [];
  let from = 0;
  for (const g of gaps) {
    parts.push(<LogChunk key={`lines-${from}`} logs={logs} start={from} end={g.at} fileName={fileName} />);
    parts.push(<GapMarker key={`gap-${g.at}`} gap={g} onOpen={() => setViewer(true)} />);
    from = g.at;
  }
  parts.push(<LogChunk key={`lines-${from}`} logs={logs} start={from} end={logs.length} fileName={fileName} />);
  return (
    <section className="panel logs" aria-labelledby="logs-heading">
      <div className="panel-head">
        <h2 id="logs-heading">Logs</h2>
        <span className="hint">/aws/lambda/{functionName}</span>
        <button type="button" className="ghost" onClick={clearLogs} disabled={logs.length === 0 && gaps.length === 0}>
          Clear logs
        </button>
      </div>
      <div className="log-lines" role="log" aria-label="Log lines">
        {logs.length === 0 && gaps.length === 0 && <p className="empty">No log lines yet.</p>}
        {parts}
        <div ref={end} />
      </div>
      {viewer && <InvocationLogViewer functionId={functionId} onClose={() => setViewer(false)} />}
    </section>
  );
}
