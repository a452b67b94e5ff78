import { describe, expect, it } from 'vitest';
import { invocationLogs, invocationRecordOf, type LogLine } from './invocationRecord';
import { jsonSystemLogs } from './jsonSystemLogs';

const record = (outcome: 'success' | 'error' | 'timeout', initDurationMs?: number) =>
  invocationRecordOf('req-1', 'env-1', initDurationMs !== undefined, 0, 1000, 1128.83, initDurationMs, 128.83, 128, 74, 'x86_64', outcome,
    outcome === 'success' ? { ok: true, payload: '1' } : { ok: false, error: { errorType: outcome === 'timeout' ? 'Sandbox.Timedout' : 'Error', errorMessage: 'x', trace: [] } },
    'RequestResponse', 1, false, 128.83, 10, 1, false);

const app: LogLine = { atMs: 1010, text: '{"timestamp":"1970-01-01T00:00:01.010Z","level":"INFO","requestId":"req-1","message":"hi"}', source: 'function' };
const parsed = (lines: LogLine[]) => lines.map((l) => JSON.parse(l.text) as { type?: string; time?: string; record?: Record<string, unknown>; level?: string });

describe('JSON system logs', () => {
  it('replaces START/END/REPORT with platform.start and platform.report, whose figures are the REPORT line\'s', () => {
    const r = record('success', 166.62);
    const text = invocationLogs(r, [], [app]);
    const events = parsed(jsonSystemLogs(text, r, { functionName: 'fn', systemLogLevel: 'INFO' }));
    expect(events.map((e) => e.type ?? e.level)).toEqual(['platform.start', 'INFO', 'platform.report']);
    expect(events[0]).toEqual({ time: '1970-01-01T00:00:01.000Z', type: 'platform.start', record: { requestId: 'req-1', version: '$LATEST' } });
    expect(events[2]?.record).toEqual({
      requestId: 'req-1',
      metrics: { durationMs: 128.83, billedDurationMs: r.billedDurationMs, memorySizeMB: 128, maxMemoryUsedMB: 74, initDurationMs: 166.62 },
      status: 'success',
    });
    expect(text.at(-1)?.text).toContain(`Billed Duration: ${r.billedDurationMs} ms`);
  });

  it('at DEBUG adds platform.initRuntimeDone, platform.initReport and platform.runtimeDone', () => {
    const r = record('success', 50);
    const events = parsed(jsonSystemLogs(invocationLogs(r, [], []), r, { functionName: 'fn', systemLogLevel: 'DEBUG' }));
    expect(events.map((e) => e.type)).toEqual(['platform.initRuntimeDone', 'platform.initReport', 'platform.start', 'platform.runtimeDone', 'platform.report']);
    expect(events[1]?.record).toEqual({ initializationType: 'on-demand', phase: 'init', status: 'success', metrics: { durationMs: 50 } });
    expect(events[3]?.record).toEqual({ requestId: 'req-1', status: 'success', metrics: { durationMs: 128.83 } });
  });

  it('turns INIT_START into platform.initStart with the runtime version', () => {
    const r = record('success', 50);
    const initStart: LogLine = { atMs: 900, text: 'INIT_START Runtime Version: nodejs:22.v47\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc', source: 'platform' };
    const events = parsed(jsonSystemLogs(invocationLogs(r, [initStart], []), r, { functionName: 'fn', systemLogLevel: 'INFO' }));
    expect(events[0]).toEqual({
      time: '1970-01-01T00:00:00.900Z',
      type: 'platform.initStart',
      record: { initializationType: 'on-demand', phase: 'init', runtimeVersion: 'nodejs:22.v47', runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:abc', functionName: 'fn', functionVersion: '$LATEST' },
    });
  });

  it('at WARN keeps only what did not succeed: a timeout\'s runtimeDone and report, without the text notice', () => {
    const r = record('timeout');
    const notice: LogLine = { atMs: 1128, text: '1970-01-01T00:00:01.128Z req-1 Task timed out after 3.00 seconds', source: 'platform' };
    const lines = invocationLogs(r, [], [app, notice], { kind: 'timeout' });
    const warn = parsed(jsonSystemLogs(lines, r, { functionName: 'fn', systemLogLevel: 'WARN', status: { kind: 'timeout' } }));
    expect(warn.map((e) => e.type ?? e.level)).toEqual(['INFO', 'platform.runtimeDone', 'platform.report']);
    expect(warn[2]?.record?.status).toBe('timeout');
    const ok = record('success');
    expect(parsed(jsonSystemLogs(invocationLogs(ok, [], []), ok, { functionName: 'fn', systemLogLevel: 'WARN' }))).toEqual([]);
  });

  it('reports a function error with status error and its type', () => {
    const r = record('error');
    const events = parsed(jsonSystemLogs(invocationLogs(r, [], []), r, { functionName: 'fn', systemLogLevel: 'INFO' }));
    expect(events.at(-1)?.record).toMatchObject({ status: 'error', errorType: 'Error' });
  });
});
