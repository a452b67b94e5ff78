import { create } from 'zustand';
import type { TraceSpan } from '../core/tracing/traceSpan';

/** Traces kept at most: the oldest go first. */
export const MAX_TRACES = 200;
/** Segments kept per trace at most (a fan-out of thousands is cut, not the tab's memory). */
export const MAX_SPANS_PER_TRACE = 2_000;

export interface RecordedTrace {
  traceId: string;
  spans: TraceSpan[];
}

interface TraceState {
  /** The recent sampled traces, oldest first. */
  traces: RecordedTrace[];
  /** The trace the Traces view shows (null: the newest). */
  selectedId: string | null;
  add(spans: readonly TraceSpan[]): void;
  select(traceId: string | null): void;
  clear(): void;
}

/**
 * The sampled traces of this session, as X-Ray would hold them: the live
 * driver's segments for each invocation (traceFeed.ts) and the services'
 * subsegments for each SDK call (awsServicePorts.ts), grouped by trace id.
 */
export const useTraces = create<TraceState>((set) => ({
  traces: [],
  selectedId: null,
  add(spans) {
    if (spans.length === 0) return;
    set((s) => {
      const traces = [...s.traces];
      for (const span of spans) {
        const i = traces.findIndex((t) => t.traceId === span.traceId);
        if (i < 0) traces.push({ traceId: span.traceId, spans: [span] });
        else if (traces[i]!.spans.length < MAX_SPANS_PER_TRACE) traces[i] = { traceId: span.traceId, spans: [...traces[i]!.spans, span] };
      }
      const dropped = traces.splice(0, Math.max(0, traces.length - MAX_TRACES));
      const selectedId = dropped.some((t) => t.traceId === s.selectedId) ? null : s.selectedId;
      return { traces, selectedId };
    });
  },
  select(traceId) {
    set({ selectedId: traceId });
  },
  clear() {
    set({ traces: [], selectedId: null });
  },
}));
