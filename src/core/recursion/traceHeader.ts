import type { Random } from '../random';

/**
 * The X-Ray tracing header (X-Ray developer guide, "Tracing header"):
 * `Root=1-<8 hex: epoch seconds>-<24 hex>;Parent=<16 hex>;Sampled=0|1`, plus
 * fields other services add; Lambda adds `Lineage`, its recursion counter
 * (see lineage.ts). The same text travels as the `X-Amzn-Trace-Id` HTTP
 * header, Lambda's `_X_AMZN_TRACE_ID` environment variable and the Runtime
 * API's `Lambda-Runtime-Trace-Id` (lambda-model.md §6, §8), and as SQS's
 * `AWSTraceHeader` message system attribute.
 */

/** The HTTP header the AWS SDK sends it in (its recursionDetectionMiddleware copies `_X_AMZN_TRACE_ID` there). */
export const TRACE_ID_HEADER = 'X-Amzn-Trace-Id';
/** The environment variable the runtime sets for each invocation, which the SDK reads (with AWS_LAMBDA_FUNCTION_NAME set). */
export const TRACE_ID_ENV = '_X_AMZN_TRACE_ID';
/** The Runtime API's `next` header the runtime copies into `_X_AMZN_TRACE_ID`. */
export const RUNTIME_TRACE_HEADER = 'Lambda-Runtime-Trace-Id';
/** The SQS message system attribute that keeps a sender's header; SQS events show it as `attributes.AWSTraceHeader`. */
export const SQS_TRACE_ATTRIBUTE = 'AWSTraceHeader';

export interface TraceHeader {
  /** `1-<8 hex>-<24 hex>`. */
  root: string;
  parent: string | null;
  /** `0`, `1` or `?` (sampling not yet decided), as written. */
  sampled: string | null;
  /** The raw `Lineage` value (lineage.ts reads it). */
  lineage: string | null;
  /** Other `key=value` fields, kept in order. */
  extra: readonly (readonly [string, string])[];
}

const ROOT = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;

/** The fields of a header, or null when it has no valid `Root`. Keys are case-sensitive, as the X-Ray SDKs read them. */
export function parseTraceHeader(text: string): TraceHeader | null {
  let root: string | null = null;
  let parent: string | null = null;
  let sampled: string | null = null;
  let lineage: string | null = null;
  const extra: [string, string][] = [];
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) return null;
    const key = trimmed.slice(0, eq);
    const value = trimmed.slice(eq + 1);
    if (key === 'Root') root = value;
    else if (key === 'Parent') parent = value;
    else if (key === 'Sampled') sampled = value;
    else if (key === 'Lineage') lineage = value;
    else extra.push([key, value]);
  }
  if (root === null || !ROOT.test(root)) return null;
  return { root, parent, sampled, lineage, extra };
}

export function formatTraceHeader(h: TraceHeader): string {
  const parts = [`Root=${h.root}`];
  if (h.parent !== null) parts.push(`Parent=${h.parent}`);
  if (h.sampled !== null) parts.push(`Sampled=${h.sampled}`);
  for (const [k, v] of h.extra) parts.push(`${k}=${v}`);
  if (h.lineage !== null) parts.push(`Lineage=${h.lineage}`);
  return parts.join(';');
}

/** An X-Ray trace id: version 1, the epoch second in 8 hex digits, 96 random bits in 24 hex digits (X-Ray guide, "Tracing header"). */
export function newTraceId(random: Random, nowMs: number): string {
  return `1-${Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8)}-${random.hex(24)}`;
}

/**
 * A new trace for a request that brings none, no lineage yet, and no sampling
 * decision: the function it reaches decides (src/core/tracing/invocationTrace.ts).
 */
export function newTraceHeader(random: Random, nowMs: number): TraceHeader {
  return { root: newTraceId(random, nowMs), parent: random.hex(16), sampled: null, lineage: null, extra: [] };
}
