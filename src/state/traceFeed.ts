import type { PlatformCommand } from '../core/platformTypes';
import type { InvocationTrace } from '../core/tracing/invocationTrace';
import type * as TraceSpans from '../core/tracing/traceSpan';

/** Add the spans `make` builds to the trace store, both loaded on first use. */
function record(make: (spans: typeof TraceSpans) => TraceSpans.TraceSpan[]): void {
  void Promise.all([import('./traceStore'), import('../core/tracing/traceSpan')]).then(([store, spans]) => store.useTraces.getState().add(make(spans)));
}

/**
 * The live driver's side of the traces: each sampled invocation that ends
 * becomes its Lambda segments in the trace store, and a sampled request
 * refused with 429 its throttled service segment. The store and the spans'
 * assembly load with the first of them, outside the first load.
 */
export function feedTraces(commands: readonly PlatformCommand[], functionName: () => string, refused: (ticket: number) => { trace: InvocationTrace; atMs: number } | null): void {
  for (const c of commands) {
    if (c.type === 'complete' && c.record.trace !== undefined) {
      const ended = c.record;
      const name = functionName();
      record((spans) => spans.invocationSpans(ended, name));
    } else if (c.type === 'reject' && c.statusCode === 429) {
      const throttled = refused(c.ticket);
      if (throttled === null) continue;
      const name = functionName();
      record((spans) => spans.throttleSpans(throttled.trace, name, throttled.atMs));
    }
  }
}
