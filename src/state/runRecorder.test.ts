import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../core/invocationRecord';
import type { DestinationRecord, EnvironmentState, PlatformCommand, ThrottleReason } from '../core/platformTypes';
import { invocationCost } from '../core/pricing';
import { percentileOfSorted } from '../core/percentile';
import { RunRecorder } from './runRecorder';
import { timeoutTimer } from '../core/timerKey';

const T0 = 1_700_000_000_000;

function rec(over: Partial<InvocationRecord> & { requestId: string }): InvocationRecord {
  return {
    envId: 'env-1',
    cold: false,
    arrivedAtMs: T0,
    startedAtMs: T0,
    endedAtMs: T0 + 10,
    durationMs: 10,
    billedDurationMs: 10,
    memorySizeMb: 128,
    maxMemoryUsedMb: 70,
    architecture: 'x86_64',
    outcome: 'success',
    cost: invocationCost(128, 10, 'x86_64'),
    invocationType: 'RequestResponse',
    attempt: 1,
    provisioned: false,
    measuredDurationMs: 10,
    cpuMs: 0,
    cpuFactor: 1,
    contended: false,
    ...over,
  };
}

const env = (envId: string, at: number, state: EnvironmentState, extra: { requestId?: string; provisioned?: boolean; reason?: 'reclaimed' | 'timeout' } = {}): PlatformCommand => ({
  type: 'notice',
  notice: { kind: 'environment', atMs: T0 + at, envId, state, provisioned: extra.provisioned ?? false, memoryMb: 128, ...extra },
});
const complete = (ticket: number, record: InvocationRecord): PlatformCommand => ({
  type: 'complete',
  ticket,
  record,
  logs: [],
  response: record.outcome === 'success' ? { ok: true, payload: 'null' } : { ok: false, error: { errorType: record.errorType ?? 'Error', errorMessage: 'x', trace: [] } },
});
const reject = (ticket: number, statusCode: number): PlatformCommand => ({
  type: 'reject',
  ticket,
  statusCode,
  error: { errorType: statusCode === 429 ? 'TooManyRequestsException' : 'RequestTooLargeException', errorMessage: 'no', trace: [] },
});
const throttle = (ticket: number, at: number, reason: ThrottleReason = 'ConcurrentInvocationLimitExceeded'): PlatformCommand => ({
  type: 'notice',
  notice: { kind: 'throttle', atMs: T0 + at, ticket, invocationType: 'RequestResponse', reason },
});

function run(commands: PlatformCommand[]): RunRecorder {
  const r = new RunRecorder(T0);
  for (const c of commands) r.observe(c);
  return r;
}

