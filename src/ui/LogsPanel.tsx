import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
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

/** Open at first where there is room for it beside the Run view's panels (a projector's 720 px is not). */
const roomForLogs = (): boolean => typeof window === 'undefined' || window.innerHeight >= 860;

/**
 * New lines keep the box scrolled to its end while the reader is there; a reader who scrolled up stays put.
 * Only the box scrolls: never the window (scrollIntoView would move every scrolled ancestor).
 */
function useStickToEnd(box: React.RefObject<HTMLDivElement | null>, change: unknown): () => void {
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [box, change]);
  return () => {
    const el = box.current;
    if (el) atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
}

/** The last line, for the folded panel's bar: a glance at what just happened. */
function lastLineText(logs: readonly LogLine[]): string {
  const text = logs[logs.length - 1]?.text ?? '';
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > 240 ? `${firstLine.slice(0, 240)}…` : firstLine;
}

/**
 * The function's log stream, as CloudWatch shows it: START, the handler's lines, END, REPORT.
 * During a load run, a window of it. A line is styled as the platform's only if the platform
 * wrote it: handler output that looks like START/END/REPORT stays application output.
 * `collapsible`: the page's bottom panel, which folds to one bar (the embed always shows it).
 */
export function LogsPanel({ collapsible = false }: { collapsible?: boolean }) {
  const logs = usePlayground((s) => s.logs);
  const gaps = usePlayground((s) => s.logGaps);
  const clearLogs = usePlayground((s) => s.clearLogs);
  const functionName = usePlayground((s) => s.config.name);
  const functionId = usePlayground((s) => s.selectedId);
  const fileName = usePlayground((s) => s.config.fileName);
  const [viewer, setViewer] = useState(false);
  const [open, setOpen] = useState(() => !collapsible || roomForLogs());
  const linesId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onScroll = useStickToEnd(box, open ? logs : null);
  const parts = [];
  let from = 0;
  for (const g of gaps) {
    parts.push(<LogChunk key={`lines-${from}`} logs={logs} start={from} end={g.at} fileName={fileName} />);
    parts.push(<GapMarker key={`gap-${g.at}`} gap={g} onOpen={() => setViewer(true)} />);
    from = g.at;
  }
  parts.push(<LogChunk key={`lines-${from}`} logs={logs} start={from} end={logs.length} fileName={fileName} />);
  const shown = !collapsible || open;
  return (
    <section className={`panel logs${collapsible ? ' logs-dock' : ''}${shown ? ' open' : ''}`} aria-labelledby="logs-heading">
      <div className="panel-head">
        {collapsible ? (
          <h2 id="logs-heading">
            <button type="button" className="dock-toggle" aria-expanded={open} aria-controls={linesId} onClick={() => setOpen(!open)}>
              <span aria-hidden="true">{open ? '▾' : '▸'}</span> Logs
            </button>
          </h2>
        ) : (
          <h2 id="logs-heading">Logs</h2>
        )}
        <span className="hint log-group">/aws/lambda/{functionName}</span>
        {!shown && logs.length > 0 && (
          <span className="hint log-preview">Last line: {lastLineText(logs)}</span>
        )}
        <button type="button" className="ghost" onClick={clearLogs} disabled={logs.length === 0 && gaps.length === 0}>
          Clear logs
        </button>
      </div>
      <div className="log-lines" role="log" aria-label="Log lines" id={linesId} hidden={!shown} ref={box} onScroll={onScroll} tabIndex={0}>
        {logs.length === 0 && gaps.length === 0 && <p className="empty">No log lines yet.</p>}
        {parts}
      </div>
      {viewer && <InvocationLogViewer functionId={functionId} onClose={() => setViewer(false)} />}
    </section>
  );
}
