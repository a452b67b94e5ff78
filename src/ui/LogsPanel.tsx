import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LogLine } from '../core/invocationRecord';
import type { LogGap, LogGroupMeta } from '../state/appendLogs';
import { usePlayground } from '../state/playgroundStore';
import { InvocationLogViewer } from './InvocationLogViewer';
import { filterLogs, groupFailed, groupLogs, isErrorLine, splitMatches, type LogItem } from './logs/logGroups';
import './logs/logs.css';
import { TraceText } from './TraceText';
import { OpenTraceButton, reportedTraceId } from './logs/OpenTraceButton';

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

/** A line with the search's matches marked. */
function Marked({ text, query }: { text: string; query: string }) {
  return (
    <>
      {splitMatches(text, query).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </>
  );
}

const OUTCOME: Record<LogGroupMeta['outcome'], string> = { success: 'Succeeded', error: 'Error', timeout: 'Timed out', crash: 'Crashed' };

/** The header of one invocation's lines: what caused it, cold or warm, how it ended. */
function groupLabel(meta: LogGroupMeta | null): string {
  if (!meta) return 'Earlier lines';
  if (meta.init?.snapStart === 'snapshot') return `SnapStart snapshot (${meta.init.envId}) · Init at publish ${meta.outcome === 'success' ? 'done: snapshot taken' : OUTCOME[meta.outcome].toLowerCase()}`;
  if (meta.init?.snapStart === 'restore') return `Restored environment ${meta.init.envId} · restore ${meta.outcome === 'success' ? 'done' : OUTCOME[meta.outcome].toLowerCase()}`;
  if (meta.init) return `Provisioned environment ${meta.init.envId} · init ${meta.outcome === 'success' ? 'done' : OUTCOME[meta.outcome].toLowerCase()}`;
  const parts = [meta.origin ?? 'Invocation', meta.cold ? 'cold' : 'warm', meta.errorType ? `${OUTCOME[meta.outcome]} (${meta.errorType})` : OUTCOME[meta.outcome]];
  if (meta.attempt > 1) parts.push(`attempt ${meta.attempt}`);
  return parts.join(' · ');
}

/** One invocation's lines under a header that folds them: drawn again only when the log itself (or the search) changes. */
const LogGroup = memo(function LogGroup({ item, logs, fileName, query }: { item: Extract<LogItem, { kind: 'group' }>; logs: readonly LogLine[]; fileName: string; query: string }) {
  const [folded, setFolded] = useState(false);
  const failed = groupFailed(item, logs);
  const label = groupLabel(item.meta);
  const out = [];
  // A sampled invocation's REPORT (the group's last platform line) names its trace.
  let last = item.end - 1;
  while (last >= item.start && logs[last]?.source !== 'platform') last -= 1;
  const traceId = last >= item.start ? reportedTraceId((logs[last] as LogLine).text) : null;
  if (!folded) {
    for (let i = item.start; i < item.end; i += 1) {
      const line = logs[i] as LogLine;
      // One log event per entry: a multi-line message stays one entry, on several lines.
      out.push(
        <div key={i} className={`log-line ${line.source}${isErrorLine(line) ? ' log-error' : ''}`}>
          {query.trim() !== '' ? <Marked text={line.text} query={query} /> : line.source === 'function' ? <TraceText text={line.text} fileName={fileName} /> : line.text}
        </div>,
      );
    }
  }
  return (
    <div className={`log-entry${failed ? ' failed' : ''}`} role="group" aria-label={item.meta ? (item.meta.init ? `${label}, log stream ${item.meta.init.logStreamName}` : `${label}, request ${item.meta.requestId}`) : label}>
      <button type="button" className="log-entry-head" aria-expanded={!folded} onClick={() => setFolded(!folded)}>
        <span aria-hidden="true">{folded ? '▸' : '▾'}</span> {failed && <span className="log-entry-failed">Failed</span>} {label}
        {item.meta && <span className="log-entry-id"> {item.meta.init ? item.meta.init.logStreamName : item.meta.requestId.slice(0, 8)}</span>}
      </button>
      {traceId !== null && <OpenTraceButton traceId={traceId} />}
      {out}
    </div>
  );
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
  const marks = usePlayground((s) => s.logGroups);
  const [query, setQuery] = useState('');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const clearLogs = usePlayground((s) => s.clearLogs);
  const functionName = usePlayground((s) => s.config.name);
  const functionId = usePlayground((s) => s.selectedId);
  const fileName = usePlayground((s) => s.config.fileName);
  const [viewer, setViewer] = useState(false);
  const [open, setOpen] = useState(() => !collapsible || roomForLogs());
  const linesId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onScroll = useStickToEnd(box, open ? logs : null);
  const items = useMemo(() => groupLogs(logs, marks, gaps), [logs, marks, gaps]);
  const filtered = useMemo(() => filterLogs(items, logs, { query, errorsOnly }), [items, logs, query, errorsOnly]);
  const filtering = query.trim() !== '' || errorsOnly;
  const parts = filtered.items.map((item) =>
    item.kind === 'gap' ? (
      <GapMarker key={`gap-${item.gap.at}`} gap={item.gap} onOpen={() => setViewer(true)} />
    ) : (
      <LogGroup key={`${item.meta?.requestId ?? 'head'}-${item.start}`} item={item} logs={logs} fileName={fileName} query={query} />
    ),
  );
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
      {shown && (logs.length > 0 || filtering) && (
        <div className="log-tools" role="search" aria-label="Search the logs">
          <input type="search" aria-label="Search logs" placeholder="Search logs" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          <label className="checkbox">
            <input type="checkbox" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.currentTarget.checked)} /> Errors only
          </label>
          <span className="hint" role="status">
            {filtering ? `${filtered.shown.toLocaleString('en-US')} of ${filtered.total.toLocaleString('en-US')} invocations` : ''}
          </span>
        </div>
      )}
      <div className="log-lines" role="log" aria-label="Log lines" id={linesId} hidden={!shown} ref={box} onScroll={onScroll} tabIndex={0}>
        {logs.length === 0 && gaps.length === 0 && <p className="empty">No log lines yet.</p>}
        {parts}
      </div>
      {viewer && <InvocationLogViewer functionId={functionId} onClose={() => setViewer(false)} />}
    </section>
  );
}