describe('timeline', () => {
  it('a cold start: init, the invocation (figures from the record), idle, then reclaimed', () => {
    const a = rec({ requestId: 'A', cold: true, initDurationMs: 100, startedAtMs: T0 + 100, endedAtMs: T0 + 150, durationMs: 50, billedDurationMs: 150 });
    const r = run([env('e1', 0, 'initializing'), env('e1', 100, 'busy', { requestId: 'A' }), complete(1, a), env('e1', 150, 'idle'), env('e1', 10_150, 'destroyed', { reason: 'reclaimed' })]);
    const { rows, originMs } = r.timeline();
    expect(originMs).toBe(T0);
    expect(rows).toEqual([
      {
        envId: 'e1',
        provisioned: false,
        memoryMb: 128,
        createdAtMs: T0,
        destroyedAtMs: T0 + 10_150,
        destroyReason: 'reclaimed',
        segments: [
          { kind: 'init', startMs: T0, endMs: T0 + 100 },
          { kind: 'success', startMs: T0 + 100, endMs: T0 + 150, requestId: 'A', durationMs: 50, billedDurationMs: 150, cold: true, initDurationMs: 100 },
          { kind: 'idle', startMs: T0 + 150, endMs: T0 + 10_150 },
        ],
      },
    ]);
  });

  it('an invocation that times out takes its outcome and error type; destroyed closes the row', () => {
    const a = rec({ requestId: 'A', outcome: 'timeout', errorType: 'Sandbox.Timedout', startedAtMs: T0 + 5, endedAtMs: T0 + 3005, durationMs: 3000 });
    const r = run([env('e1', 0, 'initializing'), env('e1', 5, 'busy', { requestId: 'A' }), complete(1, a), env('e1', 3005, 'destroyed', { reason: 'timeout' })]);
    const row = r.timeline().rows[0];
    expect(row?.segments[1]).toMatchObject({ kind: 'timeout', errorType: 'Sandbox.Timedout', startMs: T0 + 5, endMs: T0 + 3005 });
    expect(row?.segments).toHaveLength(2);
    expect(row).toMatchObject({ destroyedAtMs: T0 + 3005, destroyReason: 'timeout' });
  });

  it('keeps the last segment open (endMs null) while it runs; destroyed closes an idle one', () => {
    const r = run([env('e1', 0, 'initializing'), env('e1', 50, 'busy', { requestId: 'A' })]);
    expect(r.timeline().rows[0]?.segments[1]).toMatchObject({ requestId: 'A', startMs: T0 + 50, endMs: null });
    r.observe(complete(1, rec({ requestId: 'A', startedAtMs: T0 + 50, endedAtMs: T0 + 80, durationMs: 30, outcome: 'error', errorType: 'TypeError' })));
    // The record closes its segment before the environment's busy → idle notice arrives.
    expect(r.timeline().rows[0]?.segments[1]).toMatchObject({ kind: 'error', errorType: 'TypeError', endMs: T0 + 80, durationMs: 30 });
    r.observe(env('e2', 60, 'initializing', { provisioned: true }));
    r.observe(env('e2', 90, 'idle', { provisioned: true }));
    r.observe(env('e2', 500, 'destroyed', { provisioned: true }));
    const e2 = r.timeline().rows[1];
    expect(e2).toMatchObject({ envId: 'e2', provisioned: true, destroyedAtMs: T0 + 500, destroyReason: null });
    expect(e2?.segments).toEqual([
      { kind: 'init', startMs: T0 + 60, endMs: T0 + 90 },
      { kind: 'idle', startMs: T0 + 90, endMs: T0 + 500 },
    ]);
  });

  it('async retries reuse the request id: each attempt completes its own segment', () => {
    const first = rec({ requestId: 'R', invocationType: 'Event', outcome: 'error', errorType: 'Error', startedAtMs: T0 + 10, endedAtMs: T0 + 20 });
    const second = rec({ requestId: 'R', invocationType: 'Event', attempt: 2, startedAtMs: T0 + 60_010, endedAtMs: T0 + 60_030 });
    const r = run([
      env('e1', 0, 'initializing'), env('e1', 10, 'busy', { requestId: 'R' }), complete(1, first), env('e1', 20, 'idle'),
      env('e1', 60_010, 'busy', { requestId: 'R' }), complete(1, second), env('e1', 60_030, 'idle'),
    ]);
    const kinds = r.timeline().rows[0]?.segments.map((s) => [s.kind, s.endMs === null ? null : s.endMs - T0]);
    expect(kinds).toEqual([['init', 10], ['error', 20], ['idle', 60_010], ['success', 60_030], ['idle', null]]);
  });

  it('bumps version on change, shares the rows (no copy), ignores commands it does not need', () => {
    const r = new RunRecorder(T0);
    const before = r.timeline();
    r.observe({ type: 'setTimer', timerId: timeoutTimer('t'), atMs: T0 });
    r.observe({ type: 'destroyEnvironment', envId: 'e1', reason: 'reclaimed' });
    expect(r.timeline().version).toBe(before.version);
    expect(r.version).toBe(0);
    r.observe(env('e1', 0, 'initializing'));
    const after = r.timeline();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.rows).toBe(before.rows);
    expect(r.version).toBe(1);
  });
});

