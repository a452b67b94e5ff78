import type { TracingMode } from '../functionConfig';
import type { Random } from '../random';
import { formatTraceHeader, newTraceId, parseTraceHeader, type TraceHeader } from '../recursion/traceHeader';
import type { XraySampler } from './xraySampler';

/**
 * The trace identity of one invocation, decided by the platform before the
 * handler runs: the caller's trace continued, or a new one.
 */
export interface InvocationTrace {
  /** The trace id, `1-<8 hex>-<24 hex>`. */
  root: string;
  /** The segment that called this invocation (a caller's subsegment), or null for a request that brought no trace. */
  upstreamParent: string | null;
  sampled: boolean;
  /** Sampled only: the Lambda service's segment (`AWS::Lambda`), the parent of the function's segment. */
  serviceSegmentId: string | null;
  /** Sampled only: the function's segment (`AWS::Lambda::Function`), what `Parent` names in the handler's header. */
  segmentId: string | null;
  /** What the handler receives as `_X_AMZN_TRACE_ID` (and the Runtime API's Lambda-Runtime-Trace-Id). */
  header: string;
}

/**
 * Lambda's tracing decision for an invocation (Lambda developer guide,
 * "Visualize Lambda function invocations using AWS X-Ray"): an upstream
 * `Sampled=1` or `Sampled=0` is honoured in both modes; with no decision,
 * `Active` applies the sampling rule and `PassThrough` does not sample. A
 * request without a valid header starts a new trace. `Lineage` (recursive
 * loop detection) is kept as it came.
 */
export function continueTrace(incoming: string | null, mode: TracingMode, sampler: XraySampler, random: Random, nowMs: number): InvocationTrace {
  const upstream = incoming === null ? null : parseTraceHeader(incoming);
  const root = upstream?.root ?? newTraceId(random, nowMs);
  const decided = upstream?.sampled === '1' ? true : upstream?.sampled === '0' ? false : null;
  const sampled = decided ?? (mode === 'Active' ? sampler.sample(nowMs) : false);
  const upstreamParent = upstream?.parent ?? null;
  const serviceSegmentId = sampled ? random.hex(16) : null;
  const segmentId = sampled ? random.hex(16) : null;
  const handed: TraceHeader = {
    root,
    parent: segmentId ?? upstreamParent ?? random.hex(16),
    sampled: sampled ? '1' : '0',
    lineage: upstream?.lineage ?? null,
    extra: upstream?.extra ?? [],
  };
  return { root, upstreamParent, sampled, serviceSegmentId, segmentId, header: formatTraceHeader(handed) };
}

/** The line Lambda's text log format adds to a sampled invocation's REPORT event. */
export function xrayReportLine(trace: Pick<InvocationTrace, 'root' | 'segmentId'>): string {
  return `XRAY TraceId: ${trace.root}\tSegmentId: ${trace.segmentId ?? ''}\tSampled: true`;
}
