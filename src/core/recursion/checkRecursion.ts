import { functionArn } from '../environmentVariables';
import { splitQualifiedName } from '../functionVersions';
import type { Random } from '../random';
import { formatLineage, lineageEntry, parseLineage, withInvocation } from './lineage';
import { formatTraceHeader, newTraceHeader, parseTraceHeader, type TraceHeader } from './traceHeader';

/**
 * Lambda's recursive loop detection (Lambda developer guide, "Use Lambda
 * recursive loop detection to prevent infinite loops"; What's New, 13 July
 * 2023; AWS Compute Blog, "Detecting and stopping recursive loops in AWS
 * Lambda functions", July 2023): Lambda counts, in the trace header's
 * `Lineage`, how many times one triggering event has invoked a function; "if
 * a function is invoked by the same triggering event more than 16 times,
 * Lambda will stop the next invocation" (What's New). The per-function
 * setting `RecursiveLoop` (API reference, PutFunctionRecursionConfig) is
 * `Terminate` by default, which stops it; `Allow` lets it run.
 *
 * Pure: the one call per invocation attempt, before admission.
 */

/** "More than 16 times … stop the next invocation": 16 invocations of one function per chain run, the 17th is stopped. */
export const RECURSION_LIMIT = 16;

export type RecursiveLoop = 'Terminate' | 'Allow';
/** "By default, Lambda sets your function's configuration to Terminate" (API reference, GetFunctionRecursionConfig). */
export const DEFAULT_RECURSIVE_LOOP: RecursiveLoop = 'Terminate';

export interface RecursionInput {
  /** The trace header the event arrived with (Invoke's `X-Amzn-Trace-Id`, an SQS message's `AWSTraceHeader`, the one an SNS publish or S3 put carried), if any. */
  traceHeader: string | null | undefined;
  /** The function's unqualified ARN: versions and aliases of one function share a count. */
  functionArn: string;
  recursiveLoop: RecursiveLoop;
  /** For a new trace id when the event brought none. */
  random: Random;
  nowMs: number;
}

export type RecursionCheck =
  /**
   * Run it. `traceHeader` is the invocation's: `_X_AMZN_TRACE_ID` and
   * `Lambda-Runtime-Trace-Id`, with the lineage advanced. `invocation` is its
   * number in the chain (1 for the first); above RECURSION_LIMIT only with `Allow`.
   */
  | { action: 'invoke'; traceHeader: string; invocation: number }
  /** Stop it (Terminate): the function is not invoked; see recursionStop.ts for what becomes of the event. */
  | { action: 'stop'; traceHeader: string; invocation: number };

export function checkRecursion(input: RecursionInput): RecursionCheck {
  const incoming = input.traceHeader ? parseTraceHeader(input.traceHeader) : null;
  const header: TraceHeader = incoming ?? newTraceHeader(input.random, input.nowMs);
  const entries = (header.lineage !== null ? parseLineage(header.lineage) : null) ?? [];
  const invocation = (lineageEntry(entries, input.functionArn)?.count ?? -1) + 2;
  if (invocation > RECURSION_LIMIT && input.recursiveLoop === 'Terminate') {
    return { action: 'stop', traceHeader: formatTraceHeader(header), invocation };
  }
  // The caller's Parent is kept: it names the segment (an SDK call's subsegment) the invocation's trace continues from.
  const advanced: TraceHeader = { ...header, parent: header.parent ?? input.random.hex(16), lineage: formatLineage(withInvocation(entries, input.functionArn)) };
  return { action: 'invoke', traceHeader: formatTraceHeader(advanced), invocation };
}

/**
 * The check for a function as a trigger or an Invoke names it (`name`, or
 * `name:qualifier`: a version's or an alias's invocations count as the
 * function's), in a region and account, under Lambda's default setting.
 */
export function checkFunctionRecursion(input: { functionName: string; region: string; accountId: string; traceHeader: string | null | undefined; random: Random; nowMs: number }): RecursionCheck {
  const arn = functionArn(input.region, input.accountId, splitQualifiedName(input.functionName).name);
  return checkRecursion({ traceHeader: input.traceHeader, functionArn: arn, recursiveLoop: DEFAULT_RECURSIVE_LOOP, random: input.random, nowMs: input.nowMs });
}