describe('metrics per second', () => {
  it('invocations, errors and cold starts by start second; durations by end second; gaps filled', () => {
    const r = run([
      complete(1, rec({ requestId: 'a', cold: true, startedAtMs: T0 + 999, endedAtMs: T0 + 1500, durationMs: 501 })),
      complete(2, rec({ requestId: 'b', outcome: 'error', startedAtMs: T0 + 1000, endedAtMs: T0 + 1010 })),
      complete(3, rec({ requestId: 'c', outcome: 'crash', startedAtMs: T0 + 4200, endedAtMs: T0 + 4300, durationMs: 100 })),
    ]);
    const { points } = r.metrics();
    expect(points.map((p) => p.t)).toEqual([0, 1, 2, 3, 4]);
    expect(points.map((p) => p.invocations)).toEqual([1, 1, 0, 0, 1]);
    expect(points.map((p) => p.errors)).toEqual([0, 1, 0, 0, 1]);
    expect(points.map((p) => p.coldStarts)).toEqual([1, 0, 0, 0, 0]);
    expect(points.map((p) => p.durationP50)).toEqual([null, 10, null, null, 100]);
    expect(points.map((p) => p.durationP99)).toEqual([null, 501, null, null, 100]);
  });

  it('throttles count throttle notices, not 429 rejects', () => {
    const r = run([throttle(1, 100), reject(1, 429), throttle(2, 2100), reject(2, 429), reject(3, 429)]);
    expect(r.metrics().points.map((p) => p.throttles)).toEqual([1, 0, 1]);
  });

  it.each([
    ['1 value', [7], 7, 7],
    ['3 values', [30, 10, 20], 20, 30],
    ['4 values', [4, 1, 3, 2], 2, 4],
    ['1..100', Array.from({ length: 100 }, (_, i) => 100 - i), 50, 99],
    ['1..200', Array.from({ length: 200 }, (_, i) => i + 1), 100, 198],
    ['1..60 (rank 59.4 rounds up to 60)', Array.from({ length: 60 }, (_, i) => i + 1), 30, 60],
  ])('p50 and p99 are nearest-rank: %s', (_name, durations, p50, p99) => {
    const r = run(durations.map((d, i) => complete(i, rec({ requestId: `r${i}`, endedAtMs: T0 + 500, durationMs: d }))));
    expect(r.metrics().points[0]).toMatchObject({ durationP50: p50, durationP99: p99 });
    expect(percentileOfSorted([], 50)).toBeNull();
  });

  it('recomputes percentiles when more records end in a second already reported', () => {
    const r = run([complete(1, rec({ requestId: 'a', durationMs: 10 }))]);
    expect(r.metrics().points[0]?.durationP99).toBe(10);
    r.observe(complete(2, rec({ requestId: 'b', durationMs: 90 })));
    const m = r.metrics();
    expect(m.points[0]).toMatchObject({ durationP50: 10, durationP99: 90 });
  });

  it('concurrency: the peak within the second of busy plus on-demand initialising environments', () => {
    const r = run([
      env('p1', 0, 'initializing', { provisioned: true }), // provisioned init: not counted
      env('e1', 100, 'initializing'), // 1
      env('e1', 200, 'busy', { requestId: 'a' }), // still 1
      env('e2', 300, 'initializing'), // 2
      env('p1', 400, 'idle', { provisioned: true }),
      env('p1', 500, 'busy', { provisioned: true, requestId: 'b' }), // 3
      env('e1', 600, 'idle'), // 2
      env('p1', 700, 'idle', { provisioned: true }), // 1 (e2 still initialising)
      env('e2', 2300, 'busy', { requestId: 'c' }), // second 1 carried 1; second 2: 1
      env('e3', 2400, 'initializing'), // 2
      env('e3', 2500, 'destroyed'), // 1
      env('e2', 2600, 'idle'), // 0
      env('p2', 3050, 'initializing', { provisioned: true }), // provisioned init: still 0
      env('e1', 3100, 'busy', { requestId: 'd' }), // 1
      env('e1', 3200, 'idle'),
      env('e1', 3300, 'busy', { requestId: 'e' }), // 1 again, not 2
      env('e1', 3400, 'idle'),
      env('e1', 5000, 'destroyed'),
    ]);
    expect(r.metrics().points.map((p) => p.concurrentExecutions)).toEqual([3, 1, 2, 1, 0, 0]);
  });

  it('indexes seconds from the origin; bumps version; shares the points', () => {
    const r = new RunRecorder(T0 + 500);
    const m0 = r.metrics();
    r.observe(throttle(1, 2499));
    const m1 = r.metrics();
    expect(m1.version).toBeGreaterThan(m0.version);
    expect(m1.points).toBe(m0.points);
    expect(m1.points.map((p) => p.throttles)).toEqual([0, 1]);
  });
});

