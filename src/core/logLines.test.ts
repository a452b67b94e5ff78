import { describe, expect, it } from 'vitest';
import { endLine, exitLine, initReportLine, reportLine, startLine, timeoutLine } from './logLines';
import { estimateMaxMemoryUsedMb } from './memoryModel';
import { ScenarioDriver } from './scenario.test-support';

describe('platform log lines, character for character', () => {
  it('START and END', () => {
    expect(startLine('abc')).toBe('START RequestId: abc Version: $LATEST');
    expect(startLine('abc', '7')).toBe('START RequestId: abc Version: 7');
    expect(endLine('abc')).toBe('END RequestId: abc');
  });

  it('REPORT on a cold start: tab-separated, two decimals, Init Duration last', () => {
    const line = reportLine({ requestId: 'abc', durationMs: 12.34, billedDurationMs: 113, memorySizeMb: 128, maxMemoryUsedMb: 69, initDurationMs: 100.2 });
    expect(line).toBe(
      'REPORT RequestId: abc\tDuration: 12.34 ms\tBilled Duration: 113 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 100.20 ms',
    );
  });

  it('REPORT on a warm start has no Init Duration', () => {
    const line = reportLine({ requestId: 'abc', durationMs: 5, billedDurationMs: 5, memorySizeMb: 1024, maxMemoryUsedMb: 70 });
    expect(line).toBe('REPORT RequestId: abc\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 1024 MB\tMax Memory Used: 70 MB');
  });

  it('REPORT status fields come after everything else', () => {
    const base = { requestId: 'abc', durationMs: 3000, billedDurationMs: 3000, memorySizeMb: 128, maxMemoryUsedMb: 69 };
    expect(reportLine({ ...base, status: { kind: 'timeout' } })).toMatch(/\tMax Memory Used: 69 MB\tStatus: timeout$/);
    expect(reportLine({ ...base, initDurationMs: 1, status: { kind: 'error', errorType: 'Runtime.ExitError' } })).toMatch(
      /\tInit Duration: 1\.00 ms\tStatus: error\tError Type: Runtime\.ExitError$/,
    );
  });

  it('INIT_REPORT for a failed and a timed-out init', () => {
    expect(initReportLine(150.456, 'init', { kind: 'error', errorType: 'Runtime.UserCodeSyntaxError' })).toBe(
      'INIT_REPORT Init Duration: 150.46 ms\tPhase: init\tStatus: error\tError Type: Runtime.UserCodeSyntaxError',
    );
    expect(initReportLine(10000, 'init', { kind: 'timeout' })).toBe('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    expect(initReportLine(42, 'invoke', { kind: 'timeout' })).toBe('INIT_REPORT Init Duration: 42.00 ms\tPhase: invoke\tStatus: timeout');
  });

  it('the timeout and exit lines', () => {
    expect(timeoutLine('2025-09-01T12:00:03.100Z', 'abc', 3)).toBe('2025-09-01T12:00:03.100Z abc Task timed out after 3.00 seconds');
    expect(timeoutLine('t', 'abc', 900)).toBe('t abc Task timed out after 900.00 seconds');
    expect(exitLine('RequestId: abc Error: Runtime exited with error: exit status 129', 'Runtime.ExitError')).toBe(
      'RequestId: abc Error: Runtime exited with error: exit status 129\nRuntime.ExitError',
    );
  });
});

describe('the log of an invocation, from the platform', () => {
  function coldThenWarm(): { d: ScenarioDriver; cold: number; warm: number } {
    const d = new ScenarioDriver();
    const cold = d.invoke();
    d.initDone('env-1', 100.2, ['init says hi']);
    d.invokeDone('env-1', 12.34, undefined, ['handler line 1', 'handler line 2']);
    d.advance(500);
    const warm = d.invoke();
    d.invokeDone('env-1', 2.5, undefined, ['warm line']);
    return { d, cold, warm };
  }

  it('cold: init logs, START, function logs, END, REPORT with Init Duration', () => {
    const { d, cold } = coldThenWarm();
    const id = d.completion(cold).record.requestId;
    expect(d.logText(cold)).toEqual([
      'INIT_START Runtime Version: nodejs:22.v47\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0e2c8a4b6d1f3e5a7c9b0d2f4e6a8c1b3d5f7e9a0c2e4b6d8f1a3c5e7b9d0f2a',
      'init says hi',
      `START RequestId: ${id} Version: $LATEST`,
      'handler line 1',
      'handler line 2',
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 12.34 ms\tBilled Duration: 113 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB\tInit Duration: 100.20 ms`,
    ]);
  });

  it('warm: no init lines and no Init Duration; Billed Duration is the ceiling of Duration', () => {
    const { d, warm } = coldThenWarm();
    const id = d.completion(warm).record.requestId;
    expect(d.logText(warm)).toEqual([
      `START RequestId: ${id} Version: $LATEST`,
      'warm line',
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 69 MB`,
    ]);
  });

  it('lines carry their sources and times: START when the invoke phase began, END and REPORT when it ended', () => {
    const { d, cold } = coldThenWarm();
    const logs = d.completion(cold).logs;
    expect(logs.map((l) => l.source)).toEqual(['platform', 'function', 'platform', 'function', 'function', 'platform', 'platform']);
    const { arrivedAtMs, startedAtMs, endedAtMs } = d.completion(cold).record;
    expect(logs[0]?.atMs).toBe(arrivedAtMs); // INIT_START: when the environment was created, on arrival
    expect(logs[2]?.atMs).toBe(startedAtMs);
    expect(logs[5]?.atMs).toBe(endedAtMs);
    expect(logs[6]?.atMs).toBe(endedAtMs);
  });

  it('REPORT shows the configured memory size', () => {
    const d = new ScenarioDriver({ config: { memoryMb: 1769 } });
    const t = d.invoke();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1);
    expect(d.logText(t).at(-1)).toContain('\tMemory Size: 1769 MB\t');
  });
});

describe('Max Memory Used (modelled)', () => {
  it.each([
    ['nodejs20.x', 128, 67],
    ['nodejs22.x', 128, 69],
    ['nodejs24.x', 128, 71],
  ] as const)('%s at %i MB reports %i MB for a tiny payload', (runtime, memoryMb, expected) => {
    const d = new ScenarioDriver({ config: { runtime, memoryMb } });
    const t = d.invoke();
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1);
    expect(d.completion(t).record.maxMemoryUsedMb).toBe(expected);
  });

  it('grows with the payload (request and response)', () => {
    const d = new ScenarioDriver({ config: { memoryMb: 128 } });
    const t = d.invoke(JSON.stringify('x'.repeat(4 * 1024 * 1024)));
    d.initDone('env-1', 1);
    d.invokeDone('env-1', 1);
    // 68 MB baseline + 3 × (4 MiB + 2 bytes of quotes + 4 bytes of "ok") = 80.0000…, rounded up.
    expect(d.completion(t).record.maxMemoryUsedMb).toBe(81);
  });

  it('never exceeds the memory size', () => {
    expect(estimateMaxMemoryUsedMb('nodejs22.x', 128, 30 * 1024 * 1024)).toBe(128);
    expect(estimateMaxMemoryUsedMb('nodejs22.x', 10_240, 30 * 1024 * 1024)).toBe(158);
  });
});
