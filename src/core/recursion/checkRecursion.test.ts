import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { DEFAULT_RECURSIVE_LOOP, RECURSION_LIMIT, checkRecursion, type RecursionCheck, type RecursiveLoop } from './checkRecursion';
import { lineageEntry, lineageHash, parseLineage } from './lineage';
import { parseTraceHeader } from './traceHeader';

const A = 'arn:aws:lambda:us-east-1:123456789012:function:a';
const B = 'arn:aws:lambda:us-east-1:123456789012:function:b';
const T0 = Date.UTC(2026, 11, 6, 0, 0, 0);

/**
 * A loop as the integrator carries it: each invocation's `_X_AMZN_TRACE_ID`
 * goes out with the handler's SDK call (an SQS message's AWSTraceHeader, an
 * Invoke's X-Amzn-Trace-Id) and comes back with the next event.
 */
function runLoop(functions: readonly string[], attempts: number, recursiveLoop: RecursiveLoop = 'Terminate'): RecursionCheck[] {
  const random = createRandom(11);
  const checks: RecursionCheck[] = [];
  let header: string | null = null;
  for (let i = 0; i < attempts; i++) {
    const check = checkRecursion({ traceHeader: header, functionArn: functions[i % functions.length] ?? A, recursiveLoop, random, nowMs: T0 + i });
    checks.push(check);
    if (check.action === 'stop') break;
    header = check.traceHeader;
  }
  return checks;
}

describe('checkRecursion', () => {
  it('is Terminate by default, and the limit is 16', () => {
    expect(DEFAULT_RECURSIVE_LOOP).toBe('Terminate');
    expect(RECURSION_LIMIT).toBe(16);
  });

  it('a function re-triggered by its own output runs 16 times; the 17th invocation is stopped', () => {
    const checks = runLoop([A], 30);
    expect(checks).toHaveLength(17);
    expect(checks.slice(0, 16).every((c) => c.action === 'invoke')).toBe(true);
    expect(checks.map((c) => c.invocation)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(checks[16]).toMatchObject({ action: 'stop', invocation: 17 });
  });

  it('during its Nth invocation the function sees its count as N-1 in Lineage; the Root stays the chain\'s', () => {
    const checks = runLoop([A], 3);
    const headers = checks.map((c) => parseTraceHeader(c.traceHeader));
    expect(headers.map((h) => h && parseLineage(h.lineage ?? ''))).toEqual([0, 1, 2].map((count) => [{ hash: lineageHash(A), count }]));
    expect(new Set(headers.map((h) => h?.root)).size).toBe(1);
    // The check keeps the caller's Parent (here the header is fed back as it came; live, each function's segment replaces it).
    expect(new Set(headers.map((h) => h?.parent)).size).toBe(1);
    expect(checks[0]?.traceHeader).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Lineage=[0-9a-f]{8}:0$/);
  });

  it('the stopped attempt leaves the header as it came (nothing was invoked)', () => {
    const checks = runLoop([A], 30);
    expect(checks[16]?.traceHeader).toBe(checks[15]?.traceHeader);
  });

  it('Allow lets the loop run past 16', () => {
    const checks = runLoop([A], 40, 'Allow');
    expect(checks).toHaveLength(40);
    expect(checks.every((c) => c.action === 'invoke')).toBe(true);
    expect(checks[39]?.invocation).toBe(40);
  });

  it('counts per function: in an A→B→A… loop each is stopped at its own 17th invocation', () => {
    const checks = runLoop([A, B], 100);
    expect(checks).toHaveLength(33);
    expect(checks[32]).toMatchObject({ action: 'stop', invocation: 17 });
    const last = parseLineage(parseTraceHeader(checks[31]?.traceHeader ?? '')?.lineage ?? '') ?? [];
    expect(lineageEntry(last, A)?.count).toBe(15);
    expect(lineageEntry(last, B)?.count).toBe(15);
  });

  it('a function stopped under Terminate while another in the chain is allowed: only the Terminate one stops', () => {
    const random = createRandom(5);
    let header: string | null = null;
    let stopped: string | null = null;
    for (let i = 0; i < 60 && !stopped; i++) {
      const arn = i % 2 === 0 ? A : B;
      const c = checkRecursion({ traceHeader: header, functionArn: arn, recursiveLoop: arn === A ? 'Allow' : 'Terminate', random, nowMs: T0 });
      if (c.action === 'stop') stopped = `${arn}#${c.invocation}`;
      else header = c.traceHeader;
    }
    expect(stopped).toBe(`${B}#17`);
  });

  it('an event without a (valid) trace header starts a new chain; a new chain counts from 1 again', () => {
    const random = createRandom(2);
    const first = checkRecursion({ traceHeader: undefined, functionArn: A, recursiveLoop: 'Terminate', random, nowMs: T0 });
    const again = checkRecursion({ traceHeader: 'not a header', functionArn: A, recursiveLoop: 'Terminate', random, nowMs: T0 });
    expect([first.invocation, again.invocation]).toEqual([1, 1]);
    expect(parseTraceHeader(first.traceHeader)?.root).not.toBe(parseTraceHeader(again.traceHeader)?.root);
    expect(parseTraceHeader(first.traceHeader)?.root.slice(2, 10)).toBe(Math.floor(T0 / 1000).toString(16));
  });

  it('keeps what the header carried besides Lineage, and reads a V2 lineage as none', () => {
    const c = checkRecursion({
      traceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Foo=bar;Lineage=3:a87bd80c:1',
      functionArn: A,
      recursiveLoop: 'Terminate',
      random: createRandom(1),
      nowMs: T0,
    });
    expect(c.invocation).toBe(1);
    expect(c.traceHeader).toMatch(/^Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16};Sampled=1;Foo=bar;Lineage=[0-9a-f]{8}:0$/);
  });

  it('is deterministic for a seed and time', () => {
    expect(runLoop([A], 5)).toEqual(runLoop([A], 5));
  });
});