describe('accounting', () => {
  const destination: DestinationRecord = {
    version: '1.0',
    timestamp: '2023-11-14T22:13:20.000Z',
    requestContext: { requestId: 'Q2', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
    requestPayload: { n: 2 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: 'Error', errorMessage: 'boom' },
  };
  const done = (ticket: number, requestId: string, result: 'delivered' | 'retried-delivered' | 'on-failure', withDestination = false): PlatformCommand => ({
    type: 'notice',
    notice: { kind: 'asyncDone', atMs: T0 + 1000, ticket, requestId, result, attempts: 1, ...(withDestination ? { destination } : {}) },
  });

  const commands: PlatformCommand[] = [
    complete(1, rec({ requestId: 's1' })),
    complete(2, rec({ requestId: 's2' })),
    complete(3, rec({ requestId: 's3' })),
    complete(4, rec({ requestId: 's4', outcome: 'error' })),
    complete(5, rec({ requestId: 's5', outcome: 'timeout' })),
    throttle(6, 0), reject(6, 429),
    throttle(7, 0), reject(7, 429),
    reject(8, 413),
    { type: 'accepted', ticket: 9, requestId: 'Q1' },
    { type: 'accepted', ticket: 10, requestId: 'Q2' },
    { type: 'accepted', ticket: 11, requestId: 'Q3' },
    { type: 'accepted', ticket: 12, requestId: 'Q4' },
    // Q1: delivered first time. Q2: three failing attempts, then the destination. Q3: failed once, then delivered. Q4: still queued.
    complete(9, rec({ requestId: 'Q1', invocationType: 'Event' })), done(9, 'Q1', 'delivered'),
    complete(10, rec({ requestId: 'Q2', invocationType: 'Event', outcome: 'error' })),
    { type: 'notice', notice: { kind: 'asyncRetry', atMs: T0, ticket: 10, requestId: 'Q2', retryAtMs: T0 + 60_000, cause: 'function-error', attempts: 1 } },
    complete(10, rec({ requestId: 'Q2', invocationType: 'Event', outcome: 'error', attempt: 2 })),
    complete(10, rec({ requestId: 'Q2', invocationType: 'Event', outcome: 'timeout', attempt: 3 })),
    done(10, 'Q2', 'on-failure', true),
    complete(11, rec({ requestId: 'Q3', invocationType: 'Event', outcome: 'crash' })),
    complete(11, rec({ requestId: 'Q3', invocationType: 'Event', attempt: 2 })),
    done(11, 'Q3', 'retried-delivered'),
  ];

  it('counts the requests each version ran, once each (an alias splitting a run)', () => {
    const r = run([
      complete(1, rec({ requestId: 'V1', version: '1' })),
      complete(2, rec({ requestId: 'V2', version: '2' })),
      complete(3, rec({ requestId: 'V3', version: '2' })),
      complete(3, rec({ requestId: 'V3', version: '2' })),
    ]);
    expect(r.accounting(3).byVersion).toEqual({ 1: 1, 2: 2 });
  });

  it('every request ends in exactly one bucket; async attempts are not sync outcomes', () => {
    const r = run(commands);
    expect(r.accounting(12)).toEqual({
      sent: 12,
      succeeded: 3,
      functionErrors: 2,
      throttled: 2,
      throttleReasons: { ConcurrentInvocationLimitExceeded: 2, ReservedFunctionConcurrentInvocationLimitExceeded: 0, ReservedFunctionInvocationRateLimitExceeded: 0, FunctionInvocationRateLimitExceeded: 0 },
      rejected: 1,
      async: { accepted: 4, delivered: 1, retriedDelivered: 1, onFailure: 1, stillQueued: 1 },
      lost: 0,
      // Each request once: 5 synchronous, and the first attempts of the 3 asynchronous events that ran.
      byVersion: { $LATEST: 8 },
    });
    expect(r.destinations()).toEqual([destination]);
    expect(r.records()).toHaveLength(11);
    expect(r.records().filter((x) => x.invocationType === 'Event')).toHaveLength(6);
  });

  it('requests not answered are lost', () => {
    const r = run(commands);
    expect(r.accounting(15).lost).toBe(3);
    expect(new RunRecorder(T0).accounting(5)).toMatchObject({ sent: 5, succeeded: 0, lost: 5 });
  });

  it('a sync ticket counts once, however many answers it gets', () => {
    const r = run([
      complete(1, rec({ requestId: 'a' })),
      complete(1, rec({ requestId: 'a', outcome: 'error' })),
      reject(1, 429),
      reject(2, 429),
      reject(2, 400),
      { type: 'accepted', ticket: 3, requestId: 'q' },
      { type: 'accepted', ticket: 3, requestId: 'q' },
      done(3, 'q', 'delivered'),
      done(3, 'q', 'on-failure'),
    ]);
    expect(r.accounting(3)).toMatchObject({
      sent: 3,
      succeeded: 1,
      functionErrors: 0,
      throttled: 1,
      rejected: 0,
      async: { accepted: 1, delivered: 1, retriedDelivered: 0, onFailure: 0, stillQueued: 0 },
      lost: 0,
    });
  });

  it('keeps the provisioned notices in order, for the bill, each named by its function and version (each holds its own allocation)', () => {
    const r = run([
      { type: 'notice', notice: { kind: 'provisioned', atMs: T0 + 10, count: 5, memoryMb: 512, architecture: 'arm64', version: '1' } },
      { type: 'notice', notice: { kind: 'provisioned', atMs: T0 + 15, count: 2, memoryMb: 512, architecture: 'arm64', version: '2', functionName: 'api' } },
      { type: 'notice', notice: { kind: 'provisioned', atMs: T0 + 20, count: 0, memoryMb: 512, architecture: 'arm64' } },
    ]);
    expect(r.provisionedChanges()).toEqual([
      { atMs: T0 + 10, count: 5, memoryMb: 512, architecture: 'arm64', source: ':1' },
      { atMs: T0 + 15, count: 2, memoryMb: 512, architecture: 'arm64', source: 'api:2' },
      { atMs: T0 + 20, count: 0, memoryMb: 512, architecture: 'arm64', source: ':' },
    ]);
  });
});

describe('the run keeps every invocation\'s log lines', () => {
  it('logsOf gives the lines of records()[i], whatever the Logs panel showed', () => {
    const r = new RunRecorder(T0);
    const logs = [{ atMs: T0, text: 'START RequestId: A Version: $LATEST', source: 'platform' as const }];
    r.observe({ type: 'complete', ticket: 1, record: rec({ requestId: 'A' }), logs, response: { ok: true, payload: '1' } });
    expect(r.records()[0]?.requestId).toBe('A');
    expect(r.logsOf(0)).toEqual(logs);
    expect(r.logsOf(1)).toEqual([]);
  });
});

describe('throttles by reason', () => {
  it('the metrics, the timeline and the accounting count each of Lambda\'s reasons', () => {
    const r = run([
      throttle(1, 100, 'ReservedFunctionConcurrentInvocationLimitExceeded'),
      throttle(2, 150, 'ReservedFunctionConcurrentInvocationLimitExceeded'),
      throttle(3, 1200, 'ConcurrentInvocationLimitExceeded'),
      throttle(4, 1300, 'FunctionInvocationRateLimitExceeded'),
    ]);
    const none = { ReservedFunctionConcurrentInvocationLimitExceeded: 0, ConcurrentInvocationLimitExceeded: 0, ReservedFunctionInvocationRateLimitExceeded: 0, FunctionInvocationRateLimitExceeded: 0 };
    expect(r.metrics().points.map((p) => p.throttleReasons)).toEqual([
      { ...none, ReservedFunctionConcurrentInvocationLimitExceeded: 2 },
      { ...none, ConcurrentInvocationLimitExceeded: 1, FunctionInvocationRateLimitExceeded: 1 },
    ]);
    expect(r.accounting(4).throttleReasons).toEqual({ ...none, ReservedFunctionConcurrentInvocationLimitExceeded: 2, ConcurrentInvocationLimitExceeded: 1, FunctionInvocationRateLimitExceeded: 1 });
    expect(r.timeline().throttles).toEqual([
      { reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', count: 2, firstMs: T0 + 100, lastMs: T0 + 150 },
      { reason: 'ConcurrentInvocationLimitExceeded', count: 1, firstMs: T0 + 1200, lastMs: T0 + 1200 },
      { reason: 'FunctionInvocationRateLimitExceeded', count: 1, firstMs: T0 + 1300, lastMs: T0 + 1300 },
    ]);
  });
});
