import type { InvocationRecord } from '../invocationRecord';
import type { InvocationTrace } from './invocationTrace';

/**
 * What a trace is made of, as X-Ray draws it: segments and subsegments,
 * each with its id, its parent's and its times (platform time, epoch ms).
 *
 * - `lambda`: the Lambda service's segment (`AWS::Lambda`): from the request's arrival to its end, admission and any queueing included;
 * - `function`: the function's segment (`AWS::Lambda::Function`), the parent of what the handler does;
 * - `phase`: its Initialization, Restore, Invocation and Overhead subsegments;
 * - `aws`: an AWS SDK call the handler made (DynamoDB, S3, SQS, SNS, EventBridge, Lambda), a subsegment of the function's segment.
 */
export type SpanKind = 'lambda' | 'function' | 'phase' | 'aws';

/** X-Ray's flags: `error` a 4xx, `fault` a 5xx or a function error, `throttle` a 429. */
export type SpanStatus = 'ok' | 'error' | 'fault' | 'throttle';

export interface TraceSpan {
  traceId: string;
  id: string;
  parentId: string | null;
  kind: SpanKind;
  /** The function's name (lambda, function), the phase's, or the service's (`DynamoDB`). */
  name: string;
  startMs: number;
  endMs: number;
  status: SpanStatus;
  /** aws: the API operation (`PutItem`) and the resource it named (a table, a queue…), and the HTTP status. */
  operation?: string;
  resource?: string;
  httpStatus?: number;
}

/** The flag X-Ray sets for an HTTP status. */
export function statusOfHttp(status: number): SpanStatus {
  if (status === 429) return 'throttle';
  if (status >= 500) return 'fault';
  if (status >= 400) return 'error';
  return 'ok';
}

/**
 * A sampled invocation's segments, from its record: the service segment,
 * the function segment, and its phases. A function error, a timeout or a
 * crash is a fault, as X-Ray marks a failed invocation. Empty when the
 * record was not sampled.
 */
export function invocationSpans(record: InvocationRecord, functionName: string): TraceSpan[] {
  const t = record.trace;
  if (!t?.sampled || t.segmentId === null || t.serviceSegmentId === null) return [];
  const status: SpanStatus = record.outcome === 'success' ? 'ok' : 'fault';
  const initMs = record.initDurationMs ?? record.restoreDurationMs ?? 0;
  const functionStart = record.startedAtMs - initMs;
  const invocationEnd = Math.min(record.endedAtMs, record.startedAtMs + record.durationMs);
  const span = (id: string, parentId: string | null, kind: SpanKind, name: string, startMs: number, endMs: number, s: SpanStatus = 'ok'): TraceSpan => ({
    traceId: t.root,
    id,
    parentId,
    kind,
    name,
    startMs,
    endMs,
    status: s,
  });
  const spans = [
    span(t.serviceSegmentId, t.upstreamParent, 'lambda', functionName, record.arrivedAtMs, record.endedAtMs, status),
    span(t.segmentId, t.serviceSegmentId, 'function', functionName, functionStart, record.endedAtMs, status),
  ];
  // Subsegment ids only need to be unique in the trace: derived from the segment's, so no random draw is spent on them.
  if (initMs > 0) spans.push(span(`${t.segmentId}.init`, t.segmentId, 'phase', record.restoreDurationMs !== undefined ? 'Restore' : 'Initialization', functionStart, record.startedAtMs));
  spans.push(span(`${t.segmentId}.invoke`, t.segmentId, 'phase', 'Invocation', record.startedAtMs, invocationEnd, status));
  if (record.endedAtMs > invocationEnd) spans.push(span(`${t.segmentId}.overhead`, t.segmentId, 'phase', 'Overhead', invocationEnd, record.endedAtMs));
  return spans;
}

/** A throttled request's segment: the Lambda service's, refused with 429 at `atMs` (no function segment: nothing ran). */
export function throttleSpans(trace: InvocationTrace, functionName: string, atMs: number): TraceSpan[] {
  if (!trace.sampled || trace.serviceSegmentId === null) return [];
  return [{ traceId: trace.root, id: trace.serviceSegmentId, parentId: trace.upstreamParent, kind: 'lambda', name: functionName, startMs: atMs, endMs: atMs, status: 'throttle', httpStatus: 429 }];
}
