import { beforeEach, describe, expect, it } from 'vitest';
import type { TraceSpan } from '../core/tracing/traceSpan';
import { MAX_TRACES, useTraces } from './traceStore';

const span = (traceId: string, id: string, parentId: string | null = null): TraceSpan => ({ traceId, id, parentId, kind: 'lambda', name: 'fn', startMs: 0, endMs: 1, status: 'ok' });

describe('the trace store', () => {
  beforeEach(() => useTraces.getState().clear());

  it('groups spans by trace id, in the order traces were first seen', () => {
    useTraces.getState().add([span('t1', 'a'), span('t2', 'b')]);
    useTraces.getState().add([span('t1', 'c', 'a')]);
    expect(useTraces.getState().traces.map((t) => [t.traceId, t.spans.map((s) => s.id)])).toEqual([
      ['t1', ['a', 'c']],
      ['t2', ['b']],
    ]);
  });

  it(`keeps the last ${MAX_TRACES} traces, and forgets a selection that was dropped`, () => {
    useTraces.getState().add([span('t0', 'x')]);
    useTraces.getState().select('t0');
    useTraces.getState().add(Array.from({ length: MAX_TRACES }, (_, i) => span(`n${i}`, `s${i}`)));
    const { traces, selectedId } = useTraces.getState();
    expect(traces).toHaveLength(MAX_TRACES);
    expect(traces[0]?.traceId).toBe('n0');
    expect(traces.at(-1)?.traceId).toBe(`n${MAX_TRACES - 1}`);
    expect(selectedId).toBeNull();
  });
});
