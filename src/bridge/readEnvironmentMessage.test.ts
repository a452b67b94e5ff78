import { describe, expect, it } from 'vitest';
import { readEnvironmentMessage } from './readEnvironmentMessage';

describe('readEnvironmentMessage treats what the sandbox sends as untrusted', () => {
  it.each<[string, unknown]>([
    ['not an object', 'hello'],
    ['unknown type', { t: 'takeOver' }],
    ['payload not a string', { t: 'invokeDone', requestId: 'r', outcome: { kind: 'success', payload: {} } }],
    ['error without type', { t: 'initFailed', error: { errorMessage: 'x' } }],
    ['unknown outcome', { t: 'invokeDone', requestId: 'r', outcome: { kind: 'win' } }],
    ['request id not a string', { t: 'invokeDone', requestId: 7, outcome: { kind: 'success', payload: '1' } }],
  ])('rejects %s', (_name, data) => {
    expect(readEnvironmentMessage(data, 0)).toBeNull();
  });

  it('reads restoreLoaded (SnapStart) as a bare signal: nothing it carries is kept', () => {
    expect(readEnvironmentMessage({ t: 'restoreLoaded', logs: [{ atMs: 1, text: 'replayed init output' }], durationMs: 1 }, 0)).toEqual({ t: 'restoreLoaded', logs: [] });
  });

  it('accepts a well-formed result, dropping malformed log lines and capping long ones', () => {
    const m = readEnvironmentMessage(
      {
        t: 'invokeDone',
        requestId: 'r',
        cpuMs: -4,
        outcome: { kind: 'error', error: { errorType: 'Error', errorMessage: 'x', trace: ['a', 5] } },
        logs: [{ atMs: 1, text: 'ok' }, { text: 7 }, { atMs: 'x', text: 'y'.repeat(300_000) }],
      },
      99,
    );
    expect(m).toMatchObject({ t: 'invokeDone', cpuMs: 0, outcome: { kind: 'error', error: { trace: ['a'] } } });
    expect(m?.logs.map((l) => [l.atMs, l.text.length])).toEqual([
      [1, 2],
      [99, 256 * 1024],
    ]);
  });

  it('keeps at most about 1 MiB of log text per message and says, as a platform line, what it dropped', () => {
    const logs = Array.from({ length: 5000 }, (_, i) => ({ atMs: i, text: `${i} `.padEnd(1000, 'x') }));
    const m = readEnvironmentMessage({ t: 'initDone', logs }, 5);
    const lines = m?.logs ?? [];
    const chars = lines.slice(0, -1).reduce((n, l) => n + l.text.length, 0);
    expect(chars).toBeLessThanOrEqual(1024 * 1024 + 1024);
    expect(lines.at(-1)).toMatchObject({ source: 'platform', text: expect.stringMatching(/^\[playground\] \d+ log lines dropped/) as unknown });
    expect(lines.slice(0, -1).every((l) => l.source === 'function')).toBe(true);
  });
});
