import { describe, expect, it } from 'vitest';
import { parseTraceHeader } from '../recursion/traceHeader';
import { ScenarioDriver } from '../scenario.test-support';
import { throttleSpans } from './traceSpan';

/** One invocation through the model, its trace decided when the handler is handed it (as the live driver does). */
function traced(config: Parameters<typeof makeDriver>[0], incoming: string | null) {
  const d = makeDriver(config);
  const ticket = d.invoke();
  d.initDone('env-1', 50);
  const trace = d.platform.traceServing('env-1', incoming);
  d.invokeDone('env-1', 20);
  return { trace, ...d.completion(ticket) };
}
const makeDriver = (config: Record<string, unknown>) => new ScenarioDriver({ config });

describe('tracing in the platform model', () => {
  it('Active: the first request is sampled, its REPORT event ends with the XRAY line, its record keeps the trace', () => {
    const { trace, record, logs } = traced({ tracing: 'Active' }, null);
    expect(trace?.sampled).toBe(true);
    const report = logs.at(-1)!.text;
    expect(report.split('\n')[0]).toMatch(/^REPORT RequestId: /);
    expect(report.split('\n')[1]).toBe(`XRAY TraceId: ${trace!.root}\tSegmentId: ${trace!.segmentId}\tSampled: true`);
    expect(record.trace).toEqual(trace);
  });

  it('PassThrough with no upstream decision: a header for the handler, no XRAY line, no trace on the record', () => {
    const { trace, record, logs } = traced({}, null);
    expect(parseTraceHeader(trace!.header)?.sampled).toBe('0');
    expect(logs.at(-1)!.text).not.toContain('XRAY');
    expect(record.trace).toBeUndefined();
  });

  it('the decision is made once per invocation, and the JSON format carries it as the tracing object', () => {
    const d = makeDriver({ tracing: 'Active', logFormat: 'JSON' });
    const ticket = d.invoke();
    d.initDone('env-1', 50);
    const first = d.platform.traceServing('env-1', null);
    expect(d.platform.traceServing('env-1', null)).toBe(first);
    d.invokeDone('env-1', 20);
    const report = JSON.parse(d.completion(ticket).logs.at(-1)!.text) as { type: string; record: { tracing: unknown } };
    expect(report.type).toBe('platform.report');
    expect(report.record.tracing).toEqual({ spanId: first!.segmentId, type: 'X-Amzn-Trace-Id', value: first!.header });
  });
});

describe('a throttled request', () => {
  it('is traced as a Lambda segment with a throttle when sampled, and not at all otherwise', () => {
    const active = makeDriver({ tracing: 'Active' }).platform.traceRefused(null);
    expect(active.sampled).toBe(true);
    expect(throttleSpans(active, 'api', 5000)).toEqual([
      { traceId: active.root, id: active.serviceSegmentId, parentId: null, kind: 'lambda', name: 'api', startMs: 5000, endMs: 5000, status: 'throttle', httpStatus: 429 },
    ]);
    const passThrough = makeDriver({}).platform.traceRefused(null);
    expect(throttleSpans(passThrough, 'api', 5000)).toEqual([]);
    const upstream = makeDriver({}).platform.traceRefused('Root=1-6553f100-0123456789abcdef01234567;Parent=aaaaaaaaaaaaaaaa;Sampled=1');
    expect(throttleSpans(upstream, 'api', 1)[0]).toMatchObject({ traceId: '1-6553f100-0123456789abcdef01234567', parentId: 'aaaaaaaaaaaaaaaa', status: 'throttle' });
  });
});
