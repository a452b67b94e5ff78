import type { PlatformCommand } from '../core/platformTypes';

/**
 * The live driver's side of the traces: each sampled invocation that ends
 * becomes its Lambda segments in the trace store, which (with the spans'
 * assembly) loads with the first of them, outside the first load.
 */
export function feedTraces(commands: readonly PlatformCommand[], functionName: () => string): void {
  for (const c of commands) {
    if (c.type !== 'complete' || c.record.trace === undefined) continue;
    const record = c.record;
    const name = functionName();
    void Promise.all([import('./traceStore'), import('../core/tracing/traceSpan')]).then(([store, spans]) => store.useTraces.getState().add(spans.invocationSpans(record, name)));
  }
}
