import type { SpanStatus, TraceSpan } from './traceSpan';

/** One row of a trace's waterfall: a segment or subsegment, its depth in the tree, and its bar (from the trace's start). */
export interface WaterfallRow {
  span: TraceSpan;
  depth: number;
  offsetMs: number;
  durationMs: number;
  /** What the row says: `orders (Lambda)`, `Invocation`, `DynamoDB PutItem orders`. */
  label: string;
}

/** A recent trace, for the list: where it entered, when, how long, how it ended, how many segments. */
export interface TraceSummary {
  traceId: string;
  entry: string;
  startMs: number;
  durationMs: number;
  status: SpanStatus;
  segments: number;
}

const SEVERITY: Record<SpanStatus, number> = { ok: 0, error: 1, throttle: 2, fault: 3 };

/** The worse of two statuses (a fault outranks a throttle, which outranks an error). */
export function worseStatus(a: SpanStatus, b: SpanStatus): SpanStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export function spanLabel(span: TraceSpan): string {
  switch (span.kind) {
    case 'lambda':
      return `${span.name} (Lambda)`;
    case 'function':
      return `${span.name} (function)`;
    case 'phase':
      return span.name;
    case 'aws':
      return [span.name, span.operation, span.resource].filter((x) => x !== undefined && x !== '').join(' ');
  }
}

/**
 * The trace as a tree, depth first, children by start time: a span whose
 * parent is not in the trace (the client's, or one not recorded) is a root.
 */
export function waterfall(spans: readonly TraceSpan[]): WaterfallRow[] {
  if (spans.length === 0) return [];
  const ids = new Set(spans.map((s) => s.id));
  const children = new Map<string | null, TraceSpan[]>();
  for (const s of spans) {
    const parent = s.parentId !== null && ids.has(s.parentId) && s.parentId !== s.id ? s.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const start = Math.min(...spans.map((s) => s.startMs));
  const rows: WaterfallRow[] = [];
  const seen = new Set<string>();
  const visit = (s: TraceSpan, depth: number): void => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    rows.push({ span: s, depth, offsetMs: s.startMs - start, durationMs: Math.max(0, s.endMs - s.startMs), label: spanLabel(s) });
    for (const c of children.get(s.id) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The trace's summary: its entry is its earliest root segment's function (or service). */
export function traceSummary(traceId: string, spans: readonly TraceSpan[]): TraceSummary {
  const rows = waterfall(spans);
  const first = rows[0]?.span;
  const startMs = Math.min(...spans.map((s) => s.startMs));
  const endMs = Math.max(...spans.map((s) => s.endMs));
  return {
    traceId,
    entry: first ? (first.kind === 'aws' ? spanLabel(first) : first.name) : '',
    startMs,
    durationMs: spans.length > 0 ? endMs - startMs : 0,
    status: spans.reduce<SpanStatus>((worst, s) => (s.kind === 'phase' ? worst : worseStatus(worst, s.status)), 'ok'),
    segments: spans.filter((s) => s.kind !== 'phase').length,
  };
}
