import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invocationRecordOf } from '../core/invocationRecord';
import type { PlatformCommand } from '../core/platformTypes';
import type { InvocationTrace } from '../core/tracing/invocationTrace';
import { feedTraces } from './traceFeed';
import { useTraces } from './traceStore';

const ROOT = '1-6553f100-0123456789abcdef01234567';
const trace = (segment: string): InvocationTrace => ({ root: ROOT, upstreamParent: null, sampled: true, serviceSegmentId: `${segment}0`, segmentId: segment, header: '' });

function completed(t: InvocationTrace | undefined): PlatformCommand {
  const record = invocationRecordOf('req', 'env-1', false, 0, 1, 11, undefined, 10, 128, 60, 'x86_64', 'success', { ok: true, payload: '1' }, 'RequestResponse', 1, false, 10, 1, 1, false);
  if (t) record.trace = t;
  return { type: 'complete', ticket: 1, record, logs: [], response: { ok: true, payload: '1' } };
}

describe('the trace feed', () => {
  beforeEach(() => useTraces.getState().clear());

  it("records a sampled invocation's segments and a sampled throttle, under the function's name; nothing for the rest", async () => {
    const refused = (ticket: number) => (ticket === 7 ? { trace: trace('bbbbbbbbbbbbbbbb'), atMs: 50 } : null);
    feedTraces(
      [
        completed(trace('aaaaaaaaaaaaaaaa')),
        completed(undefined),
        { type: 'reject', ticket: 7, statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] } },
        { type: 'reject', ticket: 8, statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] } },
      ],
      () => 'orders',
      refused,
    );
    await vi.waitFor(() => expect(useTraces.getState().traces[0]?.spans.some((s) => s.status === 'throttle')).toBe(true));
    const spans = useTraces.getState().traces[0]!.spans;
    expect(spans.map((s) => `${s.kind} ${s.name} ${s.status}`)).toEqual(['lambda orders ok', 'function orders ok', 'phase Invocation ok', 'lambda orders throttle']);
  });
});
