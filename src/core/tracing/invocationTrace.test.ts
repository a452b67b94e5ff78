import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { parseTraceHeader } from '../recursion/traceHeader';
import { continueTrace, xrayReportLine } from './invocationTrace';
import { XraySampler } from './xraySampler';

const NOW = 1_700_000_000_123;
const UPSTREAM_ROOT = '1-6553f100-0123456789abcdef01234567';
const decide = (incoming: string | null, mode: 'Active' | 'PassThrough', sampler = new XraySampler(createRandom(9))) =>
  continueTrace(incoming, mode, sampler, createRandom(5), NOW);

describe('the trace an invocation continues or starts', () => {
  it('Active with no header starts a sampled trace whose Parent is the function segment', () => {
    const t = decide(null, 'Active');
    expect(t.sampled).toBe(true);
    expect(t.root).toMatch(/^1-6553f100-[0-9a-f]{24}$/);
    expect(t.segmentId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.serviceSegmentId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.upstreamParent).toBeNull();
    expect(parseTraceHeader(t.header)).toMatchObject({ root: t.root, parent: t.segmentId, sampled: '1' });
  });

  it('PassThrough with no header starts a trace that is not sampled, with no segment', () => {
    const t = decide(null, 'PassThrough');
    expect(t).toMatchObject({ sampled: false, segmentId: null, serviceSegmentId: null });
    expect(parseTraceHeader(t.header)).toMatchObject({ root: t.root, sampled: '0' });
  });

  it("honours an upstream Sampled=1 in both modes, keeping the caller's root and Lineage", () => {
    for (const mode of ['Active', 'PassThrough'] as const) {
      const t = decide(`Root=${UPSTREAM_ROOT};Parent=aaaaaaaaaaaaaaaa;Sampled=1;Lineage=10:abcdef01:3`, mode);
      expect(t).toMatchObject({ root: UPSTREAM_ROOT, upstreamParent: 'aaaaaaaaaaaaaaaa', sampled: true });
      expect(parseTraceHeader(t.header)).toMatchObject({ root: UPSTREAM_ROOT, parent: t.segmentId, sampled: '1', lineage: '10:abcdef01:3' });
    }
  });

  it('honours an upstream Sampled=0 even with Active tracing', () => {
    const t = decide(`Root=${UPSTREAM_ROOT};Parent=aaaaaaaaaaaaaaaa;Sampled=0`, 'Active');
    expect(t.sampled).toBe(false);
    expect(parseTraceHeader(t.header)).toMatchObject({ root: UPSTREAM_ROOT, parent: 'aaaaaaaaaaaaaaaa', sampled: '0' });
  });

  it('a header with no decision is sampled by the rule with Active, not with PassThrough', () => {
    const header = `Root=${UPSTREAM_ROOT};Parent=aaaaaaaaaaaaaaaa`;
    expect(decide(header, 'Active').sampled).toBe(true);
    expect(decide(header, 'PassThrough').sampled).toBe(false);
  });

  it('the second request in the same second is rarely sampled: the reservoir is spent', () => {
    const sampler = new XraySampler(createRandom(9));
    expect(decide(null, 'Active', sampler).sampled).toBe(true);
    const later = Array.from({ length: 200 }, () => decide(null, 'Active', sampler).sampled).filter(Boolean).length;
    expect(later).toBeLessThan(30);
  });

  it('an invalid header starts a new trace', () => {
    const t = decide('Root=nonsense;Sampled=1', 'PassThrough');
    expect(t.root).not.toBe('nonsense');
    expect(t.sampled).toBe(false);
  });

  it("the REPORT event's X-Ray line names the trace and the function segment", () => {
    expect(xrayReportLine({ root: UPSTREAM_ROOT, segmentId: '0123456789abcdef' })).toBe(`XRAY TraceId: ${UPSTREAM_ROOT}\tSegmentId: 0123456789abcdef\tSampled: true`);
  });
});
