import { describe, expect, it } from 'vitest';
import { EnvironmentGate, REFUSED_LIMIT } from './environmentGate';

const done = (requestId: string, extra: Record<string, unknown> = {}) => ({
  t: 'invokeDone',
  requestId,
  cpuMs: 0.5,
  outcome: { kind: 'success', payload: '"genuine"' },
  logs: [],
  ...extra,
});

function readyGate(): EnvironmentGate {
  const gate = new EnvironmentGate();
  gate.initSent(100);
  expect(gate.receive({ t: 'initDone', logs: [] }, 130)).toMatchObject({ kind: 'initDone', initDurationMs: 30 });
  return gate;
}

describe('EnvironmentGate: the platform measures, the environment only answers', () => {
  it('times Init on the app clock, whatever the environment claims', () => {
    const gate = new EnvironmentGate();
    gate.initSent(1000);
    const v = gate.receive({ t: 'initDone', initDurationMs: 86_400_000, logs: [] }, 1042);
    expect(v).toEqual({ kind: 'initDone', initDurationMs: 42, logs: [] });
  });

  it('a runtime that boots first (Python on Pyodide): Init is timed from its runtimeReady, which counts once and only during Init', () => {
    const gate = new EnvironmentGate();
    expect(gate.receive({ t: 'runtimeReady' }, 50)).toEqual({ kind: 'refused' });
    gate.initSent(1000);
    expect(gate.receive({ t: 'runtimeReady' }, 2600)).toEqual({ kind: 'runtimeReady', bootMs: 1600 });
    expect(gate.receive({ t: 'runtimeReady' }, 2700)).toEqual({ kind: 'refused' });
    expect(gate.receive({ t: 'initDone', logs: [] }, 2640)).toEqual({ kind: 'initDone', initDurationMs: 40, logs: [] });
    expect(gate.receive({ t: 'runtimeReady' }, 2800)).toEqual({ kind: 'refused' });
  });

  it('times an invocation between send and receive: a claimed 1 ms for 800 ms of work reads 800 ms', () => {
    const gate = readyGate();
    gate.invokeSent('req-1', 2000);
    const v = gate.receive(done('req-1', { durationMs: 1, cpuMs: 1 }), 2800);
    expect(v).toMatchObject({ kind: 'invokeDone', durationMs: 800 });
  });

  it('bounds the reported CPU time by the measured duration', () => {
    const gate = readyGate();
    gate.invokeSent('req-1', 0);
    expect(gate.receive(done('req-1', { cpuMs: 1e9 }), 10)).toMatchObject({ durationMs: 10, cpuMs: 10 });
  });

  it('refuses a completion for another request id, and the genuine one still lands', () => {
    const gate = readyGate();
    gate.invokeSent('req-1', 0);
    expect(gate.receive(done('req-other', { outcome: { kind: 'success', payload: '"forged"' } }), 1)).toEqual({ kind: 'refused' });
    expect(gate.receive(done('req-1'), 5)).toMatchObject({ kind: 'invokeDone', requestId: 'req-1', outcome: { payload: '"genuine"' } });
  });

  it('refuses a completion with no invocation in flight, and duplicates', () => {
    const gate = readyGate();
    expect(gate.receive(done('req-1'), 1)).toEqual({ kind: 'refused' });
    gate.invokeSent('req-1', 2);
    expect(gate.receive(done('req-1'), 3)).toMatchObject({ kind: 'invokeDone' });
    expect(gate.receive(done('req-1'), 4)).toEqual({ kind: 'refused' });
  });

  it('refuses a second initDone and an initDone during an invocation', () => {
    const gate = readyGate();
    expect(gate.receive({ t: 'initDone', logs: [] }, 1)).toEqual({ kind: 'refused' });
    gate.invokeSent('r', 2);
    expect(gate.receive({ t: 'initFailed', error: { errorType: 'E', errorMessage: 'm', trace: [] }, logs: [] }, 3)).toEqual({ kind: 'refused' });
    expect(gate.invoking()).toBe(true);
  });

  it('calls a flood of well-formed but unsolicited messages a flood, without reading their logs', () => {
    const gate = readyGate();
    const logs = new Proxy([], {
      get() {
        throw new Error('logs of a refused message were read');
      },
    });
    const verdicts = Array.from({ length: REFUSED_LIMIT + 1 }, () => gate.receive({ t: 'initDone', logs }, 1).kind);
    expect(verdicts.slice(0, REFUSED_LIMIT).every((k) => k === 'refused')).toBe(true);
    expect(verdicts.at(-1)).toBe('flood');
  });

  it('counts malformed messages toward the same limit', () => {
    const gate = readyGate();
    for (let i = 0; i < REFUSED_LIMIT; i++) gate.receive('garbage', 1);
    expect(gate.receive({ t: 'nonsense' }, 1)).toEqual({ kind: 'flood' });
  });
});

