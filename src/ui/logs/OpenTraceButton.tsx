import { goToView } from '../layout/viewStore';

const XRAY_LINE = /\nXRAY TraceId: (1-[0-9a-f]{8}-[0-9a-f]{24})\t/;

/** The trace id of a sampled invocation's REPORT event (its XRAY line), or null. */
export function reportedTraceId(text: string): string | null {
  return XRAY_LINE.exec(text)?.[1] ?? null;
}

/** Opens the Traces view on a trace; the trace store loads with the first sampled invocation, so it is imported here, not held. */
export function OpenTraceButton({ traceId }: { traceId: string }) {
  const open = (): void => {
    void import('../../state/traceStore').then((m) => m.useTraces.getState().select(traceId));
    goToView('traces');
  };
  return (
    <button type="button" className="link-button log-trace-link" aria-label={`Open trace ${traceId}`} onClick={open}>
      Trace
    </button>
  );
}
