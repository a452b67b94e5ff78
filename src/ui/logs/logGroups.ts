import type { LogLine } from '../../core/invocationRecord';
import type { LogGap, LogGroupMeta, LogGroupMark } from '../../state/appendLogs';

/** What the Logs panel draws, in order: invocations' groups of lines, and markers for lines not shown. */
export type LogItem = { kind: 'group'; meta: LogGroupMeta | null; start: number; end: number } | { kind: 'gap'; gap: LogGap };

/** The log as groups (one per invocation, from its marks) with the gap markers where they stand. Lines before the first mark form a group without a header. */
export function groupLogs(logs: readonly LogLine[], marks: readonly LogGroupMark[], gaps: readonly LogGap[]): LogItem[] {
  const bounds: { at: number; meta: LogGroupMeta | null }[] = [];
  if (logs.length > 0 && (marks[0]?.at ?? logs.length) > 0) bounds.push({ at: 0, meta: null });
  for (const m of marks) if (m.at < logs.length) bounds.push({ at: m.at, meta: m });
  const out: LogItem[] = [];
  let g = 0;
  bounds.forEach((b, i) => {
    const end = bounds[i + 1]?.at ?? logs.length;
    for (; g < gaps.length && (gaps[g] as LogGap).at <= b.at; g += 1) out.push({ kind: 'gap', gap: gaps[g] as LogGap });
    if (end > b.at) out.push({ kind: 'group', meta: b.meta, start: b.at, end });
  });
  for (; g < gaps.length; g += 1) out.push({ kind: 'gap', gap: gaps[g] as LogGap });
  return out;
}

const ERROR_LINE = /(^|\t)ERROR\t|^\[ERROR\]|"level":\s*"(ERROR|FATAL)"|Task timed out after|Runtime exited|^INIT_REPORT .*Status: error|\tStatus: (error|timeout)\b|"status":\s*"(error|timeout|failure)"/;

/** A line that reports an error: console.error and logger ERROR lines, timeouts, runtime exits, failed REPORTs. */
export function isErrorLine(line: LogLine): boolean {
  return ERROR_LINE.test(line.text);
}

/** Did the invocation of this group fail? From its record when known, else from its lines. */
export function groupFailed(item: Extract<LogItem, { kind: 'group' }>, logs: readonly LogLine[]): boolean {
  if (item.meta) return item.meta.outcome !== 'success';
  for (let i = item.start; i < item.end; i += 1) if (isErrorLine(logs[i] as LogLine)) return true;
  return false;
}

export interface LogFilter {
  /** Case-insensitive text every shown group must contain in one of its lines (or its header's request id or origin); empty: any. */
  query: string;
  errorsOnly: boolean;
}

/** The items the filter keeps: groups with a match (gaps only when nothing filters), and how many groups there were. */
export function filterLogs(items: readonly LogItem[], logs: readonly LogLine[], filter: LogFilter): { items: LogItem[]; shown: number; total: number } {
  const q = filter.query.trim().toLowerCase();
  const groups = items.filter((i): i is Extract<LogItem, { kind: 'group' }> => i.kind === 'group');
  if (q === '' && !filter.errorsOnly) return { items: [...items], shown: groups.length, total: groups.length };
  const kept = groups.filter((g) => {
    if (filter.errorsOnly && !groupFailed(g, logs)) return false;
    if (q === '') return true;
    if (g.meta && (g.meta.requestId.toLowerCase().includes(q) || (g.meta.origin ?? '').toLowerCase().includes(q))) return true;
    for (let i = g.start; i < g.end; i += 1) if ((logs[i] as LogLine).text.toLowerCase().includes(q)) return true;
    return false;
  });
  return { items: kept, shown: kept.length, total: groups.length };
}

/** The text cut at each case-insensitive occurrence of `query`: odd parts are the matches. */
export function splitMatches(text: string, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [text];
  const lower = text.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    parts.push(text.slice(from, at), text.slice(at, at + q.length));
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return parts;
}
