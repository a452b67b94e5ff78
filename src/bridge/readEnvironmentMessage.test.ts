import { describe, expect, it } from 'vitest';
import { readEnvironmentMessage } from './readEnvironmentMessage';

describe('readEnvironmentMessage treats what the sandbox sends as untrusted', () => {
  it.each<[string, unknown]>([
    ['not an object', 'hello'],
    ['unknown type', { t: 'takeOver' }],
    ['negative duration', { t: 'invokeDone', requestId: 'r', durationMs: -1, outcome: { kind: 'success', payload: '1' } }],
    ['infinite duration', { t: 'initDone', initDurationMs: Infinity }],
    ['payload not a string', { t: 'invokeDone', requestId: 'r', durationMs: 1, outcome: { kind: 'success', payload: {} } }],
    ['error without type', { t: 'initFailed', initDurationMs: 1, error: { errorMessage: 'x' } }],
    ['unknown outcome', { t: 'invokeDone', requestId: 'r', durationMs: 1, outcome: { kind: 'win' } }],
  ])('rejects %s', (_name, data) => {
    expect(readEnvironmentMessage(data, 0)).toBeNull();
  });

  it('accepts a well-formed result, dropping malformed log lines and capping long ones', () => {
    const m = readEnvironmentMessage(
      {
        t: 'invokeDone',
        requestId: 'r',
        durationMs: 2.5,
        outcome: { kind: 'error', error: { errorType: 'Error', errorMessage: 'x', trace: ['a', 5] } },
        logs: [{ atMs: 1, text: 'ok' }, { text: 7 }, { atMs: 'x', text: 'y'.repeat(300_000) }],
      },
      99,
    );
    expect(m).toMatchObject({ t: 'invokeDone', durationMs: 2.5, outcome: { kind: 'error', error: { trace: ['a'] } } });
    expect(m?.logs.map((l) => [l.atMs, l.text.length])).toEqual([
      [1, 2],
      [99, 256 * 1024],
    ]);
  });
});