describe('EnvironmentGate: a SnapStart restore', () => {
  const hooksLog = { t: 'initDone', logs: [{ atMs: 1, text: 'after restore' }] };
  const failed = { t: 'initFailed', error: { errorType: 'Runtime.ExitError', errorMessage: 'hook failed', trace: [] }, logs: [] };

  const cases: { name: string; restore: boolean; messages: [unknown, number][]; verdicts: unknown[] }[] = [
    {
      name: 'restoreLoaded, then initDone: the measured part runs from restoreLoaded (the replay before it is not counted)',
      restore: true,
      messages: [
        [{ t: 'restoreLoaded' }, 900],
        [hooksLog, 975],
      ],
      verdicts: [{ kind: 'restoreLoaded' }, { kind: 'initDone', initDurationMs: 875, restoreMs: 75, logs: [{ atMs: 1, text: 'after restore', source: 'function' }] }],
    },
    {
      name: 'an initDone before restoreLoaded is refused (the restore has not begun), and the genuine sequence still lands',
      restore: true,
      messages: [
        [hooksLog, 500],
        [{ t: 'restoreLoaded' }, 600],
        [hooksLog, 610],
      ],
      verdicts: [{ kind: 'refused' }, { kind: 'restoreLoaded' }, expect.objectContaining({ kind: 'initDone', restoreMs: 10 })],
    },
    {
      name: 'a second restoreLoaded is refused',
      restore: true,
      messages: [
        [{ t: 'restoreLoaded' }, 200],
        [{ t: 'restoreLoaded' }, 300],
        [hooksLog, 400],
      ],
      verdicts: [{ kind: 'restoreLoaded' }, { kind: 'refused' }, expect.objectContaining({ kind: 'initDone', restoreMs: 200 })],
    },
    {
      name: 'restoreLoaded is refused unless a restore init is in flight',
      restore: false,
      messages: [
        [{ t: 'restoreLoaded' }, 200],
        [{ t: 'initDone', logs: [] }, 300],
      ],
      verdicts: [{ kind: 'refused' }, { kind: 'initDone', initDurationMs: 200, logs: [] }],
    },
    {
      name: 'a failure is taken before or after restoreLoaded',
      restore: true,
      messages: [[failed, 150]],
      verdicts: [expect.objectContaining({ kind: 'initFailed', initDurationMs: 50 })],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const gate = new EnvironmentGate();
      gate.initSent(100, c.restore);
      expect(c.messages.map(([m, at]) => gate.receive(m, at))).toEqual(c.verdicts);
    });
  }

  it('restoreLoaded is refused once the environment is idle or invoking', () => {
    const gate = new EnvironmentGate();
    gate.initSent(0, true);
    gate.receive({ t: 'restoreLoaded' }, 1);
    gate.receive({ t: 'initDone', logs: [] }, 2);
    expect(gate.receive({ t: 'restoreLoaded' }, 3)).toEqual({ kind: 'refused' });
    gate.invokeSent('r', 4);
    expect(gate.receive({ t: 'restoreLoaded' }, 5)).toEqual({ kind: 'refused' });
  });
});
